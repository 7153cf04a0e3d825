// Table-driven: every warning has cases that trigger it and cases that must not.
import { expect } from 'chai';
import { WARNING_IDS, type WarningId } from '../../src/guidance/index.js';
import { BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, inDays, run, warningIds, type Change } from './fixtures.js';
import type { Situation } from '../../src/guidance/index.js';

interface WarningCase {
  on: Change[];
  /** 'always' for rules with no situation that must not trigger them. */
  off: Change[] | 'always';
  base?: Situation;
  params?: Record<string, string | number>;
}

export const WARNING_CASES: Record<WarningId, WarningCase> = {
  roleNotPermitted: {
    on: [{ s: { role: 'other' } }],
    off: [{ s: { role: 'accountAdmin' } }, { s: { role: 'salesAgent' } }, { s: { role: 'billingAgent' } }, { s: { role: 'notSure' } }],
  },
  regionMismatch: {
    on: [{ s: { partnerRegion: 'europe', tenantRegion: 'unitedStates' } }],
    off: [
      { s: { partnerRegion: 'japan', tenantRegion: 'japan' } },
      { s: { partnerRegion: 'notSure', tenantRegion: 'japan' } },
      { s: { partnerRegion: 'japan', tenantRegion: 'notSure' } },
    ],
    params: { partnerRegion: 'europe', tenantRegion: 'unitedStates' },
  },
  offerDiscontinued: {
    on: [{ s: { offerDiscontinued: 'yes' } }],
    off: [{ s: { offerDiscontinued: 'no' } }, { s: { offerDiscontinued: 'notSure' } }],
  },
  expiredInWindow: {
    on: [{ s: { renewalDate: inDays(-1) } }, { s: { renewalDate: inDays(-29) } }],
    off: [{ s: { renewalDate: inDays(0) } }, { s: { renewalDate: inDays(-30) } }, { s: { renewalDate: undefined } }],
  },
  expiredPastWindow: {
    on: [{ s: { renewalDate: inDays(-30) } }, { s: { renewalDate: inDays(-400) } }],
    off: [{ s: { renewalDate: inDays(-29) } }, { s: { renewalDate: inDays(5) } }, { s: { renewalDate: undefined } }],
  },
  roleBillingAgent: {
    on: [{ s: { role: 'billingAgent' } }],
    off: [{ s: { role: 'accountAdmin' } }, { s: { role: 'other' } }],
  },
  chinaSeparateCloud: {
    on: [
      { s: { partnerRegion: 'china', tenantRegion: 'china' } },
      { s: { partnerRegion: 'europe', tenantRegion: 'china' } },
      { s: { partnerRegion: 'china', tenantRegion: 'notSure' } },
    ],
    off: [{ s: { partnerRegion: 'taiwan', tenantRegion: 'taiwan' } }, { s: { partnerRegion: 'notSure', tenantRegion: 'notSure' } }],
  },
  differentOffer: {
    on: [{ s: { offerPlan: 'different' } }],
    off: [{ s: { offerPlan: 'same' } }, { s: { offerPlan: 'equivalent' } }, { s: { offerPlan: 'notSure' } }],
  },
  licenseCountMore: {
    on: [{ s: { licenseCount: 'more' } }],
    off: [{ s: { licenseCount: 'same' } }, { s: { licenseCount: 'fewer' } }, { s: { licenseCount: 'notSure' } }],
  },
  licenseCountFewer: {
    on: [{ s: { licenseCount: 'fewer' } }],
    off: [{ s: { licenseCount: 'same' } }, { s: { licenseCount: 'more' } }],
  },
  dapReplaced: {
    on: [{ s: { delegatedAdmin: 'dap' } }],
    off: [{ s: { delegatedAdmin: 'gdapSupport' } }, { s: { delegatedAdmin: 'none' } }, { s: { delegatedAdmin: 'notSure' } }],
  },
  manySubscriptions: {
    on: [{ s: { subscriptionCount: 151 } }, { s: { subscriptionCount: 100_000 } }],
    off: [{ s: { subscriptionCount: 150 } }, { s: { subscriptionCount: 1 } }, { s: { subscriptionCount: undefined } }],
    params: { subscriptionCount: 151, lowerLimit: 150, upperLimit: 300 },
  },
  renewalToday: {
    on: [{ s: { renewalDate: inDays(0) } }],
    off: [{ s: { renewalDate: inDays(1) } }, { s: { renewalDate: inDays(-1) } }, { s: { renewalDate: undefined } }],
  },
  checkRole: { on: [{ s: { role: 'notSure' } }], off: [{ s: { role: 'salesAgent' } }] },
  checkPurchaseChannel: {
    on: [{ s: { purchaseChannel: 'notSure' } }],
    off: [{ s: { purchaseChannel: 'adminCenter' } }, { s: { purchaseChannel: 'volumeLicensing' } }],
  },
  checkOfferPlan: { on: [{ s: { offerPlan: 'notSure' } }], off: [{ s: { offerPlan: 'equivalent' } }] },
  checkOfferDiscontinued: { on: [{ s: { offerDiscontinued: 'notSure' } }], off: [{ s: { offerDiscontinued: 'yes' } }] },
  checkPartnerRegion: {
    on: [{ s: { partnerRegion: 'notSure' } }],
    off: [{ s: { partnerRegion: 'india', tenantRegion: 'notSure' } }],
  },
  checkTenantRegion: {
    on: [{ s: { tenantRegion: 'notSure' } }],
    off: [{ s: { partnerRegion: 'notSure', tenantRegion: 'india' } }],
  },
  checkGoal: { on: [{ s: { goal: 'notSure' } }], off: [{ s: { goal: 'multiPartner' } }] },
  checkRelationship: {
    on: [{ s: { resellerRelationship: 'notSure' } }],
    off: [{ s: { resellerRelationship: 'yes' } }, { s: { resellerRelationship: 'no' } }],
  },
  checkLicenseCount: { on: [{ s: { licenseCount: 'notSure' } }], off: [{ s: { licenseCount: 'fewer' } }] },
  checkDelegatedAdmin: { on: [{ s: { delegatedAdmin: 'notSure' } }], off: [{ s: { delegatedAdmin: 'none' } }] },
  checkBillingFrequency: {
    base: BASE_ADMIN_CENTER,
    on: [{ s: { billingFrequency: 'notSure' } }],
    off: [
      { s: { billingFrequency: 'monthly' } },
      { s: { billingFrequency: undefined } },
      // Ignored with another channel.
      { s: { purchaseChannel: 'otherPartner', billingFrequency: 'notSure' } },
    ],
  },
  checkOtherPartnerBilling: {
    base: BASE_OTHER_PARTNER,
    on: [{ s: { otherPartnerBilling: 'notSure' } }],
    off: [
      { s: { otherPartnerBilling: 'indirectReseller' } },
      { s: { otherPartnerBilling: undefined } },
      { s: { purchaseChannel: 'adminCenter', otherPartnerBilling: 'notSure' } },
    ],
  },
  checkRenewalDate: {
    on: [{ s: { renewalDate: undefined } }],
    off: [{ s: { renewalDate: inDays(3) } }, { s: { renewalDate: inDays(-3) } }],
  },
  noAutomaticMove: {
    on: [
      { s: { purchaseChannel: 'adminCenter' } },
      { s: { purchaseChannel: 'enterpriseAgreement' } },
      { s: { purchaseChannel: 'volumeLicensing' } },
      { s: { purchaseChannel: 'notSure' } },
    ],
    off: [{ s: { purchaseChannel: 'otherPartner' } }],
  },
  noRefundOnCancel: {
    on: [{ s: { renewalDate: inDays(90) } }, { s: { renewalDate: inDays(0) } }, { s: { renewalDate: undefined } }],
    off: [{ s: { renewalDate: inDays(-1) } }, { s: { renewalDate: inDays(-31) } }],
  },
  nceCancelWindow: {
    on: [
      { s: {} },
      { s: { purchaseChannel: 'adminCenter' } },
      { s: { purchaseChannel: 'otherPartner' } },
      { s: { renewalDate: inDays(-100) } },
    ],
    off: 'always',
    params: { refundDays: 7 },
  },
  expiredWindow: {
    on: [{ s: { renewalDate: inDays(10) } }, { s: { renewalDate: inDays(0) } }, { s: { renewalDate: undefined } }],
    off: [{ s: { renewalDate: inDays(-1) } }, { s: { renewalDate: inDays(-60) } }],
    params: { windowDays: 30 },
  },
  indirectReseller: {
    base: BASE_OTHER_PARTNER,
    on: [{ s: { otherPartnerBilling: 'indirectReseller' } }, { s: { otherPartnerBilling: 'indirectReseller', goal: 'notSure' } }],
    off: [
      { s: { otherPartnerBilling: 'directBill' } },
      { s: { otherPartnerBilling: 'indirectReseller', goal: 'multiPartner' } },
      { s: { purchaseChannel: 'adminCenter', otherPartnerBilling: 'indirectReseller' } },
    ],
  },
  noDirectCredit: {
    on: [
      { s: { purchaseChannel: 'otherPartner' } },
      { s: { purchaseChannel: 'enterpriseAgreement' } },
      { s: { purchaseChannel: 'volumeLicensing' } },
    ],
    off: [{ s: { purchaseChannel: 'adminCenter' } }, { s: { purchaseChannel: 'notSure' } }],
  },
  enterpriseAgreement: {
    on: [{ s: { purchaseChannel: 'enterpriseAgreement' } }],
    off: [{ s: { purchaseChannel: 'adminCenter' } }, { s: { purchaseChannel: 'volumeLicensing' } }],
  },
  openLicenseEnded: {
    on: [{ s: { purchaseChannel: 'volumeLicensing' } }],
    off: [{ s: { purchaseChannel: 'enterpriseAgreement' } }, { s: { purchaseChannel: 'otherPartner' } }],
  },
};

