import { isIsoDate } from '../src/guidance/index.js';
import { normalizeTyped, type Lexicon } from './lexicon.js';
import type { Question } from './questions.js';

export type TypedAnswer = { value: string } | { skip: true } | undefined;

const pad = (n: string) => n.padStart(2, '0');

/** Dates as people type them: 2027-03-31, 2027/3/31, 2027.3.31, 2027年3月31日. */
export function parseTypedDate(text: string): string | undefined {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号|號)?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Reads a typed answer against one question: the option's number, any of its words in any language, or a date. */
export function readTypedAnswer(question: Question, raw: string, lexicon: Lexicon, options: { partial?: boolean } = {}): TypedAnswer {
  const text = normalizeTyped(raw);
  if (question.input === 'date') {
    if (question.optional && lexicon.skipWords.has(text)) return { skip: true };
    const date = parseTypedDate(text);
    return date ? { value: date } : undefined;
  }
  if (question.input === 'multi') return readTypedMulti(question, text, lexicon);
  const number = /^(\d{1,2})(?:[.)、])?$/.exec(text);
  if (number) {
    const option = question.options[Number(number[1]) - 1];
    return option ? { value: option } : undefined;
  }
  const words = question.optionSet ? lexicon.options.get(question.optionSet) : undefined;
  if (!words) return undefined;
  const exact = words.get(text);
  if (exact) return { value: exact };
  if (options.partial === false) return undefined;
  // "we'd move from another channel": accept when the words of exactly one option appear in the text.
  const found = new Set<string>();
  for (const [word, option] of words) if (isDistinctive(word) && text.includes(word)) found.add(option);
  return found.size === 1 ? { value: [...found][0]! } : undefined;
}

/** Short Latin words ("no", "us", "ea") would match inside other words; CJK words are meaningful from two characters. */
function isDistinctive(word: string): boolean {
  return /[\u3400-\u9fff]/.test(word) ? word.length >= 2 : word.length >= 4;
}

/** One typed part against one question: the option's number or any of its words. */
function exactOption(question: Question, part: string, lexicon: Lexicon): string | undefined {
  const number = /^(\d{1,2})(?:[.)、])?$/.exec(part);
  if (number) return question.options[Number(number[1]) - 1];
  return question.optionSet ? lexicon.options.get(question.optionSet)?.get(part) : undefined;
}

/**
 * Several answers at once ("1, 3", "admin agent and sales agent", "管理员代理、销售代理"): every part must
 * name an option, or else the words of the options found in the text are taken. "Not sure" stands alone.
 */
function readTypedMulti(question: Question, text: string, lexicon: Lexicon): TypedAnswer {
  const parts = text.split(/\s*(?:[,，、;；/&+]|\band\b|和|及|与|與|跟)\s*/u).filter(Boolean);
  let found = parts.map((p) => exactOption(question, p, lexicon));
  if (found.some((f) => f === undefined)) {
    const words = question.optionSet ? lexicon.options.get(question.optionSet) : undefined;
    const hits = new Set<string>();
    for (const [word, option] of words ?? []) if (isDistinctive(word) && text.includes(word)) hits.add(option);
    found = [...hits];
  }
  const options = question.options.filter((o) => found.includes(o));
  if (options.length === 0 || (options.includes('notSure') && options.length > 1)) return undefined;
  return { value: options.join(',') };
}
