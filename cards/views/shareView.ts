// The two things a partner sends on after a result: the message for the customer (in the customer's language,
// chosen on the card) and the partner's own checklist. Each is message text to copy, with a card under it: a
// mailto: button (Teams may refuse mailto:, so the text is always there too) and the way to the other one.
import { composeCustomerMessage } from '../../src/customerMessage/index.js';
import type { Guidance } from '../../src/guidance/index.js';
import type { Locale } from '../../src/i18n/locale.js';
import { shareData } from '../actions.js';
import { customerMessageText, inLanguage } from './customerMessageText.js';
import { LANGUAGE_NAMES, languageButtons } from './languageView.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';
import { mailtoLink } from './copyableText.js';
import { summaryText } from './summaryText.js';

export interface ShareViewData {
  title: string;
  text: string;
  /** The customer message's languages, the one shown marked ([] on the checklist). */
  languages: Button[];
  email: string;
  mailto: string;
  /** The way to the other one: the checklist from the message, the message from the checklist. */
  actions: Button[];
}

export interface Share {
  /** Plain text, sent as the message text so that it can be copied as it is. */
  summary: string;
  view: ShareViewData;
}

/**
 * The message for the customer's admin in `language`; the card around it speaks the partner's language (`t`) and
 * offers the other languages, each re-writing the message from the same answers.
 */
export function customerMessageView(t: Translate, g: Guidance, today: string, language: Locale): Share {
  const customer = inLanguage(t, language);
  const summary = customerMessageText(customer, composeCustomerMessage(g), today);
  const subject = tr(customer, g.path === null ? 'customer:message.titleBlocked' : 'customer:message.title');
  return {
    summary,
    view: {
      title: tr(t, 'customer:card.title'),
      text: tr(t, 'customer:card.text', { language: LANGUAGE_NAMES[language] }),
      languages: languageButtons(language, shareData),
      email: tr(t, 'customer:button.email'),
      // The note on a shortened body is for the partner, who pastes the full text in its place.
      mailto: mailtoLink(subject, summary, tr(t, 'customer:mail.truncated')),
      actions: [commandButton(t, 'checklist')],
    },
  };
}

/** The partner's checklist: every step with its actor and date, the notes and the sources. */
export function checklistView(t: Translate, g: Guidance, today: string): Share {
  const summary = summaryText(t, g, today);
  return {
    summary,
    view: {
      title: tr(t, 'customer:checklist.title'),
      text: tr(t, 'customer:checklist.text'),
      languages: [],
      email: tr(t, 'customer:button.email'),
      mailto: mailtoLink(tr(t, 'customer:checklist.subject'), summary, tr(t, 'cards:share.truncated')),
      actions: [commandButton(t, 'share')],
    },
  };
}
