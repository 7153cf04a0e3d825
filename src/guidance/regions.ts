// CSP regions as listed in public Partner Center docs (GUIDANCE §5). Order is the docs' order.
export const REGIONS = [
  'africa',
  'asiaPacific',
  'australia',
  'brazil',
  'canada',
  'china',
  'europe',
  'india',
  'japan',
  'korea',
  'latinAmerica',
  'middleEastCee',
  'newZealand',
  'taiwan',
  'unitedStates',
] as const;

export type RegionId = (typeof REGIONS)[number];
