// Where a check stands: what is known (the partner's profile and this customer's answers), the next question
// worth asking, and the result. Pure: answers and today in, plain data out.
import { LRUCache } from 'lru-cache';
import { addDays, blockersOf, guideSituation, type Guidance, type Situation } from '../../src/guidance/index.js';
import { QUESTIONS, isProfileQuestion, isRelevant, situationOf, type Answers, type Question, type QuestionId } from '../questions.js';
import type { CheckState, UserProfile } from './state.js';

/** Everything known for this check: the partner's own answers, then this customer's. */
export const knownAnswers = (check: CheckState | undefined, profile: UserProfile): Answers => ({
  ...profile.partner,
  ...check?.answers,
});

/** The guidance for a complete set of answers; "continue anyway" reads it as if from a location in the tenant's market. */
export function guidanceFor(answers: Answers, today: string, continueAnyway = false): Guidance {
  const situation = situationOf(answers, today);
  if (continueAnyway && situation.tenantRegion && situation.tenantRegion !== 'notSure') situation.partnerRegion = situation.tenantRegion;
  // Every answer was parsed by its field's schema on the way in (parseAnswer, validAnswers): no second parse.
  return guideSituation(situation as Situation, today);
}

/** Probe answers for questions not answered yet: "not sure" where there is one, so a probe never blocks by itself. */
function probe(q: Question): unknown {
  if (q.input === 'multi') return ['notSure']; // a new list each time: whoever gets it may keep it
  return SINGLE_PROBES.get(q.id);
}

/** The probe of each question that is not multi-select, worked out once. */
const SINGLE_PROBES = new Map<QuestionId, unknown>(
  QUESTIONS.map((q) => [q.id, q.input === 'date' ? undefined : q.options.includes('notSure') ? 'notSure' : q.options[0]]),
);

/** Dates a date question is probed with: none, ahead, just renewed or ended, long ago. */
const DATE_PROBES = [undefined, 60, -3, -60, -200];

/**
 * GUIDANCE-driven skipping: would any answer to `q` change the guidance, given what is known (and "not sure"
 * for the rest)? If every answer gives the same guidance — a blocked move, say — the question is not asked.
 */
export function couldChange(q: Question, known: Answers, today: string, continueAnyway = false): boolean {
  return couldChangeGiven(q, known, today, continueAnyway, knownKeyOf(known, today, continueAnyway));
}

/** couldChange with the memo key of what is known worked out by the caller: one key serves every question it probes. */
function couldChangeGiven(q: Question, known: Answers, today: string, continueAnyway: boolean, knownKey: string): boolean {
  const key = `${q.id}\n${knownKey}`;
  let answer = probed.get(key);
  if (answer === undefined) {
    answer = probeChange(q, known, today, continueAnyway);
    probed.set(key, answer);
  }
  return answer;
}

/**
 * couldChange is a pure function of its arguments, and each answer costs up to 16 engine runs; a check asks it
 * for the same known answers on several turns (and partners share the first questions' states), so answers
 * are remembered, the 20,000 most recently used.
 */
const probed = new LRUCache<string, boolean>({ max: 20_000 });

/** The day, and every known answer the probe reads (those of the catalogue's questions), in catalogue order; the question goes in front. */
function knownKeyOf(known: Answers, today: string, continueAnyway: boolean): string {
  let key = `${today}\n${continueAnyway ? '1' : '0'}`;
  for (const { id } of QUESTIONS) {
    const value = known[id];
    if (value !== undefined) key += `\n${id}=${JSON.stringify(value)}`;
  }
  return key;
}

