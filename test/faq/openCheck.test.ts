// A typed question during an open guided check gets the answer for what the check already knows,
// and the check carries on at the same question (dialogs/core/decide.ts freeTextQuestion).
import { expect } from 'chai';
import { cardsOf, questionIdOf, tFor, textOf, TestConversation } from '../support/conversation.js';

/** The conversation's pinned today is 2026-11-21. */
async function checkUpTo(conv: TestConversation, answers: Array<[string, string]>) {
  await conv.say('hi');
  await conv.submit({ action: 'command', command: 'start' });
  for (const [questionId, answer] of answers) await conv.submit({ action: 'answer', questionId, answer });
}

const START: Array<[string, string]> = [
  ['partnerRoles', 'adminAgent'],
  ['partnerModel', 'directBill'],
  ['partnerRegion', 'europe'],
  ['tenantRegion', 'europe'],
];

describe('FAQ during an open check', () => {
  it('answers "refund?" for a partner transfer once the customer is known to buy from another CSP', async () => {
    const conv = new TestConversation({ locale: 'en' });
    await checkUpTo(conv, [...START, ['purchaseChannel', 'otherPartner'], ['goal', 'fromOtherPartner']]);
    const cards = cardsOf(await conv.say('can the customer get a refund?'));
    const answer = textOf(cards[0]);
    expect(answer).to.include('For this customer, from your answers so far:');
    expect(answer).to.include('None is needed: a partner transfer cancels nothing.');
    expect(answer).not.to.include('within 7 days of purchase');
    // The check carries on where it was.
    expect(questionIdOf(cards.at(-1))).to.equal('otherPartnerBilling');
  });

  it('answers "lose email?" with the Disabled phase and its dates once the old subscriptions ended 51 days ago', async () => {
    const conv = new TestConversation({ locale: 'zh-CN' });
    await checkUpTo(conv, [
      ...START,
      ['purchaseChannel', 'adminCenter'],
      ['activeSubscriptions', 'upTo150'],
      ['renewalDate', '2026-10-01'],
      ['dateKind', 'ended'],
    ]);
    const cards = cardsOf(await conv.say('用户的邮件会丢吗？'));
    const answer = textOf(cards[0]);
    expect(answer).to.include('旧订阅已于 **2026-10-01** 结束，处于“已禁用”状态：用户现在无法访问');
    expect(answer).to.include('**2027-01-29**'); // about day 120 after the end
    expect(questionIdOf(cards.at(-1))).to.equal('resellerRelationship');
  });

  it('gives the general answer when no check is open', async () => {
    const conv = new TestConversation({ locale: 'zh-TW' });
    await conv.say('嗨');
    const answer = textOf(cardsOf(await conv.say('客戶可以退款嗎？'))[0]);
    const t = tFor('zh-TW');
    expect(answer).to.include(String(t('faq:topics.refunds.title')));
    expect(answer).to.include('在購買或續約後 7 天內');
    expect(answer).not.to.include(String(t('faq:card.fromCheck')));
  });
});
