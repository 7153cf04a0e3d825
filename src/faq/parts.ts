// Answer parts several topics share: the same fact in the same words wherever it is asked
// (a partner transfer's billing, a lifecycle phase with its dates, the cancellation window).
import { addDays, type Source } from '../guidance/index.js';
import { VOLUME_CHANNELS, hasEnded, type Known } from './known.js';
import { doc } from './sources.js';
import { FAQ_TOPICS, topicAnswerKey, type TopicId } from './topics.js';

export type PartParams = Record<string, string | number>;

/** One paragraph of an answer: a locale key under `faq:`, its params, and the sources of its facts. */
export interface FaqPart {
  key: string;
  params?: PartParams;
  sources: readonly Source[];
}

export const part = (key: string, sources: readonly Source[], params?: PartParams): FaqPart =>
  params ? { key: `faq:${key}`, params, sources } : { key: `faq:${key}`, sources };

/** A topic's general answer, with its sources. */
export const general = (topic: TopicId): FaqPart => ({ key: topicAnswerKey(topic), sources: FAQ_TOPICS[topic].sources });

/** A topic's variant `topics.<topic>.when.<name>`. */
export const when = (topic: TopicId, name: string, sources: readonly Source[], params?: PartParams): FaqPart =>
  part(`topics.${topic}.when.${name}`, sources, params);

export const isVolume = (k: Known): boolean => k.channel !== undefined && VOLUME_CHANNELS.includes(k.channel);

/** The timing, when the date is still ahead. */
export const upcoming = (k: Known) => (k.timing?.phase === 'upcoming' ? k.timing : undefined);

export const SRC = {
  moveArticle: doc('moveArticle'),
  lifecycle: doc('subscriptionLifecycle'),
  transfer: doc('transferSubscriptions'),
  transferCheck: doc('transferSubscriptions', { check: true }),
  multiPartner: doc('multiPartner'),
  nceCancel: doc('newCommerceCancellation', { since: '2022-03' }),
  directCancel: doc('cancelSubscription', { check: true }),
  cancelSubscription: doc('cancelSubscription'),
  vlEnds: doc('subscriptionExpires', { check: true }),
  reactivate: doc('subscriptionExpires'),
  gdap: doc('gdapFaq'),
  gdapSince: doc('gdapFaq', { since: '2023-10' }),
  gdapCheck: doc('gdapFaq', { check: true }),
  relationship: doc('requestRelationship'),
  regional: doc('regionalAuthorization'),
  openLicense: doc('moveArticle', { since: '2022-01' }),
} as const;

export const transferNothingChanges = (): FaqPart => part('shared.transferNothingChanges', [SRC.transfer]);
export const transferBilling = (): FaqPart => part('shared.transferBilling', [SRC.transfer]);
export const multiPartnerNothingChanges = (): FaqPart => part('shared.multiPartner', [SRC.multiPartner]);
export const volumeBeforeEnd = (): FaqPart => part('shared.volumeBeforeEnd', [SRC.vlEnds]);

/** The old subscriptions have ended: where they stand today, with the dates the engine computed (§4). */
export function phasePart(k: Known): FaqPart | undefined {
  const t = k.timing;
  if (!t || !hasEnded(k)) return undefined;
  const date = t.date;
  switch (t.phase) {
    case 'expired':
      return part('shared.expired', [SRC.lifecycle], { date, expiredUntil: t.dates.expiredUntil! });
    case 'disabled':
      return part('shared.disabled', [SRC.lifecycle], { date, dataKeptUntil: t.dates.dataKeptUntil! });
    case 'deleted':
      return part('shared.deleted', [SRC.lifecycle], { date });
    default:
      return part('shared.vlEnded', [SRC.vlEnds], { date });
  }
}

/** Bought direct and Expired or Disabled: the customer's admin can also reactivate them (§4). */
export function reactivatePart(k: Known): FaqPart[] {
  const phase = k.timing?.phase;
  return k.channel === 'adminCenter' && (phase === 'expired' || phase === 'disabled') ? [part('shared.reactivate', [SRC.reactivate])] : [];
}

/** The ended phase, and what a direct buyer can also do. */
export const endedParts = (k: Known): FaqPart[] => [phasePart(k)!, ...reactivatePart(k)];

/**
 * They renewed: inside the window the owner can still cancel with a prorated refund, after it the term is
 * owed (§4 table). Undefined where the owner is unknown or the channel has no such window (volume licensing).
 */
export function renewedParts(k: Known): FaqPart[] | undefined {
  const t = k.timing;
  if (!t) return undefined;
  if (t.phase === 'renewedInWindow') {
    const params = { date: t.date, cancelWindowEnds: t.dates.cancelWindowEnds! };
    if (k.channel === 'adminCenter') return [part('shared.windowDirect', [SRC.directCancel], params)];
    if (k.channel === 'otherPartner') return [part('shared.windowPartner', [SRC.nceCancel], params)];
    return undefined;
  }
  if (t.phase === 'termOwed' && (k.channel === 'adminCenter' || k.channel === 'otherPartner')) {
    const out = [part('shared.termOwed', [SRC.nceCancel], { date: t.date })];
    if (k.path === 'partnerTransfer') out.push(part('shared.transferInstead', [SRC.transfer]));
    return out;
  }
  return undefined;
}

/** Path D's buying window: after the old ones expire, before their Expired period ends (the engine's dates). */
export function over150WindowPart(k: Known): FaqPart | undefined {
  const d = k.timing?.phase === 'upcoming' ? k.timing.dates : undefined;
  if (!d?.buyFrom || !d.expiredUntil) return undefined;
  // The same last day as the result's step: the day before the Expired period ends.
  return part('shared.over150Window', [SRC.moveArticle, SRC.lifecycle], { buyFrom: d.buyFrom, buyBy: addDays(d.expiredUntil, -1) });
}

/** The date has passed and "renewed or ended?" is open: the answer depends on it. */
export const dateKindOpenPart = (k: Known): FaqPart[] =>
  k.dateKindOpen ? [part('shared.notSureKind', [SRC.lifecycle], { date: k.dateKindOpen })] : [];
