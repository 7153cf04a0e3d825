import { addDays, type Guidance } from '../guidance/index.js';
import { DEADLINE_KINDS, type Deadlines, type MoveAction, type TrackedMove } from './types.js';

/** The days before a deadline on which a reminder goes out (GUIDANCE edition 2: a week and a day before). */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;

/** What a move keeps of a guidance: its path, its steps (keys, actors, dates) and the dates reminders are about. */
export function planOf(g: Guidance): Pick<TrackedMove, 'path' | 'actions' | 'deadlines'> {
  const actions = g.steps.map((s): MoveAction => {
    const action: MoveAction = { key: s.key, actor: s.actor };
    if (s.params) action.params = { ...s.params };
    if (s.due) action.due = s.due;
    if (s.from) action.from = s.from;
    return action;
  });
  const deadlines: Deadlines = {};
  // Only dates the engine gave: a reading of a subscription that already ended has none of these, and gets none.
  for (const kind of DEADLINE_KINDS) {
    const date = g.timing?.dates[kind];
    if (date) deadlines[kind] = date;
  }
  return { path: g.path, actions, deadlines };
}

const openActions = (move: Pick<TrackedMove, 'actions' | 'ticked'>): MoveAction[] => move.actions.filter((a) => !move.ticked.includes(a.key));

/**
 * The soonest date still ahead (today included) among the unticked steps' last days and the deadlines;
 * undefined when none is (the list shows such moves last).
 */
export function nextDateOf(move: Pick<TrackedMove, 'actions' | 'ticked' | 'deadlines'>, today: string): string | undefined {
  const dates = [...openActions(move).flatMap((a) => (a.due ? [a.due] : [])), ...Object.values(move.deadlines)].filter((d) => d >= today);
  return dates.sort()[0];
}

/** An unticked step due within a week, or overdue: what to say at once, since its reminders are (partly) in the past. */
export interface UrgentAction {
  action: MoveAction;
  overdue: boolean;
}

export function urgentActions(move: Pick<TrackedMove, 'actions' | 'ticked'>, today: string): UrgentAction[] {
  const soon = addDays(today, REMINDER_DAYS_BEFORE[0]);
  return openActions(move)
    .filter((a) => a.due !== undefined && a.due <= soon)
    .map((action) => ({ action, overdue: action.due! < today }));
}
