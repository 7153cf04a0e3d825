// The customer message as plain text, written to the customer's admin in the customer's language. Plain on
// purpose: the partner copies it from Teams into an email, so it carries no markdown (no "- " or "1." lists
// that a markdown renderer would turn into something else, no ** or _), and one sentence per line.
import type { CustomerAction, CustomerLine, CustomerMessage } from '../../src/customerMessage/index.js';
import { LINK_URLS } from '../../src/guidance/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { tr, type Translate } from './shared.js';

/**
 * The same translations in another language. i18next takes the language per call (`lng`), so the partner's
 * t() can write to a customer in theirs without a second translator travelling through the conversation.
 */
export function inLanguage(t: Translate, lng: Locale): Translate {
  const call = t as unknown as (key: unknown, options?: Record<string, unknown>) => unknown;
  const translate = (key: unknown, options?: unknown) =>
    call(key, { ...(typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {}), lng });
  return Object.assign(translate, { lng }) as unknown as Translate;
}

/** The sentence itself, what completes it, and "check Microsoft's current page" where the guidance flags the fact. */
function sentence(t: Translate, line: CustomerLine & { extras?: string[] }): string {
  const extras = (line.extras ?? []).map((key) => tr(t, `customer:${key}`)).join('');
  return `${tr(t, `customer:${line.key}`, line.params)}${extras}${line.check ? tr(t, 'customer:message.check') : ''}`;
}

/** A dated sentence leads with its date: the date is what the reader acts on. */
function happensLine(t: Translate, line: CustomerLine): string {
  const text = sentence(t, line);
  if (line.from && line.due) return tr(t, 'customer:line.between', { from: line.from, due: line.due, text });
  if (line.due) return tr(t, 'customer:line.by', { due: line.due, text });
  return text;
}

function actionLine(t: Translate, action: CustomerAction): string {
  const actor = tr(t, `customer:actor.${action.actor}`);
  const text = sentence(t, action);
  if (action.from && action.due) return tr(t, 'customer:line.actionBetween', { actor, from: action.from, due: action.due, text });
  if (action.due) return tr(t, 'customer:line.actionBy', { actor, due: action.due, text });
  return tr(t, 'customer:line.action', { actor, text });
}

/** The whole message: title and date, then each section that has something to say, separated by a blank line. */
export function customerMessageText(t: Translate, m: CustomerMessage, today: string): string {
  const bullet = tr(t, 'customer:message.bullet');
  const out: string[] = [tr(t, m.blocked ? 'customer:message.titleBlocked' : 'customer:message.title'), tr(t, 'customer:message.prepared', { date: today })];
  const section = (heading: string, lines: string[]) => {
    if (lines.length > 0) out.push('', tr(t, heading), ...lines);
  };
  section('customer:heading.happens', m.happens.map((l) => happensLine(t, l)));
  const actions = m.actions.map((a) => bullet + actionLine(t, a));
  // Saying there is nothing to do is itself news; for a blocked move the partner's follow-up says it already.
  if (actions.length === 0 && !m.blocked) actions.push(tr(t, 'customer:heading.noActions'));
  section(m.blocked ? 'customer:heading.actionsBlocked' : 'customer:heading.actions', actions);
  section('customer:heading.avoid', m.avoid.map((l) => bullet + sentence(t, l)));
  section('customer:heading.confirm', m.confirm.map((l) => bullet + sentence(t, l)));
  section('customer:heading.links', m.links.map((id) => bullet + tr(t, 'customer:line.link', { title: tr(t, `customer:link.${id}`), url: LINK_URLS[id] })));
  return out.join('\n');
}
