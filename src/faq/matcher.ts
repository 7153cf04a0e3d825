// Recognises which FAQ topic a typed question is about. Pure: the phrase lists come in as data
// (from locales/<lng>/faq.json), every language pooled, so a question matches whatever the chat's language.
//
// Each topic has keywords (specific enough to name the topic alone: "GDAP", "reseller relationship",
// "退款") and terms (point at the topic but are ambiguous alone: "role", "transfer", "流程"). Shared
// context words ("customer", "subscription", "订阅") only back up a term. Every token of the question
// counts for at most one phrase, longest phrases first, so "GDAP roles" is GDAP, not roles.
// A topic needs a keyword, two terms, or a term with context; and it must clearly beat the runner-up.
// Otherwise there is no answer: "not sure" is better than a confident wrong one.
import { distance } from 'fastest-levenshtein';
import { tokenKey, tokenize, type Token } from './text.js';

export interface TopicPhrases {
  keywords: readonly string[];
  terms: readonly string[];
}

export interface FaqMatcherData<T extends string> {
  topics: ReadonlyMap<T, TopicPhrases>;
  /** Words that make a question about this move ("customer", "订阅"): they back up a term. */
  context: readonly string[];
  /** Phrases that look like a topic word but aren't ("credit card", "信用卡"): they match nothing. */
  neutral: readonly string[];
  /** Typed answers and commands ("yes", "europe", "直接购买", "help"): never a question. */
  answerWords: Iterable<string>;
}

export interface FaqMatch<T extends string> {
  topic: T;
  /** 0–1: how far the topic is ahead of the runner-up, scaled by how much evidence it has. */
  confidence: number;
}

export const WEIGHTS = { keyword: 3, term: 1.5, context: 0.5 } as const;
/** A keyword alone, two terms, or a term with context. */
export const MIN_SCORE = 2;
/** Below this the runner-up is too close to call. */
export const MIN_CONFIDENCE = 0.3;
/** Words a phrase may skip between its own words: 2 English words or 4 Chinese characters. */
const MAX_GAP = 2;

type Kind = 'neutral' | 'keyword' | 'term' | 'context';
const KIND_ORDER: Record<Kind, number> = { neutral: 0, keyword: 1, term: 2, context: 3 };

interface Pattern<T> {
  kind: Kind;
  /** The phrase's words as ids into the matcher's vocabulary, and whether each must touch the one before. */
  words: number[];
  joined: boolean[];
  topics: Set<T>;
  /** English words + Chinese characters / 2: longer phrases are more specific and go first. */
  size: number;
  /** For tests and tuning: the phrase as compiled. */
  text: string;
}

const isDigits = (s: string) => /^\d+$/.test(s);

/** "regoin" / "region": one swap of neighbouring letters. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * Does a typed word count as a phrase's word? Chinese characters and short words (GDAP, EA, 365) must be
 * exact; longer words may differ by an ending (refund → refunded), two swapped letters, or a typo: one edit
 * from 6 letters (5-letter words are too close to each other: batch / watch), two from 9.
 */
export function wordMatches(typed: Token, phrase: Token): boolean {
  if (typed.cjk || phrase.cjk) return typed.text === phrase.text;
  if (typed.text === phrase.text || typed.stem === phrase.stem) return true;
  if (isDigits(typed.text) || isDigits(phrase.text) || phrase.stem.length < 4) return false;
  if (typed.text.startsWith(phrase.text) && typed.text.length - phrase.text.length <= 3) return true;
  const allowed = phrase.stem.length >= 9 ? 2 : phrase.stem.length >= 6 ? 1 : 0;
  if (allowed > 0 && distance(typed.stem, phrase.stem) <= allowed) return true;
  return swapped(typed.text, phrase.text) || swapped(typed.stem, phrase.stem);
}

/** Where a phrase occurs among the unused tokens, or undefined: its words in order, small gaps allowed. */
function find(pattern: Pattern<unknown>, tokens: readonly Token[], hits: ReadonlyArray<ReadonlySet<number>>, used: readonly boolean[]) {
  const same = (i: number, k: number) => !used[i] && hits[i]!.has(pattern.words[k]!);
  for (let start = 0; start < tokens.length; start++) {
    if (!same(start, 0)) continue;
    const at = [start];
    for (let k = 1; k < pattern.words.length; k++) {
      const next = findNext(tokens, at[at.length - 1]!, pattern.joined[k]!, (i) => same(i, k));
      if (next === undefined) break;
      at.push(next);
    }
    if (at.length === pattern.words.length) return at;
  }
  return undefined;
}

function findNext(tokens: readonly Token[], from: number, joined: boolean, same: (i: number) => boolean) {
  if (joined) return from + 1 < tokens.length && same(from + 1) ? from + 1 : undefined;
  let gap = 0;
  for (let i = from + 1; i < tokens.length; i++) {
    if (same(i)) return i;
    gap += tokens[i]!.cjk ? 0.5 : 1;
    if (gap > MAX_GAP) return undefined;
  }
  return undefined;
}

/** Every distinct word of every phrase, once; phrases refer to words by id. */
class Vocabulary {
  readonly words: Token[] = [];
  private readonly ids = new Map<string, number>();
  /** Chinese characters by text (exact match only); Latin words are compared one by one (typos, endings). */
  private readonly cjk = new Map<string, number>();
  private readonly latin: number[] = [];

