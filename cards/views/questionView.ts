import { isIsoDate } from '../../src/guidance/index.js';
import { answerData, commandData, nextData, skipData, type SubmitData } from '../actions.js';
import { commandButton, tr, type Button, type ButtonStyle, type Translate } from './shared.js';

/** What a question card needs of a question: a structural subset of dialogs/questions.ts `Question`. */
export interface CardQuestion {
  id: string;
  input: 'choice' | 'multi' | 'date';
  /** Names the option labels in locales/<lng>/questions.json (`optionSets.<set>.<option>.label`); defaults to the id. */
  optionSet?: string;
  options: readonly string[];
  optional?: boolean;
}

export interface QuestionCardInput {
  question: CardQuestion;
  /** 1-based position of this question among the questions the check will ask. */
  step: number;
  total: number;
  /** The current answer (an option id, or 'YYYY-MM-DD'), shown pre-selected. */
  selected?: string;
  /** Why the question is asked again: the last answer was not accepted, or came from an old card. */
  hint?: 'invalid' | 'outOfDate';
  canGoBack: boolean;
  /** The partner's remembered answers as one line ("You: Admin agent · direct-bill · Europe"), with [Change]. */
  partner?: string;
  /** Likely answers offered as one-click buttons above a long list or a multi-select. */
  suggested?: readonly string[];
  /** Set once the question is answered: the card then shows the answer and no live buttons. */
  answered?: string;
}

/** Up to this many options render as one button each; more render as a compact dropdown. */
export const MAX_OPTION_BUTTONS = 6;

/** Widest button title Teams shows uncut, in columns (a CJK character takes two). */
export const MAX_BUTTON_TITLE_WIDTH = 36;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

export type QuestionInputMode = 'buttons' | 'choice' | 'multi' | 'date' | 'answered';

export interface QuestionViewData {
  /** '' unless the partner's profile line is shown. */
  partner: string;
  partnerAction: Array<{ title: string; data: SubmitData }>;
  step: string;
  prompt: string;
  help: string;
  /** '' when there is nothing to point out. */
  hint: string;
  /** "Your answer: …" on a card that was answered ('' while it is live). */
  answered: string;
  input: QuestionInputMode;
  /** One per option in 'buttons' mode; in the other modes, the suggested answers (one click each). */
  buttons: Button[];
  /** 'compact' (a dropdown) for long lists, 'expanded' (radio buttons, which wrap) for a few long options. */
  choiceStyle: 'compact' | 'expanded';
  /** The dropdown's options in 'choice' mode, else empty. */
  choices: Array<{ title: string; value: string }>;
  placeholder: string;
  /** The pre-selected value of the input ('' for none). */
  selected: string;
  /** [Next] (and [Skip]) under an input; empty in 'buttons' mode. */
  inputActions: Array<Button & { associatedInputs: 'auto' | 'none' }>;
  typeHint: string;
  /** [Back] (when possible) and [Cancel]: they never carry the input. */
  navActions: Array<{ title: string; data: SubmitData }>;
}

export function optionLabelKey(question: CardQuestion, option: string): string {
  return `questions:optionSets.${question.optionSet ?? question.id}.${option}.label`;
}

function modeOf(question: CardQuestion): QuestionInputMode {
  if (question.input === 'date' || question.input === 'multi') return question.input;
  return question.options.length <= MAX_OPTION_BUTTONS ? 'buttons' : 'choice';
}

function hintText(t: Translate, input: QuestionCardInput): string {
  switch (input.hint) {
    case 'invalid':
      return tr(t, input.question.input === 'date' ? 'cards:question.hint.invalidDate' : 'cards:question.hint.invalid');
    case 'outOfDate':
      return tr(t, 'cards:question.hint.outOfDate');
    default:
      return '';
  }
}

/** The user's answer as they read it: the option's label (each of a multi-select's), or the date itself. */
export function answerLabel(t: Translate, question: CardQuestion, answer: string): string {
  if (question.input === 'date') return answer;
  return answer
    .split(',')
    .map((a) => tr(t, optionLabelKey(question, a)))
    .join(tr(t, 'cards:listSeparator'));
}

/** A question card frozen after its answer: the answer stays readable, nothing is clickable. */
function answeredView(t: Translate, live: QuestionViewData, question: CardQuestion, answer: string): QuestionViewData {
  return {
    ...live,
    hint: '',
    partner: '',
    partnerAction: [],
    answered: tr(t, 'cards:answered.label', { answer: answerLabel(t, question, answer) }),
    input: 'answered',
    buttons: [],
    choices: [],
    inputActions: [],
    navActions: [],
  };
}

