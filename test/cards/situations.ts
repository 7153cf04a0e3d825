// Situations for result-card tests: every answer of every field off a plain base, the scenarios the
// issue names, and the largest result found by searching (everything triggering at once).
import { addDays, type Situation } from '../../src/guidance/index.js';
import { BASE as GUIDANCE_BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, FIELD_OPTIONS } from '../guidance/fixtures.js';

export const TODAY = '2026-01-05';
export const inDays = (n: number): string => addDays(TODAY, n);

/** The guidance fixtures' plain situations, without their renewal date and count (dated from another TODAY). */
const undated = ({ renewalDate: _date, subscriptionCount: _count, ...situation }: Situation): Situation => situation;

export const BASE: Situation = undated(GUIDANCE_BASE);
const ADMIN_CENTER: Situation = undated(BASE_ADMIN_CENTER);
const OTHER_PARTNER: Situation = undated(BASE_OTHER_PARTNER);

/** The largest English result card found by a hill-climbing search over every field (≈15.8 KB). */
export const WORST_CASE: Situation = {
  role: 'other',
  goal: 'fromOtherPartner',
  purchaseChannel: 'adminCenter',
  billingFrequency: 'notSure',
  resellerRelationship: 'notSure',
  offerPlan: 'different',
  offerDiscontinued: 'yes',
  licenseCount: 'fewer',
  partnerRegion: 'china',
  tenantRegion: 'middleEastCee',
  delegatedAdmin: 'notSure',
  renewalDate: TODAY,
  subscriptionCount: 100_000,
};

const ALL_NOT_SURE: Situation = {
  role: 'notSure',
  goal: 'notSure',
  purchaseChannel: 'notSure',
  resellerRelationship: 'notSure',
  offerPlan: 'notSure',
  offerDiscontinued: 'notSure',
  licenseCount: 'notSure',
  partnerRegion: 'notSure',
  tenantRegion: 'notSure',
  delegatedAdmin: 'notSure',
};

// Every field's answers (the guidance fixtures', set ones only), with renewal dates around this file's TODAY.
const FIELD_VALUES: Record<string, readonly unknown[]> = {
  ...Object.fromEntries(Object.entries(FIELD_OPTIONS).map(([field, options]) => [field, options.filter((o) => o !== undefined)])),
  renewalDate: [inDays(200), inDays(1), TODAY, inDays(-10), inDays(-29), inDays(-30), inDays(-400)],
  subscriptionCount: [1, 150, 301, 100_000],
};

export interface NamedSituation {
  name: string;
  situation: Situation;
}

function oneFieldVariations(base: Situation, baseName: string): NamedSituation[] {
  return Object.entries(FIELD_VALUES).flatMap(([field, values]) =>
    values.map((value) => ({
      name: `${baseName} with ${field}=${String(value)}`,
      situation: { ...base, [field]: value } as Situation,
    })),
  );
}

export const RESULT_SITUATIONS: readonly NamedSituation[] = [
  { name: 'plain ready', situation: BASE },
  { name: 'admin center, no delegated admin', situation: { ...ADMIN_CENTER, delegatedAdmin: 'none' } },
  { name: 'admin center with GDAP support role', situation: { ...ADMIN_CENTER, delegatedAdmin: 'gdapSupport' } },
  { name: 'admin center with legacy DAP', situation: { ...ADMIN_CENTER, delegatedAdmin: 'dap' } },
  { name: 'other partner, discontinued offer', situation: { ...OTHER_PARTNER, offerDiscontinued: 'yes', offerPlan: 'equivalent' } },
  { name: 'other partner via indirect reseller', situation: { ...OTHER_PARTNER, otherPartnerBilling: 'indirectReseller' } },
  { name: 'region mismatch', situation: { ...BASE, partnerRegion: 'unitedStates', tenantRegion: 'japan' } },
  { name: 'fewer licenses', situation: { ...BASE, licenseCount: 'fewer' } },
  { name: 'renewal in 200 days', situation: { ...ADMIN_CENTER, renewalDate: inDays(200) } },
  { name: 'expired 10 days ago', situation: { ...ADMIN_CENTER, renewalDate: inDays(-10) } },
  { name: 'expired past the window', situation: { ...ADMIN_CENTER, renewalDate: inDays(-45) } },
  { name: 'everything not sure', situation: ALL_NOT_SURE },
  { name: 'everything not sure, admin center, many subscriptions', situation: { ...ALL_NOT_SURE, purchaseChannel: 'adminCenter', billingFrequency: 'notSure', subscriptionCount: 500, renewalDate: TODAY } },
  { name: 'worst case', situation: WORST_CASE },
  ...oneFieldVariations(BASE, 'base'),
  ...oneFieldVariations(ADMIN_CENTER, 'admin center'),
  ...oneFieldVariations(WORST_CASE, 'worst case'),
];
