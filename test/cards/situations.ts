// Situations for result-card tests: every answer of every field off a plain base, the scenarios the
// issue names, and the largest result found by searching (everything triggering at once).
import { addDays, type Situation } from '../../src/guidance/index.js';
import { BASE as GUIDANCE_BASE, BASE_EA, BASE_OTHER_PARTNER, FIELD_OPTIONS } from '../guidance/fixtures.js';

export const TODAY = '2026-01-05';
export const inDays = (n: number): string => addDays(TODAY, n);

/** The guidance fixtures' plain situations, without their renewal date (dated from another TODAY). */
const undated = ({ renewalDate: _date, ...situation }: Situation): Situation => situation;

export const BASE: Situation = undated(GUIDANCE_BASE);
const OTHER_PARTNER: Situation = undated(BASE_OTHER_PARTNER);
const EA: Situation = undated(BASE_EA);

/** A long English result card: most notes at once (found by trying the fields one at a time). */
export const WORST_CASE: Situation = {
  partnerRoles: ['accountAdmin'],
  partnerModel: 'notSure',
  partnerRegion: 'china',
  goal: 'fromOtherPartner',
  purchaseChannel: 'adminCenter',
  tenantRegion: 'china',
  tenantCloud: 'notSure',
  activeSubscriptions: 'notSure',
  resellerRelationship: 'notSure',
  delegatedAdmin: 'dap',
  offerPlan: 'different',
  offerDiscontinued: 'yes',
  licenseCount: 'fewer',
  renewalDate: inDays(-3),
  dateKind: 'notSure',
};

const ALL_NOT_SURE: Situation = {
  partnerRoles: ['notSure'],
  partnerModel: 'notSure',
  partnerRegion: 'notSure',
  goal: 'notSure',
  purchaseChannel: 'notSure',
  tenantRegion: 'notSure',
  activeSubscriptions: 'notSure',
  resellerRelationship: 'notSure',
  delegatedAdmin: 'notSure',
  offerPlan: 'notSure',
  offerDiscontinued: 'notSure',
  licenseCount: 'notSure',
};

// Every field's answers (the guidance fixtures', set ones only), with dates around this file's TODAY.
const FIELD_VALUES: Record<string, readonly unknown[]> = {
  ...Object.fromEntries(Object.entries(FIELD_OPTIONS).map(([field, options]) => [field, options.filter((o) => o !== undefined)])),
  renewalDate: [inDays(200), inDays(1), TODAY, inDays(-10), inDays(-30), inDays(-45), inDays(-400)],
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
  { name: 'direct, no delegated admin, renewed 2 days ago', situation: { ...BASE, delegatedAdmin: 'none', renewalDate: inDays(-2), dateKind: 'renewed' } },
  { name: 'direct with legacy DAP, no date', situation: { ...BASE, delegatedAdmin: 'dap' } },
  { name: 'another partner (transfer)', situation: OTHER_PARTNER },
  { name: 'another partner via indirect reseller, over 150', situation: { ...OTHER_PARTNER, otherPartnerBilling: 'indirectReseller', activeSubscriptions: 'over150' } },
  { name: 'enterprise agreement', situation: { ...EA, renewalDate: inDays(90) } },
  { name: 'multi-partner', situation: { ...OTHER_PARTNER, goal: 'multiPartner' } },
  { name: 'over 150', situation: { ...BASE, activeSubscriptions: 'over150', renewalDate: inDays(40) } },
  { name: 'market mismatch', situation: { ...BASE, partnerRegion: 'unitedStates', tenantRegion: 'japan' } },
  { name: '21Vianet', situation: { ...BASE, partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' } },
  { name: 'ended 10 days ago', situation: { ...BASE, renewalDate: inDays(-10), dateKind: 'ended' } },
  { name: 'ended 40 days ago (users offline)', situation: { ...BASE, renewalDate: inDays(-40), dateKind: 'ended' } },
  { name: 'account admin only, indirect reseller', situation: { ...BASE, partnerRoles: ['accountAdmin'], partnerModel: 'indirectReseller', resellerRelationship: 'no' } },
  { name: 'everything not sure', situation: ALL_NOT_SURE },
  { name: 'worst case', situation: WORST_CASE },
  ...oneFieldVariations(BASE, 'base'),
  ...oneFieldVariations(OTHER_PARTNER, 'another partner'),
  ...oneFieldVariations(WORST_CASE, 'worst case'),
];
