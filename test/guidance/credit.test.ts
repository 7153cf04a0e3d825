// GUIDANCE §6: credit guidance only for admin center buyers; who contacts Microsoft 365 billing support.
import { expect } from 'chai';
import { PURCHASE_CHANNELS, type Situation } from '../../src/guidance/index.js';
import { BASE_ADMIN_CENTER, run } from './fixtures.js';

const CREDIT_CASES: Array<{ delegatedAdmin: Situation['delegatedAdmin']; contact: string; keys: string[] }> = [
  {
    delegatedAdmin: 'gdapSupport',
    contact: 'partner',
    keys: ['credit.mayBeEligible', 'credit.contactPartner', 'credit.supportRoleNeeded', 'credit.cancelGuidance', 'credit.checkRefundWindow'],
  },
  {
    delegatedAdmin: 'dap',
    contact: 'partner',
    keys: ['credit.mayBeEligible', 'credit.contactPartner', 'credit.dapNeedsGdap', 'credit.cancelGuidance', 'credit.checkRefundWindow'],
  },
  {
    delegatedAdmin: 'gdapOther',
    contact: 'customer',
    keys: ['credit.mayBeEligible', 'credit.contactCustomer', 'credit.addSupportRole', 'credit.cancelGuidance', 'credit.checkRefundWindow'],
  },
  {
    delegatedAdmin: 'none',
    contact: 'customer',
    keys: ['credit.mayBeEligible', 'credit.contactCustomer', 'credit.supportRoleNeeded', 'credit.cancelGuidance', 'credit.checkRefundWindow'],
  },
  {
    delegatedAdmin: 'notSure',
    contact: 'unknown',
    keys: ['credit.mayBeEligible', 'credit.checkDelegatedAdmin', 'credit.supportRoleNeeded', 'credit.cancelGuidance', 'credit.checkRefundWindow'],
  },
];

describe('guidance credit', () => {
  for (const c of CREDIT_CASES) {
    it(`admin center + ${c.delegatedAdmin} → contact ${c.contact}`, () => {
      const credit = run({ s: { delegatedAdmin: c.delegatedAdmin } }, BASE_ADMIN_CENTER).credit;
      expect(credit?.contact).to.equal(c.contact);
      expect(credit?.items.map((i) => i.key)).to.deep.equal(c.keys);
      expect(credit?.linkIds).to.deep.equal(['cancelSubscription', 'delegatedAdmin']);
    });
    it(`admin center + ${c.delegatedAdmin} → as-of notes for GDAP and the direct refund window`, () => {
      const notes = run({ s: { delegatedAdmin: c.delegatedAdmin } }, BASE_ADMIN_CENTER).asOfNotes.map((n) => n.id);
      expect(notes).to.include.members(['gdap', 'directRefundWindow']);
    });
  }

  for (const channel of PURCHASE_CHANNELS.filter((c) => c !== 'adminCenter')) {
    it(`no credit guidance for ${channel}`, () => {
      expect(run({ s: { purchaseChannel: channel, billingFrequency: 'monthly' } }).credit).to.equal(null);
    });
  }

  it('applies to monthly and annual (and unknown) billing alike', () => {
    for (const billingFrequency of ['monthly', 'annual', 'notSure', undefined] as const) {
      expect(run({ s: { billingFrequency } }, BASE_ADMIN_CENTER).credit?.items[0]?.key).to.equal('credit.mayBeEligible');
    }
  });

  it('tags seed facts seed-2020 and the GDAP / refund-window items public-doc with as-of notes', () => {
    const g = run({ s: { delegatedAdmin: 'dap' } }, BASE_ADMIN_CENTER);
    const src = Object.fromEntries((g.credit?.items ?? []).map((i) => [i.key, i.source]));
    expect(src['credit.mayBeEligible']).to.deep.equal({ tag: 'seed-2020' });
    expect(src['credit.dapNeedsGdap']).to.deep.equal({ tag: 'public-doc', asOf: '2023-10', noteId: 'gdap' });
    expect(src['credit.checkRefundWindow']).to.deep.equal({ tag: 'public-doc', asOf: '2023-12', noteId: 'directRefundWindow' });
    expect(g.asOfNotes.map((n) => n.id)).to.include.members(['gdap', 'directRefundWindow']);
  });

  it('never puts a refund number in the direct refund-window note', () => {
    const note = run({ s: {} }, BASE_ADMIN_CENTER).asOfNotes.find((n) => n.id === 'directRefundWindow');
    expect(note).to.deep.equal({ id: 'directRefundWindow', key: 'asOf.directRefundWindow', asOf: '2023-12', linkId: 'cancelSubscription' });
  });
});
