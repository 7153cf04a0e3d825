// The customer message as the partner copies it: per path and per language, the customer's actions with their
// dates, nothing partner-only, no leftovers of translation, plain text that keeps its lines, within a Teams
// message; the card under it changes the language and leads to the partner's checklist.
import { expect } from 'chai';
import {
  LANGUAGE_NAMES,
  MAILTO_MAX_LENGTH,
  SubmitDataSchema,
  customerMessageText,
  inLanguage,
  renderChecklist,
  renderCustomerMessage,
} from '../../cards/index.js';
import { composeCustomerMessage } from '../../src/customerMessage/index.js';
import { LINK_URLS, type Guidance } from '../../src/guidance/index.js';
import { LOCALES, createTranslator, type Locale } from '../../src/i18n/index.js';
import { assertValidCard, cardSizeBytes, submitActions, textLeftovers } from '../cards/cardChecks.js';
import { corpus } from '../guidance/fixtures.js';
import { PATH_CASES, TODAY, guidanceOf } from './fixtures.js';
import { partnerOnlyProblems } from './partnerOnly.js';
import { MARKDOWN_SYNTAX, hardBreakProblems, plainOf } from '../support/messageText.js';

/**
 * Teams' message size as this issue states it (~28 KB, measured as UTF-16 like the card checks): the message text
 * and its card together, the same budget the card checks hold each card to (cardChecks.ts).
 */
const MESSAGE_BUDGET_BYTES = 28_000;

const translator = createTranslator();

/** What Teams receives: the text (UTF-16) and the card. */
const messageBytes = (text: string, card: unknown): number => text.length * 2 + cardSizeBytes(card);

/** What the partner copies, and what is wrong with it: leftovers, anything partner-only, markdown, lost line breaks. */
function problemsIn(sent: string, t: ReturnType<typeof translator.t>, g: Guidance): string[] {
  const text = plainOf(sent);
  const markdown = text.match(MARKDOWN_SYNTAX);
  return [
    ...textLeftovers(text, 'message'),
    ...partnerOnlyProblems(text, t, g),
    ...(markdown ? [`markdown ${JSON.stringify(markdown[0])}`] : []),
    ...hardBreakProblems(sent),
  ];
}

const commandsOf = (card: unknown) => submitActions(card).map((a) => SubmitDataSchema.parse(a.data));

describe('customer message text, per path and language', () => {
  let largest = 0;
  after(() => {
    if (process.env.CARD_SIZE_REPORT) process.stdout.write(`\nLargest customer message (text + card, UTF-16 bytes): ${largest}\n`);
  });

  for (const c of PATH_CASES) {
    for (const lng of LOCALES) {
      it(`${c.name} [${lng}]`, () => {
        const g = guidanceOf(c);
        // The partner's Teams speaks English; the message is in the customer's language.
        const { text: sent, card } = renderCustomerMessage(translator.t('en'), g, TODAY, lng);
        const t = translator.t(lng);
        expect(problemsIn(sent, t, g)).to.deep.equal([]);
        const text = plainOf(sent);
        const lines = text.split('\n');
        expect(lines[0]).to.equal(String(t(c.path === 'blocked' ? 'customer:message.titleBlocked' : 'customer:message.title')));
        expect(lines[1]).to.include(TODAY);

        // Every action, each on its own line with who does it and its date.
        const message = composeCustomerMessage(g);
        for (const a of message.actions) {
          const sentence = String(t(`customer:${a.key}`));
          const line = lines.find((l) => l.includes(sentence));
          expect(line, a.key).to.be.a('string');
          expect(line).to.include(String(t(`customer:actor.${a.actor}`)));
          if (a.due) expect(line).to.include(a.due);
        }
        for (const l of [...message.happens, ...message.avoid, ...message.confirm]) {
          if (l.params) continue; // filled in: its date shows in the text below
          expect(text, l.key).to.include(String(t(`customer:${l.key}`)));
        }
        // Every date the guidance gives the customer's side shows.
        for (const date of [...message.actions, ...message.happens].flatMap((l) => [l.due, l.from]).filter(Boolean)) expect(text).to.include(date!);
        for (const id of message.links) expect(text).to.include(LINK_URLS[id]);
        expect(message.links.length).to.be.within(1, 2);

        const bytes = messageBytes(sent, card);
        largest = Math.max(largest, bytes);
        expect(bytes).to.be.below(MESSAGE_BUDGET_BYTES);
        assertValidCard(card, `customer message card (${c.name}, ${lng})`);
      });
    }
  }

  const CORPUS = corpus();
  for (const lng of LOCALES) {
    it(`${lng}: nothing partner-only, no leftovers, no markdown and within a Teams message for all ${CORPUS.length} guidances of the corpus`, () => {
      const t = translator.t(lng);
      const problems: string[] = [];
      for (const g of CORPUS) {
        const { text, card } = renderCustomerMessage(translator.t('zh-TW'), g, TODAY, lng);
        const found = problemsIn(text, t, g);
        if (found.length > 0) problems.push(`${found.join('; ')} in:\n${text}`);
        const bytes = messageBytes(text, card);
        largest = Math.max(largest, bytes);
        if (bytes >= MESSAGE_BUDGET_BYTES) problems.push(`${bytes} bytes:\n${text}`);
      }
      expect(problems.slice(0, 3)).to.deep.equal([]);
    });
  }
});

