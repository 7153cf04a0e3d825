// Tracked moves in the conversation (issue 16), pure. A move lives in storage, not in the turn's state, so a
// decision about one is an effect as data: the host runs it against src/moves (I/O at the edge) and hands back
// what happened, and `presentMove` turns that into replies. Neither function reads or writes anything.
import { createHash } from 'node:crypto';
import { daysBetween, type Guidance } from '../../src/guidance/index.js';
import type { MoveReading, MoveSummary, TrackResult, TrackedMove } from '../../src/moves/index.js';
import type { Intent } from '../intent.js';
import type { Answers } from '../questions.js';
import type { Locale } from '../../src/i18n/index.js';
import { guidanceFor, withProbes } from './flow.js';
import type { Reply } from './replies.js';

export type MoveEffect =
  | { kind: 'track'; key: string; label: string; answers: Answers; reading?: MoveReading }
  | { kind: 'list'; includeClosed: boolean; inPlace: boolean }
  /** `confirmDelete`: the card asks "Delete …?" instead. `inPlace`: in place of the clicked card (not from a reminder). */
  | { kind: 'open'; id: string; inPlace: boolean; confirmDelete?: boolean }
  | { kind: 'tick'; id: string; step: string; done: boolean }
  | { kind: 'recompute'; id: string }
  | { kind: 'status'; id: string; status: 'open' | 'closed' }
  | { kind: 'delete'; id: string }
  | { kind: 'forget' }
  /** A reminder's [Done]: every step due on `date` ticked. */
  | { kind: 'reminderDone'; id: string; date: string }
  | { kind: 'snooze'; id: string; date: string }
  /** The user chose another language: their reminders are written in it from now on. */
  | { kind: 'language'; locale: Locale };

/** What running an effect found. `move: undefined`: the move is gone (deleted, expired, or never this user's). */
export type MoveOutcome =
  | { kind: 'tracked'; result: TrackResult; reachable: boolean }
  | { kind: 'listed'; moves: MoveSummary[]; closed: number }
  | { kind: 'move'; move: TrackedMove | undefined }
  | { kind: 'deleted'; label: string | undefined }
  | { kind: 'forgotten'; moves: number }
  /** `until` (YYYY-MM-DD): when the reminder comes again; undefined: its date is today or past, nothing to put off. */
  | { kind: 'snoozed'; move: TrackedMove | undefined; until?: string }
  /** Nothing to show. */
  | { kind: 'noted' };

/**
 * Names one result of one check: the check's id, its answers and how it was read. The label card carries it, so
 * [Track] tracks the result the partner was looking at, and tracking it twice finds the same move.
 */
export function trackKeyOf(checkId: string | undefined, answers: Answers, reading: MoveReading | undefined): string {
  const sorted = Object.keys(answers)
    .sort()
    .map((k) => [k, (answers as Record<string, unknown>)[k]]);
  return createHash('sha256')
    .update(JSON.stringify([checkId ?? '', sorted, reading ?? '']))
    .digest('base64url')
    .slice(0, 22);
}

/** The guidance a tracked move follows: the blocked verdict reads unanswered questions as "not sure", as its card did. */
export function guidanceOfMove(answers: Answers, reading: MoveReading | undefined, today: string): Guidance {
  if (reading === 'blocked') return guidanceFor(withProbes(answers), today);
  return guidanceFor(answers, today, reading === 'continueAnyway');
}

/** A click on a move's card (or a reminder's) as an effect. `save` and `confirmForget` need the check and profile: decide.ts handles them. */
export function effectOfMoveIntent(intent: Extract<Intent, { kind: 'move' }>): MoveEffect | undefined {
  const { op, id, step, date } = intent;
  switch (op) {
    case 'list':
      return { kind: 'list', includeClosed: intent.closed === true, inPlace: true };
    case 'open':
      // [Open move] on a reminder carries the reminder's date: the move comes as a new message and the reminder stays.
      return id ? { kind: 'open', id, inPlace: date === undefined } : undefined;
    case 'tick':
    case 'untick':
      return id && step ? { kind: 'tick', id, step, done: op === 'tick' } : undefined;
    case 'recompute':
      return id ? { kind: 'recompute', id } : undefined;
    case 'close':
    case 'reopen':
      return id ? { kind: 'status', id, status: op === 'close' ? 'closed' : 'open' } : undefined;
    case 'delete':
      return id ? { kind: 'open', id, inPlace: true, confirmDelete: true } : undefined;
    case 'confirmDelete':
      return id ? { kind: 'delete', id } : undefined;
    case 'done':
      return id && date ? { kind: 'reminderDone', id, date } : undefined;
    case 'snooze':
      return id && date ? { kind: 'snooze', id, date } : undefined;
    case 'save':
    case 'confirmForget':
      return undefined;
  }
}

