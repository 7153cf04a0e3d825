// Numbers the docs state (GUIDANCE edition 2 §3, §4). One place, so texts get them as params.

/** New Commerce: cancel or reduce with a prorated refund only within this many days of purchase or renewal (since March 2022). */
export const CANCEL_WINDOW_DAYS = 7;

/** After the end of term a subscription is Expired for this many days: users and admins keep access. */
export const EXPIRED_DAYS = 30;

/** Then Disabled for this many days: users have no access, admins can still reach the data. */
export const DISABLED_DAYS = 90;

/** A tenant can hold at most this many subscriptions ... */
export const TENANT_SUBSCRIPTION_LIMIT = 300;

/** ... so above this many active ones, old and new side by side would pass it (§3 D). */
export const SIDE_BY_SIDE_LIMIT = 150;
