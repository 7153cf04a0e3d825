// Shared situations, dates and arbitraries for the guidance tests.
import fc from 'fast-check';
import {
  BILLING_FREQUENCIES,
  DELEGATED_ADMINS,
  GOALS,
  LICENSE_COUNTS,
  OFFER_DISCONTINUED,
  OFFER_PLANS,
  OTHER_PARTNER_BILLINGS,
  PURCHASE_CHANNELS,
  REGION_ANSWERS,
  RESELLER_RELATIONSHIPS,
  ROLES,
  addDays,
  guide,
  type Guidance,
  type Situation,
} from '../../src/guidance/index.js';

export const TODAY = '2026-03-10';
export const inDays = (n: number): string => addDays(TODAY, n);

/** A situation with nothing to flag beyond info: verdict 'ready'. */
export const BASE: Situation = {
  role: 'accountAdmin',
  goal: 'fromOtherChannel',
  purchaseChannel: 'enterpriseAgreement',
  resellerRelationship: 'yes',
  offerPlan: 'same',
  offerDiscontinued: 'no',
  licenseCount: 'same',
  partnerRegion: 'europe',
  tenantRegion: 'europe',
  delegatedAdmin: 'gdapSupport',
  renewalDate: inDays(60),
  subscriptionCount: 10,
};

export const BASE_ADMIN_CENTER: Situation = { ...BASE, purchaseChannel: 'adminCenter', billingFrequency: 'annual' };
export const BASE_OTHER_PARTNER: Situation = {
  ...BASE,
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'directBill',
};

/** A customer the partner has no relationship or delegated admin with yet. */
export const BASE_NEW_CUSTOMER: Situation = { ...BASE, resellerRelationship: 'no', delegatedAdmin: 'none' };

/** A change to the base situation, optionally with another `today`. */
export interface Change {
  s: Partial<Situation>;
  today?: string;
}

export const run = (change: Change, base: Situation = BASE): Guidance =>
  guide({ ...base, ...change.s }, change.today ?? TODAY);

export const warningIds = (g: Guidance): string[] => g.warnings.map((w) => w.id);
export const stepIds = (g: Guidance): string[] => g.steps.map((s) => s.id);

/** Every key a Guidance carries, anywhere. */
export function keysIn(g: Guidance): string[] {
  return [
    ...g.steps.map((m) => m.key),
    ...g.warnings.map((m) => m.key),
    ...(g.credit?.items.map((m) => m.key) ?? []),
    ...(g.timing?.items.map((m) => m.key) ?? []),
    ...g.asOfNotes.map((m) => m.key),
    ...g.links.map((l) => l.titleKey),
  ];
}

/** Every field's answer options (undefined where the field is optional). */
export const FIELD_OPTIONS: { [K in keyof Situation]-?: readonly Situation[K][] } = {
  role: ROLES,
  goal: GOALS,
  purchaseChannel: PURCHASE_CHANNELS,
  billingFrequency: [...BILLING_FREQUENCIES, undefined],
  otherPartnerBilling: [...OTHER_PARTNER_BILLINGS, undefined],
  resellerRelationship: RESELLER_RELATIONSHIPS,
  offerPlan: OFFER_PLANS,
  offerDiscontinued: OFFER_DISCONTINUED,
  licenseCount: LICENSE_COUNTS,
  partnerRegion: REGION_ANSWERS,
  tenantRegion: REGION_ANSWERS,
  delegatedAdmin: DELEGATED_ADMINS,
  renewalDate: [-400, -30, -29, -1, 0, 1, 30, 31, 365].map(inDays).concat([undefined as unknown as string]),
  subscriptionCount: [1, 150, 151, 300, 301, 100_000, undefined],
};

/** Every single-field variation of four bases: reaches every rule the engine has. */
export function corpus(): Guidance[] {
  const out: Guidance[] = [];
  for (const base of [BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, BASE_NEW_CUSTOMER]) {
    for (const [field, options] of Object.entries(FIELD_OPTIONS)) {
      for (const value of options) out.push(guide({ ...base, [field]: value }, TODAY));
    }
  }
  return out;
}

const isoDateArb = (min: string, max: string): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

export const todayArb = isoDateArb('2024-01-01', '2030-12-31');

export const situationArb: fc.Arbitrary<Situation> = fc.record(
  {
    role: fc.constantFrom(...ROLES),
    goal: fc.constantFrom(...GOALS),
    purchaseChannel: fc.constantFrom(...PURCHASE_CHANNELS),
    billingFrequency: fc.constantFrom(...BILLING_FREQUENCIES),
    otherPartnerBilling: fc.constantFrom(...OTHER_PARTNER_BILLINGS),
    resellerRelationship: fc.constantFrom(...RESELLER_RELATIONSHIPS),
    offerPlan: fc.constantFrom(...OFFER_PLANS),
    offerDiscontinued: fc.constantFrom(...OFFER_DISCONTINUED),
    licenseCount: fc.constantFrom(...LICENSE_COUNTS),
    partnerRegion: fc.constantFrom(...REGION_ANSWERS),
    tenantRegion: fc.constantFrom(...REGION_ANSWERS),
    delegatedAdmin: fc.constantFrom(...DELEGATED_ADMINS),
    renewalDate: isoDateArb('2023-06-01', '2031-12-31'),
    subscriptionCount: fc.integer({ min: 1, max: 100_000 }),
  },
  { requiredKeys: [
    'role', 'goal', 'purchaseChannel', 'resellerRelationship', 'offerPlan', 'offerDiscontinued',
    'licenseCount', 'partnerRegion', 'tenantRegion', 'delegatedAdmin',
  ] },
);
