import type { Storage } from 'botbuilder';
import type { MoveReminders } from '../moves/moveStore.js';
import { readItems, updateItem, writeItem } from '../moves/storedItem.js';
import type { TrackedMove } from '../moves/types.js';
import { isEtagConflict } from '../storage/etags.js';
import { DAY_MS, type RetentionPolicy } from '../state/retention.js';
import { bucketOf, dayOfMs, reminderKey } from './keys.js';
import { plannedReminders, type PlannedReminder } from './plan.js';

/** A reminder as stored: the plan, and the claim of the instance sending it. */
export interface ReminderItem extends PlannedReminder {
  claim?: { by: string; at: number };
  /** Claims so far: a reminder whose sends keep failing is given up after a few, not retried for ever. */
  tries?: number;
}

/** A day's bucket: reminder id → due time. */
export interface Bucket {
  due: Record<string, number>;
}

/**
 * Reminders and the due index never expire on read: a reminder is kept by the sweep until its due time + the
 * state TTL (written active until then), a day's bucket until that day's end + the TTL; the sender drops a
 * reminder whose move has gone.
 */
export const noExpiry = (policy: RetentionPolicy): RetentionPolicy => ({ ...policy, ttlMs: Number.POSITIVE_INFINITY });

/** Keeps the stored reminders in step with the moves (MoveStore calls it on every change). */
export class ReminderBook implements MoveReminders {
  private readonly storage: Storage;
  private readonly policy: RetentionPolicy;

  constructor(options: { storage: Storage; policy: RetentionPolicy }) {
    this.storage = options.storage;
    this.policy = noExpiry(options.policy);
  }

  planned(userKey: string, move: TrackedMove | undefined): PlannedReminder[] {
    return move ? plannedReminders(userKey, move, this.policy.now()) : [];
  }

  async sync(userKey: string, before: TrackedMove | undefined, after: TrackedMove | undefined): Promise<void> {
    const wanted = this.planned(userKey, after);
    const wantedIds = new Set(wanted.map((r) => r.id));
    // Those `before` had, whatever their time: a past one may still wait for its send.
    const stale = before ? plannedReminders(userKey, before, Number.NEGATIVE_INFINITY).filter((r) => !wantedIds.has(r.id)) : [];
    for (const r of stale) await this.cancel(r.id, r.dueAt);
    // Item first, then its bucket entry: a crash between leaves an item no scan finds until the next change of
    // the move adds the entry again — never an entry pointing at nothing that was meant to be sent.
    const existing = await readItems<ReminderItem>(this.storage, wanted.map((r) => reminderKey(r.id)), this.policy);
    for (const r of wanted) {
      const current = existing[reminderKey(r.id)]!;
      if (!current.value && current.eTag === 'if-absent') {
        try {
          await writeItem<ReminderItem>(this.storage, reminderKey(r.id), r, current.eTag, this.policy, r.dueAt);
        } catch (err) {
          if (!isEtagConflict(err)) throw err; // another instance planned the same reminder: same content
        }
      }
      // An item already there is left alone (it may be claimed right now); the sender reads the move's ticks when it sends.
      await this.addToBucket(r);
    }
  }

  /** A reminder put off (Snooze): the same plan at a later time, under an id of its own. */
  async snooze(item: Omit<PlannedReminder, 'id' | 'dueAt'>, until: number): Promise<PlannedReminder> {
    const snoozed: PlannedReminder = { ...item, id: `${item.user}.${item.move}.${item.date}.${item.daysBefore}.s${until}`, dueAt: until };
    await writeItem<ReminderItem>(this.storage, reminderKey(snoozed.id), snoozed, 'if-absent', this.policy, snoozed.dueAt).catch((err: unknown) => {
      if (!isEtagConflict(err)) throw err;
    });
    await this.addToBucket(snoozed);
    return snoozed;
  }

  /** Removes a reminder: from its bucket first (no scan picks it up any more), then the item. */
  async cancel(id: string, dueAt: number): Promise<void> {
    await this.removeFromBucket(id, dueAt);
    await this.storage.delete([reminderKey(id)]);
  }

  async removeFromBucket(id: string, dueAt: number): Promise<void> {
    await updateItem<Bucket>(this.storage, bucketOf(id, dueAt), this.policy, (bucket) => {
      if (!bucket || !(id in bucket.due)) return { keep: true };
      const { [id]: _gone, ...due } = bucket.due;
      // Never deleted here: a delete is not eTag-checked, and would drop an entry another instance adds meanwhile.
      return { write: { due } };
    }, endOfDayOf(dueAt));
  }

  private async addToBucket(r: PlannedReminder): Promise<void> {
    await updateItem<Bucket>(
      this.storage,
      bucketOf(r.id, r.dueAt),
      this.policy,
      (bucket) => (bucket?.due[r.id] === r.dueAt ? { keep: true } : { write: { due: { ...bucket?.due, [r.id]: r.dueAt } } }),
      endOfDayOf(r.dueAt),
    );
  }
}

/** The end (UTC) of the day a time falls on: a bucket is kept until its day has passed. */
const endOfDayOf = (ms: number): number => Date.parse(`${dayOfMs(ms)}T00:00:00Z`) + DAY_MS;
