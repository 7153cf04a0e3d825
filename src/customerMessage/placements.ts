// Where each thing the guidance can say goes in the customer's message, if anywhere. Every step, note and
// fallback key of the catalogue is listed (the types insist), so a new guidance message can't reach the
// customer, or be left out, without someone deciding it here. Partner-only matters (roles, the partner's CSP
// model, Partner Center chores) map to nothing.
import type { FallbackKey, NoteKey, PathId, StepKey } from '../guidance/index.js';
import type { CustomerActor } from './types.js';

export type Section = 'happens' | 'avoid' | 'confirm';

/**
 * A sentence in one section, or an action (the actor is the step's own, or named here for a note). `ownFact`: the
 * sentence states a fact of its own, not the one the guidance flags "check the live page" on its source.
 */
export type Placement = { to: Section; key: string; ownFact?: true } | { to: 'action'; key: string; actor?: CustomerActor };

/** By who does the step: the customer's own admins, or anyone else (the partner, its provider, the current partner). */
export interface StepPlacement {
  customer?: readonly Placement[];
  other?: readonly Placement[];
}

const happens = (key: string): Placement => ({ to: 'happens', key: `happens.${key}` });
const avoid = (key: string, ownFact = false): Placement => ({ to: 'avoid', key: `avoid.${key}`, ...(ownFact ? { ownFact: true as const } : {}) });
const confirm = (key: string): Placement => ({ to: 'confirm', key: `confirm.${key}` });
const action = (key: string, actor?: CustomerActor): Placement => ({ to: 'action', key: `action.${key}`, ...(actor ? { actor } : {}) });

const NOTHING: StepPlacement = {};

export const STEP_PLACEMENTS: { readonly [K in StepKey]: StepPlacement } = {
  // Facts the partner still needs: the customer can answer most of them.
  'step.findOutGoal': { other: [confirm('goal')] },
  'step.findOutChannel': { other: [confirm('channel')] },
  'step.findOutMarket': { other: [confirm('market')] },
  'step.findOutCloud': { other: [confirm('cloud')] },
  'step.findOutSubscriptions': { other: [confirm('subscriptions')] },
  'step.findOutDateKind': { other: [confirm('dateKind')] },
  // Whether the current partner sells through a provider: a partner-side question.
  'step.findOutCurrentBilling': NOTHING,
  // Stopping renewal: the customer's admin does it, before the renewal date (§3 A step 2).
  'step.stopRecurringBilling': { customer: [action('stopRecurringBilling')] },
  'step.stopVlExtension': { customer: [action('stopVlExtension')] },
  'step.stopRenewalUnknown': { customer: [action('stopRenewalUnknown')] },
  'step.openLicenseNothing': { customer: [happens('openLicense')] },
  // The relationship: the customer's side is accepting it (its extras say what comes with it).
  'step.requestRelationship': NOTHING,
  'step.requestRelationshipWithProvider': NOTHING,
  'step.requestRelationshipMultiPartner': NOTHING,
  'step.confirmRelationship': NOTHING,
  'step.requestGdap': NOTHING,
  'step.requestGdapInsteadOfDap': NOTHING,
  'step.addSupportRole': NOTHING,
  'step.acceptRelationship': { customer: [action('acceptRelationship')] },
  'step.approveGdap': { customer: [action('approveGdap')] },
  // Buying: what the customer will see happen, and by when.
  'step.provisionSame': { other: [happens('provisionSame')] },
  'step.provisionEquivalent': { other: [happens('provisionEquivalent')] },
  'step.provisionDifferent': { other: [happens('provisionDifferent')] },
  'step.provisionToday': { other: [happens('provisionToday')] },
  'step.provisionAfterExpiry': { other: [happens('provisionAfterExpiry')] },
  // The path's own sentence already says the partner buys only what it will look after.
  'step.provisionMultiPartner': NOTHING,
  'step.assignLicenses': { customer: [action('assignLicenses')], other: [happens('assignLicensesByUs')] },
  // The old subscriptions.
  'step.letRunOut': { customer: [avoid('letRunOut')] },
  // The window is the flagged fact; that users lose access at once on cancellation is not.
  'step.cancelInWindow': { customer: [action('cancelInWindow'), avoid('cancelTooEarly', true)] },
  'step.cancelInWindowDirect': { customer: [action('cancelInWindowDirect'), avoid('cancelTooEarly', true)] },
  // Transfers: the path's sentence says what a transfer is; the approval is the current partner's.
  'step.createTransfer': NOTHING,
  'step.createTransferByProvider': NOTHING,
  'step.approveTransfer': { other: [happens('approveTransfer')] },
  'step.eaChannelTransfer': { other: [happens('eaChannelTransfer')] },
  // Blocked: the partner follows up; the tenant's country is the customer's side of it.
  'step.useOtherLocation': { other: [happens('followUpMarket')] },
  'step.referPartner': { other: [happens('followUpMarket')] },
  'step.tenantMigration': { customer: [action('tenantMigration')] },
  'step.referVianet': { other: [happens('followUpVianet')] },
};

