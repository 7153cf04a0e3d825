import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';

// GUIDANCE §5: partner and tenant must share a CSP region; China (21Vianet) is a separate cloud.
export function regionWarnings(s: Situation): WarningDraft[] {
  const { partnerRegion, tenantRegion } = s;
  const out: WarningDraft[] = [];
  if (partnerRegion !== 'notSure' && tenantRegion !== 'notSure' && partnerRegion !== tenantRegion) {
    out.push({ id: 'regionMismatch', params: { partnerRegion, tenantRegion } });
  }
  if (partnerRegion === 'china' || tenantRegion === 'china') out.push({ id: 'chinaSeparateCloud' });
  if (partnerRegion === 'notSure') out.push({ id: 'checkPartnerRegion' });
  if (tenantRegion === 'notSure') out.push({ id: 'checkTenantRegion' });
  return out;
}
