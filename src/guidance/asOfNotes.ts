import type { LinkId } from './links.js';
import {
  EXPIRED_WINDOW_DAYS,
  LEGACY_FULL_CREDIT_DAYS,
  NCE_REFUND_DAYS,
  SUBSCRIPTION_LIMIT_LOWER,
  SUBSCRIPTION_LIMIT_UPPER,
} from './policyNumbers.js';

interface AsOfNoteSpec {
  /** 'YYYY-MM': the month GUIDANCE dates the fact to; '2023-12' where it gives only "2023" docs. */
  asOf: string;
  linkId: LinkId;
  params?: Record<string, number>;
}

// Every post-2020 fact the engine states carries one of these notes (GUIDANCE §1, §3, §5–§7).
export const AS_OF_NOTES = {
  roles: { asOf: '2023-12', linkId: 'moveArticle' },
  gdap: { asOf: '2023-10', linkId: 'gdapFaq' },
  directRefundWindow: { asOf: '2023-12', linkId: 'cancelSubscription' },
  nceCancellation: {
    asOf: '2022-01',
    linkId: 'newCommerceCancellation',
    params: { refundDays: NCE_REFUND_DAYS, legacyFullCreditDays: LEGACY_FULL_CREDIT_DAYS },
  },
  expiredWindow: { asOf: '2023-12', linkId: 'moveArticle', params: { windowDays: EXPIRED_WINDOW_DAYS } },
  partnerTransfer: { asOf: '2023-12', linkId: 'transferSubscriptions' },
  multiPartner: { asOf: '2023-12', linkId: 'workWithOtherPartners' },
  channels: { asOf: '2023-12', linkId: 'moveArticle' },
  openLicense: { asOf: '2022-01', linkId: 'moveArticle' },
  subscriptionLimit: {
    asOf: '2023-12',
    linkId: 'moveArticle',
    params: { lowerLimit: SUBSCRIPTION_LIMIT_LOWER, upperLimit: SUBSCRIPTION_LIMIT_UPPER },
  },
  regions: { asOf: '2023-12', linkId: 'regionalAuthorization' },
} as const satisfies Record<string, AsOfNoteSpec>;

export type AsOfNoteId = keyof typeof AS_OF_NOTES;

export const AS_OF_NOTE_IDS = Object.keys(AS_OF_NOTES) as AsOfNoteId[];

export const asOfNoteKey = (id: AsOfNoteId): string => `asOf.${id}`;