/** couldChange without the memo (tests compare the two). */
export function probeChange(q: Question, known: Answers, today: string, continueAnyway: boolean): boolean {
  const filled: Record<string, unknown> = {};
  for (const other of QUESTIONS) {
    if (other.id === q.id) continue;
    filled[other.id] = known[other.id] ?? probe(other);
  }
  // "Not sure" first: it almost always changes something (a find-out-first step), so most questions are
  // settled in two engine calls rather than one per option (16 for the markets).
  const values =
    q.input === 'date'
      ? DATE_PROBES.map((d) => (d === undefined ? undefined : addDays(today, d)))
      : [...q.options.filter((o) => o === 'notSure'), ...q.options.filter((o) => o !== 'notSure')];
  let first: Guidance | undefined;
  for (const value of values) {
    const answers = { ...filled, [q.id]: q.input === 'multi' ? [value] : value } as Answers;
    const guidance = guidanceFor(answers, today, continueAnyway);
    if (first === undefined) first = guidance;
    else if (!sameJson(guidance, first)) return true;
  }
  return false;
}

/**
 * `JSON.stringify(a) === JSON.stringify(b)`, without writing either out: it stops at the first difference (two
 * probes' guidance usually differ early). Keys in the same order, undefined and functions left out (null in a
 * list), numbers that JSON cannot hold as null; a value with its own toJSON is compared as written.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!written(a) || !written(b) || ownJson(a) || ownJson(b)) return JSON.stringify(a) === JSON.stringify(b);
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' && tb === 'number') return (Number.isFinite(a) ? a : null) === (Number.isFinite(b) ? b : null);
  if (ta === 'number' || tb === 'number') return JSON.stringify(a) === JSON.stringify(b);
  if (ta !== 'object' || tb !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inList(a[i]), inList(other[i]))) return false;
    return true;
  }
  const ka = writtenKeys(a as Record<string, unknown>);
  const kb = writtenKeys(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameJson((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

const ownJson = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
const written = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/** What JSON.stringify writes for a list item: null for what it would leave out of an object. */
const inList = (v: unknown): unknown => (written(v) ? v : null);

/** The keys JSON.stringify writes, in its order. */
function writtenKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(o)) {
    if (written(o[key])) keys.push(key);
  }
  return keys;
}

export interface Position {
  question: Question;
  /** 1-based, among the questions this check asks. */
  step: number;
  /** Answered so far plus those still to ask: shrinks when answers make questions moot. */
  total: number;
}

/**
 * The next question worth asking, or undefined when the result can be given. Questions the partner's profile
 * already answers are not asked; nor are those no answer of which could change the guidance.
 */
export function nextPosition(check: CheckState, profile: UserProfile, today: string): Position | undefined {
  const known = knownAnswers(check, profile);
  const relevant = QUESTIONS.filter((q) => isRelevant(q, known, today));
  // Only an optional question can be skipped: a required one without an answer is always still open.
  const skipped = (q: Question) => q.optional === true && check.skipped.includes(q.id);
  const open = relevant.filter((q) => known[q.id] === undefined && !skipped(q));
  const continueAnyway = check.continueAnyway === true;
  const knownKey = knownKeyOf(known, today, continueAnyway);
  const question = open.find((q) => couldChangeGiven(q, known, today, continueAnyway, knownKey));
  if (!question) return undefined;
  // Profile answers from earlier checks don't count as steps of this one.
  const asked = relevant.filter((q) => known[q.id] !== undefined && !(isProfileQuestion(q.id) && !check.history.includes(q.id))).length;
  const skippedHere = relevant.filter(skipped).length;
  const done = asked + skippedHere;
  const remaining = open.length - open.indexOf(question);
  return { question, step: done + 1, total: done + remaining };
}

/** The answers known so far, with "not sure" for the rest: enough for the engine to say why a move is blocked. */
export function withProbes(known: Answers): Answers {
  const filled: Record<string, unknown> = {};
  for (const q of QUESTIONS) filled[q.id] = known[q.id] ?? probe(q);
  return filled as Answers;
}

/**
 * True once a blocked verdict is known: the answers so far block the move whatever the rest are. The engine's
 * own blocking rule, asked directly (a full guide() per turn would cost more than the rest of the turn).
 */
export function knownBlocked(check: CheckState, profile: UserProfile, _today: string): boolean {
  if (check.continueAnyway) return false;
  return blockersOf(withProbes(knownAnswers(check, profile)) as Situation).length > 0;
}

export type { QuestionId };
