// The one render module: a card name and its view model in, an expanded Adaptive Card out.
// Templates are bundled JSON, parsed once at module load; expansion is the only per-turn work.
import { Template } from 'adaptivecards-templating';
import helpCard from './helpCard.json' with { type: 'json' };
import languageCard from './languageCard.json' with { type: 'json' };
import noticeCard from './noticeCard.json' with { type: 'json' };
import questionCard from './questionCard.json' with { type: 'json' };
import resultCard from './resultCard.json' with { type: 'json' };
import welcomeCard from './welcomeCard.json' with { type: 'json' };
import faqAnswerCard from './faqAnswerCard.json' with { type: 'json' };
import quickFormCard from './quickFormCard.json' with { type: 'json' };
import changeAnswerCard from './changeAnswerCard.json' with { type: 'json' };
import shareCard from './shareCard.json' with { type: 'json' };
import understoodCard from './understoodCard.json' with { type: 'json' };
import trackLabelCard from './trackLabelCard.json' with { type: 'json' };
import moveCard from './moveCard.json' with { type: 'json' };
import moveListCard from './moveListCard.json' with { type: 'json' };
import forgetCard from './forgetCard.json' with { type: 'json' };
import reminderCard from './reminderCard.json' with { type: 'json' };
import type { UnderstoodViewData } from './views/understoodView.js';
import type { HelpViewData } from './views/helpView.js';
import type { LanguageViewData } from './views/languageView.js';
import type { NoticeViewData } from './views/noticeView.js';
import type { QuestionViewData } from './views/questionView.js';
import type { ResultViewData } from './views/resultView.js';
import type { WelcomeViewData } from './views/welcomeView.js';
import type { FaqAnswerViewData } from './views/faqAnswerView.js';
import type { QuickFormViewData } from './views/quickFormView.js';
import type { ChangeAnswerViewData } from './views/changeAnswerView.js';
import type { ShareViewData } from './views/shareView.js';
import type { TrackLabelViewData } from './views/trackLabelView.js';
import type { MoveViewData } from './views/moveView.js';
import type { MoveListViewData } from './views/moveListView.js';
import type { ForgetViewData } from './views/forgetView.js';
import type { ReminderViewData } from './views/reminderView.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An expanded Adaptive Card (1.5) as plain JSON. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

/** Shaped like botbuilder's Attachment, without depending on botbuilder. */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCardJson;
  /** Which template it came from (Teams ignores it; the bot reads it to decide what may replace a clicked card). */
  name?: CardName;
}

/** Each card's template and the view model that fills it. */
export interface CardDataMap {
  welcome: WelcomeViewData;
  question: QuestionViewData;
  result: ResultViewData;
  help: HelpViewData;
  language: LanguageViewData;
  notice: NoticeViewData;
  faqAnswer: FaqAnswerViewData;
  quickForm: QuickFormViewData;
  changeAnswer: ChangeAnswerViewData;
  share: ShareViewData;
  understood: UnderstoodViewData;
  trackLabel: TrackLabelViewData;
  move: MoveViewData;
  moveList: MoveListViewData;
  forget: ForgetViewData;
  reminder: ReminderViewData;
}

export type CardName = keyof CardDataMap;

const TEMPLATES: { readonly [N in CardName]: Template } = {
  welcome: new Template(welcomeCard),
  question: new Template(questionCard),
  result: new Template(resultCard),
  help: new Template(helpCard),
  language: new Template(languageCard),
  notice: new Template(noticeCard),
  faqAnswer: new Template(faqAnswerCard),
  quickForm: new Template(quickFormCard),
  changeAnswer: new Template(changeAnswerCard),
  share: new Template(shareCard),
  understood: new Template(understoodCard),
  trackLabel: new Template(trackLabelCard),
  move: new Template(moveCard),
  moveList: new Template(moveListCard),
  forget: new Template(forgetCard),
  reminder: new Template(reminderCard),
};

export const CARD_NAMES = Object.keys(TEMPLATES) as CardName[];

/** A template expanded into something we must never send (a `${` survived: the view model missed a field). */
export class CardRenderError extends Error {
  constructor(
    readonly card: CardName,
    message: string,
  ) {
    super(`Card "${card}": ${message}`);
    this.name = 'CardRenderError';
  }
}

/**
 * Expands the named template with its view model. Throws CardRenderError when a `${…}` survives
 * expansion (adaptivecards-templating leaves the expression in place when the data lacks a field),
 * in every environment: a turn that fails with an apology beats a card that shows template code.
 */
export function renderCard<N extends CardName>(name: N, data: CardDataMap[N]): AdaptiveCardJson {
  const card = TEMPLATES[name].expand({ $root: data }) as AdaptiveCardJson;
  const json = JSON.stringify(card);
  const at = json.indexOf('${');
  if (at >= 0) {
    throw new CardRenderError(name, `unexpanded template expression near ${json.slice(Math.max(0, at - 40), at + 40)}`);
  }
  return card;
}

export function toAttachment(card: AdaptiveCardJson, name?: CardName): CardAttachment {
  return name ? { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card, name } : { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

