import { hash } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Teams retries a request it waited 15 s for; a few retries fit in minutes. */
export const DELIVERY_TTL_MS = 15 * 60_000;

/** The property of a state object that holds its ledger. */
export const DELIVERIES = 'deliveries';

/**
 * Activity id digest → when the record expires (epoch seconds): positive once the turn's replies have left
 * (or it had none), negative (minus the expiry) while they may not have (saved, not yet confirmed sent).
 * Records written before replies were tracked are all positive.
 */
type Ledger = Record<string, number>;

/**
 * What the ledger knows of an activity: `new` (never processed, or its record expired); `sent` (processed,
 * replies out: a redelivery gets nothing); `unsent` (processed and saved, replies perhaps lost: a
 * redelivery gets the current card again); `superseded` (unsent, but a later turn of this user in this
 * conversation was saved since: its replies, or their replay, carry the current card).
 */
export type DeliveryStatus = 'new' | 'sent' | 'unsent' | 'superseded';

/**
 * Makes a redelivered activity (Teams re-sends a request it waited 15 s for) run once, across instances,
 * by recording each processed activity id in the state the turn saves anyway: the state of this user in
 * this conversation. The record is written in the same eTag-checked write as the turn's changes, so:
 *
 * - a redelivery that arrives after the turn was saved finds its id and is not run again: it is dropped
 *   once the turn's replies are known to have left, and gets the current card again (see TurnRunner) while
 *   the record still says they may not have (the process died, or the connector failed, in between);
 * - two deliveries running at once (on two instances) both start from the same version: the second to save
 *   gets an eTag conflict, runs again on fresh state and finds the id;
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
    return this.statusOf(state, id) !== 'new';
  }

  statusOf(state: Record<string, unknown>, id: string | undefined): DeliveryStatus {
    const ledger = ledgerOf(state);
    const value = id === undefined ? undefined : ledger?.[id];
    if (typeof value !== 'number' || Math.abs(value) * 1000 <= this.now()) return 'new';
    if (value > 0) return 'sent';
    const newer = Object.entries(ledger!).some(([key, other]) => key !== id && typeof other === 'number' && Math.abs(other) > -value);
    return newer ? 'superseded' : 'unsent';
  }

  /**
   * Records this id in `state` (to be saved with the turn), dropping expired and surplus records.
   * `sent: false` when the turn has replies that will leave only after the save: {@link markSent} then.
   */
  record(state: Record<string, unknown>, id: string | undefined, { sent = true }: { sent?: boolean } = {}): void {
    if (id === undefined) return;
    const nowSeconds = Math.floor(this.now() / 1000);
    const expiresAt = nowSeconds + Math.ceil(this.ttlMs / 1000);
    const ledger = ledgerOf(state);
    // The records still running, in the ledger's order, then this one: a new object, no lists in between
    // (this runs on every turn). Only when there are too many does the oldest-first sort below take over.
    const next: Ledger = {};
    let count = 0;
    if (ledger) {
      for (const key of Object.keys(ledger)) {
        const value = ledger[key];
        if (key !== id && typeof value === 'number' && Math.abs(value) > nowSeconds) {
          // An own '__proto__' (a hand-edited ledger) stays a record, as Object.fromEntries would keep it.
          if (key === '__proto__') Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
          else next[key] = value;
          count += 1;
        }
      }
    }
    if (count > this.max - 1) {
      // Oldest first only when some must go (records are added in time order, so usually nothing is out of place).
      const kept = Object.entries(next).sort((a, b) => Math.abs(a[1]) - Math.abs(b[1])).slice(-(this.max - 1));
      state[DELIVERIES] = Object.fromEntries([...kept, [id, sent ? expiresAt : -expiresAt]]);
      return;
    }
    next[id] = sent ? expiresAt : -expiresAt;
    state[DELIVERIES] = next;
  }

  /** The turn's replies have left: its record stops asking for a replay. False if there was nothing to change. */
  markSent(state: Record<string, unknown>, id: string | undefined): boolean {
    const ledger = ledgerOf(state);
    const value = id === undefined ? undefined : ledger?.[id];
    if (typeof value !== 'number' || value >= 0) return false;
    state[DELIVERIES] = { ...ledger, [id!]: -value };
    return true;
  }
}

function ledgerOf(state: Record<string, unknown>): Ledger | undefined {
  const ledger = state[DELIVERIES];
  return typeof ledger === 'object' && ledger !== null && !Array.isArray(ledger) ? (ledger as Ledger) : undefined;
}
