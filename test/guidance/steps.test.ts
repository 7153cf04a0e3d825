// Table-driven: every step has cases that produce it (with the expected key variant) and cases that must not.
import { expect } from 'chai';
import { STEP_ORDER, type Situation, type StepId } from '../../src/guidance/index.js';
import { BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, inDays, run, stepIds, type Change } from './fixtures.js';

interface StepCase {
  on: Array<Change & { key: string; base?: Situation }>;
  off: Array<Change & { base?: Situation }> | 'always';
}

export const STEP_CASES: Record<StepId, StepCase> = {
  keepOtherPartner: {
    on: [{ s: { goal: 'multiPartner' }, key: 'step.keepOtherPartner' }],
    off: [{ s: { goal: 'fromOtherPartner' } }, { s: { goal: 'notSure' } }],
  },
  requestRelationship: {
    on: [
      { s: { resellerRelationship: 'no' }, key: 'step.requestRelationship' },
      { s: { resellerRelationship: 'notSure' }, key: 'step.requestRelationship' },
      { s: { resellerRelationship: 'no', goal: 'manageOtherChannel' }, key: 'step.requestRelationshipMultiChannel' },
    ],
    off: [{ s: { resellerRelationship: 'yes' } }, { s: { resellerRelationship: 'yes', goal: 'manageOtherChannel' } }],
  },
  confirmRelationship: {
    on: [{ s: { resellerRelationship: 'yes' }, key: 'step.confirmRelationship' }],
    off: [{ s: { resellerRelationship: 'no' } }, { s: { resellerRelationship: 'notSure' } }],
  },
  requestGdap: {
    on: [
      { s: { delegatedAdmin: 'dap' }, key: 'step.requestGdap' },
      { s: { delegatedAdmin: 'none' }, key: 'step.requestGdap' },
      { s: { delegatedAdmin: 'notSure' }, key: 'step.requestGdap' },
      { s: { delegatedAdmin: 'gdapOther' }, base: BASE_ADMIN_CENTER, key: 'step.addSupportRole' },
    ],
    off: [
      { s: { delegatedAdmin: 'gdapSupport' } },
      { s: { delegatedAdmin: 'gdapSupport' }, base: BASE_ADMIN_CENTER },
      { s: { delegatedAdmin: 'gdapOther' } },
    ],
  },
  considerPartnerTransfer: {
    on: [
      { s: { goal: 'fromOtherPartner' }, key: 'step.considerPartnerTransfer' },
      { s: { goal: 'fromOtherChannel' }, base: BASE_OTHER_PARTNER, key: 'step.considerPartnerTransfer' },
    ],
    off: [
      { s: { goal: 'multiPartner' }, base: BASE_OTHER_PARTNER },
      { s: { goal: 'fromOtherChannel' } },
      { s: { goal: 'manageOtherChannel' } },
    ],
  },
  provision: {
    on: [
      { s: { offerPlan: 'same' }, key: 'step.provisionSameOffer' },
      { s: { offerPlan: 'notSure' }, key: 'step.provisionSameOffer' },
      { s: { offerPlan: 'equivalent' }, key: 'step.provisionEquivalentOffer' },
      { s: { offerPlan: 'same', offerDiscontinued: 'yes' }, key: 'step.provisionEquivalentOffer' },
      { s: { offerPlan: 'notSure', offerDiscontinued: 'yes' }, key: 'step.provisionEquivalentOffer' },
      { s: { offerPlan: 'different' }, key: 'step.provisionDifferentOffer' },
      { s: { offerPlan: 'different', offerDiscontinued: 'yes' }, key: 'step.provisionDifferentOffer' },
    ],
    off: 'always',
  },
  reassignLicenses: {
    on: [{ s: { offerPlan: 'different' }, key: 'step.reassignLicenses' }],
    off: [{ s: { offerPlan: 'same' } }, { s: { offerPlan: 'equivalent' } }, { s: { offerPlan: 'notSure' } }],
  },
  turnOffAutoRenew: {
    on: [
      { s: { renewalDate: inDays(30) }, key: 'step.turnOffAutoRenew' },
      { s: { renewalDate: inDays(0) }, key: 'step.turnOffAutoRenew' },
      { s: { renewalDate: undefined }, key: 'step.turnOffAutoRenew' },
    ],
    off: [{ s: { renewalDate: inDays(-1) } }, { s: { renewalDate: inDays(-45) } }],
  },
  letExpireOrCancel: {
    on: [
      { s: { renewalDate: inDays(31) }, key: 'step.letExpireOrCancel' },
      { s: { renewalDate: undefined }, key: 'step.letExpireOrCancel' },
    ],
    off: [{ s: { renewalDate: inDays(-1) } }, { s: { renewalDate: inDays(-30) } }],
  },
  customerCarriesOn: {
    on: [
      { s: {}, key: 'step.customerCarriesOn' },
      { s: { renewalDate: inDays(-30) }, key: 'step.customerCarriesOn' },
    ],
    off: 'always',
  },
};

