import type { SourceRef } from '../sources.js';

// Credit guidance items (GUIDANCE §6), by key.
export const CREDIT_ITEMS = {
  'credit.mayBeEligible': 'seed-2020',
  'credit.contactPartner': 'seed-2020',
  'credit.contactCustomer': 'seed-2020',
  'credit.checkDelegatedAdmin': 'seed-2020',
  'credit.supportRoleNeeded': { note: 'gdap' },
  'credit.dapNeedsGdap': { note: 'gdap' },
  'credit.addSupportRole': { note: 'gdap' },
  'credit.cancelGuidance': 'seed-2020',
  'credit.checkRefundWindow': { note: 'directRefundWindow' },
} as const satisfies Record<string, SourceRef>;

export type CreditItemKey = keyof typeof CREDIT_ITEMS;

// Timing advice items (GUIDANCE §3), by key.
export const TIMING_ITEMS = {
  'timing.daysLeft': 'seed-2020',
  'timing.waitForExpiry': 'seed-2020',
  'timing.turnOffAutoRenew': { note: 'expiredWindow' },
  'timing.provisionBy': 'seed-2020',
  'timing.dueToday': 'seed-2020',
  'timing.expiredInWindow': { note: 'expiredWindow' },
  'timing.provisionNow': { note: 'expiredWindow' },
  'timing.expiredPastWindow': { note: 'expiredWindow' },
  'timing.contactSupport': { note: 'expiredWindow' },
} as const satisfies Record<string, SourceRef>;

export type TimingItemKey = keyof typeof TIMING_ITEMS;

/** Items whose text has plural forms: they carry a numeric `count` param. */
export const PLURAL_KEYS: readonly string[] = ['timing.daysLeft', 'timing.expiredInWindow'];
