// The conversation's decisions, pure: (intent, check, profile, today) → (check', profile', replies as data).
// No I/O and no botbuilder types: the host dialog calls it, the edge saves what it returns, then renders and sends.
import type { QuickFormField } from '../../cards/actions.js';
import type { NoticeAction } from '../../cards/index.js';
import { answerFreeText, looksLikeQuestion } from '../../src/faq/index.js';
import { resolveLocale, normalizeLocale, type Locale } from '../../src/i18n/index.js';
import type { Intent } from '../intent.js';
import type { Lexicon } from '../lexicon.js';
import { QUESTIONS, isProfileQuestion, isRelevant, parseAnswer, questionById, type Answers, type Question, type QuestionId } from '../questions.js';
import { readQuickForm } from '../quickForm.js';
import { readTypedAnswer } from '../typedAnswer.js';
import { looksLikeDescription, readDescription } from '../description/index.js';
import { knownAnswers, knownBlocked, nextPosition } from './flow.js';
import { marketOfLocale } from './markets.js';
import { IN_PLACE_REPLIES, type Reply, type SharedResult } from './replies.js';
import { effectOfMoveIntent, trackKeyOf, type MoveEffect } from './moves.js';
import type { MoveReading } from '../../src/moves/index.js';
import { answerText, newCheck, type CheckState, type PartnerAnswers, type UserProfile } from './state.js';

/**
 * 'install': Teams installed the app (welcome only). 'resend': a retried activity whose state was saved but
 * whose replies may not have left: the card the user should be looking at, again, changing nothing.
 */
export type TurnIntent = Intent | { kind: 'install' } | { kind: 'resend' };

export interface TurnInput {
  intent: TurnIntent;
  check: CheckState | undefined;
  profile: UserProfile;
  /** YYYY-MM-DD. */
  today: string;
  /** The Teams client's language tag, as the activity carries it. */
  clientLocale?: unknown;
  defaultLocale: Locale;
  lexicon: Lexicon;
  /** A fresh id the host made for this turn: a check started now is named by it. */
  checkId?: string;
  /** A group chat or channel: others (the customer, maybe) read every reply. */
  shared?: boolean;
}

export interface Decision {
  /** undefined: the user has no check (cancelled, or never started). */
  check: CheckState | undefined;
  profile: UserProfile;
  /** The language this turn speaks (after a switch, the new one). */
  locale: Locale;
  replies: Reply[];
  /**
   * For a click on a card of the check (a question, the quick form, what-I-understood, change-an-answer): the card
   * that replaces the clicked one (the next question, the result, or the question again with a hint when the
   * click can't be taken), so the chat keeps one live card. Not among `replies`; where the clicked card can't be
   * replaced (a group chat, replies in the HTTP response), the edge sends it after them.
   */
  inPlace?: Reply;
  /**
   * Something to do to the user's tracked moves (they live in storage, not in this state): the host runs it and
   * renders what it found with `presentMove` (./moves.ts).
   */
  effect?: MoveEffect;
}

/** Mutable working copy of one turn: the decision being built, and what it is built from. */
interface Turn extends Decision {
  input: TurnInput;
}

// Stored state is plain JSON (read back from storage, checked by readCheck/readProfile): a JSON round trip copies
// it exactly, and costs a fraction of structuredClone for objects this small.
const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function decide(input: TurnInput): Decision {
  return decideOwned({ ...input, check: clone(input.check), profile: clone(input.profile) });
}

/**
 * {@link decide} for a caller that hands its check and profile over (the host dialog: fresh from readCheck and
 * readProfile, held by nothing else): they become the turn's working copies instead of being copied first.
 */
