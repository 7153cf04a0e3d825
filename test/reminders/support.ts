import type { ConversationReference, Storage } from 'botbuilder';
import { createLogger } from '../../src/logger.js';
import { MoveStore, type TrackedMove, type UserRef } from '../../src/moves/index.js';
import { ReminderBook, ReminderScheduler, type Delivery, type ReminderItem, type SchedulerOptions } from '../../src/reminders/index.js';
import { DAY_MS, retentionPolicy } from '../../src/state/index.js';
import { BASE, TODAY, run } from '../guidance/fixtures.js';

export const alice: UserRef = { channelId: 'msteams', userId: '29:alice' };

/** A clock the tests move: days pass in milliseconds. */
export class Clock {
  constructor(public ms = Date.parse(`${TODAY}T10:00:00Z`)) {}
  now = () => this.ms;
  /** To `iso` (a full timestamp, or a day at 08:00Z when reminders go out, plus `extraMs`). */
  set(iso: string, extraMs = 0) {
    this.ms = Date.parse(iso.length === 10 ? `${iso}T08:00:00Z` : iso) + extraMs;
  }
}

/** A move store, its reminder book and a scheduler on one storage: one bot instance. */
export function instance(storage: Storage, clock: Clock, deliver: (r: ReminderItem, late: boolean) => Promise<Delivery>, options: Partial<SchedulerOptions> = {}) {
  const policy = retentionPolicy(30 * DAY_MS, clock.now);
  const book = new ReminderBook({ storage, policy });
  const moves = new MoveStore({ storage, policy, reminders: book });
  const scheduler = new ReminderScheduler({ storage, policy, book, logger: createLogger('silent'), sender: { deliver }, ...options });
  return { book, moves, scheduler };
}

export async function trackMove(moves: MoveStore, change: object, key = 'check-1', reference?: Partial<ConversationReference>): Promise<TrackedMove> {
  const result = await moves.track(alice, { idempotencyKey: key, label: 'Contoso', answers: {}, guidance: run(change, BASE, TODAY), today: TODAY, reference, locale: 'en' });
  if (result.outcome !== 'created') throw new Error(result.outcome);
  return result.move;
}
