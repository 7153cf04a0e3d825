import { expect } from 'chai';
import { topicTitleKey } from '../../src/faq/index.js';
import { cardsOf, questionIdOf, tFor, textOf, TestConversation } from '../support/conversation.js';

const texts = (replies: Parameters<typeof cardsOf>[0]) => cardsOf(replies).map(textOf).join('\n');

describe('free-text questions in the conversation', () => {
  for (const [locale, question, topic] of [
    ['en', 'can the customer get a refund if they cancel?', 'refunds'],
    ['zh-CN', '客户能拿回退款吗？', 'refunds'],
    ['zh-TW', '區域不同還能轉嗎?', 'region'],
    ['en', 'what is GDAP', 'gdap'],
    ['zh-CN', 'GDAP 是什么', 'gdap'],
    ['en', 'who contacts billing support', 'billingSupport'],
  ] as const) {
    it(`answers "${question}" (${locale}) with the ${topic} card`, async () => {
      const conv = new TestConversation({ locale });
      await conv.say('hi');
      const replies = await conv.say(question);
      expect(texts(replies)).to.include(tFor(locale)(topicTitleKey(topic)));
    });
  }

  it('answers a question mid-check and carries on at the same question, answers kept', async () => {
    const conv = new TestConversation({ locale: 'zh-TW' });
    await conv.say('嗨');
    await conv.submit({ action: 'command', command: 'start' });
    await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' });
    const replies = await conv.say('GDAP 是什麼？');
    const cards = cardsOf(replies);
    const t = tFor('zh-TW');
    expect(textOf(cards[0])).to.include(t(topicTitleKey('gdap')));
    const again = cards.at(-1)!;
    expect(questionIdOf(again)).to.equal('partnerModel');
    expect(textOf(again)).not.to.include(t('cards:question.hint.invalid'));
    expect(textOf(again)).to.include(t('cards:question.step', { k: 2, n: 10 }));
    // The check goes on from there.
    expect(questionIdOf(cardsOf(await conv.say('1')).at(-1))).to.equal('partnerRegion');
  });

  it('reads a typed answer as an answer, not as a question', async () => {
    const conv = new TestConversation({ locale: 'en' });
    await conv.say('hi');
    await conv.say('start');
    for (const [typed, next] of [['2', 'partnerModel'], ['indirect reseller', 'partnerRegion']] as const) {
      const cards = cardsOf(await conv.say(typed));
      expect(cards).to.have.length(1);
      expect(questionIdOf(cards[0])).to.equal(next);
    }
  });

  it('says it is not sure, and offers help and the guided check, when nothing matches', async () => {
    const conv = new TestConversation({ locale: 'en' });
    await conv.say('hi');
    const replies = await conv.say('what is the weather in Seattle tomorrow');
    const text = texts(replies);
    const t = tFor('en');
    expect(text).to.include(t('faq:notSure'));
    expect(text).to.include(t('cards:button.start')).and.include(t('cards:button.help'));
  });
});