export function decideOwned(input: TurnInput): Decision {
  const turn: Turn = {
    input,
    check: input.check,
    profile: input.profile,
    locale: resolveLocale(input.clientLocale, input.profile.locale ?? moveCardLocale(input.intent), input.defaultLocale),
    replies: [],
  };
  // A result saved by an earlier version may miss an answer this version asks: the check picks up there.
  if (turn.check?.status === 'done' && nextPosition(turn.check, turn.profile, input.today) && !knownBlocked(turn.check, turn.profile, input.today)) {
    turn.check.status = 'active';
  }
  if (input.intent.kind === 'resend') {
    resend(turn);
    const { check, profile, locale, replies } = turn;
    return { check, profile, locale, replies };
  }
  const firstContact = welcomeIfNew(turn);
  route(turn, firstContact);
  if (!turn.inPlace && clickedCheckCard(input.intent) && turn.replies.length > 0 && IN_PLACE_REPLIES.has(turn.replies.at(-1)!.kind)) {
    turn.inPlace = turn.replies.pop();
  }
  const { check, profile, locale, replies, inPlace, effect } = turn;
  return { check, profile, locale, replies, ...(inPlace ? { inPlace } : {}), ...(effect ? { effect } : {}) };
}

/** Clicks that only cards of the check carry (typed text never replaces a card). */
function clickedCheckCard(intent: TurnIntent): boolean {
  switch (intent.kind) {
    case 'answer':
    case 'quickForm':
    case 'set':
    case 'change':
      return true;
    case 'command':
      // [Back] and the partner line's [Change] are on question cards only.
      return intent.command === 'back' || intent.command === 'profile';
    default:
      return false;
  }
}

/** The current card of the user's check from the saved state: the open question, the result, or the blocked verdict. */
function resend(turn: Turn): void {
  const check = turn.check;
  if (!check) return;
  if (check.status === 'active') return ask(turn);
  const answers = knownAnswers(check, turn.profile);
  turn.replies.push(knownBlocked(check, turn.profile, turn.input.today) ? { kind: 'blocked', answers } : { kind: 'result', answers, ...continued(check) });
}

/**
 * A click on a reminder speaks the language the reminder was written in when the user's own choice is gone (their
 * profile expired while the move, kept until its last date, went on sending reminders).
 */
const moveCardLocale = (intent: TurnIntent): Locale | undefined => (intent.kind === 'move' ? intent.locale : undefined);

/** The welcome card the first time we hear from a user, and a one-time note when we can't speak their Teams language. */
function welcomeIfNew(turn: Turn): boolean {
  let first = false;
  // A click on one of our cards (a reminder, weeks after the profile expired) is no first contact.
  if (turn.input.intent.kind === 'move') turn.profile.welcomed = true;
  if (!turn.profile.welcomed) {
    turn.replies.push({ kind: 'welcome' });
    turn.profile.welcomed = first = true;
  }
  const tag = turn.input.clientLocale;
  const unsupported = !turn.profile.locale && typeof tag === 'string' && tag.trim() !== '' && normalizeLocale(tag) === undefined;
  if (unsupported && !turn.profile.unsupportedLocaleNoted) {
    turn.replies.push({ kind: 'notice', textKey: 'common:notice.unsupportedLocale', actions: ['language'] });
    turn.profile.unsupportedLocaleNoted = true;
  }
  return first;
}

const active = (turn: Turn): boolean => turn.check?.status === 'active';

function notice(turn: Turn, textKey: string, actions: readonly NoticeAction[] = []): void {
  turn.replies.push({ kind: 'notice', textKey, actions });
}

function route(turn: Turn, firstContact: boolean): void {
  const { intent } = turn.input;
  switch (intent.kind) {
    case 'install':
    case 'resend':
      return;
    case 'command':
      return command(turn, intent);
    case 'quickForm':
      return quickForm(turn, intent.fields);
    case 'change':
      return change(turn, intent.questionId);
    case 'set':
      return setAnswer(turn, intent.questionId, intent.answer);
    case 'move':
      return moveClick(turn, intent);
    case 'answer':
      if (active(turn)) return answer(turn, intent);
      // A second click on the last question (or any answered one) of the check just finished: its result is shown.
      if (turn.check?.status === 'done' && turn.check.history.includes(intent.questionId as QuestionId)) {
        return notice(turn, 'common:notice.resultShown', ['restart']);
      }
      return notice(turn, 'common:notice.outOfDate', ['start', 'help']);
    case 'text':
      if (described(turn, intent.text)) return ask(turn);
      if (freeTextQuestion(turn, intent.text)) return active(turn) ? ask(turn) : undefined;
      if (active(turn)) return typedAnswer(turn, intent.text);
      if (firstContact) return;
      return notice(turn, 'faq:notSure', ['start', 'quick', 'help']);
    case 'invalidSubmit':
    case 'empty':
      if (active(turn)) return ask(turn, 'invalid');
      if (firstContact) return;
      return notice(turn, 'common:notice.notUnderstood', ['start', 'quick', 'help']);
  }
}

