// Numbers public docs state (GUIDANCE §3, §7). Kept in one place so texts get them as params.

/** An expired subscription stays in the Expired state this many days (public doc, as-of note). */
export const EXPIRED_WINDOW_DAYS = 30;

/** New Commerce: prorated refund only within this many days of purchase or renewal. */
export const NCE_REFUND_DAYS = 7;

/** Legacy annual subscriptions (historical): full credit within this many days. */
export const LEGACY_FULL_CREDIT_DAYS = 30;

/** Docs disagree on the per-move subscription limit; we warn above the lower one. */
export const SUBSCRIPTION_LIMIT_LOWER = 150;
export const SUBSCRIPTION_LIMIT_UPPER = 300;
