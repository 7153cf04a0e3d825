import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Logger } from '../logger.js';
import { readItem, readItems, updateItem, writeItem } from '../moves/storedItem.js';
import { isEtagConflict } from '../storage/etags.js';
import type { RetentionPolicy } from '../state/retention.js';
import { bucketKey, CURSOR_KEY, dayOfMs, reminderKey, SHARDS } from './keys.js';
import { noExpiry, type Bucket, type ReminderBook, type ReminderItem } from './reminderBook.js';

const DAY_MS = 86_400_000;

/**
 * What became of one reminder: `sent`; `skipped` (nothing left to remind of: the move was closed, deleted or
 * expired, or its steps ticked); `unreachable` (the user blocked or removed the bot: 403/404, or no stored
 * conversation). Anything else is thrown, and the reminder is tried again after the claim timeout.
 */
export type Delivery = 'sent' | 'skipped' | 'unreachable';

export interface ReminderSender {
  /** `late`: it fell due while no instance was running (or all were failing), not just now. */
  deliver(reminder: ReminderItem, late: boolean): Promise<Delivery>;
}

export interface SchedulerOptions {
  storage: Storage;
  policy: RetentionPolicy;
  book: ReminderBook;
  sender: ReminderSender;
  logger: Logger;
  /** Names this instance in its claims (logs). Default: a random id. */
  instanceId?: string;
  /** Between scans. Default 60 s. */
  intervalMs?: number;
  /**
   * A claim older than this is taken to be a crashed instance's, and the reminder is claimed again. The one
   * case that sends twice: the first instance sent and crashed before it could record it. Default 10 min.
   */
  claimTimeoutMs?: number;
  /** A reminder sent more than this after its time is marked late. Default 30 min. */
  lateAfterMs?: number;
  /** Claims before a reminder whose sends keep failing is given up (logged). Default 5. */
  maxTries?: number;
  /** How far back a scan looks when it has no cursor (first start, or a cursor swept away). Default 35 days. */
  lookbackMs?: number;
  /** Tests: called after the scan has read a reminder and before it writes its claim (to force two instances into the same race). */
  beforeClaim?: (reminderId: string) => Promise<void>;
}

export interface ScanReport {
  sent: number;
  late: number;
  skipped: number;
  unreachable: number;
  failed: number;
  /** Reminders another instance claimed first, or is sending now. */
  claimedElsewhere: number;
}

/**
 * Finds due reminders and sends each exactly once across every instance that shares the storage:
 * each instance scans the due index (the buckets from the cursor's day to today) every `intervalMs`, and takes
 * a reminder by writing its claim with the eTag it read — of several instances that read it, one write wins,
 * the others get a conflict and leave it. After sending, the reminder is deleted and leaves its bucket.
 * A claim not followed through (the instance died) expires after `claimTimeoutMs` and is taken again, so a
 * crash costs at most one duplicate, never a reminder. Reminders that fell due while nothing ran are sent at
 * the first scan after, once, marked late.
 */
export class ReminderScheduler {
  private readonly o: Required<Omit<SchedulerOptions, 'beforeClaim'>> & Pick<SchedulerOptions, 'beforeClaim'>;
  private readonly policy: RetentionPolicy;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ScanReport> | undefined;

  constructor(options: SchedulerOptions) {
    this.o = {
      instanceId: randomUUID(),
      intervalMs: 60_000,
      claimTimeoutMs: 10 * 60_000,
      lateAfterMs: 30 * 60_000,
      maxTries: 5,
      lookbackMs: 35 * DAY_MS,
      ...options,
    };
    this.policy = noExpiry(options.policy);
  }

