import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { expect } from 'chai';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { ETAG_CONFLICT, IF_ABSENT, StorageConflictError, isEtagConflict } from '../../src/storage/etags.js';
import { isStorageOutage } from '../../src/storage/outage.js';
import { expectConflict, raceWriters, rejectionOf, storageContract } from './storageContract.js';
import { makeUnwritable } from './unwritable.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const workerScript = fileURLToPath(new URL('./fixtures/storageWorker.ts', import.meta.url));

describe('SqliteStorage', () => {
  let dir: string;
  let fileCount = 0;
  const opened: SqliteStorage[] = [];

  /** A path that does not exist yet, in this suite's temp dir. */
  const freshPath = (name = 'state'): string => join(dir, `${name}-${++fileCount}.sqlite`);
  const track = (storage: SqliteStorage): SqliteStorage => {
    opened.push(storage);
    return storage;
  };
  const openStorage = (path: string, options?: ConstructorParameters<typeof SqliteStorage>[1]) =>
    track(new SqliteStorage(path, options));
  const valueOf = async (storage: { read(keys: string[]): Promise<StoreItems> }, key: string) =>
    (await storage.read([key]))[key] as Record<string, unknown> | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-storage-test-'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('same contract as botbuilder MemoryStorage', () => {
    describe('MemoryStorage (reference)', () => {
      storageContract(async () => ({ storage: new MemoryStorage(), dispose: async () => {} }));
    });

    describe('SqliteStorage', () => {
      storageContract(async () => {
        const storage = openStorage(freshPath('contract'));
        return { storage, dispose: () => storage.close() };
      });
    });
  });

  describe('conflict errors', () => {
    it('are StorageConflictError with the BlobsStorage message, a code and the key', async () => {
      const storage = openStorage(freshPath());
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2 } });
      const err = await rejectionOf(storage.write({ k: { v: 3, eTag: 'stale' } }));
      expect(err).to.be.instanceOf(StorageConflictError);
      expect(err).to.include({ name: 'StorageConflictError', code: ETAG_CONFLICT, key: 'k' });
      expectConflict(err, 'k');
    });

    it('isEtagConflict also recognises the plain Error of MemoryStorage/BlobsStorage, and nothing else', async () => {
      expect(isEtagConflict(new Error('Storage: error writing "x" due to eTag conflict.'))).to.equal(true);
      expect(isEtagConflict({ code: ETAG_CONFLICT })).to.equal(true);
      const memory = new MemoryStorage();
      await memory.write({ k: { v: 1 } });
      expect(isEtagConflict(await rejectionOf(memory.write({ k: { v: 2, eTag: 'stale' } })))).to.equal(true);
      for (const other of [new Error('SQLITE_BUSY: database is locked'), 'eTag conflict', null, undefined, 412]) {
        expect(isEtagConflict(other), String(other)).to.equal(false);
      }
    });
  });

  describe('batches are all or nothing', () => {
    it('writes nothing of a batch when one item has a stale eTag', async () => {
      const storage = openStorage(freshPath());
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const before = await storage.read(['a', 'b']);
      const err = await rejectionOf(
        storage.write({
          new1: { v: 'x' },
          a: { v: 2, eTag: (before.a as { eTag: string }).eTag },
          b: { v: 2, eTag: 'stale' },
          new2: { v: 'y' }
        })
      );
      expectConflict(err, 'b');
      expect(await storage.read(['a', 'b', 'new1', 'new2'])).to.deep.equal(before);
    });

    it('writes nothing of a batch when one item cannot be serialized', async () => {
      const storage = openStorage(freshPath());
      await storage.write({ a: { v: 1 } });
      const err = await rejectionOf(storage.write({ a: { v: 2 }, b: { big: 1n } }));
      expect(err).to.be.instanceOf(TypeError);
      expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(1);
      expect(await valueOf(storage, 'b')).to.equal(undefined);
    });

    it('(unlike MemoryStorage, which writes the other items of a conflicting batch)', async () => {
      const memory = new MemoryStorage();
      await memory.write({ a: { v: 1 } });
      expectConflict(await rejectionOf(memory.write({ b: { v: 1 }, a: { v: 2, eTag: 'stale' }, c: { v: 1 } })), 'a');
      expect(Object.keys(await memory.read(['a', 'b', 'c'])).sort()).to.deep.equal(['a', 'b', 'c']);
    });
  });

  describe('the database file', () => {
    it('is created with its missing parent directories on first use, not before', async () => {
      const path = join(dir, 'nested', 'deeper', 'state.sqlite');
      const storage = openStorage(path);
      expect(existsSync(join(dir, 'nested'))).to.equal(false);
      await storage.write({ a: { v: 1 } });
      expect(existsSync(path)).to.equal(true);
    });

    it('is in WAL journal mode', async () => {
      const path = freshPath();
      const storage = openStorage(path);
      await storage.write({ a: { v: 1 } });
      expect(existsSync(`${path}-wal`)).to.equal(true);
      const raw = new Database(path, { readonly: true });
      try {
        expect(raw.pragma('journal_mode', { simple: true })).to.equal('wal');
        const columns = raw.pragma('table_info(bot_storage)') as Array<{ name: string }>;
        expect(columns.map((c) => c.name)).to.deep.equal(['key', 'value', 'etag', 'written_at']);
      } finally {
        raw.close();
      }
    });

    it('keeps items and eTags across close and reopen', async () => {
      const path = freshPath();
      const first = openStorage(path);
      await first.write({ a: { v: 1, text: '迁移 ✅' }, b: { v: 2 } });
      const before = await first.read(['a', 'b']);
      await first.close();

      const second = openStorage(path);
      expect(await second.read(['a', 'b'])).to.deep.equal(before);
      await second.write({ a: { v: 10, eTag: (before.a as { eTag: string }).eTag } });
      expectConflict(await rejectionOf(second.write({ a: { v: 11, eTag: (before.a as { eTag: string }).eTag } })), 'a');
      expect(((await valueOf(second, 'a')) as { v: number }).v).to.equal(10);
    });

    it('waits busy_timeout for a lock held elsewhere, then fails the whole write with SQLITE_BUSY', async () => {
      const path = freshPath();
      const storage = openStorage(path, { busyTimeoutMs: 150 });
      await storage.write({ a: { v: 1 } });
      const raw = new Database(path);
      try {
        raw.exec('BEGIN IMMEDIATE');
        const started = Date.now();
        const err = await rejectionOf(storage.write({ a: { v: 2 }, b: { v: 2 } }));
        expect(Date.now() - started).to.be.at.least(120);
        expect(err).to.include({ code: 'SQLITE_BUSY' });
        expect(isEtagConflict(err)).to.equal(false);
        expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(1); // readers are not blocked (WAL)
        raw.exec('ROLLBACK');
      } finally {
        raw.close();
      }
      await storage.write({ a: { v: 3 } });
      expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(3);
    });
  });

  describe('a lock held by another connection', () => {
    /** Largest gap between ticks of a 5 ms timer while `start()`'s work runs: how long the event loop was blocked. */
    const loopBlockedMs = async (start: () => Promise<unknown>) => {
      let last = performance.now();
      let worst = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 5);
      try {
        await start().catch(() => {});
      } finally {
        clearInterval(ticker);
      }
      return Math.max(worst, performance.now() - last);
    };

    it('is waited for without blocking the event loop, and the write goes through once it is released', async () => {
      const path = freshPath();
      const storage = openStorage(path, { busyTimeoutMs: 5000 });
      await storage.write({ a: { v: 1 } });
      const raw = new Database(path);
      try {
        raw.exec('BEGIN IMMEDIATE');
        // The lock is released by a timer: on a blocked event loop it would never fire before the write gave up.
        const release = setTimeout(() => raw.exec('ROLLBACK'), 300);
        let write: Promise<void> | undefined;
        const blocked = await loopBlockedMs(() => (write = storage.write({ a: { v: 2 } })));
        clearTimeout(release);
        await write;
        // Generous for a loaded machine; a blocking wait would be the whole 300 ms (or 5 s).
        expect(blocked).to.be.below(150);
      } finally {
        raw.close();
      }
      expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(2);
    });

    it('fails the write with SQLITE_BUSY after busyTimeoutMs, reads go on meanwhile, and the loop never stalls', async () => {
      const path = freshPath();
      const storage = openStorage(path, { busyTimeoutMs: 400 });
      await storage.write({ a: { v: 1 } });
      const raw = new Database(path);
      try {
        raw.exec('BEGIN IMMEDIATE');
        const started = Date.now();
        let write: Promise<void> | undefined;
        let reads: Promise<unknown[]> | undefined;
        const blocked = await loopBlockedMs(() => {
          write = storage.write({ a: { v: 2 } });
          reads = Promise.all(Array.from({ length: 5 }, () => valueOf(storage, 'a')));
          return write;
        });
        expect(Date.now() - started).to.be.at.least(350);
        expect(await rejectionOf(write!)).to.include({ code: 'SQLITE_BUSY' });
        expect((await reads!).map((r) => (r as { v: number }).v)).to.deep.equal([1, 1, 1, 1, 1]);
        expect(blocked).to.be.below(150);
        expect(await storage.ping(100)).to.equal(false);
      } finally {
        raw.exec('ROLLBACK');
        raw.close();
      }
      expect(await storage.ping(100)).to.equal(true);
    });
  });

  describe('create-only writes (IF_ABSENT)', () => {
    it('create an absent key and conflict on one that exists', async () => {
      const storage = openStorage(freshPath());
      await storage.write({ k: { v: 1, eTag: IF_ABSENT } });
      expectConflict(await rejectionOf(storage.write({ k: { v: 2, eTag: IF_ABSENT } })), 'k');
      expect(((await valueOf(storage, 'k')) as { v: number }).v).to.equal(1);
    });

    it('of 10 concurrent creators on two connections to one file, exactly one wins', async () => {
      const path = freshPath();
      const a = openStorage(path);
      const b = openStorage(path);
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).write({ once: { by: i, eTag: IF_ABSENT } }).then(
            () => true,
            (err: unknown) => (expectConflict(err, 'once'), false),
          ),
        ),
      );
      expect(outcomes.filter(Boolean)).to.have.length(1);
    });
  });

  describe('retention', () => {
    /** Each row's written time, as the file holds it. */
    const writtenAtOf = (path: string): Record<string, number> => {
      const db = new Database(path, { readonly: true });
      try {
        return Object.fromEntries(db.prepare<[], [string, number]>('SELECT key, written_at FROM bot_storage').raw().all());
      } finally {
        db.close();
      }
    };

    it('stamps each row with the clock at its last write; deleteWrittenBefore honours time and key prefix', async () => {
      let now = 1_000_000;
      const storage = openStorage(freshPath(), { now: () => now });
      await storage.write({ 'deliveries/a': { v: 1 }, 'msteams/users/u/': { v: 1 } });
      now += 10_000;
      await storage.write({ 'deliveries/b': { v: 2 } });
      expect(await storage.deleteWrittenBefore(1_000_000)).to.equal(0);
      expect(await storage.deleteWrittenBefore(1_000_001, 'deliveries/')).to.equal(1);
      expect(Object.keys(await storage.read(['deliveries/a', 'deliveries/b', 'msteams/users/u/'])).sort()).to.deep.equal(['deliveries/b', 'msteams/users/u/']);
      // A rewrite refreshes the stamp once it is more than a minute old.
      now += 61_000;
      await storage.write({ 'msteams/users/u/': { v: 2 } });
      expect(await storage.deleteWrittenBefore(now)).to.equal(1);
      expect(Object.keys(await storage.read(['deliveries/b', 'msteams/users/u/']))).to.deep.equal(['msteams/users/u/']);
    });

    it('a rewrite within restampAfterMs keeps the row\'s time (the index is left alone); later, earlier or with 0, it moves', async () => {
      let now = 1_000_000;
      const path = freshPath();
      const storage = openStorage(path, { now: () => now });
      await storage.write({ a: { v: 1 } });
      now += 60_000;
      await storage.write({ a: { v: 2 } });
      expect(writtenAtOf(path)).to.deep.equal({ a: 1_000_000 });
      now += 1;
      const { eTag } = (await storage.read(['a'])).a as { eTag: string };
      await storage.write({ a: { v: 3, eTag } });
      expect(writtenAtOf(path)).to.deep.equal({ a: 1_060_001 });
      // A clock set back (or a stamp asked for behind the stored one) moves it back at once.
      now = 1_000_000;
      await storage.write({ a: { v: 4 } });
      expect(writtenAtOf(path)).to.deep.equal({ a: 1_000_000 });
      expect((await storage.read(['a'])).a).to.include({ v: 4 });
      await storage.close();

      const exact = openStorage(path, { now: () => now, restampAfterMs: 0 });
      now += 1;
      await exact.write({ a: { v: 5 } });
      expect(writtenAtOf(path)).to.deep.equal({ a: 1_000_001 });
      expect(() => openStorage(freshPath(), { restampAfterMs: -1 })).to.throw(RangeError, /restampAfterMs/);
    });

    it('an item stamped active until later (LAST_ACTIVE ahead) counts as written then; a bogus far-future stamp is bounded to five years', async () => {
      const DAY = 86_400_000;
      let now = Date.parse('2026-03-10T10:00:00Z');
      const start = now;
      const path = freshPath();
      const storage = openStorage(path, { now: () => now });
      await storage.write({
        'moves/u/m/open': { v: 1, lastActiveAt: start + 90 * DAY },
        'msteams/users/u/': { v: 1, lastActiveAt: start },
        'moves/u/m/past': { v: 1, lastActiveAt: start - 5 * DAY },
        'moves/u/m/text': { v: 1, lastActiveAt: '2999-01-01' },
        'bogus': { v: 1, lastActiveAt: 8.64e15 },
        'plain': { v: 1 },
      });
      expect(writtenAtOf(path)).to.deep.equal({
        'moves/u/m/open': start + 90 * DAY,
        'msteams/users/u/': start,
        'moves/u/m/past': start, // a stamp behind the clock: the clock
        'moves/u/m/text': start,
        bogus: start + 5 * 365 * DAY,
        plain: start,
      });
      now += 31 * DAY;
      expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(4);
      expect(Object.keys(await storage.read(['moves/u/m/open', 'bogus', 'plain'])).sort()).to.deep.equal(['bogus', 'moves/u/m/open']);
      now = start + 120 * DAY;
      expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(0);
      now += 1;
      expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(1);
      now = start + (5 * 365 + 30) * DAY + 1;
      expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(1);
      // eTags as ever: the stamp changes nothing of them.
      await storage.write({ k: { v: 1, lastActiveAt: now + DAY } });
      const { eTag } = (await storage.read(['k'])).k as { eTag: string };
      await storage.write({ k: { v: 2, lastActiveAt: now + DAY, eTag } });
      expectConflict(await rejectionOf(storage.write({ k: { v: 3, eTag } })), 'k');
    });

    it('adds the write time to a file made before retention, counting old rows as written when it is opened', async () => {
      const path = freshPath();
      const raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.exec(`CREATE TABLE bot_storage (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, etag TEXT NOT NULL);
                INSERT INTO bot_storage VALUES ('old', '{"v":1}', 'e1');`);
      raw.close();
      const storage = openStorage(path, { now: () => 5_000 });
      expect(((await valueOf(storage, 'old')) as { v: number }).v).to.equal(1);
      expect(await storage.deleteWrittenBefore(5_000)).to.equal(0);
      expect(await storage.deleteWrittenBefore(5_001)).to.equal(1);
    });
  });

  describe('space after retention', () => {
    /** The database file and its write-ahead log, in bytes. */
    const bytesOnDisk = (path: string) => statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    const fill = async (storage: SqliteStorage, rows: number) => {
      const value = 'x'.repeat(1500);
      for (let i = 0; i < rows; i += 200) {
        const batch: StoreItems = {};
        for (let j = i; j < Math.min(rows, i + 200); j++) batch[`msteams/conversations/c${j}/users/u${j}/`] = { value };
        await storage.write(batch);
      }
    };

    it('gives the space of expired rows back: the file shrinks after the sweep, and what is kept is intact', async () => {
      const path = freshPath();
      let now = 1_000_000;
      const storage = openStorage(path, { now: () => now });
      await fill(storage, 6000);
      now += 10_000;
      await storage.write({ kept: { v: 1 } });
      const full = bytesOnDisk(path);
      expect(full).to.be.above(8 * 1024 * 1024);
      expect(await storage.deleteWrittenBefore(now - 1)).to.equal(6000);
      expect(bytesOnDisk(path)).to.be.below(full / 10);
      expect(((await valueOf(storage, 'kept')) as { v: number }).v).to.equal(1);
    });

    it('a file made before (no auto-vacuum) is converted once when opened, then shrinks after the sweep too', async () => {
      const path = freshPath();
      const raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.exec(`CREATE TABLE bot_storage (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, etag TEXT NOT NULL, written_at INTEGER NOT NULL DEFAULT 0);
                INSERT INTO bot_storage VALUES ('old', '{"v":1}', 'e1', 5);`);
      expect(raw.pragma('auto_vacuum', { simple: true })).to.equal(0);
      raw.close();
      let now = 1_000_000;
      const storage = openStorage(path, { now: () => now });
      await fill(storage, 3000);
      const check = new Database(path, { readonly: true });
      try {
        expect(check.pragma('auto_vacuum', { simple: true })).to.equal(2); // INCREMENTAL
      } finally {
        check.close();
      }
      now += 10_000;
      const full = bytesOnDisk(path);
      expect(await storage.deleteWrittenBefore(now - 1)).to.equal(3001);
      expect(bytesOnDisk(path)).to.be.below(full / 5);
    });
  });

  describe('an unwritable file', () => {
    it('ping answers false and writes fail as an outage while reads go on; all recovers when it is writable again', async () => {
      const path = freshPath();
      const storage = openStorage(path, { busyTimeoutMs: 100 });
      await storage.write({ a: { v: 1 } });
      expect(await storage.ping()).to.equal(true);
      const outage = makeUnwritable(path);
      try {
        expect(await storage.ping(), outage.how).to.equal(false);
        const err = await rejectionOf(storage.write({ a: { v: 2 } }));
        expect(isStorageOutage(err), String(err)).to.equal(true);
        expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(1);
      } finally {
        outage.restore();
      }
      expect(await storage.ping()).to.equal(true);
      await storage.write({ a: { v: 3 } });
      expect(((await valueOf(storage, 'a')) as { v: number }).v).to.equal(3);
    });
  });

  describe('close and ping', () => {
    it('ping is true while open, close is idempotent, afterwards ping is false and operations reject', async () => {
      const storage = openStorage(freshPath());
      expect(await storage.ping()).to.equal(true);
      expect(await storage.ready()).to.equal(true);
      await storage.close();
      await storage.close();
      expect(await storage.ping()).to.equal(false);
      expect((await rejectionOf(storage.read(['a'])) as Error).message).to.match(/closed/);
      expect((await rejectionOf(storage.write({ a: {} })) as Error).message).to.match(/closed/);
      expect((await rejectionOf(storage.delete(['a'])) as Error).message).to.match(/closed/);
    });

    it('ping answers false, without throwing, when the file cannot be opened', async () => {
      const blocker = join(dir, 'a-regular-file');
      writeFileSync(blocker, 'not a directory');
      const storage = openStorage(join(blocker, 'state.sqlite'));
      expect(await storage.ping()).to.equal(false);
      expect(await rejectionOf(storage.read(['a']))).to.be.instanceOf(Error);
    });

    it('close on a never-opened storage creates no file', async () => {
      const path = freshPath();
      await openStorage(path).close();
      expect(existsSync(path)).to.equal(false);
    });
  });

  describe('keys', () => {
    it('refuses a key with a lone surrogate, which SQLite would store under another name (U+FFFD) for good', async () => {
      const storage = openStorage(freshPath());
      const key = 'msteams/users/29:\ud800x/';
      expect(await rejectionOf(storage.write({ [key]: { v: 1 }, fine: { v: 1 } }))).to.be.instanceOf(TypeError);
      expect(await storage.read([key, 'fine', 'msteams/users/29:\ufffdx/'])).to.deep.equal({});
      // A surrogate pair is a character like any other.
      await storage.write({ 'msteams/users/29:🚀/': { v: 2 } });
      expect(Object.keys(await storage.read(['msteams/users/29:🚀/']))).to.deep.equal(['msteams/users/29:🚀/']);
    });
    it('reads one, two or more keys alike (one and two have their own queries): missing keys left out, repeats once', async () => {
      const storage = openStorage(freshPath());
      await storage.write({ a: { v: 1 }, b: { v: 2, list: ['x'] }, c: { v: 3 } });
      const alone = async (key: string) => (await storage.read([key]))[key];
      const [a, b, c] = [await alone('a'), await alone('b'), await alone('c')];
      expect(await alone('missing')).to.equal(undefined);
      for (const keys of [['a'], ['a', 'b'], ['b', 'a'], ['a', 'a'], ['a', 'missing'], ['missing', 'other'], ['a', 'b', 'c'], ['c', 'missing', 'c', 'a']]) {
        const expected = Object.fromEntries(keys.filter((k, i) => keys.indexOf(k) === i && k !== 'missing' && k !== 'other').map((k) => [k, { a, b, c }[k as 'a' | 'b' | 'c']]));
        expect(await storage.read(keys), keys.join(',')).to.deep.equal(expected);
      }
      // Each read hands out its own objects.
      const first = await storage.read(['a', 'b']);
      (first.b as { list: string[] }).list.push('y');
      expect(((await storage.read(['a', 'b'])).b as { list: string[] }).list).to.deep.equal(['x']);
    });
  });

  describe('values', () => {
    it('round-trips a large value (~6 MB of CJK and emoji)', async () => {
      const storage = openStorage(freshPath());
      const chunk = '客户迁移到CSP关系🚀👩🏽‍💻';
      const big = { text: chunk.repeat(150_000), list: Array.from({ length: 10_000 }, (_, i) => ({ i, s: `第${i}步` })) };
      await storage.write({ big });
      const { eTag: _eTag, ...rest } = (await valueOf(storage, 'big'))!;
      expect(rest.text).to.have.length(big.text.length);
      expect(rest).to.deep.equal(big);
    });
  });

  describe('several writers', () => {
    it('two instances on one file: exactly one writer wins each round, and each sees the other', async () => {
      const path = freshPath();
      const a = openStorage(path);
      const b = openStorage(path);
      await a.write({ counter: { n: 0 } });
      for (let round = 1; round <= 5; round++) {
        const { winners, conflicts } = await raceWriters([a, b], 'counter', 4);
        expect(winners).to.have.length(1);
        expect(conflicts).to.equal(3);
        expect(await valueOf(a, 'counter')).to.deep.equal(await valueOf(b, 'counter'));
        expect(((await valueOf(b, 'counter')) as { n: number }).n).to.equal(round);
      }
    });

    it('eTags stay unique across instances on one file', async () => {
      const path = freshPath();
      const instances = [openStorage(path), openStorage(path)];
      const seen = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const storage = instances[i % 2]!;
        await storage.write({ [`k${i % 5}`]: { i } });
        seen.add(((await valueOf(storage, `k${i % 5}`)) as { eTag: string }).eTag);
      }
      expect(seen.size).to.equal(50);
    });
  });

  describe('across OS processes', function () {
    this.timeout(15_000);
    let path: string;
    let worker: Worker;

    before(async () => {
      path = freshPath('processes');
      worker = await Worker.start(path);
    });

    after(async () => {
      await worker?.stop();
    });

    it('rejects a stale eTag written in the other process, both ways', async () => {
      const storage = openStorage(path);
      await storage.write({ shared: { by: 'parent', n: 0 } });
      const mine = (await storage.read(['shared'])).shared as { eTag: string };

      const theirs = (await worker.request({ op: 'read', keys: ['shared'] })) as StoreItems;
      expect(theirs.shared).to.deep.equal(mine);
      await worker.request({ op: 'write', changes: { shared: { by: 'child', n: 1, eTag: mine.eTag } } });

      expectConflict(await rejectionOf(storage.write({ shared: { by: 'parent', n: 1, eTag: mine.eTag } })), 'shared');
      const now = (await storage.read(['shared'])).shared as { by: string; eTag: string };
      expect(now.by).to.equal('child');

      await storage.write({ shared: { by: 'parent', n: 2, eTag: now.eTag } });
      const reply = await rejectionOf(
        worker.request({ op: 'write', changes: { shared: { by: 'child', n: 2, eTag: mine.eTag } } })
      );
      expect(reply).to.include({ conflict: true });
      expect(((await valueOf(storage, 'shared')) as { by: string }).by).to.equal('parent');
    });

    it('loses no update when both processes increment one counter at the same time', async () => {
      const storage = openStorage(path);
      await storage.write({ counter: { n: 0 } });
      const times = 100;
      const pause = () => new Promise((resolve) => setTimeout(resolve, 1));
      const child = worker.request({ op: 'increment', key: 'counter', times, pauseMs: 1 });
      // Start once the child is under way, so that the two loops really overlap.
      for (let waited = 0; ((await valueOf(storage, 'counter')) as { n: number }).n === 0; waited++) {
        if (waited > 5000) expect.fail('the child never started incrementing');
        await new Promise((resolve) => setImmediate(resolve));
      }
      let conflicts = 0;
      for (let done = 0; done < times; ) {
        const current = (await valueOf(storage, 'counter')) as { n: number; eTag: string };
        await pause();
        try {
          await storage.write({ counter: { n: current.n + 1, eTag: current.eTag } });
          done++;
        } catch (err) {
          expectConflict(err, 'counter');
          conflicts++;
        }
      }
      const childResult = (await child) as { conflicts: number };
      expect(((await valueOf(storage, 'counter')) as { n: number }).n).to.equal(2 * times);
      // Both loops read, wait 1 ms, then write: with them overlapping, some writes must have collided.
      expect(conflicts + childResult.conflicts).to.be.greaterThan(0);
    });
  });
});

