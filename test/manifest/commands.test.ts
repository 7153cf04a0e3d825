// Teams' command menu sends a command's title as the message text (after an @mention in group chats
// and channels). Every title in every command list, in English and in each localization file, must be a
// word the bot understands in that language, and must do what the command's description promises.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildLexicon, normalizeTyped } from '../../dialogs/lexicon.js';
import { MANIFEST_DIR } from '../../scripts/icons.js';
import { buildManifest } from '../../scripts/appPackage.js';
import { createTranslator, type Locale } from '../../src/i18n/index.js';
import { teamsActivity } from '../support/activity.js';
import { textOf } from '../support/conversation.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';

const manifest = buildManifest('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
const lexicon = buildLexicon();
const translator = createTranslator();

const LANGUAGES: Array<{ locale: Locale; clientLocale: string; file?: string }> = [
  { locale: 'en', clientLocale: 'en-US' },
  { locale: 'zh-CN', clientLocale: 'zh-CN', file: 'zh-cn.json' },
  { locale: 'zh-TW', clientLocale: 'zh-TW', file: 'zh-tw.json' },
];

const BOT = { id: '28:bot-app-id', name: 'CSP Move Assistant' };

/** The conversation a command list's scope stands for, as Teams describes it on the activity. */
function conversationFor(scope: string) {
  const tenantId = 'tenant-1';
  if (scope === 'personal') return { conversation: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId }, channelData: { tenant: { id: tenantId } } };
  if (scope === 'groupChat') return { conversation: { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId }, channelData: { tenant: { id: tenantId } } };
  const channel = `19:${randomUUID()}@thread.tacv2`;
  return {
    conversation: { id: `${channel};messageid=1`, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, teamsChannelId: channel, teamsTeamId: channel, channel: { id: channel }, team: { id: channel } },
  };
}

/** `text`: what the card says (texts, titles, values); `card`: the whole card, for input labels. */
type Check = (text: string, t: (key: string) => string, card: string) => boolean;

/** What each command shows, read from its card in the user's language. */
const SHOWS: Record<string, { what: string; check: Check }> = {
  start: { what: 'the first question of the guided check', check: (text, t) => text.includes(t('questions:partnerRoles.prompt')) },
  help: { what: 'the help card', check: (text, t) => text.includes(t('cards:help.title')) },
  language: { what: 'the language card', check: (text, t) => text.includes(t('cards:language.title')) },
  moves: { what: 'the list of tracked moves', check: (text, t) => text.includes(t('moves:list.empty')) },
  quick: {
    what: 'the quick form with every question on one card',
    check: (text, t, card) => text.includes(t('cards:quick.title')) && ['partnerRoles', 'purchaseChannel', 'delegatedAdmin'].every((id) => card.includes(t(`questions:${id}.short`))),
  },
};

describe('every command in the manifest works in the bot, in every language and scope', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());

  for (const { locale, clientLocale, file } of LANGUAGES) {
    const localized = file ? (JSON.parse(readFileSync(`${MANIFEST_DIR}${file}`, 'utf8')) as Record<string, string>) : {};
    const t = translator.t(locale);

    manifest.bots[0]!.commandLists!.forEach((list, i) => {
      const scope = list.scopes[0]!;
      list.commands.forEach((command, j) => {
        const title = localized[`bots[0].commandLists[${i}].commands[${j}].title`] ?? command.title;
        const meant = lexicon.commands.get(normalizeTyped(command.title));

        it(`${locale}, ${scope}: "${title}" → ${SHOWS[meant ?? '']?.what ?? 'a known command'}`, async () => {
          expect(meant, `"${command.title}" is not a command the bot knows`).to.be.a('string');
          expect(lexicon.commands.get(normalizeTyped(title)), `"${title}" should mean ${meant}`).to.equal(meant);
          const shows = SHOWS[meant!];
          expect(shows, `no expectation written for the ${meant} command`).to.not.equal(undefined);

          // In group chats and channels Teams puts the @mention before the command.
          const mention = `<at>${BOT.name}</at>`;
          const inGroup = scope !== 'personal';
          const res = await postJson(
            `${running.url}/api/messages`,
            teamsActivity({
              ...conversationFor(scope),
              recipient: BOT,
              locale: clientLocale,
              text: inGroup ? `${mention} ${title}` : title,
              entities: inGroup ? [{ type: 'mention', mentioned: BOT, text: mention }] : [],
            }),
          );
          expect(res.status).to.equal(200);
          const cards = ((res.json?.activities ?? []) as Array<{ attachments?: Array<{ content: unknown }> }>).flatMap((a) => a.attachments ?? []);
          const texts = cards.map((c) => textOf(c.content));
          const shown = cards.some((c, k) => shows!.check(texts[k]!, t, JSON.stringify(c.content)));
          expect(shown, `cards shown:\n${texts.join('\n---\n')}`).to.equal(true);
        });
      });
    });
  }
});
