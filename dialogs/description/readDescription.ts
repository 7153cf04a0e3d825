// Reads a partner's one-message description of the customer's case and fills the answers it states
// clearly. Precision first: an answer is filled only from words that say it, never guessed from what
// usually goes with it; two readings that disagree cancel out; negated, hedged and questioned clauses say
// nothing. What is left is asked later.
import { QUESTIONS, parseAnswer, type Answers, type QuestionId } from '../questions.js';
import { normalizeTyped, type Lexicon } from '../lexicon.js';
import { readDelegatedAdmin, readResellerRelationship } from './access.js';
import { readChannel, readGoal } from './channel.js';
import { readCloud } from './cloud.js';
import { contextOf } from './context.js';
import { readSubscriptionCount } from './counts.js';
import { readDates } from './dates.js';
import type { Finding, Unreadable } from './finding.js';
import { readMarkets } from './markets.js';
import { readOffer } from './offer.js';
import { readModels, readRoles } from './partners.js';

export interface DescriptionReading {
  /** Answers clearly stated, each valid for its question (parseAnswer from dialogs/questions.ts). */
  answers: Answers;
  /** Things that look like an answer but can't be read (e.g. a date in an unknown format): say which formats work. */
  unreadable: Unreadable[];
}

/** Longer text is cut here, like a typed message (dialogs/intent.ts MAX_TYPED_LENGTH is 500). */
export const MAX_DESCRIPTION_LENGTH = 2000;

const same = (a: Finding['value'], b: Finding['value']) => JSON.stringify(a) === JSON.stringify(b);

/** Per question, the value its best-ranked readings agree on; none when they disagree. */
function resolve(findings: readonly Finding[]): Map<QuestionId, Finding['value']> {
  const out = new Map<QuestionId, Finding['value']>();
  for (const q of QUESTIONS) {
    const of = findings.filter((f) => f.questionId === q.id);
    if (!of.length) continue;
    const best = Math.max(...of.map((f) => f.rank));
    const top = of.filter((f) => f.rank === best);
    if (top.every((f) => same(f.value, top[0]!.value))) out.set(q.id, top[0]!.value);
  }
  return out;
}

export function readDescription(text: string, today: string, lexicon: Lexicon): DescriptionReading {
  const ctx = contextOf(text.slice(0, MAX_DESCRIPTION_LENGTH), today, lexicon);
  const channels = readChannel(ctx);
  const dates = readDates(ctx.t, ctx.segments, today);
  const findings = [
    ...channels,
    ...readGoal(ctx, channels),
    ...readModels(ctx),
    ...readRoles(ctx),
    ...readMarkets(ctx.t, ctx.segments, ctx.subjects, lexicon),
    ...readCloud(ctx),
    ...readSubscriptionCount(ctx),
    ...readDelegatedAdmin(ctx),
    ...readResellerRelationship(ctx),
    ...readOffer(ctx),
    ...dates.findings,
  ];
  const resolved = resolve(findings);

  // 21Vianet is a cloud of the China market: a tenant said to be elsewhere makes the two disagree.
  if (resolved.get('tenantCloud') === 'vianet' && resolved.has('tenantRegion') && resolved.get('tenantRegion') !== 'china') {
    resolved.delete('tenantCloud');
  }

  const answers: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const value = resolved.get(q.id);
    if (value === undefined) continue;
    const parsed = parseAnswer(q, value);
    if (parsed !== undefined) answers[q.id] = parsed;
  }
  const unreadable = dates.unreadable.filter((u) => answers[u.questionId] === undefined);
  return { answers: answers as Answers, unreadable: dedupe(unreadable) };
}

function dedupe(list: Unreadable[]): Unreadable[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = `${u.questionId}\u0000${u.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Facts a reading holds: each answer once (a date with its kind counts once), each unreadable once. */
export function factCount(reading: DescriptionReading): number {
  const ids = Object.keys(reading.answers).filter((id) => id !== 'dateKind');
  return ids.length + reading.unreadable.length;
}

// Sure signs of something else: a command, a language name, one option word, a skip word.
function isSingleWord(text: string, lexicon: Lexicon): boolean {
  const t = normalizeTyped(text);
  if (!t || lexicon.commands.has(t) || lexicon.languages.has(t) || lexicon.skipWords.has(t)) return true;
  for (const words of lexicon.options.values()) if (words.has(t)) return true;
  return false;
}

/**
 * True when a typed message looks like a case description rather than a command, an answer or a
 * question: it states two or more facts of the case. A question states none (its clauses are questions).
 */
export function looksLikeDescription(text: string, lexicon: Lexicon, today: string = new Date().toISOString().slice(0, 10)): boolean {
  if (isSingleWord(text, lexicon)) return false;
  return factCount(readDescription(text, today, lexicon)) >= 2;
}
