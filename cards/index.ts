// Public API of the cards layer: view models (translated strings, no botbuilder) → Adaptive Card attachments.
import type { Guidance } from '../src/guidance/index.js';
import type { Locale } from '../src/i18n/locale.js';
import { renderCard, toAttachment, type AdaptiveCardJson, type CardAttachment } from './render.js';
import { helpView } from './views/helpView.js';
import { languageView } from './views/languageView.js';
import { noticeView, type NoticeInput } from './views/noticeView.js';
import { questionView, type QuestionCardInput } from './views/questionView.js';
import { resultView, type ResultOptions } from './views/resultView.js';
import type { Translate } from './views/shared.js';
import { welcomeView } from './views/welcomeView.js';
import { faqAnswerView, type FaqAnswerOptions } from './views/faqAnswerView.js';
import type { TopicId } from '../src/faq/index.js';
import { quickFormView, type QuickFormInput } from './views/quickFormView.js';
import { changeAnswerView, type ChangeAnswerInput } from './views/changeAnswerView.js';
import { checklistView, customerMessageView } from './views/shareView.js';
import { withHardBreaks } from './views/copyableText.js';
import { understoodView, type UnderstoodInput } from './views/understoodView.js';
import { trackLabelView, type TrackLabelInput } from './views/trackLabelView.js';
import { moveView, type MoveCardInput } from './views/moveView.js';
import { moveListView, type MoveListInput } from './views/moveListView.js';
import { forgetView, type ForgetInput } from './views/forgetView.js';
import { reminderView, type ReminderCardInput } from './views/reminderView.js';

export * from './actions.js';
export * from './render.js';
export { escapeCardText } from './escape.js';
export { welcomeView, type WelcomeViewData } from './views/welcomeView.js';
export {
  questionView,
  optionLabelKey,
  MAX_OPTION_BUTTONS,
  MAX_BUTTON_TITLE_WIDTH,
  displayWidth,
  type CardQuestion,
  type QuestionCardInput,
  type QuestionInputMode,
  type QuestionViewData,
} from './views/questionView.js';
export { resultView, type ResultOptions, type ResultViewData, type ResultSection } from './views/resultView.js';
export { helpView, type HelpViewData } from './views/helpView.js';
export { languageView, languageList, LANGUAGE_NAMES, type LanguageViewData } from './views/languageView.js';
export { noticeView, type NoticeAction, type NoticeInput, type NoticeViewData } from './views/noticeView.js';
export { faqAnswerView, type FaqAnswerOptions, type FaqAnswerViewData } from './views/faqAnswerView.js';
export type { Button, ButtonStyle, Translate } from './views/shared.js';
export { quickFormView, type QuickFormInput, type QuickFormQuestion, type QuickFormViewData } from './views/quickFormView.js';
export { changeAnswerView, type ChangeAnswerInput, type ChangeAnswerViewData } from './views/changeAnswerView.js';
export { checklistView, customerMessageView, type Share, type ShareViewData } from './views/shareView.js';
export { customerMessageText, inLanguage } from './views/customerMessageText.js';
export { understoodView, type UnderstoodInput, type UnderstoodViewData } from './views/understoodView.js';
export { summaryText } from './views/summaryText.js';
export { mailtoLink, withHardBreaks, MAILTO_MAX_LENGTH } from './views/copyableText.js';
export { answerLabel } from './views/questionView.js';
export { trackLabelView, LABEL_INPUT_ID, type TrackLabelInput, type TrackLabelViewData } from './views/trackLabelView.js';
export { moveView, moveStepLine, type MoveBanner, type MoveCardInput, type MoveStepRow, type MoveViewData } from './views/moveView.js';
export { moveListView, type MoveListInput, type MoveRow, type MoveListViewData } from './views/moveListView.js';
export { forgetView, type ForgetInput, type ForgetViewData } from './views/forgetView.js';
export { reminderView, type ReminderCardInput, type ReminderViewData } from './views/reminderView.js';

/** The welcome card says the same in each language: one frozen copy per language (as the question cards below). */
const welcomeCards = new Map<string, AdaptiveCardJson>();
const MAX_CACHED_WELCOME_CARDS = 16;

export const renderWelcomeCard = (t: Translate): CardAttachment => {
  const lng = (t as { lng?: string }).lng;
  let card = lng === undefined ? undefined : welcomeCards.get(lng);
  if (card === undefined) {
    card = deepFreeze(renderCard('welcome', welcomeView(t)));
    if (welcomeCards.size < MAX_CACHED_WELCOME_CARDS && lng) welcomeCards.set(lng, card);
  }
  return toAttachment(card, 'welcome');
};

