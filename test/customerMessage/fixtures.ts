// One situation per path of the guidance (catalogue PATHS) and per reason a move is blocked, for the customer
// message tests: the guidance fixtures' plain bases, each changed only where the path needs it.
import { PATHS, guide, type Guidance, type PathId, type Situation } from '../../src/guidance/index.js';
import { BASE, BASE_EA, BASE_NEW_CUSTOMER, BASE_OTHER_PARTNER, TODAY, inDays } from '../guidance/fixtures.js';

export { TODAY, inDays };

export interface PathCase {
  name: string;
  /** The path the guidance must choose, or 'blocked'. */
  path: PathId | 'blocked';
  situation: Situation;
}

export const PATH_CASES: readonly PathCase[] = [
  { name: 'manual: bought direct, no relationship yet, renews in 60 days', path: 'manual', situation: BASE_NEW_CUSTOMER },
  { name: 'over 150 subscriptions: buy after expiry', path: 'over150', situation: { ...BASE_NEW_CUSTOMER, activeSubscriptions: 'over150' } },
  {
    name: 'partner-to-partner transfer from a CSP that sells through a provider, the partner an indirect reseller',
    path: 'partnerTransfer',
    situation: { ...BASE_OTHER_PARTNER, partnerModel: 'indirectReseller', otherPartnerBilling: 'indirectReseller', resellerRelationship: 'no', delegatedAdmin: 'none' },
  },
  { name: 'EA channel transfer, renews in 60 days', path: 'eaChannelTransfer', situation: BASE_EA },
  { name: 'multi-partner: keeps its partner, adds this one', path: 'multiPartner', situation: { ...BASE_OTHER_PARTNER, goal: 'multiPartner', resellerRelationship: 'no' } },
  { name: 'blocked: the tenant is in another market', path: 'blocked', situation: { ...BASE, partnerRegion: 'unitedStates', tenantRegion: 'japan' } },
  { name: 'blocked: Microsoft 365 operated by 21Vianet', path: 'blocked', situation: { ...BASE, partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' } },
  {
    name: 'manual, renewed 2 days ago: the cancel window is open, the customer asks billing support',
    path: 'manual',
    situation: { ...BASE, delegatedAdmin: 'none', licenseCount: 'fewer', renewalDate: inDays(-2), dateKind: 'renewed' },
  },
  { name: 'manual, ended 40 days ago: users are offline', path: 'manual', situation: { ...BASE, renewalDate: inDays(-40), dateKind: 'ended' } },
];

/** Every path the catalogue has, and blocked: the cases above must cover each. */
export const EVERY_OUTCOME: ReadonlyArray<PathId | 'blocked'> = [...PATHS, 'blocked'];

export const guidanceOf = (c: PathCase): Guidance => guide(c.situation, TODAY);