function command(turn: Turn, intent: Extract<Intent, { kind: 'command' }>): void {
  switch (intent.command) {
    case 'help':
      turn.replies.push({ kind: 'help', inCheck: active(turn) });
      if (active(turn)) ask(turn);
      return;
    case 'language':
      if (!intent.locale) return void turn.replies.push({ kind: 'language', current: turn.locale });
      turn.profile.locale = turn.locale = intent.locale;
      // Reminders of tracked moves follow the new language.
      turn.effect = { kind: 'language', locale: intent.locale };
      if (active(turn)) {
        notice(turn, 'common:notice.languageChanged');
        return ask(turn);
      }
      return notice(turn, 'common:notice.languageChanged', ['start', 'quick']);
    case 'cancel':
      turn.check = undefined;
      return notice(turn, 'common:notice.cancelled', ['start', 'help']);
    case 'restart':
      turn.check = newCheck(turn.input.checkId);
      return ask(turn);
    case 'start':
      if (!active(turn)) {
        turn.check = newCheck(turn.input.checkId);
        return ask(turn);
      }
      notice(turn, 'common:notice.resumeCheck');
      return ask(turn);
    case 'back':
      return back(turn);
    case 'quick':
      // A new customer: the form opens empty; the last check's answers are one click away.
      return void turn.replies.push({
        kind: 'quickForm',
        values: {},
        missing: [],
        withoutProfile: hasFullProfile(turn.profile),
        ...(turn.check && Object.keys(turn.check.answers).length > 0 ? { offerSameCustomer: true } : {}),
      });
    case 'sameCustomer':
      return void turn.replies.push({ kind: 'quickForm', values: formValues(turn.check), missing: [], withoutProfile: hasFullProfile(turn.profile) });
    case 'change':
      return offerChange(turn);
    case 'share':
      if (turn.check?.status !== 'done') return notice(turn, 'common:notice.noCheckYet', ['start', 'quick']);
      // In the partner's language unless a language button on the message's card asked for the customer's.
      return void turn.replies.push({ kind: 'customerMessage', language: intent.locale ?? turn.locale, ...sharedResult(turn, turn.check) });
    case 'checklist':
      if (turn.check?.status !== 'done') return notice(turn, 'common:notice.noCheckYet', ['start', 'quick']);
      return void turn.replies.push({ kind: 'checklist', ...sharedResult(turn, turn.check) });
    case 'profile':
      return changeProfile(turn);
    case 'continue':
      return continueAnyway(turn);
    case 'track':
      // Asked on a new card: the result stays above it.
      if (turn.check?.status !== 'done') return notice(turn, 'common:notice.noCheckYet', ['start', 'quick']);
      return void turn.replies.push({ kind: 'trackLabel', key: trackKeyOfCheck(turn, turn.check) });
    case 'moves':
      // The list names every customer the partner tracks: not for a chat others read.
      if (turn.input.shared) return notice(turn, 'moves:notice.listInPersonal');
      turn.effect = { kind: 'list', includeClosed: false, inPlace: false };
      return;
    case 'forget':
      return void turn.replies.push({ kind: 'forgetConfirm' });
  }
}

/** How a finished check's result was read: what a tracked move of it must be recomputed with. */
function readingOf(turn: Turn, check: CheckState): MoveReading | undefined {
  if (knownBlocked(check, turn.profile, turn.input.today)) return 'blocked';
  return check.continueAnyway ? 'continueAnyway' : undefined;
}

