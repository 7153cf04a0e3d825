import { AS_OF_NOTE_IDS, asOfNoteKey } from '../asOfNotes.js';
import { LINK_IDS, LINK_URLS, linkTitleKey } from '../links.js';
import { REGIONS } from '../regions.js';
import { SEVERITIES, VERDICTS, type Severity } from '../severity.js';
import { SOURCE_TAGS, resolveSource, type Source } from '../sources.js';
import { CREDIT_ITEMS, TIMING_ITEMS } from './items.js';
import { STEP_ORDER, STEP_RULES } from './steps.js';
import { WARNING_IDS, WARNING_RULES, warningKey } from './warnings.js';

export * from './items.js';
export * from './steps.js';
export * from './warnings.js';

export const RULE_KINDS = ['warning', 'step', 'credit', 'timing', 'asOf', 'link'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** One row of the rule catalogue (docs/guidance-rules.md mirrors these rows). */
export interface CatalogueEntry {
  kind: RuleKind;
  id: string;
  keys: readonly string[];
  severity?: Severity;
  source?: Source;
  url?: string;
}

const suffix = (key: string): string => key.slice(key.indexOf('.') + 1);

export const RULE_CATALOGUE: readonly CatalogueEntry[] = [
  ...WARNING_IDS.map((id) => ({
    kind: 'warning' as const,
    id,
    keys: [warningKey(id)],
    severity: WARNING_RULES[id].severity,
    source: resolveSource(WARNING_RULES[id].source),
  })),
  ...STEP_ORDER.map((id) => ({
    kind: 'step' as const,
    id,
    keys: STEP_RULES[id].keys,
    source: resolveSource(STEP_RULES[id].source),
  })),
  ...Object.entries(CREDIT_ITEMS).map(([key, ref]) => ({
    kind: 'credit' as const,
    id: suffix(key),
    keys: [key],
    source: resolveSource(ref),
  })),
  ...Object.entries(TIMING_ITEMS).map(([key, ref]) => ({
    kind: 'timing' as const,
    id: suffix(key),
    keys: [key],
    source: resolveSource(ref),
  })),
  ...AS_OF_NOTE_IDS.map((id) => ({
    kind: 'asOf' as const,
    id,
    keys: [asOfNoteKey(id)],
    source: resolveSource({ note: id }),
  })),
  ...LINK_IDS.map((id) => ({ kind: 'link' as const, id, keys: [linkTitleKey(id)], url: LINK_URLS[id] })),
];

/** Every message key guide() can emit (plural keys without their _one/_other suffix). */
export const EMITTED_KEYS: readonly string[] = RULE_CATALOGUE.flatMap((entry) => entry.keys);

/** Labels the texts or the UI need for enum ids: region names (used via $t nesting), verdicts, severities, sources. */
export const LABEL_KEYS: readonly string[] = [
  ...REGIONS.map((id) => `region.${id}`),
  ...VERDICTS.map((id) => `verdict.${id}`),
  ...SEVERITIES.map((id) => `severity.${id}`),
  ...SOURCE_TAGS.map((id) => `source.${id}`),
];

