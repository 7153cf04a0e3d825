import type { Timing } from '../guidanceSchema.js';
import type { WarningDraft } from '../messages.js';
import {
  EXPIRED_WINDOW_DAYS,
  NCE_REFUND_DAYS,
  SUBSCRIPTION_LIMIT_LOWER,
  SUBSCRIPTION_LIMIT_UPPER,
} from '../policyNumbers.js';
import type { Situation } from '../situation.js';
import { beforeExpiry } from '../timing.js';

// GUIDANCE §3, §7: ending the old subscriptions, cancellation, the Expired window, move size.
export function lifecycleWarnings(s: Situation, timing: Timing | null): WarningDraft[] {
  const out: WarningDraft[] = [];
  if (timing === null) out.push({ id: 'checkRenewalDate' });
  if (timing?.status === 'dueToday') out.push({ id: 'renewalToday', params: { renewalDate: timing.renewalDate } });
  if (timing?.status === 'expiredInWindow' || timing?.status === 'expiredPastWindow') {
    out.push({
      id: timing.status,
      params: { renewalDate: timing.renewalDate, windowEndsOn: timing.windowEndsOn as string, windowDays: EXPIRED_WINDOW_DAYS },
    });
  }
  if (beforeExpiry(timing)) {
    out.push({ id: 'noRefundOnCancel' }, { id: 'expiredWindow', params: { windowDays: EXPIRED_WINDOW_DAYS } });
  }
  // The partner's new subscriptions are New Commerce, so the window matters in every channel.
  out.push({ id: 'nceCancelWindow', params: { refundDays: NCE_REFUND_DAYS } });
  if (s.subscriptionCount !== undefined && s.subscriptionCount > SUBSCRIPTION_LIMIT_LOWER) {
    out.push({
      id: 'manySubscriptions',
      params: {
        subscriptionCount: s.subscriptionCount,
        lowerLimit: SUBSCRIPTION_LIMIT_LOWER,
        upperLimit: SUBSCRIPTION_LIMIT_UPPER,
      },
    });
  }
  return out;
}