const trackKeyOfCheck = (turn: Turn, check: CheckState): string =>
  trackKeyOf(check.id, knownAnswers(check, turn.profile), readingOf(turn, check));

/** A click on a tracked move's card or a reminder: an effect for the host; the two that touch this turn's state are decided here. */
function moveClick(turn: Turn, intent: Extract<Intent, { kind: 'move' }>): void {
  if (intent.op === 'save') {
    const check = turn.check;
    // The label card names the result it was asked for; since then the partner may have started the next customer.
    if (check?.status !== 'done' || intent.key !== trackKeyOfCheck(turn, check)) {
      turn.inPlace = { kind: 'notice', textKey: 'moves:notice.staleTrack', actions: ['moves', 'start'] };
      return;
    }
    const reading = readingOf(turn, check);
    turn.effect = { kind: 'track', key: intent.key, label: intent.label ?? '', answers: knownAnswers(check, turn.profile), ...(reading ? { reading } : {}) };
    return;
  }
  if (intent.op === 'confirmForget') {
    // Everything of this user the turn holds goes with the rest: the profile (roles, market, language) and this chat's check.
    turn.profile = {};
    turn.check = undefined;
    turn.effect = { kind: 'forget' };
    return;
  }
  const effect = effectOfMoveIntent(intent);
  if (effect?.kind === 'list' && turn.input.shared) return notice(turn, 'moves:notice.listInPersonal');
  if (effect) turn.effect = effect;
  else notice(turn, 'common:notice.notUnderstood', ['moves', 'help']);
}

const continued = (check: CheckState): { continueAnyway?: boolean } => (check.continueAnyway ? { continueAnyway: true } : {});

/** A finished check as the share replies render it: the blocked verdict where that is what the partner was shown. */
const sharedResult = (turn: Turn, check: CheckState): SharedResult => ({
  answers: knownAnswers(check, turn.profile),
  ...(knownBlocked(check, turn.profile, turn.input.today) ? { blocked: true } : {}),
  ...continued(check),
});

const hasFullProfile = (profile: UserProfile): boolean =>
  profile.partner?.partnerRoles !== undefined && profile.partner.partnerModel !== undefined && profile.partner.partnerRegion !== undefined;

/**
 * Asks the next question, or gives the verdict: the blocked card as soon as an answer blocks the move,
 * the result once nothing left to ask could change it.
 */
function ask(turn: Turn, hint?: 'invalid' | 'outOfDate'): void {
  const check = turn.check ?? (turn.check = newCheck(turn.input.checkId));
  const { today } = turn.input;
  check.open = undefined;
  if (knownBlocked(check, turn.profile, today)) {
    check.status = 'done';
    return void turn.replies.push({ kind: 'blocked', answers: knownAnswers(check, turn.profile) });
  }
  const position = nextPosition(check, turn.profile, today);
  if (!position) {
    check.status = 'done';
    return void turn.replies.push({ kind: 'result', answers: knownAnswers(check, turn.profile), ...continued(check) });
  }
  check.status = 'active';
  const { question, step, total } = position;
  check.open = { id: question.id, step, total };
  const partner = !isProfileQuestion(question.id) && hasFullProfile(turn.profile) && check.history.length === 0 ? turn.profile.partner : undefined;
  turn.replies.push({
    kind: 'question',
    questionId: question.id,
    step,
    total,
    selected: answerText(check.previous?.[question.id]),
    ...(hint ? { hint } : {}),
    canGoBack: check.history.length > 0,
    ...(partner ? { partner } : {}),
    ...suggestionsFor(turn, question.id),
  });
}

/** Single roles most partners have: one click instead of ticking a box and [Next]. */
const COMMON_ROLES = ['adminAgent', 'globalAdmin', 'salesAgent'] as const;

/**
 * One-click answers for the long lists: the partner's own market for the tenant's (most customers are in it),
 * the market the Teams client's region suggests for the partner's, and the common single roles. Offered, never assumed.
 */
