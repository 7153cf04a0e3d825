import type { Guidance } from '../../src/guidance/index.js';
import { tr, type Translate } from './shared.js';
import { mailtoLink, summaryText } from './summaryText.js';

export interface ShareViewData {
  title: string;
  text: string;
  email: string;
  mailto: string;
}

export interface Share {
  /** The plain-text summary, sent as the message text so it can be copied as is. */
  summary: string;
  view: ShareViewData;
}

export function shareView(t: Translate, g: Guidance, today: string): Share {
  const summary = summaryText(t, g, today);
  return {
    summary,
    view: { title: tr(t, 'common:notice.shareReady'), text: tr(t, 'cards:share.cardText'), email: tr(t, 'cards:button.email'), mailto: mailtoLink(t, summary) },
  };
}
