import type { Activity, Storage } from 'botbuilder';
import { IF_ABSENT } from '../storage/etags.js';
import { isEtagConflict } from '../storage/sqliteStorage.js';

/** Storage keys of delivery records start with this (the retention sweep uses it). */
export const DELIVERY_PREFIX = 'deliveries/';

/** Teams retries a request it waited 15 s for; a few retries fit in minutes. */
export const DELIVERY_TTL_MS = 15 * 60_000;

interface DeliveryRecord {
  claimedAt: number;
  expiresAt: number;
  eTag?: string;
}

export type Claim = { key: string };

/**
 * Makes a redelivered activity (same channel, conversation and activity id) run once, across instances:
 * the first delivery creates a record with create-only semantics (IF_ABSENT: exactly one creator wins on
 * SQLite, Blob and memory alike); a later one finds it and is dropped. Records expire after a short TTL.
 *
 * If a turn fails before its state is saved, its record is released so that Teams' retry (or the user's
 * resend) is processed. If the process dies mid-turn the record stays until it expires, and a retry in
 * that window is dropped: the user sends the answer again (nothing was saved, nothing is lost).
 */
export class DeliveryLog {
  constructor(
    private readonly storage: Storage,
    private readonly ttlMs: number = DELIVERY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  keyOf(activity: Partial<Activity>): string | undefined {
    if (!activity.id || !activity.channelId || !activity.conversation?.id) return undefined;
    return `${DELIVERY_PREFIX}${activity.channelId}/${activity.conversation.id}/${activity.id}`;
  }

  /** A claim to process this activity, 'duplicate' if it was (or is being) processed, undefined if it has no id. */
  async claim(activity: Partial<Activity>): Promise<Claim | 'duplicate' | undefined> {
    const key = this.keyOf(activity);
    if (!key) return undefined;
    if (await this.tryWrite(key, IF_ABSENT)) return { key };
    const existing = (await this.storage.read([key]))[key] as DeliveryRecord | undefined;
    if (existing && existing.expiresAt > this.now()) return 'duplicate';
    // Expired (not swept yet) or released meanwhile: take it over, still only one winner.
    return (await this.tryWrite(key, existing?.eTag ?? IF_ABSENT)) ? { key } : 'duplicate';
  }

  /** Forgets a claim whose turn did not complete, so a redelivery runs. */
  release(claim: Claim): Promise<void> {
    return this.storage.delete([claim.key]);
  }

  private async tryWrite(key: string, eTag: string): Promise<boolean> {
    const now = this.now();
    try {
      await this.storage.write({ [key]: { claimedAt: now, expiresAt: now + this.ttlMs, eTag } });
      return true;
    } catch (err) {
      if (isEtagConflict(err)) return false;
      throw err;
    }
  }
}