function suggestionsFor(turn: Turn, id: QuestionId): { suggested?: readonly string[] } {
  const own = turn.profile.partner?.partnerRegion;
  if (id === 'tenantRegion' && own && own !== 'notSure') return { suggested: [own] };
  if (id === 'partnerRegion') {
    const guess = marketOfLocale(turn.input.clientLocale);
    return guess ? { suggested: [guess] } : {};
  }
  if (id === 'partnerRoles') return { suggested: COMMON_ROLES };
  return {};
}

/** Stores one answer in the check, or in the profile for the partner's own questions. */
function store(turn: Turn, id: QuestionId, value: unknown): void {
  if (isProfileQuestion(id)) {
    turn.profile.partner = { ...turn.profile.partner, [id]: value } as PartnerAnswers;
    // A check keeps no copy: the profile is the one place the partner's answers live.
    delete (turn.check!.answers as Record<string, unknown>)[id];
  } else {
    (turn.check!.answers as Record<string, unknown>)[id] = value;
  }
}

/** A click on a question card (or the same as typed): the open question's answer, or a re-ask that says why. */
function answer(turn: Turn, intent: Extract<Intent, { kind: 'answer' }>): void {
  const check = turn.check!;
  // The question the last card asked (state saved by an earlier version has none: work it out).
  const open = check.open ?? positionOf(nextPosition(check, turn.profile, turn.input.today));
  const question = open ? questionById(open.id) : undefined;
  if (!open || !question) return ask(turn);
  if (intent.questionId !== question.id) return reprompt(turn, 'outOfDate');
  const skip = intent.skip === true;
  if (skip && question.optional) {
    check.skipped.push(question.id);
  } else {
    const parsed = skip || intent.answer === undefined ? undefined : parseAnswer(question, intent.answer);
    if (parsed === undefined) return reprompt(turn, 'invalid');
    store(turn, question.id, parsed);
  }
  check.history.push(question.id);
  ask(turn);
}

/** The question an active check is on: the one its last card asked. */
function openQuestion(turn: Turn): Question | undefined {
  const check = turn.check!;
  const id = check.open?.id ?? nextPosition(check, turn.profile, turn.input.today)?.question.id;
  return id ? questionById(id) : undefined;
}

const positionOf = (p: ReturnType<typeof nextPosition>): CheckState['open'] => (p ? { id: p.question.id, step: p.step, total: p.total } : undefined);

/** The open question again with a hint, in place of the card that was clicked. */
function reprompt(turn: Turn, hint: 'invalid' | 'outOfDate'): void {
  ask(turn, hint);
  const card = turn.replies.at(-1);
  if (card?.kind !== 'question') return;
  turn.replies.pop();
  turn.inPlace = card;
}

/** Typed text during a check: an answer to the open question, or a short hint (the question card is still above). */
function typedAnswer(turn: Turn, text: string): void {
  const question = openQuestion(turn);
  if (!question) return ask(turn);
  const typed = readTypedAnswer(question, text, turn.input.lexicon);
  if (typed === undefined) return notice(turn, question.input === 'date' ? 'cards:question.hint.invalidDate' : 'cards:question.hint.invalid');
  answer(turn, 'skip' in typed ? { kind: 'answer', questionId: question.id, skip: true } : { kind: 'answer', questionId: question.id, answer: typed.value });
}

/**
 * A typed question ("can the customer get a refund?") gets its answer; during a check only when the text is
 * not an answer to the open question. What the check knows picks the answer's variant.
 */
function freeTextQuestion(turn: Turn, text: string): boolean {
  const { lexicon } = turn.input;
  const open = turn.check && active(turn) ? openQuestion(turn) : undefined;
  const answers = (partial: boolean) => open !== undefined && readTypedAnswer(open, text, lexicon, { partial }) !== undefined;
  // An exact answer wins; a sentence that reads as a question beats an answer word it happens to contain.
  if (answers(false)) return false;
  const match = looksLikeQuestion(text) || !answers(true) ? answerFreeText(text) : undefined;
  if (!match) return false;
  const known = turn.check ? knownAnswers(turn.check, turn.profile) : undefined;
  turn.replies.push({ kind: 'faq', topic: match.topic, inCheck: open !== undefined, ...(known ? { answers: known } : {}) });
  return true;
}

