import { buildCredit } from './credit.js';
import { dayNumber } from './dates.js';
import type { Guidance, Link } from './guidanceSchema.js';
import { ALWAYS_LINKED, LINK_IDS, LINK_URLS, linkTitleKey, type LinkId } from './links.js';
import { blockedNotes, pathNotesFor } from './notes.js';
import { blockersOf, choosePath } from './path.js';
import { SituationSchema, type Situation, type SituationInput } from './situation.js';
import type { Source } from './sources.js';
import { pathSteps, unblockSteps } from './steps.js';
import { computeTiming } from './timing.js';
import { decideVerdict } from './verdict.js';
import { FALLBACK_RULES } from './catalogue.js';

/** Every doc a shown fact comes from, plus the move article, in the links table's order. */
function linksFor(sources: readonly Source[]): Link[] {
  const used = new Set<LinkId>(ALWAYS_LINKED);
  for (const { doc } of sources) if (doc) used.add(doc);
  const links: Link[] = [];
  for (const id of LINK_IDS) if (used.has(id)) links.push({ id, url: LINK_URLS[id], titleKey: TITLE_KEYS[id] });
  return links;
}

const TITLE_KEYS = Object.fromEntries(LINK_IDS.map((id) => [id, linkTitleKey(id)])) as Record<LinkId, string>;

/**
 * The whole guidance for one situation (GUIDANCE edition 2): one path or blocked, the steps with their
 * actors and dates, notes by severity, credit where §7 allows it. Plain data (message keys + params),
 * deterministic; `today` ('YYYY-MM-DD') is the only notion of "now".
 * Throws a ZodError for an invalid situation and a RangeError for an invalid `today`.
 */
export function guide(input: SituationInput, today: string): Guidance {
  return guideSituation(SituationSchema.parse(input), today);
}

/**
 * The same for a Situation already validated (the conversation builds its situations from answers each parsed
 * by the Situation's own field schemas): it asks the engine several times a turn, and parsing again would be
 * most of the cost. `today` is still checked.
 */
export function guideSituation(s: Situation, today: string): Guidance {
  dayNumber(today); // validate early: a bad `today` must not yield advice
  const timing = computeTiming(s, today);

  const blockers = blockersOf(s);
  if (blockers.length > 0) {
    const steps = unblockSteps(s, blockers);
    const notes = blockedNotes(s, blockers);
    return {
      verdict: decideVerdict(true, steps, notes),
      path: null,
      fallback: null,
      steps,
      notes,
      credit: null,
      timing,
      links: linksFor([...steps, ...notes].map((m) => m.source)),
    };
  }

  const choice = choosePath(s, timing);
  const steps = pathSteps(s, choice, timing, today);
  const notes = pathNotesFor(s, choice, timing, steps);
  const credit = buildCredit(s, choice, timing);
  const fallback = choice.fallback ? { ...choice.fallback, source: FALLBACK_RULES[choice.fallback.key] } : null;
  const sources = [...steps, ...notes, ...(credit?.items ?? []), ...(fallback ? [fallback] : [])].map((m) => m.source);
  return {
    verdict: decideVerdict(false, steps, notes),
    path: choice.path,
    fallback,
    steps,
    notes,
    credit,
    timing,
    links: linksFor(sources),
  };
}
