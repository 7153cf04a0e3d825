// Each path (GUIDANCE §3): its steps, their order and actors, and no step of another path.
import { expect } from 'chai';
import fc from 'fast-check';
import { guide, type Guidance, type PathId } from '../../src/guidance/index.js';
import { BASE_EA, BASE_NEW_CUSTOMER, BASE_OTHER_PARTNER, TODAY, inDays, run, situationArb, todayArb } from './fixtures.js';

const stepsOf = (g: Guidance) => g.steps.map((s) => `${s.actor}: ${s.key}`);

/** Steps that belong to one path only. */
const OWN_STEPS: Record<PathId, RegExp> = {
  manual: /^step\.provision(Same|Equivalent|Different|Today)$/,
  partnerTransfer: /^step\.(createTransfer|createTransferByProvider|approveTransfer)$/,
  eaChannelTransfer: /^step\.eaChannelTransfer$/,
  over150: /^step\.provisionAfterExpiry$/,
  multiPartner: /^step\.(provisionMultiPartner|requestRelationshipMultiPartner)$/,
};

describe('guidance paths', () => {
  it('A. manual (direct buyer, new customer): stop renewal, relationship + GDAP, accept, buy, let the old run out', () => {
    expect(stepsOf(guide(BASE_NEW_CUSTOMER, TODAY))).to.deep.equal([
      'customerBillingAdmin: step.stopRecurringBilling',
      'you: step.requestRelationship',
      'you: step.requestGdap',
      'customerGlobalAdmin: step.acceptRelationship',
      'you: step.provisionSame',
      'customerBillingAdmin: step.letRunOut',
    ]);
  });

  it('A. a different offer: licenses reassigned by you with GDAP, else by the customer\'s admin', () => {
    expect(stepsOf(run({ offerPlan: 'different' })).slice(-2)).to.deep.equal(['you: step.assignLicenses', 'customerBillingAdmin: step.letRunOut']);
    expect(stepsOf(run({ offerPlan: 'different', delegatedAdmin: 'none' }))).to.include('customerAdmin: step.assignLicenses');
    expect(stepsOf(run({ offerDiscontinued: 'yes' }))).to.include('you: step.provisionEquivalent');
  });

  it('B. partner transfer from an indirect reseller: its provider approves; an indirect-reseller partner\'s provider creates it', () => {
    const g = run({ otherPartnerBilling: 'indirectReseller', partnerModel: 'indirectReseller', resellerRelationship: 'no', delegatedAdmin: 'none' }, BASE_OTHER_PARTNER);
    expect(stepsOf(g)).to.deep.equal([
      'you: step.requestRelationshipWithProvider',
      'you: step.requestGdap',
      'customerGlobalAdmin: step.acceptRelationship',
      'yourProvider: step.createTransferByProvider',
      'currentProvider: step.approveTransfer',
    ]);
    const unsure = run({ otherPartnerBilling: 'notSure' }, BASE_OTHER_PARTNER);
    expect(unsure.steps[0]?.key).to.equal('step.findOutCurrentBilling');
  });

  it('C. EA channel transfer: check for automatic extension first, schedule before the EA end date', () => {
    expect(stepsOf(guide(BASE_EA, TODAY))).to.deep.equal([
      'customerAdmin: step.stopVlExtension',
      'you: step.confirmRelationship',
      'you: step.eaChannelTransfer',
    ]);
    expect(guide(BASE_EA, TODAY).steps.at(-1)?.due).to.equal(inDays(59));
  });

  it('D. more than 150: stop renewal, let them expire, buy inside the Expired period', () => {
    expect(stepsOf(run({ activeSubscriptions: 'over150' }))).to.deep.equal([
      'customerBillingAdmin: step.stopRecurringBilling',
      'you: step.confirmRelationship',
      'customerBillingAdmin: step.letRunOut',
      'you: step.provisionAfterExpiry',
    ]);
  });

  it('E. multi-partner: relationship, GDAP, accept, buy only what you handle', () => {
    expect(stepsOf(run({ goal: 'multiPartner', resellerRelationship: 'no', delegatedAdmin: 'none' }))).to.deep.equal([
      'you: step.requestRelationshipMultiPartner',
      'you: step.requestGdap',
      'customerGlobalAdmin: step.acceptRelationship',
      'you: step.provisionMultiPartner',
    ]);
  });

  it('contradictory answers get one path and a stated assumption, never a mix', () => {
    const g = run({ goal: 'fromOtherPartner' });
    expect(g.path).to.equal('manual');
    expect(g.notes.find((n) => n.key === 'note.goalChannelMismatch')?.params).to.deep.equal({ goal: 'fromOtherPartner', channel: 'adminCenter' });
    expect(run({ goal: 'fromOtherChannel' }, BASE_OTHER_PARTNER).notes.map((n) => n.key)).to.include('note.goalChannelMismatch');
    expect(run({ goal: 'notSure' }).steps[0]?.key).to.equal('step.findOutGoal');
  });

  it('any situation: one path or blocked; only that path\'s own steps; every step has an actor; roles only on your own steps', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        const keys = g.steps.map((st) => st.key);
        for (const [path, own] of Object.entries(OWN_STEPS)) {
          if (path !== g.path) expect(keys.filter((k) => own.test(k)), `${g.path} shows a ${path} step`).to.deep.equal([]);
        }
        if (g.path !== null) expect(keys.some((k) => OWN_STEPS[g.path!].test(k)), `${g.path} has its own step`).to.equal(true);
        expect(new Set(keys).size).to.equal(keys.length);
        for (const st of g.steps) {
          expect(st.actor).to.be.a('string');
          if (st.roles) expect(st.actor).to.equal('you');
        }
        // Stopping renewal, where it is a step, comes before anything else but finding out.
        const stop = keys.findIndex((k) => /^step\.(stop|openLicenseNothing)/.test(k));
        if (stop >= 0) expect(keys.slice(0, stop).every((k) => k.startsWith('step.findOut'))).to.equal(true);
      }),
      { numRuns: 400 },
    );
  });
});
