// Every topic's answer card in every language: the same checks as the guided conversation's cards
// (SDK parse, schema, no `${`, no raw key, size), its sources with the months edition 2 gives, the
// "content checked" footnote, and [Start guided check]. Also what every FAQ text must and must not say.
import { expect } from 'chai';
import { SubmitDataSchema, renderFaqAnswerCard, type CardAttachment } from '../../cards/index.js';
import { FAQ_TOPICS, POLICY_PARAMS, TOPIC_IDS } from '../../src/faq/index.js';
import { CONTENT_CHECKED, LINK_URLS } from '../../src/guidance/index.js';
import { LOCALES, createTranslator } from '../../src/i18n/index.js';
import en from '../../locales/en/faq.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN/faq.json' with { type: 'json' };
import zhTW from '../../locales/zh-TW/faq.json' with { type: 'json' };
import { assertValidCard, elementsOfType, schemaAvailable, submitActions } from '../cards/cardChecks.js';

const translator = createTranslator();

/** An answer card is read during a call: small, far under the 28 KB every card is held to (cardChecks.ts). */
const FAQ_CARD_MAX_BYTES = 8_000;

const texts = (card: CardAttachment): string[] => elementsOfType(card, 'TextBlock').map((b) => String(b.text));

type Tree = { [key: string]: string | string[] | Tree };

/** Every answer text of a faq.json (general answers, variants, shared parts), by key. */
function answerTexts(file: Tree): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (node: Tree, path: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = path ? `${path}.${k}` : k;
      if (typeof v === 'string') {
        if (/^(topics\.\w+\.(answer|when\.\w+)|shared\.\w+)$/.test(key)) out.push([key, v]);
      } else if (!Array.isArray(v)) walk(v, key);
    }
  };
  walk(file, '');
  return out;
}

const FILES: Record<string, Tree> = { en: en as Tree, 'zh-CN': zhCN as Tree, 'zh-TW': zhTW as Tree };

describe('FAQ answer cards', () => {
  before(function () {
    if (!schemaAvailable()) this.test!.parent!.title += ' (JSON schema check skipped: ../shared/schemas is missing)';
  });

  for (const locale of LOCALES) {
    const t = translator.t(locale);
    it(`[${locale}] every topic renders a valid card: answer, its docs linked, the checked month, [Start guided check]`, () => {
      let largest = 0;
      for (const topic of TOPIC_IDS) {
        for (const inCheck of [false, true]) {
          const card = renderFaqAnswerCard(t, topic, { inCheck });
          largest = Math.max(largest, assertValidCard(card, `${locale} ${topic}${inCheck ? ' (in check)' : ''}`, { maxBytes: FAQ_CARD_MAX_BYTES }));

          const [title, answer, sources, note, carriesOn] = texts(card);
          expect(title, topic).to.equal(String(t(`faq:topics.${topic}.title`, { ...POLICY_PARAMS })));
          expect(answer, topic).to.equal(String(t(`faq:topics.${topic}.answer`, { ...POLICY_PARAMS })));
          expect(answer, `${topic}: every number filled in`).not.to.match(/\{\{|\}\}/);
          expect(carriesOn, topic).to.equal(inCheck ? String(t('faq:card.inCheck')) : undefined);

          // Each doc the answer rests on, linked; a seed fact links the live article it came from.
          for (const source of FAQ_TOPICS[topic].sources) {
            const id = source.doc ?? 'moveArticle';
            expect(sources, `${topic}: ${id}`).to.include(`[${String(t(`guidance:link.${id}`))}](${LINK_URLS[id]})`);
            if (source.since) {
              const month = String(t('cards:result.sinceBadge', { date: new Date(`${source.since}-01T00:00:00Z`) }));
              expect(sources, `${topic}: ${id} since ${source.since}`).to.include(month);
            }
          }
          const checks = FAQ_TOPICS[topic].sources.some((s) => s.check);
          expect(sources.includes(String(t('cards:result.checkBadge')).trim()), `${topic}: ⚠ only where edition 2 says check`).to.equal(checks);
          // The date the content was checked, never a made-up month.
          expect(note).to.equal(String(t('cards:result.sourcesNote', { checked: new Date(`${CONTENT_CHECKED}-01T00:00:00Z`) })));

          const buttons = submitActions(card);
          expect(buttons.map((b) => SubmitDataSchema.parse(b.data)), topic).to.deep.equal([{ action: 'command', command: 'start' }]);
          expect(buttons[0]!.title).to.equal(String(t('cards:button.start')));
        }
      }
      expect(largest).to.be.below(FAQ_CARD_MAX_BYTES);
    });
  }

  it('answers in the language of the translator it is given', () => {
    const answers = LOCALES.map((l) => texts(renderFaqAnswerCard(translator.t(l), 'refunds'))[1]);
    expect(new Set(answers).size).to.equal(LOCALES.length);
  });

  it('shows the footnote with the month the content was checked (December 2026), in English', () => {
    const note = texts(renderFaqAnswerCard(translator.t('en'), 'gdap'))[3];
    expect(note).to.include('December 2026');
    const sources = texts(renderFaqAnswerCard(translator.t('en'), 'gdap'))[2];
    expect(sources).to.include('(since October 2023)').and.include('(https://learn.microsoft.com/partner-center/customers/gdap-faq)');
  });
});