/**
 * Question cards repeat: the same question at the same step in the same language renders the same card.
 * Keep each one (the expansion is a quarter of a turn's CPU), frozen so that no sender can change the copy
 * every later turn shares.
 */
const questionCards = new Map<string, AdaptiveCardJson>();
const MAX_CACHED_QUESTION_CARDS = 2_000;

export const renderQuestionCard = (t: Translate, input: QuestionCardInput): CardAttachment => {
  const { question, step, total, selected, hint, canGoBack, answered, partner, suggested } = input;
  const lng = (t as { lng?: string }).lng;
  const key = JSON.stringify([lng, question.id, step, total, selected, hint, canGoBack, answered, partner, suggested]);
  let card = questionCards.get(key);
  if (card === undefined) {
    card = deepFreeze(renderCard('question', questionView(t, input)));
    if (questionCards.size < MAX_CACHED_QUESTION_CARDS && lng) questionCards.set(key, card);
  }
  return toAttachment(card, 'question');
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const renderResultCard = (t: Translate, guidance: Guidance, options?: ResultOptions): CardAttachment =>
  toAttachment(renderCard('result', resultView(t, guidance, options)), 'result');

export const renderHelpCard = (t: Translate, options: { inCheck: boolean }): CardAttachment =>
  toAttachment(renderCard('help', helpView(t, options)), 'help');

export const renderLanguageCard = (t: Translate, current: Locale): CardAttachment =>
  toAttachment(renderCard('language', languageView(t, current)), 'language');

export const renderNoticeCard = (t: Translate, input: NoticeInput): CardAttachment =>
  toAttachment(renderCard('notice', noticeView(t, input)), 'notice');

/** The answer to a typed question (src/faq answerFreeText), with its sources and [Start guided check]. */
export const renderFaqAnswerCard = (t: Translate, topic: TopicId, options?: FaqAnswerOptions): CardAttachment =>
  toAttachment(renderCard('faqAnswer', faqAnswerView(t, topic, options)), 'faqAnswer');

export const renderQuickFormCard = (t: Translate, input: QuickFormInput): CardAttachment =>
  toAttachment(renderCard('quickForm', quickFormView(t, input)), 'quickForm');

/** "What I understood" from a typed description of the case. */
export const renderUnderstoodCard = (t: Translate, input: UnderstoodInput): CardAttachment =>
  toAttachment(renderCard('understood', understoodView(t, input)), 'understood');

export const renderChangeAnswerCard = (t: Translate, input: ChangeAnswerInput): CardAttachment =>
  toAttachment(renderCard('changeAnswer', changeAnswerView(t, input)), 'changeAnswer');

/**
 * Text to copy, sent as the message's markdown text with a hard break ending each line (see withHardBreaks), and
 * the card that goes under it.
 */
export interface SharedMessage {
  text: string;
  card: CardAttachment;
}

/** The partner's checklist, and a card with a mailto: button and the way to the customer message. */
export const renderChecklist = (t: Translate, guidance: Guidance, today: string): SharedMessage => {
  const { summary, view } = checklistView(t, guidance, today);
  return { text: withHardBreaks(summary), card: toAttachment(renderCard('share', view), 'share') };
};

/** The message for the customer in `language` as copyable text; the card (in the partner's language) offers the others. */
export const renderCustomerMessage = (t: Translate, guidance: Guidance, today: string, language: Locale): SharedMessage => {
  const { summary, view } = customerMessageView(t, guidance, today, language);
  return { text: withHardBreaks(summary), card: toAttachment(renderCard('share', view), 'share') };
};

// Tracked moves (issue 16): the partner's label is the only customer data, escaped wherever it is shown.

/** [Track]: asks for the partner's own short name for the customer. */
export const renderTrackLabelCard = (t: Translate, input: TrackLabelInput): CardAttachment =>
  toAttachment(renderCard('trackLabel', trackLabelView(t, input)), 'trackLabel');

/** One move's checklist (or, with `confirmDelete`, the question before deleting it). */
export const renderMoveCard = (t: Translate, input: MoveCardInput): CardAttachment => toAttachment(renderCard('move', moveView(t, input)), 'move');

export const renderMoveListCard = (t: Translate, input: MoveListInput): CardAttachment =>
  toAttachment(renderCard('moveList', moveListView(t, input)), 'moveList');

/** `forget`: what is deleted, [Delete everything] [Keep]. */
export const renderForgetCard = (t: Translate, input: ForgetInput): CardAttachment => toAttachment(renderCard('forget', forgetView(t, input)), 'forget');

/** A reminder of a move's deadline (sent proactively; after a click, what the click did). */
export const renderReminderCard = (t: Translate, input: ReminderCardInput): CardAttachment =>
  toAttachment(renderCard('reminder', reminderView(t, input)), 'reminder');