/**
 * The case in one message ("they bought 40 E3 direct, tenant in Japan, renews March 31"): every answer it
 * clearly states is taken, unless it contradicts an answer already given (then the partner says which holds);
 * the card shows what was understood, and the check asks only the rest.
 */
function described(turn: Turn, text: string): boolean {
  const { lexicon, today } = turn.input;
  if (!looksLikeDescription(text, lexicon, today)) return false;
  const reading = readDescription(text, today, lexicon);
  if (Object.keys(reading.answers).length === 0 && reading.unreadable.length === 0) return false;
  // A finished check was the last customer: a description is the next one (the partner's profile stays).
  if (!active(turn)) turn.check = newCheck(turn.input.checkId);
  const known = knownAnswers(turn.check!, turn.profile);
  const found: Array<{ questionId: QuestionId; answer: string }> = [];
  const conflicts: Array<{ questionId: QuestionId; was: string; now: string }> = [];
  for (const q of QUESTIONS) {
    const value = (reading.answers as Record<string, unknown>)[q.id];
    if (value === undefined) continue;
    const now = answerText(value)!;
    const was = answerText(known[q.id]);
    if (was !== undefined && was !== now) {
      conflicts.push({ questionId: q.id, was, now });
      continue;
    }
    store(turn, q.id, value);
    if (!turn.check!.history.includes(q.id)) turn.check!.history.push(q.id);
    found.push({ questionId: q.id, answer: now });
  }
  turn.check!.status = 'active';
  turn.replies.push({ kind: 'understood', found, conflicts, unreadable: reading.unreadable });
  return true;
}

/** "Which holds?": one answer set directly, whatever question is open; the check then carries on. */
function setAnswer(turn: Turn, questionId: string, value: string): void {
  const question = questionById(questionId);
  const parsed = question ? parseAnswer(question, value) : undefined;
  if (!turn.check || !question || parsed === undefined) return notice(turn, 'common:notice.outOfDate', ['start', 'help']);
  store(turn, question.id, parsed);
  if (!turn.check.history.includes(question.id)) turn.check.history.push(question.id);
  turn.check.status = 'active';
  ask(turn);
}

/** Reopens the last answered question that still applies, keeping every other answer. */
function back(turn: Turn): void {
  const check = turn.check;
  if (!check) return notice(turn, 'common:notice.notUnderstood', ['start', 'help']);
  const today = turn.input.today;
  let reopened = false;
  while (check.history.length > 0 && !reopened) {
    const id = check.history.pop()!;
    const question = questionById(id)!;
    const known = knownAnswers(check, turn.profile);
    reopened = isRelevant(question, known, today);
    check.previous = { ...check.previous, [id]: known[id] } as Answers;
    forget(turn, id);
  }
  if (!reopened) notice(turn, 'common:notice.firstQuestion');
  check.status = 'active';
  check.continueAnyway = undefined;
  ask(turn);
}

/** Drops one answer, wherever it lives. */
function forget(turn: Turn, id: QuestionId): void {
  const check = turn.check!;
  delete (check.answers as Record<string, unknown>)[id];
  check.skipped = check.skipped.filter((s) => s !== id);
  if (isProfileQuestion(id) && turn.profile.partner) {
    const partner = { ...turn.profile.partner } as Record<string, unknown>;
    delete partner[id];
    turn.profile.partner = partner as PartnerAnswers;
  }
}

