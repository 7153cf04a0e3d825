import { hash } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Teams retries a request it waited 15 s for; a few retries fit in minutes. */
export const DELIVERY_TTL_MS = 15 * 60_000;

/** The property of a state object that holds its ledger. */
export const DELIVERIES = 'deliveries';

/** Activity id digest → when the record expires (epoch seconds). */
type Ledger = Record<string, number>;

/**
 * Makes a redelivered activity (Teams re-sends a request it waited 15 s for) run once, across instances,
 * by recording each processed activity id in the state the turn saves anyway: the state of this user in
 * this conversation. The record is written in the same eTag-checked write as the turn's changes, so:
 *
 * - a redelivery that arrives after the turn was saved finds its id and is dropped;
 * - two deliveries running at once (on two instances) both start from the same version: the second to save
 *   gets an eTag conflict, runs again on fresh state, finds the id and is dropped;
 * - a turn that failed, or a process that died mid-turn, saved nothing, not even the record, so the
 *   redelivery runs.
 *
 * Records expire after `ttlMs`; at most `max` are kept per user and conversation (the oldest go first).
 * Ids are stored as short digests: the ledger stays small whatever the channel's id format.
 */
export interface DeliveryLedgerOptions {
  /** How long a record keeps a redelivery out. Default {@link DELIVERY_TTL_MS}. */
  ttlMs?: number;
  /** Records kept per user and conversation. Default 16. */
  max?: number;
  now?: () => number;
}

export class DeliveryLedger {
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor({ ttlMs = DELIVERY_TTL_MS, max = 16, now = Date.now }: DeliveryLedgerOptions = {}) {
    this.ttlMs = ttlMs;
    this.max = max;
    this.now = now;
  }

  /**
   * What the ledger records of `activity`: 48 bits of SHA-256 of its id in base64url (8 characters), unique
   * enough among one conversation's recent activities; undefined for an activity without an id (never
   * recorded, never a duplicate). Taken once per turn, then passed to {@link seen} and {@link record}.
   */
  idOf(activity: Partial<Activity>): string | undefined {
    if (typeof activity.id !== 'string' || activity.id === '') return undefined;
    return hash('sha256', activity.id, 'base64url').slice(0, 8);
  }

  /** True if `state` records this id as processed (and the record has not expired). */
  seen(state: Record<string, unknown>, id: string | undefined): boolean {
    const expiresAt = id === undefined ? undefined : ledgerOf(state)?.[id];
    return typeof expiresAt === 'number' && expiresAt * 1000 > this.now();
  }

  /** Records this id in `state` (to be saved with the turn), dropping expired and surplus records. */
  record(state: Record<string, unknown>, id: string | undefined): void {
    if (id === undefined) return;
    const nowSeconds = Math.floor(this.now() / 1000);
    const kept = Object.entries(ledgerOf(state) ?? {})
      .filter(([key, expiresAt]) => key !== id && typeof expiresAt === 'number' && expiresAt > nowSeconds)
      .sort((a, b) => a[1] - b[1])
      .slice(-(this.max - 1));
    state[DELIVERIES] = Object.fromEntries([...kept, [id, nowSeconds + Math.ceil(this.ttlMs / 1000)]]);
  }
}

function ledgerOf(state: Record<string, unknown>): Ledger | undefined {
  const ledger = state[DELIVERIES];
  return typeof ledger === 'object' && ledger !== null && !Array.isArray(ledger) ? (ledger as Ledger) : undefined;
}
