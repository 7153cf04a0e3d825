import { STEP_RULES, WARNING_IDS, WARNING_RULES, warningKey } from './catalogue/index.js';
import type { StepId, StepKey, StepRule, WarningId, WarningRule } from './catalogue/index.js';
import type { SourcedMessage, Step, Warning } from './guidanceSchema.js';
import { SEVERITIES } from './severity.js';
import { resolveSource, type SourceRef } from './sources.js';

export type Params = Record<string, string | number>;

/** What a rule decides: which warning, with which params. The catalogue supplies the rest. */
export interface WarningDraft {
  id: WarningId;
  params?: Params;
}

const withParams = (params: Params | undefined): { params?: Params } => (params ? { params } : {});

export function toWarning(draft: WarningDraft): Warning {
  const rule: WarningRule = WARNING_RULES[draft.id];
  return {
    id: draft.id,
    key: warningKey(draft.id),
    ...withParams(draft.params),
    severity: rule.severity,
    source: resolveSource(rule.source),
    ...(rule.linkIds ? { linkIds: [...rule.linkIds] } : {}),
  };
}

export function toStep<I extends StepId>(id: I, key: StepKey<I>, params?: Params): Step {
  const rule: StepRule = STEP_RULES[id];
  return {
    id,
    key,
    ...withParams(params),
    source: resolveSource(rule.source),
    ...(rule.linkIds ? { linkIds: [...rule.linkIds] } : {}),
  };
}

export function toItem(key: string, ref: SourceRef, params?: Params): SourcedMessage {
  return { key, ...withParams(params), source: resolveSource(ref) };
}

/** Severity first, then catalogue order: stable and independent of which rule file emitted what. */
export function sortWarnings(warnings: Warning[]): Warning[] {
  const rank = (w: Warning): number =>
    SEVERITIES.indexOf(w.severity) * WARNING_IDS.length + WARNING_IDS.indexOf(w.id);
  return [...warnings].sort((a, b) => rank(a) - rank(b));
}
