import { CREDIT_RULES, type CreditKey } from './catalogue.js';
import type { Credit } from './guidanceSchema.js';
import type { PathChoice } from './path.js';
import type { Situation } from './situation.js';
import type { Timing } from './timing.js';

const item = (key: CreditKey) => ({ key, source: CREDIT_RULES[key] });

/**
 * §7: credit guidance only for customers who bought direct, and only inside the cancellation window after
 * purchase or renewal: never for an expired subscription, never for a customer who keeps what it has.
 * Where the window can't be placed (no date, or "renewed or ended?" not known) the guidance says it applies only inside it.
 */
export function buildCredit(s: Situation, choice: PathChoice, timing: Timing | null): Credit | null {
  if (s.purchaseChannel !== 'adminCenter' || choice.path === 'multiPartner') return null;
  const certain = timing?.phase === 'renewedInWindow' && timing.ifEnded === undefined;
  const possible = timing === null || timing.phase === 'renewedInWindow';
  if (!possible) return null;

  const items = [item('credit.windowOnly')];
  if (!certain) items.push(item('credit.ifInWindow'));
  let contact: Credit['contact'] = 'customerBillingAdmin';
  switch (s.delegatedAdmin) {
    case 'gdapSupport':
      contact = 'you';
      items.push(item('credit.contactYou'));
      break;
    case 'gdapOther':
      items.push(item('credit.contactCustomer'), item('credit.addSupportRole'));
      break;
    case 'dap':
      // DAP alone no longer works (removed 9 October 2023): the customer contacts support.
      items.push(item('credit.contactCustomer'), item('credit.dapNoLonger'));
      break;
    case 'none':
      items.push(item('credit.contactCustomer'));
      break;
    case 'notSure':
      contact = 'unknown';
      items.push(item('credit.checkGdap'));
      break;
  }
  return { contact, items };
}
