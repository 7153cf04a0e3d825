// What a turn shows, as data: the edge renders each reply with cards/ in the turn's language and sends it
// after the state is saved. Nothing here is translated or rendered.
import type { NoticeAction } from '../../cards/index.js';
import type { ReminderCardInput } from '../../cards/views/reminderView.js';
import type { Params } from '../../cards/views/shared.js';
import type { TopicId } from '../../src/faq/index.js';
import type { Locale } from '../../src/i18n/index.js';
import type { Answers, QuestionId } from '../questions.js';
import type { PartnerAnswers } from './state.js';
import type { LabelProblem, MoveSummary, TrackedMove } from '../../src/moves/index.js';

/** A finished check's result as the share replies need it; `blocked` when the early verdict is what the partner saw. */
export interface SharedResult {
  answers: Answers;
  blocked?: boolean;
  continueAnyway?: boolean;
}

export type Reply =
  | { kind: 'welcome' }
  | { kind: 'notice'; textKey: string; actions?: readonly NoticeAction[]; params?: Params }
  | { kind: 'help'; inCheck: boolean }
  | { kind: 'language'; current: Locale }
  | {
      kind: 'question';
      questionId: QuestionId;
      step: number;
      total: number;
      selected?: string;
      hint?: 'invalid' | 'outOfDate';
      canGoBack: boolean;
      /** The partner's remembered answers, shown as one line with [Change] on the first question of a check. */
      partner?: PartnerAnswers;
      /** Likely answers offered as one-click buttons above a long list (the partner's own market, a single role). */
      suggested?: readonly string[];
    }
  | { kind: 'result'; answers: Answers; continueAnyway?: boolean }
  /** The early verdict: the move is blocked whatever the remaining answers are. */
  | { kind: 'blocked'; answers: Answers }
  | {
      kind: 'quickForm';
      values: Readonly<Record<string, string | undefined>>;
      missing: readonly QuestionId[];
      withoutProfile: boolean;
      /** A last check exists: [Same customer] fills the form from it. */
      offerSameCustomer?: boolean;
    }
  | { kind: 'changeAnswer'; answered: ReadonlyArray<{ questionId: QuestionId; answer?: string }> }
  | { kind: 'faq'; topic: TopicId; inCheck: boolean; answers?: Answers }
  /** The message for the customer's admin, written in `language`: the partner's at first, then the one chosen on its card. */
  | ({ kind: 'customerMessage'; language: Locale } & SharedResult)
  /** The partner's checklist of the same result: every step with its actor and date. */
  | ({ kind: 'checklist' } & SharedResult)
  /** A typed description of the case: what was read (each changeable), what contradicts an earlier answer, what couldn't be read. */
  | {
      kind: 'understood';
      found: ReadonlyArray<{ questionId: QuestionId; answer: string }>;
      conflicts: ReadonlyArray<{ questionId: QuestionId; was: string; now: string }>;
      unreadable: ReadonlyArray<{ questionId: QuestionId; text: string }>;
    }
  | MoveReply;

/** Cards of tracked moves (issue 16): language-free views of what src/moves stored. */
export type MoveReply =
  /** [Track]: asks for the partner's own short name for the customer. `key` names the result being tracked. */
  | { kind: 'trackLabel'; key: string; problem?: LabelProblem }
  /**
   * One move's checklist: its steps (tickable), dates, what is urgent now, [Recompute] [Close]/[Reopen] [Delete] [My moves].
   * `banner` says what just happened; `confirmDelete` turns the card into "Delete <label>?" [Delete] [Keep].
   */
  | {
      kind: 'move';
      move: TrackedMove;
      banner?: 'created' | 'existing' | 'recomputed' | 'closed' | 'reopened';
      confirmDelete?: boolean;
    }
  /** The partner's moves, open first and soonest date first; `closed` counts closed moves not shown. */
  | { kind: 'moveList'; moves: readonly MoveSummary[]; closed: number; includeClosed: boolean }
  /** `forget`: what will be deleted, [Delete everything] [Keep]. */
  | { kind: 'forgetConfirm' }
  /**
   * A reminder (sent proactively; a click on it comes back here): the move's label, the deadline, the steps due
   * then with their actors, [Done] [Snooze] [Open move]. `state` after a click: its steps ticked, or put off until `until`.
   */
  | ({ kind: 'reminder' } & ReminderCardInput);

/** Cards that carry this user's check forward: a click on a card of the check shows the last of them in place of the clicked card. */
export const IN_PLACE_REPLIES: ReadonlySet<Reply['kind']> = new Set(['question', 'result', 'blocked', 'quickForm', 'changeAnswer']);
