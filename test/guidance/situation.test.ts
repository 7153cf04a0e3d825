// The Situation schema: strict, enum ids, real dates, the roles multi-select.
import { expect } from 'chai';
import { ZodError } from 'zod';
import { GOALS, PARTNER_ROLE_ANSWERS, PURCHASE_CHANNELS, REGIONS, REGION_ANSWERS, SituationSchema, addDays, daysBetween, guide, isIsoDate } from '../../src/guidance/index.js';
import { BASE, TODAY } from './fixtures.js';

describe('guidance Situation schema', () => {
  it('accepts the base situation and every optional field left out', () => {
    expect(SituationSchema.parse(BASE)).to.deep.equal(BASE);
    const { renewalDate: _r, activeSubscriptions: _a, ...minimal } = BASE;
    expect(SituationSchema.safeParse(minimal).success).to.equal(true);
  });

  it('exports the answer ids the UI builds its questions from (edition 2)', () => {
    expect(PARTNER_ROLE_ANSWERS).to.deep.equal(['adminAgent', 'salesAgent', 'globalAdmin', 'accountAdmin', 'billingAdmin', 'helpdeskAgent', 'notSure']);
    expect(GOALS).to.deep.equal(['fromOtherPartner', 'fromOtherChannel', 'multiPartner', 'notSure']);
    expect(PURCHASE_CHANNELS).to.deep.equal(['adminCenter', 'otherPartner', 'enterpriseAgreement', 'openLicense', 'otherVolumeLicensing', 'notSure']);
    expect(REGIONS).to.have.length(15);
    expect(REGION_ANSWERS).to.deep.equal([...REGIONS, 'notSure']);
  });

  it('reads a card\'s multi-select "a,b" as a list; "notSure" stands alone; no duplicates, no unknown role', () => {
    expect(SituationSchema.parse({ ...BASE, partnerRoles: 'adminAgent,salesAgent' }).partnerRoles).to.deep.equal(['adminAgent', 'salesAgent']);
    for (const bad of ['', 'adminAgent,notSure', 'adminAgent,adminAgent', 'billingAgent', 'other', [], ['x']]) {
      expect(SituationSchema.safeParse({ ...BASE, partnerRoles: bad }).success, JSON.stringify(bad)).to.equal(false);
    }
  });

  it('rejects unknown keys (strict), unknown ids, missing fields and edition-1 fields', () => {
    expect(SituationSchema.safeParse({ ...BASE, extra: 1 }).success).to.equal(false);
    expect(SituationSchema.safeParse({ ...BASE, role: 'accountAdmin' }).success).to.equal(false);
    expect(SituationSchema.safeParse({ ...BASE, billingFrequency: 'annual' }).success).to.equal(false);
    expect(SituationSchema.safeParse({ ...BASE, purchaseChannel: 'volumeLicensing' }).success).to.equal(false);
    expect(SituationSchema.safeParse({ ...BASE, tenantRegion: 'mars' }).success).to.equal(false);
    const { goal: _g, ...noGoal } = BASE;
    expect(SituationSchema.safeParse(noGoal).success).to.equal(false);
  });

  it('dates are real calendar dates', () => {
    for (const d of ['2027-02-29', '2026-13-01', '26-1-1', '2026-1-01', '1899-12-31', '3000-01-01']) {
      expect(SituationSchema.safeParse({ ...BASE, renewalDate: d }).success, d).to.equal(false);
      expect(isIsoDate(d), d).to.equal(false);
    }
    expect(isIsoDate('2028-02-29')).to.equal(true);
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(daysBetween('2026-12-31', '2027-01-01')).to.equal(1);
  });

  it('guide() validates its input even when called with a wrongly typed object', () => {
    expect(() => guide({ ...BASE, offerPlan: 'cheaper' } as never, TODAY)).to.throw(ZodError);
  });
});
