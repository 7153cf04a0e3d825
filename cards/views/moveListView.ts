import type { MoveSummary } from '../../src/moves/index.js';
import { commandData, moveData } from '../actions.js';
import { escapeCardText } from '../escape.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

export interface MoveListInput {
  /** Open moves first, soonest date first (as src/moves lists them); closed ones too when `includeClosed`. */
  moves: readonly MoveSummary[];
  /** Closed moves not in `moves`. */
  closed: number;
  includeClosed: boolean;
}

/** One move: its label (escaped), its next date or that it is closed, and [Open]. */
export interface MoveRow {
  label: string;
  detail: string;
  open: Button;
}

export interface MoveListViewData {
  title: string;
  /** '' when there are moves to show. */
  empty: string;
  rows: MoveRow[];
  /** [Start guided check] when there is nothing at all, [Show closed (n)] when some are hidden. */
  buttons: Button[];
  /** [Forget me], at the bottom. */
  actions: Button[];
}

/** `moves`: the partner's moves, each a row with [Open]; the way to closed ones; [Forget me] at the bottom. */
export function moveListView(t: Translate, input: MoveListInput): MoveListViewData {
  const rows = input.moves.map(
    (m): MoveRow => ({
      label: `**${escapeCardText(m.label)}**`,
      detail:
        m.status === 'closed'
          ? tr(t, 'moves:list.closed')
          : m.next
            ? tr(t, 'moves:list.next', { date: m.next })
            : tr(t, 'moves:list.noDates'),
      open: { title: tr(t, 'moves:button.open'), style: 'default', data: moveData('open', { id: m.id }) },
    }),
  );
  const hidden = input.includeClosed ? 0 : input.closed;
  const nothing = rows.length === 0 && hidden === 0;
  return {
    title: tr(t, 'moves:list.title', { count: rows.length }),
    empty: rows.length > 0 ? '' : tr(t, nothing ? 'moves:list.empty' : 'moves:list.noneOpen'),
    rows,
    buttons: [
      ...(nothing ? [commandButton(t, 'start', 'positive')] : []),
      ...(hidden > 0 ? [{ title: tr(t, 'moves:button.showClosed', { count: hidden }), style: 'default' as const, data: moveData('list', { closed: true }) }] : []),
    ],
    actions: [{ title: tr(t, 'moves:button.forget'), style: 'default', data: commandData('forget') }],
  };
}
