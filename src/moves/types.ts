import type { Actor, PathId } from '../guidance/index.js';

/** The guidance dates a reminder can be about (GUIDANCE edition 2: the dates it makes critical). */
export const DEADLINE_KINDS = ['stopRenewalBy', 'provisionBy', 'cancelWindowEnds', 'expiredUntil'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type Deadlines = Partial<Record<DeadlineKind, string>>;

/** One step of the move's checklist, as the guidance engine gave it (a message key, never text). */
export interface MoveAction {
  key: string;
  actor: Actor;
  params?: Record<string, string | number>;
  /** The last day (YYYY-MM-DD), from the guidance. */
  due?: string;
  /** Not before this day. */
  from?: string;
}

export type MoveStatus = 'open' | 'closed';

/** How the result was read when tracked: the early blocked verdict, or "continue anyway" past it (recompute reads it the same way). */
export type MoveReading = 'blocked' | 'continueAnyway';

/** One tracked move, stored as an item of its own (`moves/<user>/<id>`): about 1–2 KB. */
export interface TrackedMove {
  id: string;
  /** The partner's own short name for the customer: the only customer data kept. Stored as typed; escape to show. */
  label: string;
  /** The check's answers (a Situation, partly), as the conversation stored them: recompute reads them again. */
  answers: Record<string, unknown>;
  reading?: MoveReading;
  path: PathId | null;
  /** The guidance's steps, in its order. */
  actions: MoveAction[];
  deadlines: Deadlines;
  /** Keys of the steps the partner ticked. */
  ticked: string[];
  status: MoveStatus;
  /** The day the guidance was worked out for (recompute moves it). */
  computedFor: string;
  createdAt: number;
  updatedAt: number;
}

/** A move as the list shows it, without reading the move itself. */
export interface MoveSummary {
  id: string;
  label: string;
  status: MoveStatus;
  /** The soonest date still ahead of the partner (an unticked step's due day or a deadline); none: undated. */
  next?: string;
  createdAt: number;
}
