import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';
import { transferConsidered } from './conditions.js';

// GUIDANCE §2, §6, §7: what the purchase channel changes.
export function channelWarnings(s: Situation): WarningDraft[] {
  const out: WarningDraft[] = [];
  switch (s.purchaseChannel) {
    case 'adminCenter':
      // Billing frequency only matters for admin center purchases; ignored elsewhere.
      if (s.billingFrequency === 'notSure') out.push({ id: 'checkBillingFrequency' });
      break;
    case 'otherPartner':
      if (s.otherPartnerBilling === 'indirectReseller' && transferConsidered(s)) out.push({ id: 'indirectReseller' });
      if (s.otherPartnerBilling === 'notSure') out.push({ id: 'checkOtherPartnerBilling' });
      out.push({ id: 'noDirectCredit' });
      break;
    case 'enterpriseAgreement':
      out.push({ id: 'enterpriseAgreement' }, { id: 'noDirectCredit' });
      break;
    case 'volumeLicensing':
      out.push({ id: 'openLicenseEnded' }, { id: 'noDirectCredit' });
      break;
    case 'notSure':
      out.push({ id: 'checkPurchaseChannel' });
      break;
  }
  // 2017 seed: no automatic move between licensing programs. Within CSP a transfer may exist.
  if (s.purchaseChannel !== 'otherPartner') out.push({ id: 'noAutomaticMove' });
  return out;
}
