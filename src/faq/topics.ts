// The questions partners and customers ask on a call (GUIDANCE edition 2), and the docs each general
// answer rests on. Texts and phrase lists live in locales/<lng>/faq.json under topics.<id>; the
// situation-aware variants are chosen in answerFor.ts.
import type { Source } from '../guidance/index.js';
import { doc, seed2020 } from './sources.js';

export interface FaqTopic {
  /** The sources of the general answer (`faq:topics.<id>.answer`). */
  sources: readonly Source[];
}

const moveArticle = doc('moveArticle');
const lifecycle = doc('subscriptionLifecycle');
const transfer = doc('transferSubscriptions');
const nceCancel = doc('newCommerceCancellation', { since: '2022-03' });
const vlEnds = doc('subscriptionExpires', { check: true });

const TOPICS = {
  // Partner side (§1, §2, §8)
  roles: { sources: [doc('requestRelationship'), doc('gdapFaq')] },
  steps: { sources: [moveArticle, doc('requestRelationship'), transfer] },
  resellerRelationship: { sources: [doc('requestRelationship'), doc('gdapFaq'), doc('regionalAuthorization')] },
  gdap: { sources: [doc('gdapFaq', { since: '2023-10' })] },
  billingSupport: { sources: [doc('gdapFaq', { since: '2023-10' })] },
  // Money and time (§3, §4, §7)
  refunds: { sources: [nceCancel, doc('cancelSubscription', { check: true })] },
  overlap: { sources: [moveArticle, nceCancel, transfer] },
  stopRenewal: { sources: [moveArticle] },
  lifecycle: { sources: [lifecycle, vlEnds] },
  duration: { sources: [doc('requestRelationship'), transfer, moveArticle] },
  // What users notice (§4, §5)
  dataLoss: { sources: [seed2020, lifecycle] },
  downtime: { sources: [seed2020, doc('newCommerceCancellation'), lifecycle, transfer] },
  offers: { sources: [seed2020, doc('gdapFaq')] },
  licenseCount: { sources: [seed2020] },
  // Which path (§3, §6, §9)
  partnerTransfer: { sources: [transfer] },
  multiPartner: { sources: [doc('multiPartner')] },
  channels: { sources: [moveArticle, vlEnds] },
  subscriptionLimit: { sources: [moveArticle, lifecycle] },
  region: { sources: [doc('regionalAuthorization'), moveArticle] },
  vianet: { sources: [doc('regionalAuthorization')] },
  azurePlan: { sources: [seed2020, doc('azurePlan')] },
} as const satisfies Record<string, FaqTopic>;

export type TopicId = keyof typeof TOPICS;

export const FAQ_TOPICS: { readonly [T in TopicId]: FaqTopic } = TOPICS;

export const TOPIC_IDS = Object.keys(FAQ_TOPICS) as TopicId[];

export const topicTitleKey = (id: TopicId): string => `faq:topics.${id}.title`;
export const topicAnswerKey = (id: TopicId): string => `faq:topics.${id}.answer`;