  id(word: Token): number {
    let id = this.ids.get(word.text);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.ids.set(word.text, id);
      if (word.cjk) this.cjk.set(word.text, id);
      else this.latin.push(id);
    }
    return id;
  }

  /** The ids of every phrase word a typed token counts as. */
  matching(typed: Token): Set<number> {
    if (typed.cjk) {
      const id = this.cjk.get(typed.text);
      return new Set(id === undefined ? [] : [id]);
    }
    return new Set(this.latin.filter((id) => wordMatches(typed, this.words[id]!)));
  }
}

function compile<T extends string>(data: FaqMatcherData<T>) {
  const vocabulary = new Vocabulary();
  const byKey = new Map<string, Pattern<T>>();
  const add = (kind: Kind, phrase: string, topic?: T) => {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    if (tokens.length === 1 && tokens[0]!.cjk) {
      throw new Error(`FAQ phrase "${phrase}" is a single Chinese character: too ambiguous to match on`);
    }
    const text = tokens.map((t) => (t.joined ? '' : ' ') + t.text).join('').trim();
    const key = `${kind}|${tokens.map((t) => (t.joined ? '+' : ' ') + t.text).join('')}`;
    const pattern = byKey.get(key) ?? {
      kind,
      words: tokens.map((t) => vocabulary.id(t)),
      joined: tokens.map((t, i) => i > 0 && t.joined),
      topics: new Set<T>(),
      size: tokens.reduce((n, t) => n + (t.cjk ? 0.5 : 1), 0),
      text,
    };
    if (topic) pattern.topics.add(topic);
    byKey.set(key, pattern);
  };
  for (const [topic, phrases] of data.topics) {
    for (const p of phrases.keywords) add('keyword', p, topic);
    for (const p of phrases.terms) add('term', p, topic);
  }
  for (const p of data.context) add('context', p);
  for (const p of data.neutral) add('neutral', p);

  // Only phrases whose first word occurs in the question are searched.
  const byFirstWord = new Map<number, Pattern<T>[]>();
  for (const pattern of byKey.values()) {
    const list = byFirstWord.get(pattern.words[0]!) ?? [];
    list.push(pattern);
    byFirstWord.set(pattern.words[0]!, list);
  }
  return { vocabulary, byFirstWord };
}

export interface TopicScores<T extends string> {
  /** Topics with any evidence, best first. */
  ranked: Array<{ topic: T; score: number; phrases: string[] }>;
  context: boolean;
}

/** Longer text is not a quick question; the dialogs cut typed text at the same length. */
export const MAX_QUESTION_LENGTH = 500;

export function createFaqMatcher<T extends string>(data: FaqMatcherData<T>) {
  const { vocabulary, byFirstWord } = compile(data);
  const answerKeys = new Set([...data.answerWords].map(tokenKey).filter(Boolean));

  /** Every topic's score for a text, with the phrases that earned it (for tests and tuning). */
  function scores(text: string): TopicScores<T> {
    const tokens = tokenize(text.slice(0, MAX_QUESTION_LENGTH));
    const seen = new Map<string, Set<number>>();
    const hits = tokens.map((t) => {
      let ids = seen.get(t.text);
      if (!ids) seen.set(t.text, (ids = vocabulary.matching(t)));
      return ids;
    });
    const used = tokens.map(() => false);

    // Phase 1: which phrases occur at all, and how tightly. Phase 2: take them longest first, each token once.
    const present = new Set(hits.flatMap((ids) => [...ids].flatMap((id) => byFirstWord.get(id) ?? [])));
    const candidates = [...present].flatMap((pattern) => {
      const at = find(pattern, tokens, hits, used);
      return at ? [{ pattern, span: at[at.length - 1]! - at[0]! }] : [];
    });
    candidates.sort(
      (a, b) => KIND_ORDER[a.pattern.kind] - KIND_ORDER[b.pattern.kind] || b.pattern.size - a.pattern.size || a.span - b.span,
    );

    const byTopic = new Map<T, { score: number; phrases: string[] }>();
    let context = false;
    for (const { pattern } of candidates) {
      const at = find(pattern, tokens, hits, used);
      if (!at) continue;
      for (const i of at) used[i] = true;
      if (pattern.kind === 'context') context = true;
      if (pattern.kind !== 'keyword' && pattern.kind !== 'term') continue;
      for (const topic of pattern.topics) {
        const entry = byTopic.get(topic) ?? { score: 0, phrases: [] };
        entry.score += WEIGHTS[pattern.kind];
        entry.phrases.push(`${pattern.kind}:${pattern.text}`);
        byTopic.set(topic, entry);
      }
    }
    const ranked = [...byTopic].map(([topic, e]) => ({ topic, score: e.score + (context ? WEIGHTS.context : 0), phrases: e.phrases }));
    ranked.sort((a, b) => b.score - a.score);
    return { ranked, context };
  }

  /** The topic a question is about, or undefined when nothing matches with enough confidence. */
  function match(text: string): FaqMatch<T> | undefined {
    const key = tokenKey(text.slice(0, MAX_QUESTION_LENGTH));
    // Nothing to read (digits, dates, punctuation) or a typed answer / command: never a question.
    if (!/\p{L}/u.test(key) || answerKeys.has(key)) return undefined;
    const [best, runnerUp] = scores(text).ranked;
    if (!best || best.score < MIN_SCORE) return undefined;
    const confidence = (1 - (runnerUp?.score ?? 0) / best.score) * Math.min(1, best.score / WEIGHTS.keyword);
    if (confidence < MIN_CONFIDENCE) return undefined;
    return { topic: best.topic, confidence: Math.round(confidence * 100) / 100 };
  }

  return { match, scores };
}

export type FaqMatcher<T extends string> = ReturnType<typeof createFaqMatcher<T>>;
