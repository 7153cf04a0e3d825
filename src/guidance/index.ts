// Public API of the pure guidance engine (GUIDANCE edition 2): situation in, keys + params out.
export { guide, guideSituation } from './guide.js';
export { blockersOf, type Blocker } from './path.js';
export * from './situation.js';
export * from './guidanceSchema.js';
export * from './catalogue.js';
export { REGIONS, type RegionId } from './regions.js';
export { CONTENT_CHECKED, SOURCE_KINDS, type Source, type SourceKind } from './sources.js';
export { LINK_IDS, LINK_URLS, linkTitleKey, type LinkId } from './links.js';
export * from './policyNumbers.js';
export { PHASES, asksDateKind, type Phase, type Timing } from './timing.js';
export { isIsoDate, addDays, daysBetween } from './dates.js';
export { EMITTED_KEYS, LABEL_KEYS } from './keys.js';
