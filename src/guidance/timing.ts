import { addDays, daysBetween } from './dates.js';
import { CANCEL_WINDOW_DAYS, DISABLED_DAYS, EXPIRED_DAYS } from './policyNumbers.js';
import type { Situation } from './situation.js';

/**
 * Where the old subscriptions stand on `today` (GUIDANCE edition 2 §4):
 * - upcoming: they renew or end after today;
 * - renewedInWindow / termOwed: they renewed 0–7 days ago (the cancel window is open) or earlier;
 * - expired / disabled / deleted: they ended 0–30, 31–120 or more days ago (New Commerce and direct);
 * - vlEnded: an EA or volume-licensing agreement ended: no Expired period is promised, services stop on the end date.
 */
export const PHASES = ['upcoming', 'renewedInWindow', 'termOwed', 'expired', 'disabled', 'deleted', 'vlEnded'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseDates {
  /** Last day to stop renewal (the day before the renewal date). */
  stopRenewalBy?: string;
  /** Last day to have the new subscriptions live. */
  provisionBy?: string;
  /** Path D: the first day to buy, once the old ones have expired. */
  buyFrom?: string;
  /** Last day the owner can cancel or reduce with a prorated refund. */
  cancelWindowEnds?: string;
  /** Last day of the Expired period (users still work). */
  expiredUntil?: string;
  /** About the last day admins can reach the data of a Disabled subscription. */
  dataKeptUntil?: string;
}

export interface Reading {
  phase: Phase;
  dates: PhaseDates;
}

export interface Timing extends Reading {
  renewalDate: string;
  /** Whole days from today to the date: negative once it has passed. */
  daysFromToday: number;
  /** "Renewed or ended?" answered "not sure": the ended reading, shown beside the renewed one. */
  ifEnded?: Reading;
}

/** Channels outside New Commerce and direct purchases: no Expired or Disabled periods to count on. */
const VOLUME_CHANNELS: readonly Situation['purchaseChannel'][] = ['enterpriseAgreement', 'openLicense', 'otherVolumeLicensing'];

export const isVolumeChannel = (s: Pick<Situation, 'purchaseChannel'>): boolean => VOLUME_CHANNELS.includes(s.purchaseChannel);

function renewedReading(date: string, daysAgo: number): Reading {
  return daysAgo <= CANCEL_WINDOW_DAYS
    ? { phase: 'renewedInWindow', dates: { cancelWindowEnds: addDays(date, CANCEL_WINDOW_DAYS) } }
    : { phase: 'termOwed', dates: {} };
}

function endedReading(s: Situation, date: string, daysAgo: number): Reading {
  if (isVolumeChannel(s)) return { phase: 'vlEnded', dates: {} };
  const expiredUntil = addDays(date, EXPIRED_DAYS);
  if (daysAgo <= EXPIRED_DAYS) return { phase: 'expired', dates: { expiredUntil, provisionBy: addDays(expiredUntil, -1) } };
  if (daysAgo <= EXPIRED_DAYS + DISABLED_DAYS) {
    return { phase: 'disabled', dates: { dataKeptUntil: addDays(date, EXPIRED_DAYS + DISABLED_DAYS) } };
  }
  return { phase: 'deleted', dates: {} };
}

/** Timing from the one date the partner knows; null when it wasn't given. */
export function computeTiming(s: Situation, today: string): Timing | null {
  const date = s.renewalDate;
  if (date === undefined) return null;
  const daysFromToday = daysBetween(today, date);
  if (daysFromToday > 0) {
    const dayBefore = addDays(date, -1);
    const dates: PhaseDates = { stopRenewalBy: dayBefore, provisionBy: dayBefore };
    // Path D buys after expiry, inside the Expired period; volume licensing has no such period.
    if (!isVolumeChannel(s)) {
      dates.buyFrom = date;
      dates.expiredUntil = addDays(date, EXPIRED_DAYS);
    }
    return { renewalDate: date, daysFromToday, phase: 'upcoming', dates };
  }
  const daysAgo = -daysFromToday;
  const kind = s.dateKind ?? 'notSure';
  if (kind === 'ended') return { renewalDate: date, daysFromToday, ...endedReading(s, date, daysAgo) };
  const renewed = renewedReading(date, daysAgo);
  if (kind === 'renewed') return { renewalDate: date, daysFromToday, ...renewed };
  return { renewalDate: date, daysFromToday, ...renewed, ifEnded: endedReading(s, date, daysAgo) };
}

/** The old subscriptions have ended (in the reading the steps follow). */
export const hasEnded = (timing: Timing | null): boolean =>
  timing !== null && ['expired', 'disabled', 'deleted', 'vlEnded'].includes(timing.phase);

/** The date question is about the past: ask whether it was a renewal or an end. */
export const asksDateKind = (renewalDate: string | undefined, today: string): boolean =>
  renewalDate !== undefined && daysBetween(today, renewalDate) <= 0;
