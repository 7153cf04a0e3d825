import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';

// GUIDANCE §1: Account admin and Sales agent today; the 2020 seed also allowed Billing agent.
export function roleWarnings(s: Situation): WarningDraft[] {
  switch (s.role) {
    case 'other':
      return [{ id: 'roleNotPermitted' }];
    case 'billingAgent':
      return [{ id: 'roleBillingAgent' }];
    case 'notSure':
      return [{ id: 'checkRole' }];
    default:
      return [];
  }
}
