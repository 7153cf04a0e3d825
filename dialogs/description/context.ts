import type { Lexicon } from '../lexicon.js';
import type { Finding } from './finding.js';
import { Subjects, type Subject } from './subjects.js';
import { comparable, negatedAt, segmentsOf, type Segment, type Text } from './text.js';

/** One description, prepared once for every reader. */
export interface Context {
  t: Text;
  segments: Segment[];
  subjects: Subjects;
  today: string;
  lexicon: Lexicon;
}

export function contextOf(text: string, today: string, lexicon: Lexicon): Context {
  const t = comparable(text);
  const segments = segmentsOf(t);
  return { t, segments, subjects: new Subjects(t, segments), today, lexicon };
}

export interface Hit {
  start: number;
  end: number;
  match: RegExpMatchArray;
  seg: Segment;
  negated: boolean;
  /** Who the clause is about at this point (nearest subject before it, or carried from an earlier clause). */
  subject: Subject | undefined;
  /** The nearest subject before it in its own clause only. */
  clauseSubject: Subject | undefined;
}

/** Every match of a pattern in the clauses that state something (questions and guesses are skipped). */
export function hits(ctx: Context, re: RegExp): Hit[] {
  const out: Hit[] = [];
  const global = re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`);
  for (const seg of ctx.segments) {
    if (seg.hedged) continue;
    for (const m of seg.text.matchAll(global)) {
      const start = seg.start + m.index;
      out.push({
        start,
        end: start + m[0].length,
        match: m,
        seg,
        negated: negatedAt(seg, start, ctx.t.text),
        subject: ctx.subjects.before(start),
        clauseSubject: ctx.subjects.before(start, { carry: false }),
      });
    }
  }
  return out;
}

/** A pattern and the answer it states, with how direct the evidence is. */
export type Rule = [pattern: RegExp, value: string, rank: number];

/** Findings of a list of rules, negated ones and those said of the wrong subject left out. */
export function findingsOf(
  ctx: Context,
  questionId: Finding['questionId'],
  rules: readonly Rule[],
  accept: (hit: Hit) => boolean = () => true,
): Finding[] {
  const out: Finding[] = [];
  for (const [re, value, rank] of rules) {
    for (const hit of hits(ctx, re)) {
      if (!hit.negated && accept(hit)) out.push({ questionId, value, at: hit.start, rank });
    }
  }
  return out;
}

/** A Chinese pattern piece: any of these words. */
export const anyOf = (...words: string[]): string => `(?:${words.join('|')})`;