describe('guidance steps (table-driven)', () => {
  it('has a case for every step id', () => {
    expect(Object.keys(STEP_CASES)).to.have.members(STEP_ORDER);
  });

  for (const id of STEP_ORDER) {
    const c = STEP_CASES[id];
    describe(id, () => {
      c.on.forEach((change, i) => {
        it(`appears as ${change.key}: ${JSON.stringify(change.s)} #${i}`, () => {
          const step = run(change, change.base ?? BASE).steps.find((x) => x.id === id);
          expect(step?.key).to.equal(change.key);
        });
      });
      if (c.off === 'always') {
        it('is in every plan', () => {
          expect(stepIds(run({ s: { role: 'other', renewalDate: inDays(-100) } }))).to.include(id);
        });
      } else {
        c.off.forEach((change, i) => {
          it(`is absent: ${JSON.stringify(change.s)} #${i}`, () => {
            expect(stepIds(run(change, change.base ?? BASE))).not.to.include(id);
          });
        });
      }
    });
  }

  it('follows GUIDANCE §3 order: relationship, GDAP, transfer, provision, reassign, auto-renew, end old, carry on', () => {
    const g = run({
      s: { goal: 'multiPartner', resellerRelationship: 'no', delegatedAdmin: 'none', offerPlan: 'different' },
    });
    expect(stepIds(g)).to.deep.equal([
      'keepOtherPartner',
      'requestRelationship',
      'requestGdap',
      'provision',
      'reassignLicenses',
      'turnOffAutoRenew',
      'letExpireOrCancel',
      'customerCarriesOn',
    ]);
    expect(stepIds(run({ s: { delegatedAdmin: 'dap' } }, BASE_OTHER_PARTNER))).to.deep.equal([
      'confirmRelationship',
      'requestGdap',
      'considerPartnerTransfer',
      'provision',
      'turnOffAutoRenew',
      'letExpireOrCancel',
      'customerCarriesOn',
    ]);
  });

  it('the base plan is confirm, provision same offer, turn off auto-renew, let expire, carry on', () => {
    expect(run({ s: {} }).steps.map((s) => s.key)).to.deep.equal([
      'step.confirmRelationship',
      'step.provisionSameOffer',
      'step.turnOffAutoRenew',
      'step.letExpireOrCancel',
      'step.customerCarriesOn',
    ]);
  });

  it('tags each step with its source; public-doc steps carry an as-of month and note', () => {
    const g = run({ s: { goal: 'multiPartner', delegatedAdmin: 'none' } }, BASE_OTHER_PARTNER);
    const src = Object.fromEntries(g.steps.map((s) => [s.id, s.source]));
    expect(src.provision).to.deep.equal({ tag: 'seed-2020' });
    expect(src.requestGdap).to.deep.equal({ tag: 'public-doc', asOf: '2023-10', noteId: 'gdap' });
    expect(src.keepOtherPartner).to.deep.equal({ tag: 'public-doc', asOf: '2023-12', noteId: 'multiPartner' });
    expect(src.turnOffAutoRenew).to.deep.equal({ tag: 'public-doc', asOf: '2023-12', noteId: 'expiredWindow' });
    expect(g.steps.find((s) => s.id === 'keepOtherPartner')?.linkIds).to.deep.equal(['workWithOtherPartners']);
  });
});
