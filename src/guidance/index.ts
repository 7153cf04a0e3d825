// Public API of the pure guidance engine: situation in, keys + params out.
export { guide } from './guide.js';
export * from './situation.js';
export * from './guidanceSchema.js';
export { REGIONS, type RegionId } from './regions.js';
export { SEVERITIES, VERDICTS, type Severity, type Verdict } from './severity.js';
export { SOURCE_TAGS, type Source, type SourceTag } from './sources.js';
export { LINK_IDS, LINK_URLS, SEED_NEXT_STEP_LINK_IDS, type LinkId } from './links.js';
export { AS_OF_NOTES, AS_OF_NOTE_IDS, type AsOfNoteId } from './asOfNotes.js';
export {
  EXPIRED_WINDOW_DAYS,
  LEGACY_FULL_CREDIT_DAYS,
  NCE_REFUND_DAYS,
  SUBSCRIPTION_LIMIT_LOWER,
  SUBSCRIPTION_LIMIT_UPPER,
} from './policyNumbers.js';
export { isIsoDate, addDays, daysBetween } from './dates.js';
export {
  EMITTED_KEYS,
  LABEL_KEYS,
  PLURAL_KEYS,
  RULE_CATALOGUE,
  RULE_KINDS,
  STEP_ORDER,
  WARNING_IDS,
  type CatalogueEntry,
  type RuleKind,
  type StepId,
  type WarningId,
} from './catalogue/index.js';
