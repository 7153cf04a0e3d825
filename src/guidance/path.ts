import type { FallbackKey, PathId } from './catalogue.js';
import { asksCloud, type Situation } from './situation.js';
import { hasEnded, isVolumeChannel, type Timing } from './timing.js';

export type Blocker = 'market' | 'vianet';

/** §3 "Blocked": the move to this CSP account can't happen as asked. A role or CSP model never blocks. */
export function blockersOf(s: Situation): Blocker[] {
  const out: Blocker[] = [];
  const { partnerRegion, tenantRegion } = s;
  if (partnerRegion !== 'notSure' && tenantRegion !== 'notSure' && partnerRegion !== tenantRegion) out.push('market');
  if (asksCloud(s) && s.tenantCloud === 'vianet') out.push('vianet');
  return out;
}

export interface PathChoice {
  path: PathId;
  fallback?: { path: PathId; key: FallbackKey };
}

/**
 * One path (§3), never a mix. The channel is the fact the path follows; the goal only chooses
 * multi-partner (keep the current partner) over a move. Dates decide where a path no longer applies:
 * a transfer covers active subscriptions, and once the old ones have ended there is nothing to run side by side.
 */
export function choosePath(s: Situation, timing: Timing | null): PathChoice {
  if (s.goal === 'multiPartner') return { path: 'multiPartner' };
  const ended = hasEnded(timing);
  // Path D buys inside the Expired period; volume licensing has none (§4), so it stays on A with a caution.
  const over150 = s.activeSubscriptions === 'over150' && !ended && !isVolumeChannel(s);
  switch (s.purchaseChannel) {
    case 'otherPartner':
      if (ended) return { path: 'manual' };
      return { path: 'partnerTransfer', fallback: over150 ? { path: 'over150', key: 'fallback.over150' } : { path: 'manual', key: 'fallback.manual' } };
    case 'enterpriseAgreement':
      return ended ? { path: 'manual' } : { path: 'eaChannelTransfer', fallback: { path: 'manual', key: 'fallback.eaManual' } };
    default:
      return { path: over150 ? 'over150' : 'manual' };
  }
}
