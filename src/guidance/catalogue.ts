// Every message the engine can emit, with the source of its fact (GUIDANCE edition 2). The key is the
// locale key under `guidance:`; texts live in locales/<lng>/guidance.json. docs/guidance-rules.md mirrors this file.
import type { PartnerRole } from './situation.js';
import { doc, seed2020, type Source } from './sources.js';

export const PATHS = ['manual', 'partnerTransfer', 'eaChannelTransfer', 'over150', 'multiPartner'] as const;
export type PathId = (typeof PATHS)[number];

/** Who does a step (GUIDANCE header: a step with no actor is a defect). */
export const ACTORS = [
  'you',
  'yourProvider',
  'customerGlobalAdmin',
  'customerBillingAdmin',
  'customerAdmin',
  'currentPartner',
  'currentProvider',
] as const;
export type Actor = (typeof ACTORS)[number];

export const SEVERITIES = ['blocking', 'urgent', 'caution', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICTS = ['blocked', 'urgent', 'ready-with-cautions', 'ready'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** §1: which partner roles can do a task. Global admin can do all of them; Account admin alone none. */
const RELATIONSHIP_ROLES: readonly PartnerRole[] = ['adminAgent', 'salesAgent', 'globalAdmin'];
const GDAP_ROLES: readonly PartnerRole[] = ['adminAgent', 'globalAdmin'];
const BUY_ROLES: readonly PartnerRole[] = ['adminAgent', 'salesAgent', 'billingAdmin', 'helpdeskAgent', 'globalAdmin'];
const TRANSFER_ROLES: readonly PartnerRole[] = ['adminAgent', 'globalAdmin'];

export interface StepRule {
  source: Source;
  /** Partner Center roles that can do it, where the partner (or its provider) does it. */
  roles?: readonly PartnerRole[];
}

const moveArticle = doc('moveArticle');
const lifecycle = doc('subscriptionLifecycle');

export const STEP_RULES = {
  // Find out first: a fact that decides the path is not known.
  'step.findOutGoal': { source: doc('multiPartner') },
  'step.findOutChannel': { source: moveArticle },
  'step.findOutMarket': { source: doc('regionalAuthorization') },
  'step.findOutCloud': { source: doc('regionalAuthorization') },
  'step.findOutSubscriptions': { source: moveArticle },
  'step.findOutDateKind': { source: lifecycle },
  'step.findOutCurrentBilling': { source: doc('transferSubscriptions') },
  // Stop renewal: first, because it must happen before the renewal date (§3 A step 2).
  'step.stopRecurringBilling': { source: moveArticle },
  'step.stopVlExtension': { source: moveArticle },
  'step.stopRenewalUnknown': { source: moveArticle },
  'step.openLicenseNothing': { source: doc('moveArticle', { since: '2022-01' }) },
  // Relationship and GDAP (§1, §2, §8).
  'step.requestRelationship': { source: doc('requestRelationship'), roles: RELATIONSHIP_ROLES },
  'step.requestRelationshipWithProvider': { source: doc('requestRelationship'), roles: RELATIONSHIP_ROLES },
  'step.requestRelationshipMultiPartner': { source: doc('multiPartner'), roles: RELATIONSHIP_ROLES },
  'step.confirmRelationship': { source: seed2020 },
  'step.requestGdap': { source: doc('gdapFaq'), roles: GDAP_ROLES },
  'step.requestGdapInsteadOfDap': { source: doc('gdapFaq', { since: '2023-10' }), roles: GDAP_ROLES },
  'step.addSupportRole': { source: doc('gdapFaq', { check: true }), roles: GDAP_ROLES },
  'step.acceptRelationship': { source: doc('requestRelationship') },
  'step.approveGdap': { source: doc('gdapFaq') },
  // Buying (§3 A, D, E; §5).
  'step.provisionSame': { source: seed2020, roles: BUY_ROLES },
  'step.provisionEquivalent': { source: seed2020, roles: BUY_ROLES },
  'step.provisionDifferent': { source: seed2020, roles: BUY_ROLES },
  'step.provisionToday': { source: lifecycle, roles: BUY_ROLES },
  'step.provisionAfterExpiry': { source: moveArticle, roles: BUY_ROLES },
  'step.provisionMultiPartner': { source: doc('multiPartner'), roles: BUY_ROLES },
  'step.assignLicenses': { source: seed2020 },
  // The old subscriptions (§4).
  'step.letRunOut': { source: lifecycle },
  'step.cancelInWindow': { source: doc('newCommerceCancellation', { since: '2022-03' }) },
  'step.cancelInWindowDirect': { source: doc('cancelSubscription', { check: true }) },
  // Partner transfer (§3 B) and EA channel transfer (§3 C).
  'step.createTransfer': { source: doc('transferSubscriptions'), roles: TRANSFER_ROLES },
  'step.createTransferByProvider': { source: doc('transferSubscriptions', { check: true }) },
  'step.approveTransfer': { source: doc('transferSubscriptions') },
  'step.eaChannelTransfer': { source: moveArticle },
  // What unblocks a blocked move (§6).
  'step.useOtherLocation': { source: doc('regionalAuthorization') },
  'step.referPartner': { source: doc('regionalAuthorization') },
  'step.tenantMigration': { source: moveArticle },
  'step.referVianet': { source: doc('regionalAuthorization') },
} as const satisfies Record<string, StepRule>;

export type StepKey = keyof typeof STEP_RULES;
export const STEP_KEYS = Object.keys(STEP_RULES) as StepKey[];

export interface NoteRule {
  severity: Severity;
  source: Source;
}

const gdapSince = doc('gdapFaq', { since: '2023-10' });

// Listing order is the order inside one severity, so output order never depends on code paths.
export const NOTE_RULES = {
  // blocking: why the move can't happen from this account (§6)
  'blocked.market': { severity: 'blocking', source: doc('regionalAuthorization') },
  'blocked.vianet': { severity: 'blocking', source: doc('regionalAuthorization') },
  // urgent: an outage, or a deadline within days (§4)
  'note.usersOffline': { severity: 'urgent', source: lifecycle },
  'note.vlEnded': { severity: 'urgent', source: doc('subscriptionExpires', { check: true }) },
  'note.expiredClock': { severity: 'urgent', source: lifecycle },
  'note.cancelWindowOpen': { severity: 'urgent', source: doc('newCommerceCancellation', { since: '2022-03' }) },
  'note.cancelWindowOpenDirect': { severity: 'urgent', source: doc('cancelSubscription', { check: true }) },
  'note.renewsSoon': { severity: 'urgent', source: moveArticle },
  'note.ifEndedDisabled': { severity: 'urgent', source: lifecycle },
  'note.ifEndedVl': { severity: 'urgent', source: doc('subscriptionExpires', { check: true }) },
  // caution
  'note.goalChannelMismatch': { severity: 'caution', source: moveArticle },
  'note.rolesMissing': { severity: 'caution', source: doc('requestRelationship') },
  'note.ifEndedExpired': { severity: 'caution', source: lifecycle },
  'note.ifEndedDeleted': { severity: 'caution', source: lifecycle },
  'note.termOwed': { severity: 'caution', source: doc('newCommerceCancellation', { since: '2022-03' }) },
  'note.dataDeleted': { severity: 'caution', source: lifecycle },
  'note.noExpiredGrace': { severity: 'caution', source: doc('subscriptionExpires', { check: true }) },
  'note.transferActiveOnly': { severity: 'caution', source: doc('transferSubscriptions', { check: true }) },
  'note.over150': { severity: 'caution', source: moveArticle },
  'note.over150Vl': { severity: 'caution', source: doc('subscriptionExpires', { check: true }) },
  'note.offerDiscontinued': { severity: 'caution', source: seed2020 },
  'note.offerDiscontinuedEa': { severity: 'caution', source: moveArticle },
  'note.differentOffer': { severity: 'caution', source: seed2020 },
  'note.licenseCountMore': { severity: 'caution', source: seed2020 },
  'note.licenseCountFewer': { severity: 'caution', source: seed2020 },
  'note.dapOnly': { severity: 'caution', source: gdapSince },
  'note.checkOfferPlan': { severity: 'caution', source: seed2020 },
  'note.checkOfferDiscontinued': { severity: 'caution', source: seed2020 },
  // info
  'note.multiPartnerNothingChanges': { severity: 'info', source: doc('multiPartner') },
  'note.transferBilling': { severity: 'info', source: doc('transferSubscriptions') },
  'note.transferNoDuplicates': { severity: 'info', source: moveArticle },
  'note.youIndirectReseller': { severity: 'info', source: doc('requestRelationship', { since: '2020-10' }) },
  'note.checkPartnerModel': { severity: 'info', source: doc('requestRelationship') },
  'note.checkRoles': { severity: 'info', source: doc('requestRelationship') },
  'note.chinaGlobal': { severity: 'info', source: doc('regionalAuthorization') },
  'note.gdapNoEa': { severity: 'info', source: doc('gdapFaq') },
  'note.reactivateDirect': { severity: 'info', source: doc('subscriptionExpires') },
  'note.expiredNotShown': { severity: 'info', source: lifecycle },
  'note.nceCancelWindow': { severity: 'info', source: doc('newCommerceCancellation', { since: '2022-03' }) },
  'note.checkRelationship': { severity: 'info', source: seed2020 },
  'note.checkDelegatedAdmin': { severity: 'info', source: doc('gdapFaq') },
  'note.checkLicenseCount': { severity: 'info', source: seed2020 },
  'note.checkDate': { severity: 'info', source: lifecycle },
} as const satisfies Record<string, NoteRule>;

export type NoteKey = keyof typeof NOTE_RULES;
export const NOTE_KEYS = Object.keys(NOTE_RULES) as NoteKey[];

export const CREDIT_RULES = {
  'credit.windowOnly': doc('cancelSubscription', { check: true }),
  'credit.ifInWindow': doc('cancelSubscription'),
  'credit.contactYou': doc('gdapFaq'),
  'credit.contactCustomer': seed2020,
  'credit.dapNoLonger': gdapSince,
  'credit.addSupportRole': doc('gdapFaq'),
  'credit.checkGdap': doc('gdapFaq'),
} as const satisfies Record<string, Source>;

export type CreditKey = keyof typeof CREDIT_RULES;
export const CREDIT_KEYS = Object.keys(CREDIT_RULES) as CreditKey[];

/** The path to fall back on where one exists, and what it says (§3 B, C). */
export const FALLBACK_RULES = {
  'fallback.manual': doc('transferSubscriptions'),
  'fallback.over150': doc('moveArticle'),
  'fallback.eaManual': doc('moveArticle'),
} as const satisfies Record<string, Source>;

export type FallbackKey = keyof typeof FALLBACK_RULES;
export const FALLBACK_KEYS = Object.keys(FALLBACK_RULES) as FallbackKey[];

/** Plural texts: they carry a numeric `count` param. */
export const PLURAL_KEYS: readonly string[] = ['note.renewsSoon'];
