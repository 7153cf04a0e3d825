import type { Activity } from 'botbuilder';
import { SubmitDataSchema } from '../cards/actions.js';
import { normalizeLocale, type Locale } from '../src/i18n/index.js';
import { normalizeTyped, resolveLanguageWord, type Command, type Lexicon } from './lexicon.js';

/** What the user meant this turn, whatever the activity looked like. The dialogs see only this. */
export type Intent =
  | { kind: 'command'; command: Command; locale?: Locale }
  | { kind: 'answer'; questionId: string; answer?: string; skip?: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'invalidSubmit' }
  | { kind: 'empty' };

export const MAX_TYPED_LENGTH = 500;

/** "language zh-TW", "語言 繁體中文": the command word followed by a language name. */
function languageWithArgument(text: string, lexicon: Lexicon, client: Locale | undefined): Intent | undefined {
  for (const [word, command] of lexicon.commands) {
    if (command !== 'language' || !text.startsWith(word)) continue;
    const rest = normalizeTyped(text.slice(word.length));
    const value = lexicon.languages.get(rest) ?? normalizeLocale(rest);
    const locale = value ? resolveLanguageWord(value, client) : undefined;
    if (locale) return { kind: 'command', command: 'language', locale };
  }
  return undefined;
}

export function intentFromText(raw: string, lexicon: Lexicon, clientLocale?: unknown): Intent {
  const text = normalizeTyped(raw.slice(0, MAX_TYPED_LENGTH));
  if (!text) return { kind: 'empty' };
  const client = normalizeLocale(clientLocale);
  const command = lexicon.commands.get(text);
  if (command) return { kind: 'command', command };
  const language = lexicon.languages.get(text);
  const locale = language ? resolveLanguageWord(language, client) : undefined;
  if (locale) return { kind: 'command', command: 'language', locale };
  return languageWithArgument(text, lexicon, client) ?? { kind: 'text', text: raw.slice(0, MAX_TYPED_LENGTH) };
}

/** One place maps an activity (typed text or a card submit) to an intent. */
export function intentOf(activity: Partial<Activity>, lexicon: Lexicon): Intent {
  if (activity.value !== undefined && activity.value !== null) {
    const parsed = SubmitDataSchema.safeParse(activity.value);
    if (!parsed.success) return { kind: 'invalidSubmit' };
    const data = parsed.data;
    if (data.action === 'command') return { kind: 'command', command: data.command, locale: data.locale };
    return { kind: 'answer', questionId: data.questionId, answer: data.answer, skip: data.skip };
  }
  if (typeof activity.text === 'string') return intentFromText(activity.text, lexicon, activity.locale);
  return { kind: 'empty' };
}
