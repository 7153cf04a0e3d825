import { quickFormData, type QuickFormSubmit } from '../actions.js';
import type { CardQuestion } from './questionView.js';
import { MAX_OPTION_BUTTONS, optionLabelKey } from './questionView.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

export interface QuickFormQuestion extends CardQuestion {
  /** Asked only for some purchase channels: the form says when it applies. */
  onlyIf?: keyof typeof NOTE_KEYS;
}

export interface QuickFormInput {
  questions: readonly QuickFormQuestion[];
  /** Values to show (what the user entered, or the last check's answers). */
  values: Readonly<Record<string, string | undefined>>;
  /** Question ids to mark as missing or not accepted. */
  missing: readonly string[];
  /** Offer [Same customer]: the form again, filled with the last check's answers. */
  offerSameCustomer?: boolean;
}

export interface QuickFormViewData {
  title: string;
  intro: string;
  error: string;
  fields: Array<{
    id: string;
    label: string;
    input: 'choice' | 'multi' | 'date';
    /** A few options are radio buttons (one click); long lists a dropdown. */
    choiceStyle: 'compact' | 'expanded';
    required: boolean;
    requiredMessage: string;
    placeholder: string;
    value: string;
    choices: Array<{ title: string; value: string }>;
    note: string;
    error: string;
  }>;
  submit: string;
  data: QuickFormSubmit;
  /** [Same customer] when there is a last check to fill the form from. */
  extraActions: Button[];
}

const NOTE_KEYS = {
  otherPartner: 'cards:quick.onlyIfPartner',
  china: 'cards:quick.onlyIfChina',
  notEa: 'cards:quick.onlyIfNotEa',
  pastDate: 'cards:quick.onlyIfPastDate',
  buying: 'cards:quick.onlyIfBuying',
  hasRelationship: 'cards:quick.onlyIfRelationship',
  offerChanges: 'cards:quick.onlyIfOfferChanges',
} as const;

/** Every question on one card; required ones are marked by the host (isRequired) so the user knows before submitting. */
export function quickFormView(t: Translate, input: QuickFormInput): QuickFormViewData {
  const requiredMessage = tr(t, 'cards:quick.required');
  return {
    title: tr(t, 'cards:quick.title'),
    intro: tr(t, 'cards:quick.intro'),
    error: input.missing.length > 0 ? tr(t, 'cards:quick.missing') : '',
    fields: input.questions.map((q) => {
      // Conditional and optional questions can't be required on the client: the server checks them.
      const required = !q.optional && !q.onlyIf;
      const value = input.values[q.id] ?? '';
      return {
        id: q.id,
        // Hosts mark isRequired inputs with their own asterisk.
        label: tr(t, `questions:${q.id}.short`),
        input: q.input,
        choiceStyle: q.options.length <= MAX_OPTION_BUTTONS ? 'expanded' : 'compact',
        required,
        requiredMessage,
        placeholder: tr(t, 'cards:quick.placeholder'),
        value: q.input === 'date' || value.split(',').every((v) => q.options.includes(v)) ? value : '',
        choices: q.options.map((o) => ({ title: tr(t, optionLabelKey(q, o)), value: o })),
        note: q.onlyIf ? tr(t, NOTE_KEYS[q.onlyIf]) : q.optional ? tr(t, 'cards:quick.optional') : '',
        error: input.missing.includes(q.id) ? requiredMessage : '',
      };
    }),
    submit: tr(t, 'cards:button.getResult'),
    data: quickFormData(),
    extraActions: input.offerSameCustomer ? [commandButton(t, 'sameCustomer')] : [],
  };
}