/** "Which answer?": the questions this check asked (and the profile's), each with its answer. */
function offerChange(turn: Turn): void {
  const check = turn.check;
  if (!check || (check.history.length === 0 && Object.keys(check.answers).length === 0)) {
    return notice(turn, 'common:notice.noCheckYet', ['start', 'quick']);
  }
  const known = knownAnswers(check, turn.profile);
  const answered = QUESTIONS.filter(
    (q) => isRelevant(q, known, turn.input.today) && (known[q.id] !== undefined || check.skipped.includes(q.id)),
  ).map((q) => ({ questionId: q.id, answer: answerText(known[q.id]) }));
  turn.replies.push({ kind: 'changeAnswer', answered });
}

/** Reopens one question with its answer pre-selected; every other answer stays, so the check ends right after. */
function change(turn: Turn, questionId: string | undefined): void {
  const check = turn.check;
  const question = questionId ? questionById(questionId) : undefined;
  const known = check ? knownAnswers(check, turn.profile) : {};
  if (!check || !question || (known[question.id] === undefined && !check.skipped.includes(question.id))) return offerChange(turn);
  check.previous = { ...check.previous, [question.id]: known[question.id] } as Answers;
  check.history = check.history.filter((h) => h !== question.id);
  forget(turn, question.id);
  check.status = 'active';
  check.continueAnyway = undefined;
  ask(turn);
}

/** "You: Admin agent · direct-bill · Europe — Change": asks the partner's own questions again, keeping the customer's answers. */
function changeProfile(turn: Turn): void {
  const previous = turn.profile.partner;
  turn.profile.partner = undefined;
  const check = turn.check ?? (turn.check = newCheck(turn.input.checkId));
  check.previous = { ...check.previous, ...previous };
  check.history = check.history.filter((id) => !isProfileQuestion(id));
  check.status = 'active';
  ask(turn);
}

/** After a blocked verdict: the rest of the check, read as if from a CSP location in the tenant's market. */
function continueAnyway(turn: Turn): void {
  const check = turn.check;
  if (!check || !knownBlocked(check, turn.profile, turn.input.today)) return notice(turn, 'common:notice.outOfDate', ['start', 'help']);
  const blockedByCloud = knownAnswers(check, turn.profile).tenantCloud === 'vianet';
  // 21Vianet has no path from the global Partner Center: there is nothing to continue to.
  if (blockedByCloud) return void turn.replies.push({ kind: 'blocked', answers: knownAnswers(check, turn.profile) });
  check.continueAnyway = true;
  check.status = 'active';
  ask(turn);
}

/** One submit, the full result; anything missing is marked on the same form with the entered values kept. */
function quickForm(turn: Turn, fields: Partial<Record<QuickFormField, string>>): void {
  const withoutProfile = hasFullProfile(turn.profile);
  const entered = withoutProfile ? { ...profileFields(turn.profile.partner!), ...fields } : fields;
  const { answers, missing, asked } = readQuickForm(entered, turn.input.today);
  // Left empty and optional (the date) is a skip; a required field left empty when the move is blocked is not.
  const skipped = asked.filter((id) => answers[id] === undefined && questionById(id)?.optional === true);
  const check: CheckState = { ...newCheck(turn.input.checkId), status: 'done', answers: {}, history: asked.filter((id) => answers[id] !== undefined || skipped.includes(id)), skipped };
  const blocked = knownBlocked({ ...check, answers }, {}, turn.input.today);
  // What blocks the move is enough: the rest of the form doesn't matter then.
  // The form comes back with what was entered, but only values it accepts: nothing typed is echoed unchecked.
  if (missing.length > 0 && !blocked) return void turn.replies.push({ kind: 'quickForm', values: formValues({ ...newCheck(), answers }), missing, withoutProfile });
  turn.check = check;
  for (const [id, value] of Object.entries(answers)) store(turn, id as QuestionId, value);
  ask(turn);
}

/** The last check's answers as the form's inputs carry them ('a,b' for a multi-select). */
const formValues = (check: CheckState | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(check?.answers ?? {})
      .map(([k, v]) => [k, answerText(v)])
      .filter((e): e is [string, string] => e[1] !== undefined),
  );

const profileFields = (partner: PartnerAnswers): Record<string, string> =>
  Object.fromEntries(Object.entries(partner).map(([k, v]) => [k, answerText(v) ?? '']));
