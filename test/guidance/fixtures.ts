// Shared situations, dates and arbitraries for the guidance tests (GUIDANCE edition 2).
import fc from 'fast-check';
import {
  ACTIVE_SUBSCRIPTIONS,
  DATE_KINDS,
  DELEGATED_ADMINS,
  GOALS,
  LICENSE_COUNTS,
  OFFER_DISCONTINUED,
  OFFER_PLANS,
  OTHER_PARTNER_BILLINGS,
  PARTNER_MODELS,
  PARTNER_ROLES,
  PURCHASE_CHANNELS,
  REGION_ANSWERS,
  RESELLER_RELATIONSHIPS,
  TENANT_CLOUDS,
  addDays,
  guide,
  type Guidance,
  type Situation,
} from '../../src/guidance/index.js';

export const TODAY = '2026-03-10';
export const inDays = (n: number): string => addDays(TODAY, n);

/** A direct (admin center) buyer, everything known and in order: the manual path, verdict 'ready'. */
export const BASE: Situation = {
  partnerRoles: ['adminAgent'],
  partnerModel: 'directBill',
  partnerRegion: 'europe',
  goal: 'fromOtherChannel',
  purchaseChannel: 'adminCenter',
  tenantRegion: 'europe',
  activeSubscriptions: 'upTo150',
  resellerRelationship: 'yes',
  delegatedAdmin: 'gdapSupport',
  offerPlan: 'same',
  offerDiscontinued: 'no',
  licenseCount: 'same',
  renewalDate: inDays(60),
};

export const BASE_OTHER_PARTNER: Situation = {
  ...BASE,
  goal: 'fromOtherPartner',
  purchaseChannel: 'otherPartner',
  otherPartnerBilling: 'directBill',
};

export const BASE_EA: Situation = { ...BASE, purchaseChannel: 'enterpriseAgreement', activeSubscriptions: undefined };

/** A customer the partner has no relationship or delegated admin with yet. */
export const BASE_NEW_CUSTOMER: Situation = { ...BASE, resellerRelationship: 'no', delegatedAdmin: 'none' };

export const run = (change: Partial<Situation>, base: Situation = BASE, today = TODAY): Guidance => guide({ ...base, ...change }, today);

export const stepKeys = (g: Guidance): string[] => g.steps.map((s) => s.key);
export const noteKeys = (g: Guidance): string[] => g.notes.map((n) => n.key);
export const actorsOf = (g: Guidance): Record<string, string> => Object.fromEntries(g.steps.map((s) => [s.key, s.actor]));

/** Every key a Guidance carries, anywhere. */
export function keysIn(g: Guidance): string[] {
  return [
    ...g.steps.map((m) => m.key),
    ...g.notes.map((m) => m.key),
    ...(g.credit?.items.map((m) => m.key) ?? []),
    ...(g.fallback ? [g.fallback.key] : []),
    ...g.links.map((l) => l.titleKey),
  ];
}

/** Every field's answer options (undefined where the field is optional). */
export const FIELD_OPTIONS: { [K in keyof Situation]-?: readonly Situation[K][] } = {
  partnerRoles: [['adminAgent'], ['accountAdmin'], ['salesAgent', 'billingAdmin'], ['globalAdmin'], ['helpdeskAgent'], ['notSure']],
  partnerModel: PARTNER_MODELS,
  partnerRegion: REGION_ANSWERS,
  goal: GOALS,
  purchaseChannel: PURCHASE_CHANNELS,
  otherPartnerBilling: [...OTHER_PARTNER_BILLINGS, undefined],
  tenantRegion: REGION_ANSWERS,
  tenantCloud: [...TENANT_CLOUDS, undefined],
  activeSubscriptions: [...ACTIVE_SUBSCRIPTIONS, undefined],
  resellerRelationship: RESELLER_RELATIONSHIPS,
  delegatedAdmin: DELEGATED_ADMINS,
  offerPlan: OFFER_PLANS,
  offerDiscontinued: OFFER_DISCONTINUED,
  licenseCount: LICENSE_COUNTS,
  renewalDate: [-400, -121, -120, -31, -30, -8, -7, -1, 0, 1, 7, 8, 365].map(inDays).concat([undefined as unknown as string]),
  dateKind: [...DATE_KINDS, undefined],
};

const BASES: Situation[] = [
  BASE,
  BASE_OTHER_PARTNER,
  BASE_EA,
  BASE_NEW_CUSTOMER,
  { ...BASE, renewalDate: inDays(-3), dateKind: 'notSure' },
  { ...BASE, renewalDate: inDays(-3), dateKind: 'ended' },
  { ...BASE_OTHER_PARTNER, renewalDate: inDays(-3), dateKind: 'renewed' },
  { ...BASE_EA, renewalDate: inDays(-3), dateKind: 'ended' },
  { ...BASE, partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'global' },
];

/** Every single-field variation of several bases: reaches every rule the engine has. */
export function corpus(): Guidance[] {
  const out: Guidance[] = [];
  for (const base of BASES) {
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

export const rolesArb = fc.oneof(
  fc.constant(['notSure'] as Situation['partnerRoles']),
  fc.subarray([...PARTNER_ROLES], { minLength: 1 }),
);

export const situationArb: fc.Arbitrary<Situation> = fc.record(
  {
    partnerRoles: rolesArb,
    partnerModel: fc.constantFrom(...PARTNER_MODELS),
    partnerRegion: fc.constantFrom(...REGION_ANSWERS),
    goal: fc.constantFrom(...GOALS),
    purchaseChannel: fc.constantFrom(...PURCHASE_CHANNELS),
    otherPartnerBilling: fc.constantFrom(...OTHER_PARTNER_BILLINGS),
    tenantRegion: fc.constantFrom(...REGION_ANSWERS),
    tenantCloud: fc.constantFrom(...TENANT_CLOUDS),
    activeSubscriptions: fc.constantFrom(...ACTIVE_SUBSCRIPTIONS),
    resellerRelationship: fc.constantFrom(...RESELLER_RELATIONSHIPS),
    delegatedAdmin: fc.constantFrom(...DELEGATED_ADMINS),
    offerPlan: fc.constantFrom(...OFFER_PLANS),
    offerDiscontinued: fc.constantFrom(...OFFER_DISCONTINUED),
    licenseCount: fc.constantFrom(...LICENSE_COUNTS),
    renewalDate: isoDateArb('2023-06-01', '2031-12-31'),
    dateKind: fc.constantFrom(...DATE_KINDS),
  },
  {
    requiredKeys: [
      'partnerRoles', 'partnerModel', 'partnerRegion', 'goal', 'purchaseChannel', 'tenantRegion',
      'resellerRelationship', 'delegatedAdmin', 'offerPlan', 'offerDiscontinued', 'licenseCount',
    ],
  },
);
