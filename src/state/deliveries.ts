import { hash } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Teams retries a request it waited 15 s for; a few retries fit in minutes. */
export const DELIVERY_TTL_MS = 15 * 60_000;

/** The property of a state object that holds its ledger. */
export const DELIVERIES = 'deliveries';

/**
 * The records, oldest first, as a flat list: activity id digest, then when the record expires (epoch seconds),
 * and so on — positive once the turn's replies have left (or it had none), negative (minus the expiry) while
 * they may not have (saved, not yet confirmed sent). Records written before replies were tracked are all
 * positive. A list rather than an object keyed by digest: every digest is new, and an object with new keys
 * costs the engine a new shape each time it is parsed or built (this is read and written on every turn).
 * Versions before this one stored that object (digest → expiry): it is still read, and written back as a list.
 */
type Ledger = Array<string | number>;

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
    if (id === undefined || ledger === undefined) return 'new';
    const value = valueOf(ledger, id);
    if (value === undefined || Math.abs(value) * 1000 <= this.now()) return 'new';
    if (value > 0) return 'sent';
    for (let i = 0; i + 1 < ledger.length; i += 2) {
      const other = ledger[i + 1];
      if (ledger[i] !== id && typeof ledger[i] === 'string' && typeof other === 'number' && Math.abs(other) > -value) return 'superseded';
    }
    return 'unsent';
  }

  /**
   * Records this id in `state` (to be saved with the turn), dropping expired and surplus records.
   * `sent: false` when the turn has replies that will leave only after the save: {@link markSent} then.
   */
  record(state: Record<string, unknown>, id: string | undefined, { sent = true }: { sent?: boolean } = {}): void {
    if (id === undefined) return;
    const nowSeconds = Math.floor(this.now() / 1000);
    const ledger = ledgerOf(state) ?? [];
    let next: Ledger = [];
    for (let i = 0; i + 1 < ledger.length; i += 2) {
      const key = ledger[i];
      const value = ledger[i + 1];
      if (key !== id && typeof key === 'string' && typeof value === 'number' && Math.abs(value) > nowSeconds) next.push(key, value);
    }
    // Oldest first only when some must go (records are added in time order, so usually nothing is out of place).
    if (next.length / 2 > this.max - 1) {
      const pairs: Array<[string, number]> = [];
      for (let i = 0; i < next.length; i += 2) pairs.push([next[i] as string, next[i + 1] as number]);
      next = pairs
        .sort((a, b) => Math.abs(a[1]) - Math.abs(b[1]))
        .slice(-(this.max - 1))
        .flat();
    }
    const expiresAt = nowSeconds + Math.ceil(this.ttlMs / 1000);
    next.push(id, sent ? expiresAt : -expiresAt);
    state[DELIVERIES] = next;
  }

  /** The turn's replies have left: its record stops asking for a replay. False if there was nothing to change. */
  markSent(state: Record<string, unknown>, id: string | undefined): boolean {
    const ledger = ledgerOf(state);
    if (id === undefined || ledger === undefined) return false;
    const at = indexOf(ledger, id);
    const value = at < 0 ? undefined : (ledger[at + 1] as number);
    if (value === undefined || value >= 0) return false;
    const next = ledger.slice();
    next[at + 1] = -value;
    state[DELIVERIES] = next;
    return true;
  }
}

/** The ledger as a list (one stored as an object by an earlier version becomes one); undefined if it is neither. */
function ledgerOf(state: Record<string, unknown>): Ledger | undefined {
  const stored = state[DELIVERIES];
  if (Array.isArray(stored)) return stored as Ledger;
  if (typeof stored !== 'object' || stored === null) return undefined;
  const list: Ledger = [];
  for (const key of Object.keys(stored)) list.push(key, (stored as Record<string, unknown>)[key] as number);
  return list;
}

/** Where the record of `id` starts in `ledger` (the last one, should there be two), or -1; a record must be a digest and a number. */
function indexOf(ledger: Ledger, id: string): number {
  let at = -1;
  for (let i = 0; i + 1 < ledger.length; i += 2) if (ledger[i] === id && typeof ledger[i + 1] === 'number') at = i;
  return at;
}

function valueOf(ledger: Ledger, id: string): number | undefined {
  const at = indexOf(ledger, id);
  return at < 0 ? undefined : (ledger[at + 1] as number);
}
