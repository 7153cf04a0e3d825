// Verdict, reasons, warning order, combinations and every "not sure" answer.
import { expect } from 'chai';
import { SEVERITIES, guide, type Situation } from '../../src/guidance/index.js';
import { BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, TODAY, inDays, run, warningIds } from './fixtures.js';

describe('guidance verdict', () => {
  it('base situation is ready: only info warnings, no reasons', () => {
    const g = run({ s: {} });
    expect(g.verdict).to.equal('ready');
    expect(g.reasons).to.deep.equal([]);
    expect(g.warnings.every((w) => w.severity === 'info')).to.equal(true);
    expect(g.warnings.length).to.be.greaterThan(0);
  });

  it('a caution makes it ready-with-cautions; reasons are the caution and data-loss ids', () => {
    const g = run({ s: { licenseCount: 'fewer', offerDiscontinued: 'yes' } });
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.reasons).to.deep.equal(['offerDiscontinued', 'licenseCountFewer']);
  });

  it('data-loss alone is ready-with-cautions', () => {
    const g = run({ s: { renewalDate: inDays(-3) } });
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.reasons).to.deep.equal(['expiredInWindow']);
  });

  it('a blocking warning blocks; reasons list only the blocking ids', () => {
    const g = run({ s: { role: 'other', tenantRegion: 'canada', licenseCount: 'more' } });
    expect(g.verdict).to.equal('blocked');
    expect(g.reasons).to.deep.equal(['roleNotPermitted', 'regionMismatch']);
  });

  it('billing agent is a caution, not a block (the 2020 seed allowed it), with the roles as-of note', () => {
    const g = run({ s: { role: 'billingAgent' } });
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.asOfNotes.map((n) => n.id)).to.include('roles');
  });

  it('China tenant: its own warning, and blocked only when the partner region differs', () => {
    const same = run({ s: { partnerRegion: 'china', tenantRegion: 'china' } });
    expect(same.verdict).to.equal('ready-with-cautions');
    expect(warningIds(same)).to.include('chinaSeparateCloud').and.not.include('regionMismatch');
    const other = run({ s: { partnerRegion: 'asiaPacific', tenantRegion: 'china' } });
    expect(other.verdict).to.equal('blocked');
    expect(warningIds(other)).to.include.members(['regionMismatch', 'chinaSeparateCloud']);
  });

  it('sorts warnings blocking, data-loss, caution, info', () => {
    const g = run({
      s: { role: 'other', offerDiscontinued: 'yes', licenseCount: 'notSure', offerPlan: 'different', tenantRegion: 'korea' },
    });
    const ranks = g.warnings.map((w) => SEVERITIES.indexOf(w.severity));
    expect(ranks).to.deep.equal([...ranks].sort((a, b) => a - b));
    expect(warningIds(g).slice(0, 3)).to.deep.equal(['roleNotPermitted', 'regionMismatch', 'offerDiscontinued']);
  });
});

