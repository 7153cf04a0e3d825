import { languageList } from './languageView.js';
import { commandButton, escapeParams, tr, type Button, type Params, type Translate } from './shared.js';

export type NoticeAction = 'start' | 'quick' | 'help' | 'language' | 'restart' | 'moves';

export interface NoticeInput {
  /** A locale key; without a namespace prefix it is read from `cards` (e.g. 'notice.cancelled'). */
  textKey: string;
  /** Interpolated into the text; string values are escaped (they may come from the user). */
  params?: Params;
  titleKey?: string;
  actions?: readonly NoticeAction[];
}

export interface NoticeViewData {
  /** '' when the notice has no title. */
  title: string;
  text: string;
  actions: Button[];
}

const inCards = (key: string): string => (key.includes(':') ? key : `cards:${key}`);

/** A short message: "not understood", "cancelled", "language changed", "we speak en/zh-CN/zh-TW". */
export function noticeView(t: Translate, input: NoticeInput): NoticeViewData {
  // {{languages}} is always available, so a notice can name the languages we speak.
  const params: Params = { languages: languageList(t), ...escapeParams(input.params) };
  return {
    title: input.titleKey ? tr(t, inCards(input.titleKey), params) : '',
    text: tr(t, inCards(input.textKey), params),
    actions: (input.actions ?? []).map((a) => commandButton(t, a, a === 'start' ? 'positive' : 'default')),
  };
}
