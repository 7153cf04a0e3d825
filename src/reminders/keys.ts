import { createHash } from 'node:crypto';

/** Buckets per day: reminders of one day are spread over this many items, so claims and adds rarely meet. */
export const SHARDS = 4;

export const dayOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const shardOf = (reminderId: string): number => createHash('sha256').update(reminderId).digest()[0]! % SHARDS;

/**
 * The due index: `reminders/due/<yyyy-mm-dd>/<shard>`, ids and due times of the reminders due that day (UTC).
 * A scan reads the keys of the days from its cursor to today — a plain multi-key read that SQLite and Blob
 * both answer without listing anything, however many users there are.
 */
export const bucketKey = (day: string, shard: number): string => `reminders/due/${day}/${shard}`;
export const bucketOf = (reminderId: string, dueAt: number): string => bucketKey(dayOfMs(dueAt), shardOf(reminderId));
/** One reminder, and its claim while an instance sends it. */
export const reminderKey = (reminderId: string): string => `reminders/r/${reminderId}`;
/** The first day whose buckets may still hold reminders (days before it are done). */
export const CURSOR_KEY = 'reminders/cursor';
