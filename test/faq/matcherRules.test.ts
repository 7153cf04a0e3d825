// The matcher's rules on small, made-up phrase lists, so each rule is visible on its own.
import { expect } from 'chai';
import { MIN_CONFIDENCE, createFaqMatcher, wordMatches, type FaqMatcherData } from '../../src/faq/matcher.js';
import { collectAnswerWords, faqMatcherData } from '../../src/faq/phrases.js';
import { TOPIC_IDS } from '../../src/faq/topics.js';
import { tokenKey, tokenize } from '../../src/faq/text.js';

type T = 'refund' | 'region' | 'gdap' | 'roles';

const data = (over: Partial<FaqMatcherData<T>> = {}): FaqMatcherData<T> => ({
  topics: new Map<T, { keywords: string[]; terms: string[] }>([
    ['refund', { keywords: ['refund', '退款'], terms: ['cancel'] }],
    ['region', { keywords: ['same region', '区域'], terms: ['country', 'europe'] }],
    ['gdap', { keywords: ['gdap', 'gdap role'], terms: [] }],
    ['roles', { keywords: ['which role'], terms: ['role'] }],
  ]),
  context: ['customer', '客户'],
  neutral: ['credit card'],
  answerWords: ['europe', 'yes', '直接购买'],
  ...over,
});

const word = (s: string) => tokenize(s)[0]!;

describe('FAQ matcher rules', () => {
  const m = createFaqMatcher(data());

  it('tolerates a typo, a swap or an ending in longer words, never in short ones or Chinese', () => {
    expect(wordMatches(word('refnd'), word('refund'))).to.equal(true);
    expect(wordMatches(word('regoin'), word('region'))).to.equal(true);
    expect(wordMatches(word('cancelled'), word('cancel'))).to.equal(true);
    expect(wordMatches(word('refundable'), word('refund'))).to.equal(false); // 4 letters on: a different word
    expect(wordMatches(word('relatinoship'), word('relationship'))).to.equal(true);
    expect(wordMatches(word('gdpa'), word('gdap'))).to.equal(true);
    expect(wordMatches(word('watch'), word('batch'))).to.equal(false);
    expect(wordMatches(word('ea'), word('eu'))).to.equal(false);
    expect(wordMatches(word('dab'), word('dap'))).to.equal(false);
    expect(wordMatches(word('2022'), word('2023'))).to.equal(false);
    expect(wordMatches(word('区'), word('欧'))).to.equal(false);
  });

  it('answers on a keyword alone, in any language or script, whatever the chat language', () => {
    expect(m.match('can they get a refund?')?.topic).to.equal('refund');
    expect(m.match('客戶能拿回退款嗎？')?.topic).to.equal('refund');
    expect(m.match('區域不同還能轉嗎')?.topic).to.equal('region');
    expect(m.match('what is ＧＤＡＰ')?.topic).to.equal('gdap');
  });

  it('needs a second clue for a term: another term or a context word', () => {
    expect(m.match('should we cancel')).to.equal(undefined);
    expect(m.match('should we cancel for the customer')?.topic).to.equal('refund');
    expect(m.match('which country, europe?')?.topic).to.equal('region');
  });

  it('lets a phrase skip two words between its own, not more', () => {
    expect(m.match('is it the same cloud region')?.topic).to.equal('region');
    expect(m.match('is it the same as before in our region')?.topic).to.equal(undefined);
  });

  it('counts each word once, longest and tightest phrase first', () => {
    const scores = m.scores('which gdap role do I need');
    expect(scores.ranked.map((r) => r.topic)).to.deep.equal(['gdap']);
    expect(m.match('which gdap role do I need')?.topic).to.equal('gdap');
  });

  it('says nothing when two topics are equally likely', () => {
    expect(m.match('gdap and refunds')).to.equal(undefined);
    const close = m.match('refund in the same region');
    expect(close).to.equal(undefined);
  });

  it('gives a confidence between the threshold and 1', () => {
    const sure = m.match('refund')!;
    expect(sure.confidence).to.equal(1);
    const lead = m.match('refund if we cancel, which country')!;
    expect(lead.topic).to.equal('refund');
    expect(lead.confidence).to.be.within(MIN_CONFIDENCE, 0.99);
  });

  it('ignores neutral phrases that only look like a topic word', () => {
    const withCredit = createFaqMatcher(data({ topics: new Map([['refund', { keywords: ['credit'], terms: [] }]]) as never }));
    expect(withCredit.match('can the customer pay by credit card')).to.equal(undefined);
    expect(withCredit.match('will they get a credit')?.topic).to.equal('refund');
  });

  it('never takes a typed answer, a number or a date for a question', () => {
    for (const text of ['Europe!', 'yes', '直接購買', '1', '2026-03-31', '…']) expect(m.match(text), text).to.equal(undefined);
  });

  it('refuses a single Chinese character as a phrase: it would match everywhere', () => {
    expect(() => createFaqMatcher(data({ context: ['客'] }))).to.throw(/single Chinese character/);
  });
});

describe('FAQ phrase lists (locales/*/faq.json)', () => {
  const real = faqMatcherData();

  it('give every topic keywords in every language (pooled) and compile', () => {
    for (const id of TOPIC_IDS) expect(real.topics.get(id)!.keywords.length, id).to.be.at.least(6);
    expect(() => createFaqMatcher(real)).not.to.throw();
  });

  it('claim each keyword for one topic only, and no topic uses another topic\'s keyword as a term', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const [topic, { keywords }] of real.topics) {
      for (const k of keywords) {
        const key = tokenKey(k);
        if (owner.has(key) && owner.get(key) !== topic) problems.push(`keyword "${k}": ${owner.get(key)} and ${topic}`);
        owner.set(key, topic);
      }
    }
    for (const [topic, { terms }] of real.topics) {
      for (const k of terms) {
        const other = owner.get(tokenKey(k));
        if (other && other !== topic) problems.push(`term "${k}" of ${topic} is a keyword of ${other}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('read the typed answers and commands of every language from questions and common', () => {
    const words = collectAnswerWords({ optionSets: { a: { x: { label: 'X', words: ['x1'] } } }, skipWords: ['s'], prompt: 'no' });
    expect(words).to.deep.equal(['X', 'x1', 's']);
    const keys = new Set([...real.answerWords].map(tokenKey));
    for (const w of ['yes', 'europe', '直接购买', '直接購買', 'help', '說明']) expect(keys.has(tokenKey(w)), w).to.equal(true);
  });
});
