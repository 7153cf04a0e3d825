import type { Situation } from '../situation.js';

/**
 * Partner-to-partner transfer is worth offering when the subscriptions sit with another CSP partner
 * and the customer is leaving it; a multi-partner customer keeps the other partner (GUIDANCE §7).
 */
export function transferConsidered(s: Situation): boolean {
  return s.goal !== 'multiPartner' && (s.goal === 'fromOtherPartner' || s.purchaseChannel === 'otherPartner');
}
