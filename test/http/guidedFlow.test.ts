import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { teamsActivity } from '../support/activity.js';
import { isResultCard, questionIdOf, tFor, textOf } from '../support/conversation.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { assertValidCard } from '../cards/cardChecks.js';
import { TAIWAN_INDIRECT } from '../support/cases.js';

type Attachment = { contentType: string; content: Record<string, unknown> };

/** One Teams personal chat against the real HTTP endpoint; replies come back in the body (expectReplies). */
function chat(running: RunningApp, locale: string) {
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
  const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
  return async (input: { text?: string; value?: unknown }) => {
    const res = await postJson(`${running.url}/api/messages`, teamsActivity({ conversation, from, locale, ...input, text: input.text ?? '' }));
    expect(res.status).to.equal(200);
    const cards = ((res.json?.activities ?? []) as Array<{ attachments?: Attachment[] }>).flatMap((a) => a.attachments ?? []);
    cards.forEach((c) => assertValidCard(c, 'card over HTTP'));
    return cards.map((c) => c.content);
  };
}


describe('a guided check over HTTP, as Teams sends it', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp({}, { today: () => '2026-11-21' });
  });
  after(() => running.close());

  for (const locale of LOCALES) {
    it(`clicking only, ${locale}: welcome → every question → result`, async () => {
      const send = chat(running, locale);
      const t = tFor(locale as Locale);
      const welcome = await send({ text: 'hi' });
      expect(textOf(welcome[0])).to.include(t('cards:welcome.what'));
      let card = (await send({ value: { action: 'command', command: 'start' } })).at(-1)!;
      const asked: string[] = [];
      while (!isResultCard(card)) {
        const id = questionIdOf(card)!;
        asked.push(id);
        const value = { action: 'answer', questionId: id, answer: TAIWAN_INDIRECT[id] };
        card = (await send({ value })).at(-1)!;
        expect(asked.length).to.be.below(15);
      }
      expect(asked).to.deep.equal(Object.keys(TAIWAN_INDIRECT));
      const text = textOf(card);
      expect(text).to.include(t('guidance:path.partnerTransfer'));
      expect(text).to.include(t('guidance:step.createTransferByProvider')).and.include(t('guidance:actor.yourProvider'));
      expect(text).to.include(t('guidance:step.approveTransfer')).and.include(t('guidance:actor.currentProvider'));
    });

    it(`typing only, ${locale}: welcome → result`, async () => {
      const send = chat(running, locale);
      const t = tFor(locale as Locale);
      await send({ text: 'hello' });
      const startWord = (t('common:commands.start.words', { returnObjects: true }) as string[])[0]!;
      let card = (await send({ text: startWord })).at(-1)!;
      // The option's number for every choice question (full-width digits, as a CJK keyboard types them).
      let guard = 0;
      while (!isResultCard(card) && guard++ < 15) {
        const text = questionIdOf(card) === 'renewalDate' ? '2029-03-31' : locale === 'en' ? '1' : '１';
        card = (await send({ text })).at(-1)!;
      }
      expect(isResultCard(card)).to.equal(true);
      // Everything answered with the first option: a direct buyer in Africa, with GDAP and the same offer: ready.
      expect(textOf(card)).to.include(`✅ ${t('guidance:verdict.ready')}`);
    });
  }
});
