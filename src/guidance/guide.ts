import { buildCredit } from './credit.js';
import { dayNumber } from './dates.js';
import type { Guidance } from './guidanceSchema.js';
import { sortWarnings, toWarning } from './messages.js';
import { collectAsOfNotes, collectLinks } from './references.js';
import { warningDrafts } from './rules/index.js';
import { SituationSchema, type Situation } from './situation.js';
import { buildSteps } from './steps.js';
import { computeTiming } from './timing.js';
import { decideVerdict } from './verdict.js';

/**
 * The whole guidance for one situation: plain data (message keys + params), deterministic.
 * `today` is 'YYYY-MM-DD' and is the only notion of "now" (no clock inside the module).
 * Throws a ZodError for an invalid situation and a RangeError for an invalid `today`.
 */
export function guide(situation: Situation, today: string): Guidance {
  const s = SituationSchema.parse(situation);
  dayNumber(today); // validate early: a bad `today` must not yield advice

  const timing = s.renewalDate === undefined ? null : computeTiming(s.renewalDate, today);
  const steps = buildSteps(s, timing);
  const credit = buildCredit(s);
  const warnings = sortWarnings(warningDrafts(s, timing).map(toWarning));
  const asOfNotes = collectAsOfNotes([...steps, ...warnings, ...(credit?.items ?? []), ...(timing?.items ?? [])]);
  const links = collectLinks(steps, warnings, credit?.linkIds ?? [], asOfNotes);

  return { ...decideVerdict(warnings), steps, credit, warnings, timing, asOfNotes, links };
}
