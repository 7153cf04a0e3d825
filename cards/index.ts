// Public API of the cards layer: view models (translated strings, no botbuilder) → Adaptive Card attachments.
import type { Guidance } from '../src/guidance/index.js';
import type { Locale } from '../src/i18n/locale.js';
import { renderCard, toAttachment, type CardAttachment } from './render.js';
import { helpView } from './views/helpView.js';
import { languageView } from './views/languageView.js';
import { noticeView, type NoticeInput } from './views/noticeView.js';
import { questionView, type QuestionCardInput } from './views/questionView.js';
import { resultView } from './views/resultView.js';
import type { Translate } from './views/shared.js';
import { welcomeView } from './views/welcomeView.js';

export * from './actions.js';
export * from './render.js';
export { escapeCardText } from './escape.js';
export { welcomeView, type WelcomeViewData } from './views/welcomeView.js';
export {
  questionView,
  optionLabelKey,
  MAX_OPTION_BUTTONS,
  type CardQuestion,
  type QuestionCardInput,
  type QuestionInputMode,
  type QuestionViewData,
} from './views/questionView.js';
export { resultView, MAX_REASONS_SHOWN, type ResultViewData, type ResultSection } from './views/resultView.js';
export { helpView, type HelpViewData } from './views/helpView.js';
export { languageView, languageList, LANGUAGE_NAMES, type LanguageViewData } from './views/languageView.js';
export { noticeView, type NoticeAction, type NoticeInput, type NoticeViewData } from './views/noticeView.js';
export type { Button, ButtonStyle, Translate } from './views/shared.js';

export const renderWelcomeCard = (t: Translate): CardAttachment => toAttachment(renderCard('welcome', welcomeView(t)));

export const renderQuestionCard = (t: Translate, input: QuestionCardInput): CardAttachment =>
  toAttachment(renderCard('question', questionView(t, input)));

export const renderResultCard = (t: Translate, guidance: Guidance): CardAttachment =>
  toAttachment(renderCard('result', resultView(t, guidance)));

export const renderHelpCard = (t: Translate, options: { inCheck: boolean }): CardAttachment =>
  toAttachment(renderCard('help', helpView(t, options)));

export const renderLanguageCard = (t: Translate, current: Locale): CardAttachment =>
  toAttachment(renderCard('language', languageView(t, current)));

export const renderNoticeCard = (t: Translate, input: NoticeInput): CardAttachment =>
  toAttachment(renderCard('notice', noticeView(t, input)));