describe('FAQ texts', () => {
  it('cover the subjects partners and customers ask on a call, each backed by a source', () => {
    for (const topic of ['roles', 'steps', 'refunds', 'lifecycle', 'dataLoss', 'downtime', 'duration', 'overlap', 'vianet', 'subscriptionLimit']) {
      expect(TOPIC_IDS, topic).to.include(topic);
    }
    for (const topic of TOPIC_IDS) expect(FAQ_TOPICS[topic].sources.length, `${topic} has a source`).to.be.at.least(1);
  });

  it('say it in 1–3 short sentences, in every language', () => {
    const problems: string[] = [];
    for (const [locale, file] of Object.entries(FILES)) {
      for (const [key, text] of answerTexts(file)) {
        // Sentence ends: . ! ? followed by a space and a capital or digit (not "365."), and 。！？.
        const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z0-9])|(?<=[。！？])/u).filter((s) => s.trim());
        const limit = locale === 'en' ? 470 : 220;
        if (sentences.length < 1 || sentences.length > 3) problems.push(`${locale} ${key}: ${sentences.length} sentences`);
        if (text.length > limit) problems.push(`${locale} ${key}: ${text.length} characters (limit ${limit})`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('have the same answer texts in every language', () => {
    const keys = (file: Tree) => answerTexts(file).map(([k]) => k).sort();
    expect(keys(FILES['zh-CN']!)).to.deep.equal(keys(FILES.en!));
    expect(keys(FILES['zh-TW']!)).to.deep.equal(keys(FILES.en!));
  });

  // GUIDANCE edition 2 §11: what edition 1 said wrong must not come back through the FAQ.
  const EDITION_1 = [
    { wrong: /near (its|their|the) expir|cancel near/i, why: '§11.2: "cancel near expiry, no refund"' },
    { wrong: /docs (differ|disagree)|one says \d+, another/i, why: '§11.6: 150 vs 300 is no disagreement' },
    { wrong: /Account admin or Sales agent role|ask an Account admin/i, why: '§11.1: the roles header is not who does the steps' },
    { wrong: /Billing agent/, why: '§11.1: Billing agent is no role of edition 2' },
    { wrong: /mainland China \(21Vianet\)|China.{0,20}is 21Vianet/i, why: '§11.10: China is not 21Vianet' },
    { wrong: /no automatic move|each customer moves by hand/i, why: '§11.5: the EA channel transfer exists' },
    { wrong: /as of|since 2023,|began in May 2023/i, why: '§11.12: no made-up months' },
    { wrong: /contact support.{0,40}(expired|offline|lost access)/i, why: '§11.4: users offline means buy today' },
    { wrong: /billing frequency|monthly or annual billing/i, why: 'edition 1 topic without a source' },
  ];

  it('say nothing edition 1 got wrong (GUIDANCE §11)', () => {
    const problems: string[] = [];
    for (const [key, text] of answerTexts(FILES.en!)) {
      for (const { wrong, why } of EDITION_1) if (wrong.test(text)) problems.push(`${key}: ${why}: ${text}`);
    }
    expect(problems).to.deep.equal([]);
  });

  /**
   * Texts that state a fact and ask nobody to act (a phase, a limit, what a transfer doesn't do). Every
   * other text has a step in it, and names who takes it (GUIDANCE header: a step with no actor is a defect).
   */
  const FACT_ONLY = new Set([
    'shared.transferNothingChanges',
    'topics.gdap.when.ea',
    'topics.refunds.when.ended',
    'topics.refunds.when.transfer',
    'topics.overlap.when.transfer',
    'topics.stopRenewal.when.openLicense',
    'topics.stopRenewal.when.deadline',
    'topics.stopRenewal.when.ended',
    'topics.lifecycle.answer',
    'topics.lifecycle.when.upcoming',
    'topics.partnerTransfer.when.over150',
    'topics.subscriptionLimit.when.upTo150',
    'topics.azurePlan.answer',
  ]);

  it('name who acts in every text with a step: you, the customer or its admin, the current partner or owner, a provider', () => {
    const ACTORS: Record<string, RegExp> = {
      en: /\b(you|your|the customer|customer's|current partner|current owner|the owner|partner that|indirect provider|a Global admin|an Admin agent)\b/i,
      'zh-CN': /你|客户|当前合作伙伴|所有者|间接提供商|全局管理员|管理员代理|销售.{0,8}的合作伙伴/,
      'zh-TW': /您|客戶|目前的合作夥伴|擁有者|間接提供者|全域管理員|管理員代理|銷售.{0,8}的合作夥伴/,
    };
    const problems: string[] = [];
    for (const [locale, file] of Object.entries(FILES)) {
      for (const [key, text] of answerTexts(file)) {
        if (!FACT_ONLY.has(key) && !ACTORS[locale]!.test(text)) problems.push(`${locale} ${key}: ${text}`);
      }
    }
    expect(problems).to.deep.equal([]);
    for (const key of FACT_ONLY) expect(answerTexts(FILES.en!).map(([k]) => k), key).to.include(key);
  });
});
