// The case in one message, through the real conversation: what was understood is shown (each answer
// changeable), only the rest is asked, a contradiction asks which answer holds, an unreadable date says
// which forms work. Free-text questions keep working.
import { expect } from 'chai';
import { cardsOf, questionIdOf, submitsOf, tFor, textOf, TestConversation } from '../support/conversation.js';

const DESCRIPTIONS = {
  en: 'They bought 40 E3 direct from Microsoft, tenant in Japan, renews March 31',
  'zh-CN': '客户直接向微软购买了 40 个 E3，租户在日本，3月31日续订',
  'zh-TW': '客戶直接向微軟購買了 40 個 E3，租用戶在日本，3月31日續約',
} as const;

describe('a case described in one message', () => {
  for (const [locale, text] of Object.entries(DESCRIPTIONS)) {
    it(`${locale}: shows what it understood, each changeable, then asks only the rest`, async () => {
      const t = tFor(locale as keyof typeof DESCRIPTIONS);
      const conv = new TestConversation({ locale, today: '2026-12-06' });
      await conv.say(locale === 'en' ? 'hi' : '你好');
      const cards = cardsOf(await conv.say(text));
      const understood = textOf(cards[0]);
      expect(understood).to.include(t('cards:understood.title'));
      expect(understood).to.include(t('cards:change.item', { question: t('questions:tenantRegion.short'), answer: t('questions:optionSets.region.japan.label') }));
      expect(understood).to.include(t('questions:optionSets.purchaseChannel.adminCenter.label'));
      expect(understood).to.include('2027-03-31');
      // Each answer has its own [Change] that reopens that question.
      expect(submitsOf(cards[0]).filter((d) => d.action === 'change').map((d) => d.questionId)).to.include.members(['tenantRegion', 'purchaseChannel', 'renewalDate']);
      // Then the first question not answered yet, and never one that was.
      const asked: string[] = [];
      let card = cards.at(-1)!;
      const answers: Record<string, string> = { partnerRoles: 'adminAgent', partnerModel: 'directBill', partnerRegion: 'japan', activeSubscriptions: 'upTo150', resellerRelationship: 'no', offer: 'sameOfferSameCount' };
      for (let i = 0; i < 12 && questionIdOf(card); i++) {
        const id = questionIdOf(card)!;
        asked.push(id);
        card = cardsOf(await conv.submit({ action: 'answer', questionId: id, answer: answers[id]! })).at(-1)!;
      }
      expect(asked).not.to.include.members(['tenantRegion', 'purchaseChannel', 'renewalDate']);
      expect(textOf(card)).to.include(t('guidance:step.stopRecurringBilling')).and.include('2027-03-30');
    });
  }

  it('a description that contradicts an earlier answer asks which one holds, and the choice is taken', async () => {
    const conv = new TestConversation({ locale: 'en', today: '2026-12-06' });
    await conv.say('hi');
    await conv.submit({ action: 'command', command: 'start' });
    await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent' });
    await conv.submit({ action: 'answer', questionId: 'partnerModel', answer: 'directBill' });
    await conv.submit({ action: 'answer', questionId: 'partnerRegion', answer: 'europe' });
    await conv.submit({ action: 'answer', questionId: 'tenantRegion', answer: 'europe' });
    const cards = cardsOf(await conv.say('Customer bought through EA, tenant in Japan, renews 2027-06-30'));
    const t = tFor('en');
    const text = textOf(cards[0]);
    // What doesn't contradict is taken; Japan against the Europe answered before is asked, not applied.
    expect(text).to.include(t('questions:optionSets.purchaseChannel.enterpriseAgreement.label')).and.include('2027-06-30');
    expect(text).to.include(t('cards:understood.conflicts'));
    const set = submitsOf(cards[0]).filter((d) => d.action === 'set');
    expect(set.map((d) => [d.questionId, d.answer])).to.have.deep.members([
      ['tenantRegion', 'europe'],
      ['tenantRegion', 'japan'],
    ]);
    // The partner picks Japan: against a Europe CSP account, blocked at once.
    const after = cardsOf(await conv.submit(set.find((d) => d.answer === 'japan')!)).at(-1)!;
    expect(textOf(after)).to.include(t('guidance:verdict.blocked'));
  });

  it('a contradiction is asked, not applied', async () => {
    const conv = new TestConversation({ locale: 'en', today: '2026-12-06' });
    await conv.say('hi');
    await conv.say('They bought direct from Microsoft, tenant in Japan, renews March 31');
    const cards = cardsOf(await conv.say('They bought through an Enterprise Agreement, tenant in Japan, renews March 31'));
    const t = tFor('en');
    expect(textOf(cards[0])).to.include(t('cards:understood.conflicts'));
    const set = submitsOf(cards[0]).filter((d) => d.action === 'set' && d.questionId === 'purchaseChannel');
    expect(set.map((d) => d.answer)).to.have.members(['adminCenter', 'enterpriseAgreement']);
    // Until the partner picks, the first answer stands.
    const pick = cardsOf(await conv.submit({ action: 'command', command: 'change' })).at(-1)!;
    expect(textOf(pick)).to.include(t('questions:optionSets.purchaseChannel.adminCenter.label'));
  });

  it('a date it cannot read is named, with the forms that work; free-text questions still get answers', async () => {
    const conv = new TestConversation({ locale: 'en', today: '2026-12-06' });
    await conv.say('hi');
    const cards = cardsOf(await conv.say('Bought direct from Microsoft, tenant in Japan, renewal sometime in March'));
    const text = textOf(cards[0]);
    const t = tFor('en');
    expect(text).to.include(t('questions:optionSets.purchaseChannel.adminCenter.label'));
    expect(text).to.include('"sometime in March"').and.include('2027-03-31, 3/31/2027 or 31 March 2027');
    const faq = textOf(cardsOf(await conv.say('can the customer get a refund?'))[0]);
    expect(faq).to.include(t('faq:topics.refunds.title'));
  });
});
