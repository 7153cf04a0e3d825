import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import type { ConversationReference, Storage } from 'botbuilder';
import { expect } from 'chai';
import { addDays } from '../../src/guidance/index.js';
import { createLogger } from '../../src/logger.js';
import { lastDateOf, userKeyOf, type TrackedMove } from '../../src/moves/index.js';
import type { ReminderItem } from '../../src/reminders/index.js';
import { dayOfMs } from '../../src/reminders/keys.js';
import { DAY_MS, LAST_ACTIVE, RetentionSweeper, retentionPolicy } from '../../src/state/index.js';
import { BlobStateStorage } from '../../src/storage/blobStateStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { BASE, run } from '../guidance/fixtures.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { Clock, alice, instance } from './support.js';

const TTL_DAYS = 30;
const reference = { serviceUrl: 'https://smba.example/emea/', conversation: { id: 'a:1' }, bot: { id: '28:bot', name: 'bot' } } as Partial<ConversationReference>;

/** One storage under test: the storage, a sweepable handle on it, and every key it holds (to see what the sweep left). */
interface Backend {
  storage: Storage & { deleteWrittenBefore(cutoffMs: number, prefix?: string): Promise<number> };
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Issue 16's retention, end to end with the injectable clock: an open move whose deadline is 90 days ahead
 * is kept (read and not swept) past the state TTL until its last date has passed, its reminders go out a week
 * and a day before the deadline, and it goes the TTL after its last date; a closed move and ordinary
 * conversation state go after the TTL as before; a bogus far-future stamp keeps an item five years at most.
 *
 * The clock starts at the real time (Blob's Last-Modified is the service's clock) and only moves forward.
 */
function retentionScenario(open: (clock: Clock) => Promise<Backend>) {
  it('an open move with a deadline 90 days ahead: kept through the sweeps, reminded on days 83 and 89, gone (read and swept) its last date + TTL + 1 day', async () => {
    const clock = new Clock(Date.now());
    const start = clock.ms;
    const today = dayOfMs(start);
    const day = (n: number) => addDays(today, n);
    const backend = await open(clock);
    try {
      const { storage } = backend;
      const policy = retentionPolicy(TTL_DAYS * DAY_MS, clock.now);
      const sweeper = new RetentionSweeper({ store: storage, policy, logger: createLogger('silent') });
      const sent: Array<{ day: string; daysBefore: number }> = [];
      const { moves, scheduler } = instance(storage, clock, async (r: ReminderItem) => {
        // As the real sender: nothing is sent for a move that has gone.
        if (!(await moves.moveOf(r.user, r.move))) return 'skipped';
        sent.push({ day: dayOfMs(clock.ms), daysBefore: r.daysBefore });
        return 'sent';
      });
      const track = async (key: string): Promise<TrackedMove> => {
        const guidance = run({ renewalDate: day(91) }, BASE, today);
        const result = await moves.track(alice, { idempotencyKey: key, label: key, answers: {}, guidance, today, reference, locale: 'en' });
        if (result.outcome !== 'created') throw new Error(result.outcome);
        return result.move;
      };
      const at = async (n: number, extraMs = 0) => {
        clock.set(day(n), extraMs);
        await sweeper.sweepNow();
      };
      const listed = async () => (await moves.list(alice, dayOfMs(clock.ms), { includeClosed: true })).map((m) => m.label);

      const move = await track('Contoso');
      expect(move.deadlines.stopRenewalBy).to.equal(day(90));
      // Its last date: the end of the Expired period, should the renewal be missed (a date the engine gives too).
      const last = lastDateOf(move)!;
      expect(last).to.equal(move.deadlines.expiredUntil);
      const lastDay = Math.round((Date.parse(last) - Date.parse(today)) / DAY_MS);
      expect(lastDay).to.be.greaterThan(90);

      const closed = await track('Fabrikam');
      await moves.setStatus(alice, closed.id, 'closed', today);
      const chat = 'msteams/conversations/a:1/users/29:alice/';
      await storage.write({ [chat]: { step: 1, [LAST_ACTIVE]: clock.ms } });
      await storage.write({ 'bogus/far-future': { [LAST_ACTIVE]: 8.64e15 } });

      await at(TTL_DAYS - 1);
      expect(await moves.get(alice, closed.id)).to.not.equal(undefined);
      expect(Object.keys(await storage.read([chat]))).to.deep.equal([chat]);

      // The TTL has passed: the closed move and the conversation's state are gone, read and swept; the open move stays.
      await at(TTL_DAYS + 1);
      expect(await moves.moveOf(userKeyOf(alice), closed.id)).to.equal(undefined);
      expect(await storage.read([chat])).to.deep.equal({});
      const keys = await backend.keys();
      expect(keys.filter((k) => k.endsWith(closed.id))).to.deep.equal([]);
      expect(keys.filter((k) => k.endsWith(move.id))).to.have.length(1);
      expect(await moves.get(alice, move.id)).to.deep.equal(move);

      await at(60);
      expect(await moves.get(alice, move.id)).to.deep.equal(move);
      expect(await listed()).to.deep.equal(['Contoso']);

      for (let n = 61; n <= 95; n++) {
        await at(n);
        await scheduler.scanNow();
      }
      expect(sent).to.deep.equal([
        { day: day(83), daysBefore: 7 },
        { day: day(89), daysBefore: 1 },
      ]);

      // Kept until its last date has passed, then the TTL.
      await at(lastDay + TTL_DAYS - 1);
      expect(await moves.get(alice, move.id)).to.deep.equal(move);
      expect(await listed()).to.deep.equal(['Contoso']);

      await at(lastDay + TTL_DAYS + 1);
      expect(await moves.moveOf(userKeyOf(alice), move.id)).to.equal(undefined);
      const left = await backend.keys();
      expect(left.filter((k) => k.startsWith('moves/') || k.startsWith('reminders/r/') || k.startsWith('reminders/due/'))).to.deep.equal([]);
      expect(await listed()).to.deep.equal([]);

      // A stamp far ahead keeps an item five years at most.
      expect(left).to.include('bogus/far-future');
      clock.ms = start + (5 * 365 + TTL_DAYS) * DAY_MS - 60_000;
      await sweeper.sweepNow();
      expect(await backend.keys()).to.include('bogus/far-future');
      clock.ms = start + (5 * 365 + TTL_DAYS + 1) * DAY_MS;
      await sweeper.sweepNow();
      expect(await backend.keys()).to.not.include('bogus/far-future');
    } finally {
      await backend.close();
    }
  });
}

describe('retention of tracked moves and their reminders (issue 16)', function () {
  this.timeout(120_000);

  describe('on a SQLite file', () => {
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), 'moves-retention-'))));
    after(() => rmSync(dir, { recursive: true, force: true }));
    retentionScenario(async (clock) => {
      const file = join(dir, `state-${Math.random()}.db`);
      const storage = new SqliteStorage(file, { now: clock.now });
      return {
        storage,
        keys: async () => {
          const db = new Database(file, { readonly: true });
          try {
            return db.prepare<[], string>('SELECT key FROM bot_storage').pluck().all();
          } finally {
            db.close();
          }
        },
        close: () => storage.close(),
      };
    });
  });

  describe('on Azurite (Blob)', () => {
    let azurite: Azurite;
    before(async () => (azurite = await startAzurite()));
    after(async () => azurite?.dispose());
    retentionScenario(async (clock) => {
      const container = `retention-${Math.random().toString(36).slice(2, 10)}`;
      const storage = new BlobStateStorage(azurite.connectionString, container, { now: clock.now, itemTtlMs: TTL_DAYS * DAY_MS });
      return {
        storage,
        keys: async () => {
          const names: string[] = [];
          for await (const blob of new ContainerClient(azurite.connectionString, container).listBlobsFlat()) names.push(decodeURIComponent(blob.name));
          return names;
        },
        close: async () => {},
      };
    });
  });
});
