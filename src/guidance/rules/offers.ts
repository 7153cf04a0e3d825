import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';

// GUIDANCE §4: same or equivalent offer keeps data; a seat-count change is felt by users.
export function offerWarnings(s: Situation): WarningDraft[] {
  const out: WarningDraft[] = [];
  if (s.offerDiscontinued === 'yes') out.push({ id: 'offerDiscontinued' });
  if (s.offerDiscontinued === 'notSure') out.push({ id: 'checkOfferDiscontinued' });
  if (s.offerPlan === 'different') out.push({ id: 'differentOffer' });
  if (s.offerPlan === 'notSure') out.push({ id: 'checkOfferPlan' });
  if (s.licenseCount === 'more') out.push({ id: 'licenseCountMore' });
  if (s.licenseCount === 'fewer') out.push({ id: 'licenseCountFewer' });
  if (s.licenseCount === 'notSure') out.push({ id: 'checkLicenseCount' });
  return out;
}