describe('guidance combinations', () => {
  it('admin center buyer + no delegated admin + discontinued offer + region mismatch → blocked, still credit and data-loss', () => {
    const g = guide(
      { ...BASE_ADMIN_CENTER, delegatedAdmin: 'none', offerDiscontinued: 'yes', partnerRegion: 'europe', tenantRegion: 'unitedStates' },
      TODAY,
    );
    expect(g.verdict).to.equal('blocked');
    expect(g.reasons).to.deep.equal(['regionMismatch']);
    expect(g.credit?.contact).to.equal('customer');
    expect(g.credit?.linkIds).to.include('cancelSubscription');
    const loss = g.warnings.find((w) => w.id === 'offerDiscontinued');
    expect(loss?.severity).to.equal('data-loss');
    expect(g.steps.find((s) => s.id === 'provision')?.key).to.equal('step.provisionEquivalentOffer');
    expect(g.asOfNotes.map((n) => n.id)).to.include.members(['gdap', 'directRefundWindow']);
  });

  it('partner leaving via an indirect reseller, NCE: transfer step, indirect provider note, no credit', () => {
    const g = guide({ ...BASE_OTHER_PARTNER, otherPartnerBilling: 'indirectReseller', resellerRelationship: 'no' }, TODAY);
    expect(g.steps.map((s) => s.id)).to.include('considerPartnerTransfer');
    expect(warningIds(g)).to.include.members(['indirectReseller', 'noDirectCredit', 'nceCancelWindow']);
    expect(warningIds(g)).not.to.include('noAutomaticMove');
    expect(g.credit).to.equal(null);
    expect(g.asOfNotes.map((n) => n.id)).to.include.members(['partnerTransfer', 'nceCancellation']);
  });

  it('multi-partner customer with another partner: keeps it, no transfer step', () => {
    const g = guide({ ...BASE_OTHER_PARTNER, goal: 'multiPartner' }, TODAY);
    expect(g.steps[0]?.id).to.equal('keepOtherPartner');
    expect(g.steps.map((s) => s.id)).not.to.include('considerPartnerTransfer');
  });

  it('already expired long ago with many subscriptions: data-loss and caution, no cancel advice', () => {
    const g = run({ s: { renewalDate: inDays(-90), subscriptionCount: 400 } });
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.reasons).to.deep.equal(['expiredPastWindow', 'manySubscriptions']);
    expect(warningIds(g)).not.to.include.members(['noRefundOnCancel']);
    expect(g.steps.map((s) => s.id)).not.to.include('letExpireOrCancel');
  });
});

describe('guidance "not sure" answers', () => {
  const NOT_SURE_CHECKS: Array<[Partial<Situation>, string, Situation?]> = [
    [{ role: 'notSure' }, 'checkRole'],
    [{ goal: 'notSure' }, 'checkGoal'],
    [{ purchaseChannel: 'notSure' }, 'checkPurchaseChannel'],
    [{ billingFrequency: 'notSure' }, 'checkBillingFrequency', BASE_ADMIN_CENTER],
    [{ otherPartnerBilling: 'notSure' }, 'checkOtherPartnerBilling', BASE_OTHER_PARTNER],
    [{ resellerRelationship: 'notSure' }, 'checkRelationship'],
    [{ offerPlan: 'notSure' }, 'checkOfferPlan'],
    [{ offerDiscontinued: 'notSure' }, 'checkOfferDiscontinued'],
    [{ licenseCount: 'notSure' }, 'checkLicenseCount'],
    [{ partnerRegion: 'notSure' }, 'checkPartnerRegion'],
    [{ tenantRegion: 'notSure' }, 'checkTenantRegion'],
    [{ delegatedAdmin: 'notSure' }, 'checkDelegatedAdmin'],
  ];

  for (const [change, id, base] of NOT_SURE_CHECKS) {
    it(`${Object.keys(change)[0]} = notSure → ${id}`, () => {
      const w = run({ s: change }, base ?? BASE).warnings.find((x) => x.id === id);
      expect(w?.severity).to.be.oneOf(['caution', 'info']);
      expect(w?.key).to.equal(`warning.${id}`);
    });
  }

  it('all "not sure" at once: every check, no block, no credit, the unsure answers raise cautions', () => {
    const g = guide(
      {
        role: 'notSure', goal: 'notSure', purchaseChannel: 'notSure', resellerRelationship: 'notSure',
        offerPlan: 'notSure', offerDiscontinued: 'notSure', licenseCount: 'notSure', partnerRegion: 'notSure',
        tenantRegion: 'notSure', delegatedAdmin: 'notSure',
      },
      TODAY,
    );
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.credit).to.equal(null);
    expect(g.timing).to.equal(null);
    expect(warningIds(g)).to.include.members([
      'checkRole', 'checkGoal', 'checkPurchaseChannel', 'checkRelationship', 'checkOfferPlan',
      'checkOfferDiscontinued', 'checkLicenseCount', 'checkPartnerRegion', 'checkTenantRegion',
      'checkDelegatedAdmin', 'checkRenewalDate',
    ]);
    expect(g.reasons).to.include.members(['checkRole', 'checkPurchaseChannel', 'checkPartnerRegion', 'checkTenantRegion']);
  });
});
