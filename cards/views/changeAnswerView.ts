import { changeData, type ChangeSubmit } from '../actions.js';
import { answerLabel, type CardQuestion } from './questionView.js';
import { tr, type Translate } from './shared.js';

export interface ChangeAnswerInput {
  /** The questions the last check asked, in order, with the answer given (undefined: skipped). */
  answered: ReadonlyArray<{ question: CardQuestion; answer?: string }>;
}

export interface ChangeAnswerViewData {
  title: string;
  intro: string;
  placeholder: string;
  choices: Array<{ title: string; value: string }>;
  submit: string;
  data: ChangeSubmit;
}

/** "Which answer?": each question with the answer it has now, so the partner sees what they'd change. */
export function changeAnswerView(t: Translate, input: ChangeAnswerInput): ChangeAnswerViewData {
  return {
    title: tr(t, 'cards:change.title'),
    intro: tr(t, 'cards:change.intro'),
    placeholder: tr(t, 'cards:change.placeholder'),
    choices: input.answered.map(({ question, answer }) => ({
      title: tr(t, 'cards:change.item', {
        question: tr(t, `questions:${question.id}.short`),
        // A ChoiceSet title is plain text, not markdown: our labels and validated dates go in as they are
        // (escaping them showed literal backslashes, e.g. "\\(Microsoft 365 admin center\\)").
        answer: answer === undefined ? tr(t, 'cards:change.skipped') : answerLabel(t, question, answer),
      }),
      value: question.id,
    })),
    submit: tr(t, 'cards:button.changeIt'),
    data: changeData(),
  };
}
