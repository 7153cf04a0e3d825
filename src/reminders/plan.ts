import { addDays } from '../guidance/index.js';
import { REMINDER_DAYS_BEFORE } from '../moves/fromGuidance.js';
import { DEADLINE_KINDS, type DeadlineKind, type TrackedMove } from '../moves/types.js';

/** Reminders go out at this hour (UTC) of their day: Teams has no time zone for a proactive message's recipient. */
export const REMINDER_HOUR_UTC = 8;

/** One reminder as planned from a move: language-free, small (stored as an item of its own). */
export interface PlannedReminder {
  /** Deterministic: the same move planned again gives the same ids, so scheduling is idempotent. */
  id: string;
  user: string;
  move: string;
  /** The deadline (YYYY-MM-DD) it is about, as the guidance gave it. */
  date: string;
  kinds: DeadlineKind[];
  /** The steps due on that date (guidance order): what the card names, with their actors from the move. */
  steps: string[];
  daysBefore: number;
  dueAt: number;
}

/** When a reminder of `day` (YYYY-MM-DD) goes out: that day at REMINDER_HOUR_UTC. */
export const reminderTimeOf = (day: string): number => Date.parse(`${day}T${String(REMINDER_HOUR_UTC).padStart(2, '0')}:00:00Z`);

/**
 * The reminders an open move has from `now` on, all of them however far ahead (an open move is kept until its
 * last date has passed: see moveActiveUntil in src/moves/moveStore.ts): a week and a day before each deadline
 * the guidance gave (stop renewal by, provision by, the cancel window's or the Expired period's end) on which an
 * unticked step is due — a deadline with no step of the partner's path on it (a transfer's renewal date, the
 * Expired period when provisioning comes first) reminds no one of anything. Never a date the engine did not
 * give, never one in the past.
 */
export function plannedReminders(userKey: string, move: TrackedMove, now: number): PlannedReminder[] {
  if (move.status !== 'open') return [];
  const byDate = new Map<string, DeadlineKind[]>();
  for (const kind of DEADLINE_KINDS) {
    const date = move.deadlines[kind];
    if (date) byDate.set(date, [...(byDate.get(date) ?? []), kind]);
  }
  const out: PlannedReminder[] = [];
  for (const [date, kinds] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const steps = move.actions.filter((a) => a.due === date && !move.ticked.includes(a.key)).map((a) => a.key);
    if (steps.length === 0) continue;
    for (const daysBefore of REMINDER_DAYS_BEFORE) {
      const dueAt = reminderTimeOf(addDays(date, -daysBefore));
      if (dueAt <= now) continue;
      out.push({ id: `${userKey}.${move.id}.${date}.${daysBefore}`, user: userKey, move: move.id, date, kinds, steps, daysBefore, dueAt });
    }
  }
  return out;
}
