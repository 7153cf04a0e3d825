import type { StatePropertyAccessor } from 'botbuilder';
import type { Locale, Translator } from '../src/i18n/index.js';
import type { Lexicon } from './lexicon.js';
import type { Answers, QuestionId } from './questions.js';

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
