// Questions vs answers typed mid-check: "can we move it from another partner?" vs "we bought it from another partner".
import { expect } from 'chai';
import { looksLikeQuestion } from '../../src/faq/index.js';
import { createQuestionDetector } from '../../src/faq/question.js';
import { ON_TOPIC, TYPED_ANSWERS } from './labelledQuestions.js';

/** Answers typed as sentences: the guided check should read these, not the FAQ. */
const ANSWER_SENTENCES = [
  'we bought it from another partner',
  'through another CSP partner',
  'the same offer as today',
  'fewer licenses than now',
  'yes we have gdap with the support role',
  'they pay monthly',
  '客户是从其他合作伙伴买的',
  '我们在欧洲',
  '产品/服务相同',
  '他們是企業合約客戶',
  '直接購買的',
  '授權數量一樣',
];

describe('FAQ: does a typed text ask a question?', () => {
  it('finds question marks, question words and openers, in any clause', () => {
    const detect = createQuestionDetector({ questionWords: ['what', '嗎'], questionStarts: ['can'] });
    expect(detect('GDAP？')).to.equal(true);
    expect(detect('so what now')).to.equal(true);
    expect(detect('they bought direct, can they get credit')).to.equal(true);
    expect(detect('可以退款嗎')).to.equal(true);
    expect(detect('we can do that')).to.equal(false);
  });

  it('takes at least 95% of the labelled questions for questions', () => {
    const asked = ON_TOPIC.filter((o) => looksLikeQuestion(o.text));
    expect(asked.length / ON_TOPIC.length).to.be.at.least(0.95);
  });

  it('takes no typed answer, short or in a sentence, for a question', () => {
    expect([...TYPED_ANSWERS, ...ANSWER_SENTENCES].filter(looksLikeQuestion)).to.deep.equal([]);
  });
});
