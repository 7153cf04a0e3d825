import { expect } from 'chai';
import { LOCALES } from '../../src/i18n/index.js';
import { GUIDED_CASES, DIRECT_NO_ADMIN, type Answers } from '../support/cases.js';
import { guidedByClicking, isResultCard, lastCard, questionIdOf, submitsOf, tFor, textOf, TestConversation, type Card } from '../support/conversation.js';

/** Guided check by clicking; returns the result card. */
const guided = guidedByClicking;

/** The quick form's submit as Teams sends it: the action data merged with every input (empty ones as ''). */
function quickSubmit(answers: Answers): Record<string, string> {
  const fields = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v === 'skip' ? '' : v]));
  return { action: 'quickForm', ...fields };
}

async function fresh(locale: string) {
  const conv = new TestConversation({ locale });
  await conv.say('hi');
  return conv;
}

const inputsOf = (card: Card) =>
  JSON.stringify(card).match(/"id":"(\w+)"/g)!.map((m) => m.slice(6, -1));

for (const locale of LOCALES) {
  const t = tFor(locale);

  describe(`quick form (${locale})`, () => {
    it('opens with every question on one card, from the command and from the welcome card', async () => {
      const conv = await fresh(locale);
      const typed = lastCard(await conv.say((t('common:commands.quick.words', { returnObjects: true }) as string[])[0]!));
      const clicked = lastCard(await conv.submit({ action: 'command', command: 'quick' }));
      expect(typed).to.deep.equal(clicked);
      expect(inputsOf(typed)).to.include.members([
        'partnerRoles', 'partnerModel', 'partnerRegion', 'tenantRegion', 'tenantCloud', 'goal', 'purchaseChannel',
        'otherPartnerBilling', 'activeSubscriptions', 'renewalDate', 'dateKind', 'resellerRelationship', 'delegatedAdmin',
        'offer', 'offerPlan', 'offerDiscontinued', 'licenseCount',
      ]);
      expect(textOf(typed)).to.include(t('cards:quick.title')).and.include(t('questions:tenantRegion.short'));
    });

    for (const [name, answers] of Object.entries(GUIDED_CASES)) {
      it(`gives exactly the guided check's result card: ${name}`, async () => {
        const viaGuided = await guided(await fresh(locale), answers);
        const conv = await fresh(locale);
        const viaQuick = lastCard(await conv.submit(quickSubmit(answers)));
        expect(isResultCard(viaQuick)).to.equal(true);
        expect(viaQuick).to.deep.equal(viaGuided);
      });
    }

    it('opens empty for the next customer; [Same customer] fills it with the last answers', async () => {
      const conv = await fresh(locale);
      await guided(conv, GUIDED_CASES['renewal in 200 days']!);
      const form = lastCard(await conv.submit({ action: 'command', command: 'quick' }));
      const valueOf = (card: unknown, id: string) => new RegExp(`"id":"${id}"[^\\[]*?"value":"([^"]*)"`).exec(JSON.stringify(card))?.[1];
      for (const id of ['purchaseChannel', 'activeSubscriptions', 'renewalDate']) expect(valueOf(form, id), id).to.equal('');
      expect(submitsOf(form).map((d) => d.command)).to.include('sameCustomer');
      const same = lastCard(await conv.submit({ action: 'command', command: 'sameCustomer' }));
      expect([valueOf(same, 'purchaseChannel'), valueOf(same, 'renewalDate')]).to.deep.equal(['adminCenter', '2027-06-09']);
    });

    it('marks missing fields on the same form and keeps what was entered', async () => {
      const conv = await fresh(locale);
      const partial = { partnerRoles: 'salesAgent,adminAgent', purchaseChannel: 'adminCenter', tenantRegion: 'japan', renewalDate: '2027-13-45' };
      const card = lastCard(await conv.submit({ action: 'quickForm', ...partial }));
      expect(isResultCard(card)).to.equal(false);
      const json = JSON.stringify(card);
      expect(textOf(card)).to.include(t('cards:quick.missing'));
      // Entered values stay selected.
      expect(json).to.include('"id":"partnerRoles"').and.match(/"id":"partnerRoles"[^}]*"value":"salesAgent,adminAgent"/);
      expect(json).to.match(/"id":"tenantRegion"[^}]*"value":"japan"/);
      // The impossible date typed in is not echoed back.
      expect(json).not.to.include('2027-13-45');
      // Required-but-empty, conditional (active subscriptions for a direct buyer) and an impossible date are marked.
      const marked = (card.body as Array<{ items?: Array<{ id?: string; text?: string }> }>)
        .filter((c) => c.items?.some((i) => i.text === t('cards:quick.required')))
        .map((c) => c.items!.find((i) => i.id)!.id);
      expect(marked).to.include.members(['partnerModel', 'activeSubscriptions', 'resellerRelationship', 'partnerRegion', 'delegatedAdmin', 'renewalDate', 'offer']);
      // Entered, or not asked for a direct buyer (the goal, another partner's model, the cloud, renewed-or-ended).
      for (const id of ['partnerRoles', 'tenantRegion', 'purchaseChannel', 'goal', 'otherPartnerBilling', 'tenantCloud', 'dateKind']) expect(marked).not.to.include(id);
      // Completing it gives the result.
      const done = lastCard(await conv.submit(quickSubmit({ ...DIRECT_NO_ADMIN, partnerRoles: 'salesAgent,adminAgent', tenantRegion: 'japan' })));
      expect(isResultCard(done)).to.equal(true);
      expect(textOf(done)).to.include(t('guidance:verdict.blocked'));
    });
  });

  describe(`change an answer (${locale})`, () => {
    for (const [kind, questionId, newAnswer, expectText] of [
      ['button choice', 'activeSubscriptions', 'over150', 'guidance:note.over150'],
      ['dropdown choice', 'tenantRegion', 'europe', 'guidance:path.manual'],
      ['date', 'renewalDate', '2027-06-09', ''],
    ] as const) {
      it(`changes a ${kind} answer from the result, keeping every other answer`, async () => {
        const conv = await fresh(locale);
        await guided(conv, DIRECT_NO_ADMIN);
        const picker = lastCard(await conv.submit({ action: 'command', command: 'change' }));
        const choices = JSON.stringify(picker);
        expect(textOf(picker)).to.include(t('cards:change.title'));
        expect(choices).to.include(`"value":"${questionId}"`);
        const question = lastCard(await conv.submit({ action: 'change', questionId }));
        expect(questionIdOf(question)).to.equal(questionId);
        const result = lastCard(await conv.submit({ action: 'answer', questionId, answer: newAnswer }));
        expect(isResultCard(result), 'straight back to the result').to.equal(true);
        const text = textOf(result);
        if (expectText) expect(text).to.include(t(expectText));
        if (questionId === 'renewalDate') expect(text).to.include('2027-06-08');
        // Every other answer kept: a direct buyer's renewal is stopped by the customer's admin, and no relationship yet.
        expect(text).to.include(t('guidance:step.stopRecurringBilling')).and.include(t('guidance:step.requestRelationship'));
        // Without a date the refund window can't be placed: credit guidance, and the customer's admin calls.
        if (questionId !== 'renewalDate') expect(text).to.include(t('guidance:credit.contactCustomer'));
      });
    }

    it('asks the questions a changed answer makes relevant, then returns to the result', async () => {
      const conv = await fresh(locale);
      await guided(conv, DIRECT_NO_ADMIN);
      await conv.submit({ action: 'change', questionId: 'purchaseChannel' });
      const next = lastCard(await conv.submit({ action: 'answer', questionId: 'purchaseChannel', answer: 'otherPartner' }));
      // From another CSP: leave it or keep it, and how it sells, are asked now.
      expect(questionIdOf(next)).to.equal('goal');
      expect(questionIdOf(lastCard(await conv.submit({ action: 'answer', questionId: 'goal', answer: 'fromOtherPartner' })))).to.equal('otherPartnerBilling');
      const result = lastCard(await conv.submit({ action: 'answer', questionId: 'otherPartnerBilling', answer: 'indirectReseller' }));
      expect(isResultCard(result)).to.equal(true);
      expect(textOf(result)).to.include(t('guidance:path.partnerTransfer')).and.include(t('guidance:actor.currentProvider'));
      expect(textOf(result)).not.to.include(t('guidance:credit.windowOnly'));
    });

    it('says there is nothing to change before any check', async () => {
      const conv = await fresh(locale);
      const card = lastCard(await conv.submit({ action: 'command', command: 'change' }));
      expect(textOf(card)).to.include(t('common:notice.noCheckYet'));
    });
  });
}

describe('result card buttons', () => {
  it('offers Change an answer, Message for the customer, Track this move and Start over', async () => {
    const conv = await fresh('en');
    const result = await guided(conv, DIRECT_NO_ADMIN);
    expect(submitsOf(result).map((d) => d.command)).to.deep.equal(['change', 'share', 'change', 'share', 'track', 'restart']);
  });
});
