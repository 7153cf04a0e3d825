import { CREDIT_ITEMS, type CreditItemKey } from './catalogue/index.js';
import type { CreditGuidance, SourcedMessage } from './guidanceSchema.js';
import { toItem } from './messages.js';
import type { Situation } from './situation.js';

const item = (key: CreditItemKey): SourcedMessage => toItem(key, CREDIT_ITEMS[key]);

/**
 * GUIDANCE §6: only admin center (direct) buyers may get a credit, handled by Microsoft 365 billing
 * support. With delegated admin the partner contacts support; otherwise the customer does.
 * Every case carries one GDAP item, so the GDAP as-of note always goes with credit guidance.
 */
export function buildCredit(s: Situation): CreditGuidance | null {
  if (s.purchaseChannel !== 'adminCenter') return null;

  const items: SourcedMessage[] = [item('credit.mayBeEligible')];
  let contact: CreditGuidance['contact'];
  switch (s.delegatedAdmin) {
    case 'gdapSupport':
      contact = 'partner';
      items.push(item('credit.contactPartner'), item('credit.supportRoleNeeded'));
      break;
    case 'dap':
      // The seed's rule says partner; since 2023 tickets need the GDAP support role, so say both.
      contact = 'partner';
      items.push(item('credit.contactPartner'), item('credit.dapNeedsGdap'));
      break;
    case 'gdapOther':
      contact = 'customer';
      items.push(item('credit.contactCustomer'), item('credit.addSupportRole'));
      break;
    case 'none':
      contact = 'customer';
      items.push(item('credit.contactCustomer'), item('credit.supportRoleNeeded'));
      break;
    case 'notSure':
      contact = 'unknown';
      items.push(item('credit.checkDelegatedAdmin'), item('credit.supportRoleNeeded'));
      break;
  }
  items.push(item('credit.cancelGuidance'), item('credit.checkRefundWindow'));
  return { contact, items, linkIds: ['cancelSubscription', 'delegatedAdmin'] };
}
