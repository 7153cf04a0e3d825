import type { StepKey } from './catalogue/index.js';
import type { Step, Timing } from './guidanceSchema.js';
import { toStep } from './messages.js';
import { transferConsidered } from './rules/index.js';
import type { Situation } from './situation.js';
import { beforeExpiry } from './timing.js';

function provisionKey(s: Situation): StepKey<'provision'> {
  if (s.offerPlan === 'different') return 'step.provisionDifferentOffer';
  // A discontinued offer cannot be provisioned again: an equivalent one is needed (GUIDANCE §4).
  if (s.offerPlan === 'equivalent' || s.offerDiscontinued === 'yes') return 'step.provisionEquivalentOffer';
  return 'step.provisionSameOffer';
}

/** GUIDANCE §3 steps, adapted to the goal and answers; built in the canonical STEP_ORDER. */
export function buildSteps(s: Situation, timing: Timing | null): Step[] {
  const steps: Step[] = [];
  if (s.goal === 'multiPartner') steps.push(toStep('keepOtherPartner', 'step.keepOtherPartner'));

  if (s.resellerRelationship === 'yes') {
    steps.push(toStep('confirmRelationship', 'step.confirmRelationship'));
  } else {
    const key = s.goal === 'manageOtherChannel' ? 'step.requestRelationshipMultiChannel' : 'step.requestRelationship';
    steps.push(toStep('requestRelationship', key));
  }

  // Since 2023 a GDAP request goes with the relationship; GDAP without the support role only
  // matters when the partner would open billing-support tickets (admin center credit).
  if (s.delegatedAdmin === 'dap' || s.delegatedAdmin === 'none' || s.delegatedAdmin === 'notSure') {
    steps.push(toStep('requestGdap', 'step.requestGdap'));
  } else if (s.delegatedAdmin === 'gdapOther' && s.purchaseChannel === 'adminCenter') {
    steps.push(toStep('requestGdap', 'step.addSupportRole'));
  }

  if (transferConsidered(s)) steps.push(toStep('considerPartnerTransfer', 'step.considerPartnerTransfer'));

  steps.push(toStep('provision', provisionKey(s)));
  if (s.offerPlan === 'different') steps.push(toStep('reassignLicenses', 'step.reassignLicenses'));

  // Once the old subscriptions have expired there is nothing left to turn off or cancel.
  if (beforeExpiry(timing)) {
    steps.push(toStep('turnOffAutoRenew', 'step.turnOffAutoRenew'));
    steps.push(toStep('letExpireOrCancel', 'step.letExpireOrCancel'));
  }
  steps.push(toStep('customerCarriesOn', 'step.customerCarriesOn'));
  return steps;
}