/** One question, its options numbered so that typing the number is obvious. */
export function questionView(t: Translate, input: QuestionCardInput): QuestionViewData {
  const live = liveQuestionView(t, input);
  return input.answered === undefined ? live : answeredView(t, live, input.question, input.answered);
}

function liveQuestionView(t: Translate, input: QuestionCardInput): QuestionViewData {
  const { question } = input;
  let mode = modeOf(question);
  const total = Math.max(1, Math.trunc(input.total));
  const step = Math.min(total, Math.max(1, Math.trunc(input.step)));

  const labelled = question.options.map((value, i) => ({
    value,
    title: tr(t, 'cards:question.option', { n: i + 1, label: tr(t, optionLabelKey(question, value)) }),
  }));
  // Teams cuts button titles instead of wrapping them: long options become a list of radio buttons.
  if (mode === 'buttons' && labelled.some((o) => displayWidth(o.title) > MAX_BUTTON_TITLE_WIDTH)) mode = 'choice';
  const choiceStyle = question.options.length > MAX_OPTION_BUTTONS ? 'compact' : 'expanded';
  const selectedValid =
    input.selected !== undefined &&
    (mode === 'date' ? isIsoDate(input.selected) : input.selected.split(',').every((v) => question.options.includes(v)));
  const selected = selectedValid ? input.selected! : '';

  const inputActions: QuestionViewData['inputActions'] = [];
  if (mode !== 'buttons') {
    inputActions.push({ title: tr(t, 'cards:button.next'), style: 'positive', associatedInputs: 'auto', data: nextData(question.id) });
    if (mode === 'date' && question.optional) {
      inputActions.push({ title: tr(t, 'cards:button.skip'), style: 'default', associatedInputs: 'none', data: skipData(question.id) });
    }
  }

  const typeHintKey =
    mode === 'date'
      ? question.optional
        ? 'cards:question.typeDateOptional'
        : 'cards:question.typeDate'
      : mode === 'multi'
        ? 'cards:question.typeMulti'
        : 'cards:question.typeChoice';

  return {
    partner: input.partner ?? '',
    partnerAction: input.partner ? [{ title: tr(t, 'cards:button.changeProfile'), data: commandData('profile') }] : [],
    step: tr(t, 'cards:question.step', { k: step, n: total }),
    prompt: tr(t, `questions:${question.id}.prompt`),
    help: tr(t, `questions:${question.id}.help`),
    hint: hintText(t, input),
    answered: '',
    input: mode,
    buttons:
      mode === 'buttons'
        ? labelled.map(({ value, title }) => ({
            title,
            // The current answer stands out, so "back" shows what was chosen before.
            style: (value === selected ? 'positive' : 'default') satisfies ButtonStyle,
            data: answerData(question.id, value),
          }))
        : (input.suggested ?? [])
            .filter((value) => question.options.includes(value))
            .map((value) => ({ title: tr(t, optionLabelKey(question, value)), style: 'default' satisfies ButtonStyle, data: answerData(question.id, value) })),
    choices: mode === 'choice' || mode === 'multi' ? labelled : [],
    choiceStyle,
    placeholder: tr(t, 'cards:question.placeholder'),
    selected,
    inputActions,
    typeHint: tr(t, typeHintKey),
    navActions: [
      ...(input.canGoBack ? [{ title: tr(t, 'cards:button.back'), data: commandData('back') }] : []),
      { title: commandButton(t, 'cancel').title, data: commandData('cancel') },
    ],
  };
}

/** "You: Admin agent, Sales agent · Direct-bill partner · Europe": the partner's profile in one line. */
export function partnerLineOf(
  t: Translate,
  partner: { partnerRoles?: readonly string[]; partnerModel?: string; partnerRegion?: string },
): string {
  const label = (set: string, id: string) => tr(t, `questions:optionSets.${set}.${id}.label`);
  const parts = [
    (partner.partnerRoles ?? []).map((r) => label('partnerRoles', r)).join(tr(t, 'cards:listSeparator')),
    partner.partnerModel ? label('partnerModel', partner.partnerModel) : '',
    partner.partnerRegion ? label('region', partner.partnerRegion) : '',
  ].filter(Boolean);
  return tr(t, 'cards:question.partnerLine', { profile: parts.join(' · ') });
}
