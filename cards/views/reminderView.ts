import type { MoveAction } from '../../src/moves/index.js';
import type { Locale } from '../../src/i18n/locale.js';
import { moveData } from '../actions.js';
import { escapeCardText } from '../escape.js';
import { messageText } from './resultView.js';
import { tr, type Button, type Translate } from './shared.js';

export interface ReminderCardInput {
  moveId: string;
  /** The partner's label for the move, as stored (escaped here). */
  label: string;
  /** The deadline (YYYY-MM-DD). */
  date: string;
  /** How long before the deadline it was due: 7 and 1 are the planned ones. */
  daysBefore: number;
  /** Sent after the bot was down when it fell due. */
  late?: boolean;
  /** The steps due on `date`, with their actors. */
  steps: readonly MoveAction[];
  /** After a click on the reminder: its steps ticked, or put off until `until` (YYYY-MM-DD). */
  state?: 'done' | 'snoozed';
  until?: string;
  /** The language the card is written in, carried by its buttons (the user's own choice may have expired by the time they click). */
  locale?: Locale;
}

export interface ReminderViewData {
  title: string;
  /** "One week left: by 2027-01-24." */
  left: string;
  steps: Array<{ text: string; who: string }>;
  /** '' unless sent late. */
  late: string;
  /** '' until the reminder was acted on: "Done — ticked." / "I'll remind you again on …". */
  outcome: string;
  actions: Button[];
}

function timeLeft(t: Translate, daysBefore: number, date: string): string {
  if (daysBefore === 7) return tr(t, 'moves:reminder.week', { date });
  if (daysBefore === 1) return tr(t, 'moves:reminder.day', { date });
  if (daysBefore <= 0) return tr(t, 'moves:reminder.today', { date });
  return tr(t, 'moves:reminder.daysLeft', { count: daysBefore, date });
}

/**
 * A reminder, sent proactively a week and a day before a deadline: the move's label, the time left, each step
 * due then with who does it, [Done] [Remind me tomorrow] [Open move]. Once acted on it says so and keeps only [Open move].
 */
export function reminderView(t: Translate, input: ReminderCardInput): ReminderViewData {
  const id = input.moveId;
  const locale = input.locale ? { locale: input.locale } : {};
  // With its date: the move comes as a new message and the reminder stays in the chat.
  const openMove: Button = { title: tr(t, 'moves:button.openMove'), style: 'default', data: moveData('open', { id, date: input.date, ...locale }) };
  const outcome =
    input.state === 'done'
      ? tr(t, 'moves:reminder.done')
      : input.state === 'snoozed'
        ? input.until
          ? tr(t, 'moves:reminder.snoozed', { until: input.until })
          : tr(t, 'moves:reminder.snoozedTomorrow')
        : '';
  return {
    title: tr(t, 'moves:reminder.title', { label: escapeCardText(input.label) }),
    left: timeLeft(t, input.daysBefore, input.date),
    steps: input.steps.map((s) => ({
      text: `${input.state === 'done' ? '✓' : '○'} ${messageText(t, s)}`,
      who: tr(t, 'moves:reminder.who', { actor: tr(t, `guidance:actor.${s.actor}`) }),
    })),
    late: input.late ? tr(t, 'moves:reminder.late') : '',
    outcome,
    actions: input.state
      ? [openMove]
      : [
          { title: tr(t, 'moves:button.done'), style: 'positive', data: moveData('done', { id, date: input.date, ...locale }) },
          { title: tr(t, 'moves:button.snooze'), style: 'default', data: moveData('snooze', { id, date: input.date, ...locale }) },
          openMove,
        ],
  };
}
