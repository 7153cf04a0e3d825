import { MAX_LABEL_CHARS, type LabelProblem } from '../../src/moves/label.js';
import { moveData, type MoveSubmit } from '../actions.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

/** The input id of the label card's text box: Teams merges its value into [Track]'s data as `label`. */
export const LABEL_INPUT_ID = 'label';

export interface TrackLabelInput {
  /** Which result is being tracked (goes back with [Track]). */
  key: string;
  /** Why the label typed last time was refused. */
  problem?: LabelProblem;
}

export interface TrackLabelViewData {
  title: string;
  privacy: string;
  label: string;
  placeholder: string;
  maxLength: number;
  /** '' without a problem. */
  hint: string;
  /** Shown by the client when [Track] is pressed with the box empty. */
  required: string;
  save: { title: string; data: MoveSubmit };
  /** Buttons that ignore the text box. */
  actions: Button[];
}

/** [Track]: the partner's own short name for the customer, the only customer data the move keeps. */
export function trackLabelView(t: Translate, input: TrackLabelInput): TrackLabelViewData {
  return {
    title: tr(t, 'moves:track.title'),
    privacy: tr(t, 'moves:track.privacy'),
    label: tr(t, 'moves:track.label'),
    placeholder: tr(t, 'moves:track.placeholder'),
    maxLength: MAX_LABEL_CHARS,
    hint: input.problem ? tr(t, `moves:track.problem.${input.problem}`, { max: MAX_LABEL_CHARS }) : '',
    required: tr(t, 'moves:track.problem.empty'),
    save: { title: tr(t, 'moves:button.save'), data: moveData('save', { key: input.key }) },
    actions: [commandButton(t, 'moves')],
  };
}
