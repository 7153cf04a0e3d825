import { changeQuestionData, setData } from '../actions.js';
import { answerLabel, type CardQuestion } from './questionView.js';
import { tr, type Button, type Translate } from './shared.js';

export interface UnderstoodInput {
  found: ReadonlyArray<{ question: CardQuestion; answer: string }>;
  conflicts: ReadonlyArray<{ question: CardQuestion; was: string; now: string }>;
  unreadable: ReadonlyArray<{ question: CardQuestion; text: string }>;
}

export interface UnderstoodViewData {
  title: string;
  /** '' when nothing was read. */
  intro: string;
  found: Array<{ text: string; change: Button }>;
  conflictsTitle: string;
  conflicts: Array<{ text: string; choices: Button[] }>;
  unreadable: Array<{ text: string }>;
  next: string;
}

/**
 * "What I understood" from a typed description: each answer with [Change], each contradiction with the two
 * readings to pick from, each unreadable bit with the forms that work. The partner's own words are never shown
 * back as markup: answers are our labels, and an unreadable bit is quoted as plain text by the template.
 */
export function understoodView(t: Translate, input: UnderstoodInput): UnderstoodViewData {
  const item = (question: CardQuestion, answer: string) =>
    tr(t, 'cards:change.item', { question: tr(t, `questions:${question.id}.short`), answer: answerLabel(t, question, answer) });
  return {
    title: tr(t, 'cards:understood.title'),
    intro: input.found.length > 0 ? tr(t, 'cards:understood.intro') : tr(t, 'cards:understood.nothing'),
    found: input.found.map(({ question, answer }) => ({
      text: item(question, answer),
      change: { title: tr(t, 'cards:button.changeIt'), style: 'default', data: changeQuestionData(question.id) },
    })),
    conflictsTitle: input.conflicts.length > 0 ? tr(t, 'cards:understood.conflicts') : '',
    conflicts: input.conflicts.map(({ question, was, now }) => ({
      text: tr(t, `questions:${question.id}.short`),
      choices: [
        { title: tr(t, 'cards:understood.keep', { answer: answerLabel(t, question, was) }), style: 'default', data: setData(question.id, was) },
        { title: tr(t, 'cards:understood.use', { answer: answerLabel(t, question, now) }), style: 'positive', data: setData(question.id, now) },
      ],
    })),
    unreadable: input.unreadable.map(({ question, text }) => ({
      text: tr(t, question.input === 'date' ? 'cards:understood.unreadableDate' : 'cards:understood.unreadable', {
        question: tr(t, `questions:${question.id}.short`),
        text: text.slice(0, 40),
      }),
    })),
    next: tr(t, 'cards:understood.next'),
  };
}