export const NOTE_PLACEMENTS: { readonly [K in NoteKey]: readonly Placement[] } = {
  'blocked.market': [happens('blockedMarket')],
  'blocked.vianet': [happens('blockedVianet')],
  // Where the old subscriptions stand (§4), in the customer's words.
  'note.usersOffline': [happens('usersOffline')],
  'note.vlEnded': [happens('vlEnded')],
  'note.expiredClock': [happens('expiredClock')],
  'note.cancelWindowOpen': [happens('cancelWindowOpen')],
  'note.cancelWindowOpenDirect': [happens('cancelWindowOpenDirect')],
  'note.renewsSoon': [happens('renewsSoon')],
  'note.ifEndedDisabled': [happens('ifEndedDisabled')],
  'note.ifEndedVl': [happens('ifEndedVl')],
  'note.ifEndedExpired': [happens('ifEndedExpired')],
  'note.ifEndedDeleted': [happens('ifEndedDeleted')],
  'note.termOwed': [happens('termOwed')],
  'note.dataDeleted': [happens('dataDeleted')],
  'note.noExpiredGrace': [avoid('noExpiredGrace')],
  'note.over150': [happens('over150')],
  'note.licenseCountMore': [happens('licenseCountMore')],
  // "Agree with the customer who keeps one": the customer's admin decides with the partner.
  'note.licenseCountFewer': [action('licenseCountFewer', 'customerAdmin')],
  'note.multiPartnerNothingChanges': [avoid('multiPartnerNothingChanges')],
  'note.reactivateDirect': [happens('reactivateDirect')],
  'note.nceCancelWindow': [confirm('nceCancelWindow')],
  'note.checkOfferPlan': [confirm('offerPlan')],
  'note.checkLicenseCount': [confirm('checkLicenseCount')],
  'note.checkDate': [confirm('checkDate')],
  // The partner's own matters: its answers, roles, model, Partner Center views and offer research.
  'note.goalChannelMismatch': [],
  'note.rolesMissing': [],
  'note.transferActiveOnly': [],
  'note.over150Vl': [],
  // The buying sentence already says an equivalent (or new) offer is bought.
  'note.offerDiscontinued': [],
  'note.offerDiscontinuedEa': [],
  'note.differentOffer': [],
  'note.dapOnly': [],
  'note.checkOfferDiscontinued': [],
  'note.transferBilling': [],
  'note.transferNoDuplicates': [],
  'note.youIndirectReseller': [],
  'note.checkPartnerModel': [],
  'note.checkRoles': [],
  'note.chinaGlobal': [],
  'note.gdapNoEa': [],
  'note.expiredNotShown': [],
  'note.checkRelationship': [],
  'note.checkDelegatedAdmin': [],
};

/** If the path fails (a refused transfer): what happens then, in the customer's words. */
export const FALLBACK_LINES: { readonly [K in FallbackKey]: string } = {
  'fallback.manual': 'happens.fallback.manual',
  'fallback.over150': 'happens.fallback.over150',
  'fallback.eaManual': 'happens.fallback.eaManual',
};

export const PATH_LINES: { readonly [P in PathId]: string } = {
  manual: 'happens.path.manual',
  partnerTransfer: 'happens.path.partnerTransfer',
  eaChannelTransfer: 'happens.path.eaChannelTransfer',
  over150: 'happens.path.over150',
  multiPartner: 'happens.path.multiPartner',
};

/** What comes with accepting the relationship, read from the partner's own steps (§1, §3 E, §8). */
export const ACCEPT_EXTRAS: ReadonlyArray<readonly [StepKey, string]> = [
  ['step.requestRelationshipWithProvider', 'extra.bothCompanies'],
  ['step.requestRelationshipMultiPartner', 'extra.keepCurrentPartner'],
  ['step.requestGdap', 'extra.gdap'],
  ['step.requestGdapInsteadOfDap', 'extra.gdap'],
  ['step.addSupportRole', 'extra.gdap'],
];
