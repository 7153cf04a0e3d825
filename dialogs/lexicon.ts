import { resources } from '../src/i18n/resources.js';
import { LOCALES, type Locale } from '../src/i18n/index.js';
import { QUESTIONS } from './questions.js';

import { COMMANDS, type Command } from '../cards/actions.js';

export { COMMANDS, type Command };

/**
 * Typed text compared the same way everywhere: full-width forms folded (NFKC), case folded,
 * invisible characters and surrounding punctuation dropped, spaces collapsed.
 */
export function normalizeTyped(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    // Invisible format characters (zero-width, bidi marks and isolates, soft hyphen) carry no meaning here.
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'“”‘’「」『』()（）]+|[\s"'“”‘’「」『』()（）.,!?;:。，！？；：、…~]+$/gu, '');
}

type Words<V extends string = string> = Map<string, V>;

/** Every word of every language, so a user may type in any of them whatever the chat's language. */
export interface Lexicon {
  commands: Words<Command>;
  languages: Words;
  /** optionSet → normalized word → option id (a word claimed by two options of one set is dropped). */
  options: Map<string, Words>;
  skipWords: Set<string>;
}

function add<V extends string>(map: Words<V>, word: string, value: V, clashes: Set<string>): void {
  const w = normalizeTyped(word);
  if (!w) return;
  const prior = map.get(w);
  if (prior !== undefined && prior !== value) clashes.add(w);
  else map.set(w, value);
}

export function buildLexicon(): Lexicon {
  const commands: Words<Command> = new Map();
  const languages: Words = new Map();
  const options = new Map<string, Words>();
  const skipWords = new Set<string>();
  const clashes = new Set<string>();
  const optionClashes = new Map<string, Set<string>>();

  for (const locale of LOCALES) {
    const { common, questions } = resources[locale] as unknown as LocaleData;
    for (const c of COMMANDS) for (const w of common.commands?.[c]?.words ?? []) add(commands, w, c, clashes);
    for (const [lang, entry] of Object.entries(common.languageNames ?? {})) {
      for (const w of entry.words ?? []) add(languages, w, lang, clashes);
    }
    for (const w of questions.skipWords ?? []) skipWords.add(normalizeTyped(w));
    for (const [set, opts] of Object.entries(questions.optionSets ?? {})) {
      const words = options.get(set) ?? new Map<string, string>();
      const setClashes = optionClashes.get(set) ?? new Set<string>();
      for (const [id, opt] of Object.entries(opts)) {
        for (const w of [opt.label, ...(opt.words ?? [])]) if (w) add(words, w, id, setClashes);
      }
      options.set(set, words);
      optionClashes.set(set, setClashes);
    }
  }
  for (const w of clashes) {
    commands.delete(w);
    languages.delete(w);
  }
  for (const [set, words] of options) for (const w of optionClashes.get(set) ?? []) words.delete(w);
  // Language names are also commands ("繁體中文" alone switches), so they win over option words.
  return { commands, languages, options, skipWords };
}

interface LocaleData {
  common: {
    commands?: Record<string, { words?: string[] }>;
    languageNames?: Record<string, { words?: string[] }>;
  };
  questions: {
    skipWords?: string[];
    optionSets?: Record<string, Record<string, { label?: string; words?: string[] }>>;
  };
}

/** "中文" alone means the Chinese the user reads: Traditional for a zh-TW client, else Simplified. */
export function resolveLanguageWord(value: string, clientLocale: Locale | undefined): Locale | undefined {
  if (value === 'chinese') return clientLocale === 'zh-TW' ? 'zh-TW' : 'zh-CN';
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : undefined;
}

export const QUESTION_OPTION_SETS = [...new Set(QUESTIONS.map((q) => q.optionSet).filter(Boolean))] as string[];
