import type { MoveAction, TrackedMove, UrgentAction } from '../../src/moves/index.js';
import { DEADLINE_KINDS } from '../../src/moves/types.js';
import { moveData } from '../actions.js';
import { escapeCardText } from '../escape.js';
import { messageText } from './resultView.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

/** What just happened to the move, said in one line above its steps. */
export type MoveBanner = 'created' | 'existing' | 'recomputed' | 'closed' | 'reopened';

export interface MoveCardInput {
  move: Pick<TrackedMove, 'id' | 'label' | 'status' | 'path' | 'actions' | 'deadlines' | 'ticked' | 'computedFor'>;
  /** Its unticked steps due within a week or overdue (src/moves urgentActions): shown first while the move is open. */
  urgent: readonly UrgentAction[];
  banner?: MoveBanner;
  /** [Delete] was pressed: the card asks "Delete <label>?" with [Delete] [Keep] and shows nothing else. */
  confirmDelete?: boolean;
}

/** One step of the checklist: its mark, who does what by when, and [Done] or [Undo] (none on a closed move). */
export interface MoveStepRow {
  text: string;
  done: boolean;
  buttons: Button[];
}

export interface MoveViewData {
  /** The partner's label, escaped. */
  title: string;
  /** "Open · Manual move · Dates worked out on 2027-01-02". */
  status: string;
  /** '' without a banner. */
  banner: string;
  /** '' unless the card asks before deleting. */
  confirm: string;
  urgentTitle: string;
  urgent: Array<{ text: string }>;
  /** '' when the steps are not shown (the delete question). */
  stepsTitle: string;
  steps: MoveStepRow[];
  /** '' unless the move has no steps (and they are shown). */
  noSteps: string;
  deadlinesTitle: string;
  deadlines: Array<{ title: string; value: string }>;
  actions: Button[];
}

const bold = (s: string): string => `**${s}**`;

/** "**Customer's Global admin**: Accept the reseller relationship": who does what, as the result card names them. */
function whoDoesWhat(t: Translate, a: MoveAction): string {
  return `${bold(tr(t, `guidance:actor.${a.actor}`))}${tr(t, 'cards:result.actorSeparator')}${messageText(t, a)}`;
}

/** A step with its dates as the result card writes them: "… — by **2027-01-24**", "… — between **a** and **b**". */
export function moveStepLine(t: Translate, a: MoveAction): string {
  let when = '';
  if (a.from && a.due) when = tr(t, 'cards:result.between', { from: bold(a.from), due: bold(a.due) });
  else if (a.due) when = tr(t, 'cards:result.by', { due: bold(a.due) });
  return `${whoDoesWhat(t, a)}${when}`;
}

/** "❗ **You**: Buy … — overdue since **2027-01-02**": what the partner must hear at once. */
function urgentLine(t: Translate, { action, overdue }: UrgentAction): string {
  return `❗ ${tr(t, overdue ? 'moves:move.urgent.overdue' : 'moves:move.urgent.due', { step: whoDoesWhat(t, action), date: bold(action.due ?? '') })}`;
}

/**
 * One tracked move as a checklist the partner ticks on a call: its label and status, what just happened,
 * what is urgent now (overdue or due within a week), every step with [Done] / [Undo], the dates reminders are
 * about, then [Recompute] [Close move] [Delete] [My moves] ([Reopen] [Delete] [My moves] once closed).
 */
export function moveView(t: Translate, input: MoveCardInput): MoveViewData {
  const { move } = input;
  const id = move.id;
  const open = move.status === 'open';
  const status = [
    tr(t, `moves:move.status.${move.status}`),
    ...(move.path ? [tr(t, `guidance:path.${move.path}`)] : []),
    tr(t, 'moves:move.computedFor', { date: move.computedFor }),
  ].join(' · ');
  const header = { title: escapeCardText(move.label), status, banner: input.banner ? tr(t, `moves:move.banner.${input.banner}`) : '' };
  const button = (key: string, data: Button['data'], style: Button['style'] = 'default'): Button => ({ title: tr(t, `moves:button.${key}`), style, data });

  if (input.confirmDelete) {
    return {
      ...header,
      confirm: tr(t, 'moves:move.confirmDelete', { label: escapeCardText(move.label) }),
      urgentTitle: '',
      urgent: [],
      stepsTitle: '',
      steps: [],
      noSteps: '',
      deadlinesTitle: '',
      deadlines: [],
      actions: [button('delete', moveData('confirmDelete', { id }), 'destructive'), button('keep', moveData('open', { id }))],
    };
  }

  const steps = move.actions.map((a): MoveStepRow => {
    const done = move.ticked.includes(a.key);
    return {
      text: `${done ? '✓' : '○'} ${moveStepLine(t, a)}`,
      done,
      buttons: open ? [done ? button('undo', moveData('untick', { id, step: a.key })) : button('done', moveData('tick', { id, step: a.key }))] : [],
    };
  });
  const doneCount = steps.filter((s) => s.done).length;
  const deadlines = DEADLINE_KINDS.flatMap((kind) => {
    const date = move.deadlines[kind];
    return date ? [{ title: tr(t, `moves:move.deadline.${kind}`), value: date }] : [];
  });
  return {
    ...header,
    confirm: '',
    urgentTitle: tr(t, 'moves:move.urgent.title'),
    // A closed move reminds no one: nothing about it is urgent any more.
    urgent: open ? input.urgent.map((u) => ({ text: urgentLine(t, u) })) : [],
    stepsTitle: tr(t, 'moves:move.steps', { done: doneCount, total: steps.length }),
    steps,
    noSteps: steps.length === 0 ? tr(t, 'moves:move.noSteps') : '',
    deadlinesTitle: tr(t, 'moves:move.deadlines'),
    deadlines,
    actions: open
      ? [button('recompute', moveData('recompute', { id })), button('close', moveData('close', { id })), button('delete', moveData('delete', { id })), commandButton(t, 'moves')]
      : [button('reopen', moveData('reopen', { id }), 'positive'), button('delete', moveData('delete', { id })), commandButton(t, 'moves')],
  };
}
