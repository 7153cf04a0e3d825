import type { LinkId } from '../links.js';
import type { Severity } from '../severity.js';
import type { SourceRef } from '../sources.js';

export interface WarningRule {
  severity: Severity;
  source: SourceRef;
  linkIds?: readonly LinkId[];
}

// Every warning the engine can emit. The key is always `warning.<id>`.
// Listing order is the tie-break inside one severity, so output order never depends on code paths.
export const WARNING_RULES = {
  // blocking
  roleNotPermitted: { severity: 'blocking', source: { note: 'roles' }, linkIds: ['moveArticle'] },
  regionMismatch: { severity: 'blocking', source: 'seed-2020', linkIds: ['moveArticle', 'regionalAuthorization'] },
  // data-loss
  offerDiscontinued: { severity: 'data-loss', source: 'seed-2020' },
  expiredInWindow: { severity: 'data-loss', source: { note: 'expiredWindow' }, linkIds: ['moveArticle'] },
  expiredPastWindow: { severity: 'data-loss', source: { note: 'expiredWindow' }, linkIds: ['moveArticle'] },
  // caution
  roleBillingAgent: { severity: 'caution', source: { note: 'roles' }, linkIds: ['moveArticle'] },
  chinaSeparateCloud: { severity: 'caution', source: { note: 'regions' }, linkIds: ['regionalAuthorization'] },
  differentOffer: { severity: 'caution', source: 'seed-2020' },
  licenseCountMore: { severity: 'caution', source: 'seed-2020' },
  licenseCountFewer: { severity: 'caution', source: 'seed-2020' },
  dapReplaced: { severity: 'caution', source: { note: 'gdap' }, linkIds: ['delegatedAdmin', 'gdapFaq'] },
  manySubscriptions: { severity: 'caution', source: { note: 'subscriptionLimit' }, linkIds: ['moveArticle'] },
  renewalToday: { severity: 'caution', source: { note: 'expiredWindow' } },
  checkRole: { severity: 'caution', source: { note: 'roles' } },
  checkPurchaseChannel: { severity: 'caution', source: 'seed-2020' },
  checkOfferPlan: { severity: 'caution', source: 'seed-2020' },
  checkOfferDiscontinued: { severity: 'caution', source: 'seed-2020' },
  checkPartnerRegion: { severity: 'caution', source: { note: 'regions' }, linkIds: ['regionalAuthorization'] },
  checkTenantRegion: { severity: 'caution', source: { note: 'regions' }, linkIds: ['regionalAuthorization'] },
  // info
  checkGoal: { severity: 'info', source: 'seed-2020' },
  checkRelationship: { severity: 'info', source: 'seed-2020' },
  checkLicenseCount: { severity: 'info', source: 'seed-2020' },
  checkDelegatedAdmin: { severity: 'info', source: 'seed-2020', linkIds: ['delegatedAdmin'] },
  checkBillingFrequency: { severity: 'info', source: 'seed-2020' },
  checkOtherPartnerBilling: { severity: 'info', source: { note: 'partnerTransfer' } },
  checkRenewalDate: { severity: 'info', source: 'seed-2020' },
  noAutomaticMove: { severity: 'info', source: 'seed-2017' },
  noRefundOnCancel: { severity: 'info', source: 'seed-2020' },
  nceCancelWindow: { severity: 'info', source: { note: 'nceCancellation' }, linkIds: ['newCommerceCancellation'] },
  expiredWindow: { severity: 'info', source: { note: 'expiredWindow' } },
  indirectReseller: { severity: 'info', source: { note: 'partnerTransfer' }, linkIds: ['transferSubscriptions'] },
  noDirectCredit: { severity: 'info', source: 'seed-2020' },
  enterpriseAgreement: { severity: 'info', source: { note: 'channels' } },
  openLicenseEnded: { severity: 'info', source: { note: 'openLicense' } },
} as const satisfies Record<string, WarningRule>;

export type WarningId = keyof typeof WARNING_RULES;

export const WARNING_IDS = Object.keys(WARNING_RULES) as WarningId[];

export const warningKey = (id: WarningId): string => `warning.${id}`;
