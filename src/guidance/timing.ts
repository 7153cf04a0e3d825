import { TIMING_ITEMS, type TimingItemKey } from './catalogue/index.js';
import { addDays, daysBetween } from './dates.js';
import type { SourcedMessage, Timing } from './guidanceSchema.js';
import { toItem, type Params } from './messages.js';
import { EXPIRED_WINDOW_DAYS } from './policyNumbers.js';

const item = (key: TimingItemKey, params?: Params): SourcedMessage => toItem(key, TIMING_ITEMS[key], params);

/**
 * Timing advice from the old subscriptions' renewal (or expiry) date.
 * The Expired window counts the renewal date as its first day, so its last day is
 * renewalDate + 29: the conservative reading of "stays Expired for 30 days" when data is at stake.
 */
export function computeTiming(renewalDate: string, today: string): Timing {
  const daysLeft = daysBetween(today, renewalDate);

  if (daysLeft > 0) {
    // Provision the day before at the latest, so there is no gap when the old ones lapse.
    const provisionBy = addDays(renewalDate, -1);
    return {
      status: 'upcoming',
      renewalDate,
      daysLeft,
      provisionBy,
      items: [
        item('timing.daysLeft', { count: daysLeft, renewalDate }),
        item('timing.waitForExpiry', { renewalDate }),
        item('timing.turnOffAutoRenew', { renewalDate }),
        item('timing.provisionBy', { provisionBy }),
      ],
    };
  }

  if (daysLeft === 0) {
    return {
      status: 'dueToday',
      renewalDate,
      daysLeft,
      provisionBy: renewalDate,
      items: [
        item('timing.dueToday', { renewalDate }),
        item('timing.turnOffAutoRenew', { renewalDate }),
        item('timing.provisionBy', { provisionBy: renewalDate }),
      ],
    };
  }

  const daysSinceExpiry = -daysLeft;
  const windowEndsOn = addDays(renewalDate, EXPIRED_WINDOW_DAYS - 1);
  if (daysSinceExpiry < EXPIRED_WINDOW_DAYS) {
    return {
      status: 'expiredInWindow',
      renewalDate,
      daysLeft,
      windowEndsOn,
      items: [
        item('timing.expiredInWindow', {
          count: daysSinceExpiry,
          renewalDate,
          windowEndsOn,
          windowDays: EXPIRED_WINDOW_DAYS,
        }),
        item('timing.provisionNow', { windowEndsOn }),
      ],
    };
  }

  return {
    status: 'expiredPastWindow',
    renewalDate,
    daysLeft,
    windowEndsOn,
    items: [
      item('timing.expiredPastWindow', { renewalDate, windowEndsOn, windowDays: EXPIRED_WINDOW_DAYS }),
      item('timing.contactSupport'),
    ],
  };
}

/** True while the old subscriptions have not expired yet (or the date is unknown). */
export function beforeExpiry(timing: Timing | null): boolean {
  return timing === null || timing.status === 'upcoming' || timing.status === 'dueToday';
}