describe('guidance warnings (table-driven)', () => {
  it('has a case for every warning id', () => {
    expect(Object.keys(WARNING_CASES)).to.have.members(WARNING_IDS);
  });

  for (const id of WARNING_IDS) {
    const c = WARNING_CASES[id];
    const base = c.base ?? BASE;
    describe(id, () => {
      c.on.forEach((change, i) => {
        it(`triggers: ${JSON.stringify(change)} #${i}`, () => {
          const g = run(change, base);
          expect(warningIds(g)).to.include(id);
          const w = g.warnings.find((x) => x.id === id);
          expect(w?.key).to.equal(`warning.${id}`);
          if (c.params && i === 0) expect(w?.params).to.deep.equal(c.params);
        });
      });
      if (c.off === 'always') {
        it('is always on (no situation must suppress it)', () => {
          expect(warningIds(run({ s: {} }, BASE_OTHER_PARTNER))).to.include(id);
        });
      } else {
        c.off.forEach((change, i) => {
          it(`does not trigger: ${JSON.stringify(change)} #${i}`, () => {
            expect(warningIds(run(change, base))).not.to.include(id);
          });
        });
      }
    });
  }

  it('expired warnings carry the renewal date and the window end', () => {
    const g = run({ s: { renewalDate: '2026-03-01' } });
    expect(g.warnings.find((w) => w.id === 'expiredInWindow')?.params).to.deep.equal({
      renewalDate: '2026-03-01',
      windowEndsOn: '2026-03-30',
      windowDays: 30,
    });
    const past = run({ s: { renewalDate: '2026-01-01' } });
    expect(past.warnings.find((w) => w.id === 'expiredPastWindow')?.params).to.deep.equal({
      renewalDate: '2026-01-01',
      windowEndsOn: '2026-01-30',
      windowDays: 30,
    });
    expect(run({ s: { renewalDate: '2026-03-10' } }).warnings.find((w) => w.id === 'renewalToday')?.params).to.deep.equal({
      renewalDate: '2026-03-10',
    });
  });

  it('severities follow the catalogue: region and role block, offers and expiry risk data', () => {
    const sev = (change: Change, id: string): string | undefined =>
      run(change).warnings.find((w) => w.id === id)?.severity;
    expect(sev({ s: { role: 'other' } }, 'roleNotPermitted')).to.equal('blocking');
    expect(sev({ s: { tenantRegion: 'brazil' } }, 'regionMismatch')).to.equal('blocking');
    expect(sev({ s: { role: 'billingAgent' } }, 'roleBillingAgent')).to.equal('caution');
    expect(sev({ s: { offerDiscontinued: 'yes' } }, 'offerDiscontinued')).to.equal('data-loss');
    expect(sev({ s: { renewalDate: inDays(-2) } }, 'expiredInWindow')).to.equal('data-loss');
    expect(sev({ s: { renewalDate: inDays(-40) } }, 'expiredPastWindow')).to.equal('data-loss');
    expect(sev({ s: { offerPlan: 'different' } }, 'differentOffer')).to.equal('caution');
    expect(sev({ s: {} }, 'nceCancelWindow')).to.equal('info');
  });
});
