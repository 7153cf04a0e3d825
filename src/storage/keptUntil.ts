import { LAST_ACTIVE } from '../state/retention.js';

/** How far past its write an item may be kept by its stamp: a bogus stamp cannot pin an item for ever. */
export const MAX_KEPT_AHEAD_MS = 5 * 365 * 86_400_000;

/**
 * The time retention counts an item written at `now` from: its LAST_ACTIVE stamp when that lies ahead (an
 * open tracked move is stamped with its last date, so it outlives the state TTL until that date has passed),
 * at most {@link MAX_KEPT_AHEAD_MS} ahead; `now` otherwise (no stamp, a past one, or not a number).
 */
export function keptUntil(stamp: unknown, now: number): number {
  return typeof stamp === 'number' && Number.isFinite(stamp) ? Math.max(now, Math.min(stamp, now + MAX_KEPT_AHEAD_MS)) : now;
}

/** The same rule for the stamp of an item read from `value` (its LAST_ACTIVE field). */
export const keptUntilOf = (value: Record<string, unknown>, now: number): number => keptUntil(value[LAST_ACTIVE], now);
