// The labelled set: precision and recall per language, no off-topic sentence answered, no typed answer
// taken for a question. Prints the figures (and every miss) so a change to the phrase lists shows its effect.
import { expect } from 'chai';
import { TOPIC_IDS, answerFreeText, faqMatcher, type TopicId } from '../../src/faq/index.js';
import { OFF_TOPIC, ON_TOPIC, TYPED_ANSWERS, type Labelled, type Lang } from './labelledQuestions.js';

const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.85;
const LANGS: Lang[] = ['en', 'zh-CN', 'zh-TW'];

interface Outcome extends Labelled {
  got: TopicId | undefined;
}

const outcomes: Outcome[] = [...ON_TOPIC, ...OFF_TOPIC].map((item) => ({ ...item, got: answerFreeText(item.text)?.topic }));

function figures(lang: Lang) {
  const mine = outcomes.filter((o) => o.lang === lang);
  const answered = mine.filter((o) => o.got !== undefined);
  const correct = answered.filter((o) => o.got === o.topic);
  const labelled = mine.filter((o) => o.topic !== undefined);
  return {
    precision: answered.length ? correct.length / answered.length : 1,
    recall: labelled.length ? correct.length / labelled.length : 1,
    answered: answered.length,
    correct: correct.length,
    labelled: labelled.length,
  };
}

/** Why a miss happened: the scores of the top topics and the phrases that earned them. */
function explain(text: string): string {
  return faqMatcher
    .scores(text)
    .ranked.slice(0, 3)
    .map((r) => `${r.topic}=${r.score} [${r.phrases.join(', ')}]`)
    .join('  ');
}

describe('FAQ matcher: labelled questions', () => {
  before(function () {
    const lines = LANGS.map((lang) => {
      const f = figures(lang);
      return `    ${lang.padEnd(6)} precision ${f.precision.toFixed(3)} (${f.correct}/${f.answered})  recall ${f.recall.toFixed(3)} (${f.correct}/${f.labelled})`;
    });
    const misses = outcomes
      .filter((o) => o.got !== o.topic)
      .map((o) => `    [${o.lang}] "${o.text}": expected ${o.topic ?? 'none'}, got ${o.got ?? 'none'}  ${explain(o.text)}`);
    // eslint-disable-next-line no-console
    console.log(['  FAQ matcher on the labelled set:', ...lines, ...(misses.length ? ['  misses:', ...misses] : [])].join('\n'));
  });

  it('has at least 10 phrasings per topic, in all three languages, and 50 off-topic sentences', () => {
    for (const topic of TOPIC_IDS) {
      const items = ON_TOPIC.filter((o) => o.topic === topic);
      expect(items.length, topic).to.be.at.least(10);
      expect(new Set(items.map((o) => o.lang)), topic).to.have.property('size', 3);
    }
    expect(OFF_TOPIC).to.have.length.of.at.least(50);
  });

  for (const lang of LANGS) {
    it(`[${lang}] precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
      const f = figures(lang);
      expect(f.precision, `${lang} precision`).to.be.at.least(MIN_PRECISION);
      expect(f.recall, `${lang} recall`).to.be.at.least(MIN_RECALL);
    });
  }

  it('answers no off-topic sentence with a topic', () => {
    const answered = outcomes.filter((o) => o.topic === undefined && o.got !== undefined);
    expect(answered.map((o) => `[${o.lang}] "${o.text}" → ${o.got}  ${explain(o.text)}`)).to.deep.equal([]);
  });

  it('takes no typed answer to a guided-check question for a question', () => {
    const answered = TYPED_ANSWERS.map((text) => ({ text, got: answerFreeText(text)?.topic })).filter((a) => a.got);
    expect(answered).to.deep.equal([]);
  });
});