export interface Presented {
  replies: Reply[];
  /** The card that replaces the clicked one. */
  inPlace?: Reply;
}

const notice = (textKey: string, params?: Record<string, string | number>): Reply => ({
  kind: 'notice',
  textKey,
  actions: ['moves'],
  ...(params ? { params } : {}),
});

/** A reminder card after a click on it, rebuilt from the move (the reminder itself was used up when it was sent). */
function reminderOf(move: TrackedMove, date: string, today: string, locale: Locale, state?: 'done' | 'snoozed', until?: string): Reply {
  return {
    locale,
    kind: 'reminder',
    moveId: move.id,
    label: move.label,
    date,
    daysBefore: Math.max(0, daysBetween(today, date)),
    steps: move.actions.filter((a) => a.due === date),
    ...(state ? { state } : {}),
    ...(until ? { until } : {}),
  };
}

/** What the partner sees after an effect ran. */
export function presentMove(effect: MoveEffect, outcome: MoveOutcome, today: string, locale: Locale): Presented {
  const gone = (): Presented => ({ replies: [], inPlace: notice('moves:notice.gone') });
  switch (outcome.kind) {
    case 'tracked': {
      const { result } = outcome;
      if (effect.kind !== 'track') break;
      if (result.outcome === 'invalidLabel') return { replies: [], inPlace: { kind: 'trackLabel', key: effect.key, problem: result.problem } };
      if (result.outcome === 'tooMany') return { replies: [], inPlace: notice('moves:notice.tooMany', { max: result.max }) };
      const card: Reply = { kind: 'move', move: result.move, banner: result.outcome };
      // Tracked in a group chat: reminders need a personal chat with the bot, where this user has none yet.
      return { replies: outcome.reachable ? [] : [notice('moves:notice.remindersInPersonal')], inPlace: card };
    }
    case 'listed': {
      const includeClosed = effect.kind === 'list' && effect.includeClosed;
      const card: Reply = { kind: 'moveList', moves: outcome.moves, closed: outcome.closed, includeClosed };
      return effect.kind === 'list' && effect.inPlace ? { replies: [], inPlace: card } : { replies: [card] };
    }
    case 'move': {
      const { move } = outcome;
      const inPlace = effect.kind !== 'open' || effect.inPlace;
      if (!move) return inPlace ? gone() : { replies: [notice('moves:notice.gone')] };
      if (effect.kind === 'reminderDone') return { replies: [], inPlace: reminderOf(move, effect.date, today, locale, 'done') };
      const card: Reply = {
        kind: 'move',
        move,
        ...(effect.kind === 'recompute' ? { banner: 'recomputed' as const } : {}),
        ...(effect.kind === 'status' ? { banner: effect.status === 'closed' ? ('closed' as const) : ('reopened' as const) } : {}),
        ...(effect.kind === 'open' && effect.confirmDelete ? { confirmDelete: true } : {}),
      };
      return inPlace ? { replies: [], inPlace: card } : { replies: [card] };
    }
    case 'deleted':
      return { replies: [], inPlace: notice('moves:notice.deleted', { label: outcome.label ?? '' }) };
    case 'forgotten':
      return { replies: [], inPlace: { kind: 'notice', textKey: 'moves:notice.forgotten', params: { count: outcome.moves }, actions: ['start'] } };
    case 'noted':
      return { replies: [] };
    case 'snoozed': {
      const { move, until } = outcome;
      if (!move || effect.kind !== 'snooze') return gone();
      if (!until) return { replies: [notice('moves:notice.snoozeTooLate', { date: effect.date })], inPlace: reminderOf(move, effect.date, today, locale) };
      return { replies: [], inPlace: reminderOf(move, effect.date, today, locale, 'snoozed', until) };
    }
  }
  return { replies: [] };
}
