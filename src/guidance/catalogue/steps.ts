import type { LinkId } from '../links.js';
import type { SourceRef } from '../sources.js';

export interface StepRule {
  /** Message keys this step can carry (variants of one action). */
  keys: readonly string[];
  source: SourceRef;
  linkIds?: readonly LinkId[];
}

// Listing order IS the canonical step order (GUIDANCE §3: relationship → provision → end old → carry on).
export const STEP_RULES = {
  keepOtherPartner: {
    keys: ['step.keepOtherPartner'],
    source: { note: 'multiPartner' },
    linkIds: ['workWithOtherPartners'],
  },
  requestRelationship: {
    keys: ['step.requestRelationship', 'step.requestRelationshipMultiChannel'],
    source: 'seed-2020',
  },
  confirmRelationship: { keys: ['step.confirmRelationship'], source: 'seed-2020' },
  requestGdap: {
    keys: ['step.requestGdap', 'step.addSupportRole'],
    source: { note: 'gdap' },
    linkIds: ['delegatedAdmin'],
  },
  considerPartnerTransfer: {
    keys: ['step.considerPartnerTransfer'],
    source: { note: 'partnerTransfer' },
    linkIds: ['transferSubscriptions'],
  },
  provision: {
    keys: ['step.provisionSameOffer', 'step.provisionEquivalentOffer', 'step.provisionDifferentOffer'],
    source: 'seed-2020',
  },
  reassignLicenses: { keys: ['step.reassignLicenses'], source: 'seed-2020' },
  turnOffAutoRenew: { keys: ['step.turnOffAutoRenew'], source: { note: 'expiredWindow' } },
  letExpireOrCancel: { keys: ['step.letExpireOrCancel'], source: 'seed-2020' },
  customerCarriesOn: { keys: ['step.customerCarriesOn'], source: 'seed-2020' },
} as const satisfies Record<string, StepRule>;

export type StepId = keyof typeof STEP_RULES;
export type StepKey<I extends StepId> = (typeof STEP_RULES)[I]['keys'][number];

/** The fixed canonical order every Guidance.steps list follows. */
export const STEP_ORDER = Object.keys(STEP_RULES) as StepId[];
