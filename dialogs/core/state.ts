import type { Locale } from '../../src/i18n/index.js';
import { PROFILE_QUESTION_IDS, QUESTION_IDS, validAnswers, type Answers, type QuestionId } from '../questions.js';

/** The partner's own answers, asked once and kept per user (roles, CSP model, market). */
export type PartnerAnswers = Pick<Answers, 'partnerRoles' | 'partnerModel' | 'partnerRegion'>;

/** Per user, across conversations: small and language-free apart from the chosen language. */
export interface UserProfile {
  /** The language the user picked; wins over the Teams client locale. */
  locale?: Locale;
  welcomed?: boolean;
  unsupportedLocaleNoted?: boolean;
  /** Asked once, shown on the first question card, changeable; expires with the rest of the user's state. */
  partner?: PartnerAnswers;
}

/** Per user per conversation: answers and position, never rendered cards or translated text. */
export interface CheckState {
  /** Names this check (this customer): a second [Track] of its result finds the move the first made. */
  id?: string;
  status: 'active' | 'done';
  answers: Answers;
  /** Questions in the order they were answered, for Back. */
  history: QuestionId[];
  /** Optional questions the user chose to skip. */
  skipped: QuestionId[];
  /** Answers taken back with Back, shown pre-selected when the question is asked again. */
  previous?: Answers;
  /** Blocked, and the partner chose to see the path as if from a CSP location in the tenant's market. */
  continueAnyway?: true;
  /** The question the last card asked, and its place: an answer is checked against it without working it all out again. */
  open?: { id: QuestionId; step: number; total: number };
}

export const newCheck = (id?: string): CheckState => ({ ...(id ? { id } : {}), status: 'active', answers: {}, history: [], skipped: [] });

/** A check id as the host makes them (src: a few random base64url characters). */
export const CHECK_ID = /^[A-Za-z0-9_-]{6,24}$/;

/** A stored profile as this version reads it: partner answers it no longer accepts are asked again. */
export function readProfile(raw: unknown): UserProfile {
  if (typeof raw !== 'object' || raw === null) return {};
  const stored = raw as UserProfile;
  const out: UserProfile = {};
  if (stored.locale !== undefined) out.locale = stored.locale;
  if (stored.welcomed) out.welcomed = true;
  if (stored.unsupportedLocaleNoted) out.unsupportedLocaleNoted = true;
  const partner = validAnswers(stored.partner) as Record<string, unknown>;
  for (const key of Object.keys(partner)) if (!(PROFILE_QUESTION_IDS as readonly string[]).includes(key)) delete partner[key];
  if (Object.keys(partner).length > 0) out.partner = partner as PartnerAnswers;
  return out;
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
  const history = knownIds(stored.history);
  const check: CheckState = { status: stored.status === 'done' ? 'done' : 'active', answers, history, skipped };
  if (typeof stored.id === 'string' && CHECK_ID.test(stored.id)) check.id = stored.id;
  if (stored.previous !== undefined) check.previous = validAnswers(stored.previous);
  if (stored.continueAnyway) check.continueAnyway = true;
  const open = stored.open;
  if (open && QUESTION_IDS.includes(open.id) && Number.isInteger(open.step) && Number.isInteger(open.total)) {
    check.open = { id: open.id, step: open.step, total: open.total };
  }
  // A finished check whose answers no longer make a situation is picked up again where it stands.
  return check;
}

/** An answer as a card shows and submits it: a multi-select list becomes 'a,b'. */
export const answerText = (value: unknown): string | undefined =>
  Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
