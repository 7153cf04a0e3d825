// The tenant's cloud: Microsoft 365 operated by 21Vianet, or the global cloud. "Not 21Vianet" says global:
// there are only the two for a tenant in China. 21Vianet only exists in China, so it also says the market.
import { hits, type Context } from './context.js';
import type { Finding } from './finding.js';

const VIANET = /\b21\s*vianet\b|\bvianet\b|\bgallatin\b|世纪互联/;
const GLOBAL = /\bglobal (?:cloud|version|tenant|azure|m365|microsoft 365|office 365|commercial cloud)\b|\b(?:commercial|worldwide|public) cloud\b|全球版|国际版|全球云|海外版/;

export function readCloud(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const hit of hits(ctx, VIANET)) {
    // "We're a 21Vianet partner" says nothing of this tenant.
    if (hit.subject === 'self' || hit.subject === 'otherPartner') continue;
    if (hit.negated) out.push({ questionId: 'tenantCloud', value: 'global', at: hit.start, rank: 1 });
    else {
      out.push({ questionId: 'tenantCloud', value: 'vianet', at: hit.start, rank: 2 });
      out.push({ questionId: 'tenantRegion', value: 'china', at: hit.start, rank: 0 });
    }
  }
  for (const hit of hits(ctx, GLOBAL)) {
    if (!hit.negated && hit.subject !== 'self') out.push({ questionId: 'tenantCloud', value: 'global', at: hit.start, rank: 2 });
  }
  return out;
}
