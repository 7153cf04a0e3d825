import type { RegionId } from '../../src/guidance/index.js';

/**
 * The CSP market a Teams client's region subtag points to (GUIDANCE §6 markets), for a one-click suggestion
 * only: the partner confirms it, and a tag without a region (plain "en") suggests nothing.
 */
const BY_REGION: Readonly<Record<string, RegionId>> = {
  us: 'unitedStates',
  ca: 'canada',
  br: 'brazil',
  mx: 'latinAmerica',
  ar: 'latinAmerica',
  cl: 'latinAmerica',
  co: 'latinAmerica',
  gb: 'europe',
  ie: 'europe',
  de: 'europe',
  fr: 'europe',
  es: 'europe',
  it: 'europe',
  nl: 'europe',
  se: 'europe',
  au: 'australia',
  nz: 'newZealand',
  in: 'india',
  jp: 'japan',
  kr: 'korea',
  cn: 'china',
  tw: 'taiwan',
  hk: 'asiaPacific',
  mo: 'asiaPacific',
  sg: 'asiaPacific',
  za: 'africa',
  ae: 'middleEastCee',
  sa: 'middleEastCee',
};

export function marketOfLocale(tag: unknown): RegionId | undefined {
  if (typeof tag !== 'string') return undefined;
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const region = parts.slice(1).find((p) => p.length === 2);
  return region ? BY_REGION[region] : undefined;
}