describe("the partner's checklist as message text", () => {
  const CORPUS = corpus();
  for (const lng of LOCALES) {
    it(`${lng}: keeps its lines and holds no markdown, for all ${CORPUS.length} guidances of the corpus`, () => {
      const problems: string[] = [];
      for (const g of CORPUS) {
        const { text: sent } = renderChecklist(translator.t(lng), g, TODAY);
        const markdown = plainOf(sent).match(MARKDOWN_SYNTAX);
        problems.push(...hardBreakProblems(sent), ...(markdown ? [`markdown ${JSON.stringify(markdown[0])} in ${plainOf(sent)}`] : []));
      }
      expect(problems.slice(0, 3)).to.deep.equal([]);
    });
  }
});

describe('customer message card', () => {
  const g = guidanceOf(PATH_CASES[0]!);

  for (const partner of LOCALES) {
    it(`[${partner}] speaks the partner's language and offers the three languages, the shown one marked`, () => {
      const t = translator.t(partner);
      for (const lng of LOCALES) {
        const { card } = renderCustomerMessage(t, g, TODAY, lng);
        const json = JSON.stringify(card.content);
        expect(json).to.include(JSON.stringify(String(t('customer:card.title'))));
        expect(json).to.include(String(t('customer:card.text', { language: LANGUAGE_NAMES[lng] })).slice(0, 12));
        const languages = submitActions(card).filter((a) => (a.data as { locale?: string }).locale !== undefined);
        expect(languages.map((a) => a.data)).to.deep.equal(LOCALES.map((l) => ({ action: 'command', command: 'share', locale: l })));
        expect(languages.map((a) => a.title)).to.deep.equal(LOCALES.map((l) => (l === lng ? `✓ ${LANGUAGE_NAMES[l]}` : LANGUAGE_NAMES[l])));
        // The partner checklist is one click away.
        expect(commandsOf(card).map((d) => (d.action === 'command' ? d.command : ''))).to.include('checklist');
      }
    });
  }

  it('re-written in another language: the same message, every sentence in that language', () => {
    const texts = Object.fromEntries(LOCALES.map((l) => [l, plainOf(renderCustomerMessage(translator.t('en'), g, TODAY, l).text)])) as Record<Locale, string>;
    expect(new Set(Object.values(texts)).size).to.equal(3);
    for (const l of LOCALES) {
      // The text the partner's translator writes in the customer's language is exactly the customer-language one.
      expect(texts[l]).to.equal(customerMessageText(translator.t(l), composeCustomerMessage(g), TODAY));
      expect(texts[l]).to.equal(customerMessageText(inLanguage(translator.t('zh-CN'), l), composeCustomerMessage(g), TODAY));
      // Same shape: the same lines, the same dates and links, in the same places.
      const shape = (s: string) => s.split('\n').map((line) => (line.match(/\d{4}-\d{2}-\d{2}|https:\/\/\S+/g) ?? []).join(' '));
      expect(shape(texts[l])).to.deep.equal(shape(texts.en));
    }
    expect(texts['zh-TW']).to.match(/[訂閱]/).and.not.to.match(/订阅/);
    expect(texts['zh-CN']).to.match(/订阅/).and.not.to.match(/訂閱/);
  });

  it('mails the message in the customer language, cut to a mail link the partner can complete from Teams', () => {
    for (const lng of LOCALES) {
      const { text: sent, card } = renderCustomerMessage(translator.t('en'), g, TODAY, lng);
      const text = plainOf(sent);
      const mailto = (card.content.actions as Array<{ type: string; url?: string }>).find((a) => a.type === 'Action.OpenUrl')!.url!;
      expect(mailto.length).to.be.at.most(MAILTO_MAX_LENGTH);
      const url = new URL(mailto);
      expect(url.searchParams.get('subject')).to.equal(String(translator.t(lng)('customer:message.title')));
      const body = url.searchParams.get('body')!;
      expect(body.split('\n')[0]).to.equal(text.split('\n')[0]);
      // Shortened (Chinese takes nine characters per character in a link): the partner is told, in the partner's language.
      if (body !== text) expect(body.endsWith(String(translator.t('en')('customer:mail.truncated')))).to.equal(true);
    }
  });

  it("the partner's checklist: the steps with their actors and dates, and the way back to the customer message", () => {
    const t = translator.t('en');
    const { text: sent, card } = renderChecklist(t, g, TODAY);
    assertValidCard(card, 'checklist');
    const text = plainOf(sent);
    expect(hardBreakProblems(sent)).to.deep.equal([]);
    expect(text.match(MARKDOWN_SYNTAX), 'no markdown in the checklist either').to.equal(null);
    expect(text.split('\n')[0]).to.equal(String(t('cards:share.title')));
    for (const step of g.steps) {
      expect(text).to.include(String(t(`guidance:actor.${step.actor}`)));
      if (step.due) expect(text).to.include(step.due);
    }
    expect(commandsOf(card)).to.deep.equal([{ action: 'command', command: 'share' }]);
    expect(JSON.stringify(card.content)).to.include(String(t('customer:checklist.title')));
  });
});
