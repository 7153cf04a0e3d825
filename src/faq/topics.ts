// The questions partners ask most during a move (GUIDANCE §1–§8), and where each answer comes from.
// Texts and phrase lists live in locales/<lng>/faq.json under topics.<id>; dates, links and numbers come
// from src/guidance, so a fact changes in one place.
import {
  EXPIRED_WINDOW_DAYS,
  NCE_REFUND_DAYS,
  SUBSCRIPTION_LIMIT_LOWER,
  SUBSCRIPTION_LIMIT_UPPER,
  type AsOfNoteId,
  type LinkId,
} from '../guidance/index.js';

export type SeedArticle = 'seed-2020' | 'seed-2017';

export interface FaqTopic {
  /** The seed articles the answer rests on (shown as "Partner Center article (2020)", linked to the live article). */
  seeds: readonly SeedArticle[];
  /** Post-2020 facts in the answer: each note's month ("as of …") and link are shown. */
  notes: readonly AsOfNoteId[];
  /** Further reading that no note or seed already links. */
  links: readonly LinkId[];
  /** Numbers the answer text interpolates. */
  params?: Readonly<Record<string, number>>;
}

const TOPICS = {
  roles: { seeds: ['seed-2020'], notes: ['roles'], links: [] },
  steps: { seeds: ['seed-2020', 'seed-2017'], notes: [], links: [] },
  resellerRelationship: { seeds: ['seed-2020'], notes: ['gdap'], links: ['delegatedAdmin'] },
  credit: { seeds: ['seed-2020'], notes: [], links: ['cancelSubscription'] },
  billingSupport: { seeds: ['seed-2020'], notes: ['gdap'], links: ['delegatedAdmin'] },
  gdap: { seeds: [], notes: ['gdap'], links: ['delegatedAdmin'] },
  refunds: {
    seeds: ['seed-2020'],
    notes: ['nceCancellation', 'directRefundWindow'],
    links: [],
    params: { refundDays: NCE_REFUND_DAYS },
  },
  expiredWindow: { seeds: [], notes: ['expiredWindow'], links: [], params: { windowDays: EXPIRED_WINDOW_DAYS } },
  offers: { seeds: ['seed-2020'], notes: [], links: [] },
  licenseCount: { seeds: ['seed-2020'], notes: [], links: [] },
  region: { seeds: ['seed-2020'], notes: ['regions'], links: [] },
  multiPartner: { seeds: ['seed-2020'], notes: ['multiPartner'], links: [] },
  partnerTransfer: { seeds: [], notes: ['partnerTransfer'], links: [] },
  channels: { seeds: ['seed-2017'], notes: ['channels', 'openLicense'], links: [] },
  azurePlan: { seeds: ['seed-2020'], notes: [], links: ['azurePlan'] },
  subscriptionLimit: {
    seeds: [],
    notes: ['subscriptionLimit'],
    links: [],
    params: { lowerLimit: SUBSCRIPTION_LIMIT_LOWER, upperLimit: SUBSCRIPTION_LIMIT_UPPER },
  },
} as const satisfies Record<string, FaqTopic>;

export type TopicId = keyof typeof TOPICS;

export const FAQ_TOPICS: { readonly [T in TopicId]: FaqTopic } = TOPICS;

export const TOPIC_IDS = Object.keys(FAQ_TOPICS) as TopicId[];

export const topicTitleKey = (id: TopicId): string => `faq:topics.${id}.title`;
export const topicAnswerKey = (id: TopicId): string => `faq:topics.${id}.answer`;
