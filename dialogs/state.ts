import type { StatePropertyAccessor } from 'botbuilder';
import type { Locale, Translator } from '../src/i18n/index.js';
import type { Lexicon } from './lexicon.js';
import { QUESTION_IDS, validAnswers, type Answers, type QuestionId } from './questions.js';

/** Per user, across conversations: small and language-free apart from the chosen language. */
export interface UserProfile {
  /** The language the user picked; wins over the Teams client locale. */
  locale?: Locale;
  welcomed?: boolean;
  unsupportedLocaleNoted?: boolean;
}

/** Per user per conversation: answers and position, never rendered cards or translated text. */
export interface CheckState {
  status: 'active' | 'done';
  answers: Answers;
  /** Questions in the order they were answered, for Back. */
  history: QuestionId[];
  /** Optional questions the user chose to skip. */
  skipped: QuestionId[];
  /** Answers taken back with Back, shown pre-selected when the question is asked again. */
  previous?: Answers;
}

export const newCheck = (): CheckState => ({ status: 'active', answers: {}, history: [], skipped: [] });

export interface DialogDeps {
  translator: Translator;
  lexicon: Lexicon;
  profile: StatePropertyAccessor<UserProfile>;
  check: StatePropertyAccessor<CheckState | undefined>;
  /** Today's date as YYYY-MM-DD (injected so tests can pin it). */
  today: () => string;
  defaultLocale: Locale;
}

const knownIds = (ids: unknown): QuestionId[] =>
  Array.isArray(ids) ? ids.filter((id): id is QuestionId => QUESTION_IDS.includes(id as QuestionId)) : [];

/**
 * A stored check as this version reads it: answers it no longer accepts (saved by an earlier version, or
 * tampered with) are dropped and asked again; anything unreadable is no check at all.
 */
export function readCheck(raw: unknown): CheckState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const stored = raw as Partial<CheckState>;
  const answers = validAnswers(stored.answers);
  const skipped = knownIds(stored.skipped);
  const history = knownIds(stored.history).filter((id) => answers[id] !== undefined || skipped.includes(id));
  const check: CheckState = { status: stored.status === 'done' ? 'done' : 'active', answers, history, skipped };
  if (stored.previous !== undefined) check.previous = validAnswers(stored.previous);
  // A finished check whose answers no longer make a situation is picked up again where it stands.
  return check;
}

/** An answer as a card shows and submits it: a multi-select list becomes 'a,b'. */
export const answerText = (value: unknown): string | undefined =>
  Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