  start(): void {
    if (this.timer) return;
    const tick = () => void this.scanNow().catch((err: unknown) => this.o.logger.warn({ err }, 'reminder scan failed'));
    tick();
    this.timer = setInterval(tick, this.o.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** One scan (a call while one runs joins it). */
  scanNow(): Promise<ScanReport> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<ScanReport> {
    const report: ScanReport = { sent: 0, late: 0, skipped: 0, unreachable: 0, failed: 0, claimedElsewhere: 0 };
    const now = this.policy.now();
    const today = dayOfMs(now);
    const cursor = (await readItem<{ day: string }>(this.o.storage, CURSOR_KEY, this.policy)).value?.day ?? dayOfMs(now - this.o.lookbackMs);
    const days: string[] = [];
    for (let d = Date.parse(`${cursor}T00:00:00Z`); dayOfMs(d) <= today; d += DAY_MS) days.push(dayOfMs(d));
    const keys = days.flatMap((day) => Array.from({ length: SHARDS }, (_, shard) => bucketKey(day, shard)));
    const buckets = await readItems<Bucket>(this.o.storage, keys, this.policy);
    const due = Object.values(buckets)
      .flatMap(({ value }) => Object.entries(value?.due ?? {}))
      .filter(([, at]) => at <= now)
      .sort(([, a], [, b]) => a - b);
    const items = await readItems<ReminderItem>(this.o.storage, due.map(([id]) => reminderKey(id)), this.policy);
    for (const [id, dueAt] of due) {
      const read = items[reminderKey(id)]!;
      if (!read.value || 'done' in read.value) {
        await this.o.book.removeFromBucket(id, dueAt); // cancelled, or sent by another instance meanwhile
        continue;
      }
      await this.handle(read.value, read.eTag, now, report);
    }
    await this.advanceCursor(days, today, cursor);
    return report;
  }

  private async handle(item: ReminderItem, eTag: string, now: number, report: ScanReport): Promise<void> {
    if (item.claim && now - item.claim.at < this.o.claimTimeoutMs) {
      report.claimedElsewhere++;
      return;
    }
    const tries = (item.tries ?? 0) + 1;
    if (tries > this.o.maxTries) {
      this.o.logger.error({ reminder: item.id, tries: item.tries }, 'reminder given up: its sends kept failing');
      report.failed++;
      await this.o.book.cancel(item.id, item.dueAt);
      return;
    }
    await this.o.beforeClaim?.(item.id);
    const claimed: ReminderItem = { ...item, claim: { by: this.o.instanceId, at: now }, tries };
    try {
      await writeItem(this.o.storage, reminderKey(item.id), claimed, eTag, this.policy);
    } catch (err) {
      if (!isEtagConflict(err)) throw err;
      report.claimedElsewhere++;
      return;
    }
    const late = now - item.dueAt > this.o.lateAfterMs;
    let delivery: Delivery;
    try {
      delivery = await this.o.sender.deliver(item, late);
    } catch (err) {
      // The claim stays: the reminder is tried again once it times out (the connector's own retries are spent).
      this.o.logger.warn({ err, reminder: item.id, tries }, 'reminder not sent; tried again later');
      report.failed++;
      return;
    }
    report[delivery]++;
    if (delivery === 'sent' && late) report.late++;
    if (delivery === 'unreachable') this.o.logger.warn({ reminder: item.id, user: item.user }, 'reminder not sent: the user cannot be reached (blocked or removed the bot); their reminders stop');
    // Not deleted: a tombstone in its place, written over our claim. An instance that read the reminder before
    // our claim and claims it only now must meet an eTag conflict — a deleted key would take its write as a
    // create (storages create an absent key whatever the eTag) and it would send the reminder a second time.
    // Tombstones hold nothing of the user and go with the retention sweep.
    await this.o.storage.write({ [reminderKey(item.id)]: { done: true, eTag: '*' } });
    await this.o.book.removeFromBucket(item.id, item.dueAt);
  }

  /**
   * The cursor moves to the first day that still has reminders (today at the latest, never past it: a new
   * reminder is never due before now); empty buckets of past days are deleted, as nothing is added to a past day.
   */
  private async advanceCursor(days: string[], today: string, cursor: string): Promise<void> {
    const keys = days.flatMap((day) => Array.from({ length: SHARDS }, (_, shard) => bucketKey(day, shard)));
    const buckets = await readItems<Bucket>(this.o.storage, keys, this.policy);
    let first = today;
    const empty: string[] = [];
    for (const day of days) {
      const dayKeys = Array.from({ length: SHARDS }, (_, shard) => bucketKey(day, shard));
      const pending = dayKeys.some((k) => Object.keys(buckets[k]?.value?.due ?? {}).length > 0);
      if (pending) {
        if (day < first) first = day;
      } else if (day < today) empty.push(...dayKeys.filter((k) => buckets[k]?.value));
    }
    if (empty.length > 0) await this.o.storage.delete(empty);
    if (first !== cursor) await updateItem<{ day: string }>(this.o.storage, CURSOR_KEY, this.policy, () => ({ write: { day: first } }));
  }
}