/** The child process of fixtures/storageWorker.ts, one JSON line per request and per answer. */
class Worker {
  private readonly pending: Array<{ resolve(v: unknown): void; reject(e: unknown): void }> = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const waiter = this.pending.shift();
      if (!waiter) return;
      const reply = JSON.parse(line) as { ok?: boolean; ready?: boolean; result?: unknown };
      if (reply.ok === false) waiter.reject(reply);
      else waiter.resolve(reply.ready ?? reply.result);
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.splice(0)) {
        waiter.reject(new Error(`worker exited (${code}): ${this.stderr}`));
      }
    });
  }

  static async start(dbPath: string): Promise<Worker> {
    const child = spawn(process.execPath, ['--import=tsx', '--no-deprecation', workerScript, dbPath], {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe']
    });
    const worker = new Worker(child);
    const ready = await worker.next(10_000);
    if (ready !== true) throw new Error(`worker not ready: ${worker.stderr}`);
    return worker;
  }

  request(command: unknown, timeoutMs = 10_000): Promise<unknown> {
    const answer = this.next(timeoutMs);
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
    return answer;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ op: 'exit' }).catch(() => undefined);
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }

  private next(timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker timed out: ${this.stderr}`)), timeoutMs);
      this.pending.push({
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        }
      });
    });
  }
}
