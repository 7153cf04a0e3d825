// Every topic's answer card in every language: the same checks as the guided conversation's cards
// (SDK parse, schema, no `${`, no raw key, size), the facts' numbers, its sources, [Start guided check].
import { expect } from 'chai';
import { SubmitDataSchema, renderFaqAnswerCard, type CardAttachment } from '../../cards/index.js';
import { FAQ_TOPICS, TOPIC_IDS, type TopicId } from '../../src/faq/index.js';
import {
  AS_OF_NOTES,
  EXPIRED_WINDOW_DAYS,
  LINK_URLS,
  NCE_REFUND_DAYS,
  SUBSCRIPTION_LIMIT_LOWER,
  SUBSCRIPTION_LIMIT_UPPER,
} from '../../src/guidance/index.js';
import { LOCALES, createTranslator } from '../../src/i18n/index.js';
import { assertValidCard, elementsOfType, schemaAvailable, submitActions } from '../cards/cardChecks.js';

const translator = createTranslator();

/** An answer card is read during a call: small, far under Teams' ~40 KB. */
const FAQ_CARD_MAX_BYTES = 6_000;

const texts = (card: CardAttachment): string[] => elementsOfType(card, 'TextBlock').map((b) => String(b.text));

/** The numbers each answer must state, taken from the one place the guidance engine keeps them. */
const NUMBERS: Partial<Record<TopicId, number[]>> = {
  refunds: [NCE_REFUND_DAYS],
  expiredWindow: [EXPIRED_WINDOW_DAYS],
  subscriptionLimit: [SUBSCRIPTION_LIMIT_LOWER, SUBSCRIPTION_LIMIT_UPPER],
};

describe('FAQ answer cards', () => {
  before(function () {
    if (!schemaAvailable()) this.test!.parent!.title += ' (JSON schema check skipped: ../shared/schemas is missing)';
  });

  for (const locale of LOCALES) {
    const t = translator.t(locale);
    it(`[${locale}] every topic renders a valid card with its answer, sources and [Start guided check]`, () => {
      let largest = 0;
      for (const topic of TOPIC_IDS) {
        for (const inCheck of [false, true]) {
          const card = renderFaqAnswerCard(t, topic, { inCheck });
          largest = Math.max(largest, assertValidCard(card, `${locale} ${topic}${inCheck ? ' (in check)' : ''}`, { maxBytes: FAQ_CARD_MAX_BYTES }));

          const [title, answer, sources, note] = texts(card);
          expect(title, topic).to.equal(String(t(`faq:topics.${topic}.title`)));
          expect(answer, topic).to.equal(String(t(`faq:topics.${topic}.answer`, FAQ_TOPICS[topic].params)));
          for (const n of NUMBERS[topic] ?? []) expect(answer, `${topic} states ${n}`).to.include(String(n));
          expect(note, topic).to.equal(inCheck ? String(t('faq:card.inCheck')) : undefined);

          // Every as-of note shows its month and links its doc; a seed links the live article.
          const spec = FAQ_TOPICS[topic];
          for (const id of spec.notes) {
            const { asOf, linkId } = AS_OF_NOTES[id];
            const date = new Date(`${asOf}-01T00:00:00Z`);
            const month = String(t('faq:card.docsAsOf', { date }));
            expect(sources, `${topic}: note ${id}`).to.include(`${month}`).and.include(`(${LINK_URLS[linkId]})`);
          }
          if (spec.seeds.length > 0) expect(sources, topic).to.include(`(${LINK_URLS.moveArticle})`);
          for (const id of spec.links) expect(sources, topic).to.include(`(${LINK_URLS[id]})`);

          const buttons = submitActions(card);
          expect(buttons.map((b) => SubmitDataSchema.parse(b.data)), topic).to.deep.equal([{ action: 'command', command: 'start' }]);
          expect(buttons[0]!.title).to.equal(String(t('cards:button.start')));
        }
      }
      expect(largest).to.be.below(FAQ_CARD_MAX_BYTES);
    });
  }

  it('answers in the language of the translator it is given', () => {
    const titles = LOCALES.map((l) => texts(renderFaqAnswerCard(translator.t(l), 'gdap'))[0]);
    expect(new Set(titles).size).to.equal(LOCALES.length);
  });
});

describe('FAQ topics', () => {
  it('cover at least the 15 subjects partners ask most, each backed by a source', () => {
    expect(TOPIC_IDS.length).to.be.at.least(15);
    for (const topic of TOPIC_IDS) {
      const { seeds, notes } = FAQ_TOPICS[topic];
      expect(seeds.length + notes.length, `${topic} has a source`).to.be.at.least(1);
    }
  });

  it('answer in 1–3 short sentences in every language', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const t = translator.t(locale);
      for (const topic of TOPIC_IDS) {
        const answer = String(t(`faq:topics.${topic}.answer`, FAQ_TOPICS[topic].params));
        // Sentence ends: . ! ? followed by a space or the end (not "365."), and 。！？.
        const sentences = answer.split(/(?<=[.!?])\s+(?=[A-Z0-9])|(?<=[。！？])/u).filter((s) => s.trim());
        const limit = locale === 'en' ? 320 : 160;
        if (sentences.length < 1 || sentences.length > 3) problems.push(`${locale} ${topic}: ${sentences.length} sentences`);
        if (answer.length > limit) problems.push(`${locale} ${topic}: ${answer.length} characters (limit ${limit})`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
