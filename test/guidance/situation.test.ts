// The Situation schema: strict, enum ids, real dates, bounded counts.
import { expect } from 'chai';
import {
  DELEGATED_ADMINS,
  GOALS,
  PURCHASE_CHANNELS,
  REGIONS,
  REGION_ANSWERS,
  ROLES,
  SituationSchema,
  guide,
} from '../../src/guidance/index.js';
import { BASE, TODAY } from './fixtures.js';

describe('guidance Situation schema', () => {
  it('accepts the base situation and every optional field left out', () => {
    expect(SituationSchema.parse(BASE)).to.deep.equal(BASE);
    const { renewalDate: _r, subscriptionCount: _c, ...minimal } = BASE;
    expect(SituationSchema.safeParse(minimal).success).to.equal(true);
  });

  it('exports the answer ids the UI builds its questions from', () => {
    expect(ROLES).to.deep.equal(['accountAdmin', 'salesAgent', 'billingAgent', 'other', 'notSure']);
    expect(GOALS).to.deep.equal(['multiPartner', 'fromOtherPartner', 'manageOtherChannel', 'fromOtherChannel', 'notSure']);
    expect(PURCHASE_CHANNELS).to.deep.equal(['adminCenter', 'otherPartner', 'enterpriseAgreement', 'volumeLicensing', 'notSure']);
    expect(DELEGATED_ADMINS).to.deep.equal(['gdapSupport', 'gdapOther', 'dap', 'none', 'notSure']);
    expect(REGIONS).to.have.length(15);
    expect(REGION_ANSWERS).to.deep.equal([...REGIONS, 'notSure']);
  });

  it('rejects unknown keys (strict)', () => {
    expect(SituationSchema.safeParse({ ...BASE, extra: 1 }).success).to.equal(false);
  });

  it('rejects unknown enum ids and missing required fields', () => {
    expect(SituationSchema.safeParse({ ...BASE, role: 'globalAdmin' }).success).to.equal(false);
    expect(SituationSchema.safeParse({ ...BASE, tenantRegion: 'mars' }).success).to.equal(false);
    const { goal: _g, ...noGoal } = BASE;
    expect(SituationSchema.safeParse(noGoal).success).to.equal(false);
  });

  it('bounds subscriptionCount to integers 1..100000', () => {
    for (const n of [1, 100_000]) expect(SituationSchema.safeParse({ ...BASE, subscriptionCount: n }).success).to.equal(true);
    for (const n of [0, -1, 1.5, 100_001, Number.NaN]) {
      expect(SituationSchema.safeParse({ ...BASE, subscriptionCount: n }).success, String(n)).to.equal(false);
    }
  });

  it('accepts billingFrequency / otherPartnerBilling with any channel; the rules ignore them there', () => {
    const s = { ...BASE, billingFrequency: 'notSure', otherPartnerBilling: 'notSure' } as const;
    expect(SituationSchema.safeParse(s).success).to.equal(true);
    const ids = guide(s, TODAY).warnings.map((w) => w.id);
    expect(ids).not.to.include.members(['checkBillingFrequency']);
    expect(ids).not.to.include('checkOtherPartnerBilling');
    expect(guide(s, TODAY)).to.deep.equal(guide(BASE, TODAY));
  });

  it('guide() validates its input even when called with a wrongly typed object', () => {
    expect(() => guide({ ...BASE, offerPlan: 'cheaper' } as never, TODAY)).to.throw();
  });
});
