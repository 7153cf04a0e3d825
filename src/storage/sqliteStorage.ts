import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { StorageConflictError, reportIssuedETags } from './etags.js';
import { keptUntilOf } from './keptUntil.js';
import { STORAGE_CLOSED } from './outage.js';

export interface SqliteStorageOptions {
  /**
   * How long a call keeps trying while another connection (or process) holds the lock it needs, before it
   * fails with SQLITE_BUSY. The wait is asynchronous — each try fails at once (SQLite's own busy_timeout is
   * 0, since better-sqlite3 would wait on this thread's event loop), and the next try comes after a short,
   * growing pause — so other requests go on meanwhile. Default 3000.
   */
  busyTimeoutMs?: number;
  /**
   * The clock stamped on every written row (epoch ms), read by {@link SqliteStorage.deleteWrittenBefore}: a row
   * gets this time, or its item's LAST_ACTIVE stamp when that lies ahead (see ./keptUntil.ts). Default Date.now.
   */
  now?: () => number;
  /**
   * A rewrite moves a row's written time on only once it is this much behind (or when it is ahead, or the item's
   * LAST_ACTIVE stamp asks for another time): retention counts in days, and leaving the time alone keeps the
   * written_at index out of most writes (one page per commit instead of three). Default 60000; 0 restamps
   * every write.
   */
  restampAfterMs?: number;
}

interface Row {
  key: string;
  value: string;
  etag: string;
}

interface PreparedWrite {
  key: string;
  eTag: unknown;
  value: string;
  /** The item's LAST_ACTIVE stamp (or anything the caller put there), for written_at. */
  item: Record<string, unknown>;
}

/** Named parameters of the restamp statement. */
interface Restamp {
  key: string;
  at: number;
  slack: number;
}

interface Connection {
  db: Database.Database;
  readMany: Database.Statement<[string], Row>;
  /** The same read for one key and for two (a turn reads two: its user's and its conversation's), without json_each. */
  readOne: Database.Statement<[string], Row>;
  readTwo: Database.Statement<[string, string], Row>;
  deleteMany: Database.Statement<[string]>;
  writeBatch: Database.Transaction<(rows: PreparedWrite[]) => Record<string, string>>;
  deleteOld: Database.Statement<[number, string, string, number]>;
  pingWrite: Database.Statement<[number]>;
}

const TABLE = 'bot_storage';
/** Rows one retention step deletes, and pages one vacuum step frees: each step is a few milliseconds of blocking. */
const SWEEP_ROWS = 500;
const VACUUM_PAGES = 256;

/** Lets other work (requests) run between two synchronous steps of a long job. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
// A one-row table that ping() writes: a read would pass on a file that has become read-only or full.
const PING_TABLE = 'bot_ping';

/**
 * botbuilder `Storage` on a SQLite file (better-sqlite3), safe to share between several processes.
 *
 * - The file and its parent directories are created on first use (first read/write/delete/ping).
 * - WAL journal mode, `synchronous = NORMAL` (a power loss can drop the last commits, never corrupts).
 *   Writers in other processes wait for each other, asynchronously, up to `busyTimeoutMs` (see the option):
 *   a lock held elsewhere never blocks this process's event loop.
 * - eTags follow MemoryStorage exactly: `'*'` or a missing/empty eTag overwrites; any other eTag is
 *   written only when it equals the stored one, else the write throws {@link StorageConflictError};
 *   an eTag on a key that does not exist (any more) creates it.
 * - Unlike MemoryStorage (which writes the other items of a batch that has a conflict), a `write()` of
 *   several items is one transaction: all of them or none.
 * - The eTag is not part of the stored JSON; `read()` adds the current one. The caller's objects are
 *   never mutated (as in MemoryStorage and BlobsStorage, a written object does not learn its new eTag).
 * - Create-only writes: the eTag `IF_ABSENT` (./etags.ts) writes a key that is absent and conflicts on one
 *   that exists, by the rule above.
 * - Every row carries the time it was last written, for {@link SqliteStorage.deleteWrittenBefore} (retention) —
 *   or, for an item stamped to stay active until later (LAST_ACTIVE ahead of now: an open tracked move), that
 *   time, bounded to five years ahead (./keptUntil.ts). A rewrite within `restampAfterMs` (a minute) of that
 *   time keeps the row's time: retention is off by at most that, and most writes leave the written_at index alone.
 */
export class SqliteStorage implements Storage {
  readonly path: string;
  private readonly busyTimeoutMs: number;
  private readonly now: () => number;
  private readonly restampAfterMs: number;
  private connection: Connection | undefined;
  private closed = false;

  constructor(path: string, options: SqliteStorageOptions = {}) {
    if (!path) throw new TypeError('SqliteStorage needs a file path.');
    this.path = path;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.restampAfterMs = options.restampAfterMs ?? 60_000;
    if (!Number.isInteger(this.busyTimeoutMs) || this.busyTimeoutMs < 0) {
      throw new RangeError('busyTimeoutMs must be a non-negative integer.');
    }
    if (!Number.isInteger(this.restampAfterMs) || this.restampAfterMs < 0) {
      throw new RangeError('restampAfterMs must be a non-negative integer.');
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    const result: StoreItems = {};
    if (keys.length === 0) return result;
    const rows = await this.whenFree(() => {
      const connection = this.open();
      if (keys.length === 1) return connection.readOne.all(String(keys[0]));
      if (keys.length === 2) return connection.readTwo.all(String(keys[0]), String(keys[1]));
      return connection.readMany.all(JSON.stringify(keys.map(String)));
    });
    for (const row of rows) {
      // The stored JSON is an object without an eTag (write() takes it out): the parsed object is fresh, add it there.
      const item = JSON.parse(row.value) as StoreItem;
      item.eTag = row.etag;
      result[row.key] = item;
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    if (typeof changes !== 'object') throw new TypeError('Changes must be an object.');
    // Serialize before taking the write lock: a bad item fails the whole batch and the lock stays short.
    const rows: PreparedWrite[] = Object.entries(changes).map(([key, item]) => {
      // SQLite keeps text as UTF-8, where a lone surrogate becomes U+FFFD: the row would exist under a key
      // no one can ask for again. (The HTTP boundary refuses such ids; this is the last line.)
      if (/[\uD800-\uDFFF]/u.test(key)) throw new TypeError('Storage: a key must be well-formed Unicode (it holds a lone surrogate).');
      if (typeof item !== 'object' || item === null) {
        throw new TypeError(`Storage: the item for "${key}" must be an object.`);
      }
      const { eTag, ...rest } = item as StoreItem;
      return { key, eTag, value: JSON.stringify(rest), item: rest };
    });
    if (rows.length === 0) return;
    // IMMEDIATE takes the write lock up front, so the eTag check and the write see the same version even
    // with writers in other processes (a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT instead).
    reportIssuedETags(changes, await this.whenFree(() => this.open().writeBatch.immediate(rows)));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    if (keys.length === 0) return;
    await this.whenFree(() => this.open().deleteMany.run(JSON.stringify(keys.map(String))));
  }

  /**
   * Deletes the items last written before `cutoffMs` (epoch ms, by the `now` clock; an item stamped active until
   * a later time counts as written then) whose key starts with
   * `prefix` ('' = every key), then gives the freed space back to the file system ({@link reclaimSpace}).
   * Returns how many were deleted. Works in short steps, so requests go on meanwhile. Retention: see
   * src/state/retention.ts.
   */
  async deleteWrittenBefore(cutoffMs: number, prefix = ''): Promise<number> {
    let deleted = 0;
    for (;;) {
      const step = await this.whenFree(() => this.open().deleteOld.run(cutoffMs, prefix, prefix, SWEEP_ROWS).changes);
      deleted += step;
      if (step < SWEEP_ROWS) break;
      await yieldToLoop();
    }
    if (deleted > 0) await this.reclaimSpace();
    return deleted;
  }

  /**
   * Shrinks the file by the pages deleted rows left free (incremental vacuum, a few hundred pages per step),
   * then truncates the write-ahead log. A step that cannot get the write lock in time ends the job: the
   * next sweep carries on. Returns the pages given back.
   */
  async reclaimSpace(): Promise<number> {
    let freed = 0;
    try {
      for (;;) {
        const step = await this.whenFree(() => {
          const { db } = this.open();
          const before = db.pragma('freelist_count', { simple: true }) as number;
          if (before === 0) return 0;
          db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
          return before - (db.pragma('freelist_count', { simple: true }) as number);
        });
        freed += step;
        if (step === 0) break;
        await yieldToLoop();
      }
      // The log grew with the deletes; a checkpoint that finds readers in the way leaves it for later.
      this.open().db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
    return freed;
  }

  /**
   * A tiny write (opens the file on first use): true only if the storage can take writes right now, so a
   * locked, read-only or full file counts as not ready. Waits for a lock at most `waitMs` (default
   * `busyTimeoutMs`). Never throws.
   */
  async ping(waitMs = this.busyTimeoutMs): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.whenFree(() => this.open().pingWrite.run(this.now()), waitMs);
      return true;
    } catch {
      return false;
    }
  }

  /** Same as {@link ping}. */
  ready(): Promise<boolean> {
    return this.ping();
  }

  /** Closes the database. Idempotent; later reads and writes reject, `ping()` answers false. */
  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    if (connection?.db.open) connection.db.close();
  }

  /**
   * Runs `op` (synchronous, as better-sqlite3 is), and again after a pause while it fails because another
   * connection holds a lock it needs, for at most `waitMs`; then the last SQLITE_BUSY is thrown. Pauses
   * grow from 2 ms to 50 ms, jittered, so waiters in several processes do not move in step.
   */
  private async whenFree<T>(op: () => T, waitMs = this.busyTimeoutMs): Promise<T> {
    const giveUpAt = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return op();
      } catch (err) {
        const left = giveUpAt - Date.now();
        if (!isBusy(err) || left <= 0) throw err;
        const pause = Math.min(50, 2 * 2 ** attempt) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, pause)));
      }
    }
  }

  private open(): Connection {
    if (this.closed) throw Object.assign(new Error(`SqliteStorage (${this.path}) is closed.`), { code: STORAGE_CLOSED });
    if (this.connection) return this.connection;

    const inMemory = this.path === ':memory:';
    if (!inMemory) mkdirSync(dirname(resolve(this.path)), { recursive: true });
    // No waiting inside SQLite: a busy lock fails at once and whenFree() tries again without blocking.
    const db = new Database(this.path, { timeout: 0 });
    try {
      db.pragma('busy_timeout = 0');
      // A new file keeps a list of free pages that the retention sweep gives back (reclaimSpace). This must be
      // set before the first table exists; a file made before gets it from a one-time VACUUM below.
      const fresh = db.prepare<[], number>('SELECT count(*) FROM sqlite_master').pluck().get() === 0;
      if (fresh) db.pragma('auto_vacuum = INCREMENTAL');
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (!inMemory && String(mode).toLowerCase() !== 'wal') {
        throw new Error(`SqliteStorage: could not switch ${this.path} to WAL (journal_mode is ${String(mode)}).`);
      }
      db.pragma('synchronous = NORMAL');
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${TABLE} (
           key        TEXT PRIMARY KEY NOT NULL,
           value      TEXT NOT NULL,
           etag       TEXT NOT NULL,
           written_at INTEGER NOT NULL DEFAULT 0
         );
         CREATE TABLE IF NOT EXISTS ${PING_TABLE} (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)`
      );
      this.addWrittenAt(db);
      if (!fresh && !inMemory) this.enableIncrementalVacuum(db);
      db.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_written_at ON ${TABLE} (written_at)`);

      const readMany = db.prepare<[string], Row>(
        `SELECT key, value, etag FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`
      );
      const readOne = db.prepare<[string], Row>(`SELECT key, value, etag FROM ${TABLE} WHERE key = ?`);
      const readTwo = db.prepare<[string, string], Row>(`SELECT key, value, etag FROM ${TABLE} WHERE key IN (?, ?)`);
      // A new key gets its written time here; an existing one keeps it (restamp below decides), so that an
      // update whose time needs no change leaves the written_at index alone.
      const upsert = db.prepare<[string, string, string, number]>(
        `INSERT INTO ${TABLE} (key, value, etag, written_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`
      );
      // The eTag check and the write in one statement: a key that exists is updated only while it has this eTag.
      const upsertIfEtag = db.prepare<[string, string, string, number, string]>(
        `INSERT INTO ${TABLE} (key, value, etag, written_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag
         WHERE ${TABLE}.etag = ?`
      );
      // Only a row whose time is more than the slack behind, or ahead of the time asked for, is touched.
      const restamp = db.prepare<[Restamp]>(
        `UPDATE ${TABLE} SET written_at = @at WHERE key = @key AND (written_at < @at - @slack OR written_at > @at)`
      );
      const deleteOld = db.prepare<[number, string, string, number]>(
        `DELETE FROM ${TABLE} WHERE rowid IN (SELECT rowid FROM ${TABLE} WHERE written_at < ? AND substr(key, 1, length(?)) = ? LIMIT ?)`
      );
      const pingWrite = db.prepare<[number]>(`INSERT OR REPLACE INTO ${PING_TABLE} (id, at) VALUES (1, ?)`);
      const deleteMany = db.prepare<[string]>(
        `DELETE FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`
      );
      const writeBatch = db.transaction((rows: PreparedWrite[]) => {
        const writtenAt = this.now();
        const issued: Record<string, string> = {};
        const slack = this.restampAfterMs;
        for (const { key, eTag, value, item } of rows) {
          // MemoryStorage: `if (!old || newItem.eTag === '*' || !newItem.eTag) save; else if equal save; else conflict`
          // (an absent key is written: the insert; one whose eTag differs is left as it is: no change, a conflict)
          issued[key] = newEtag();
          const at = keptUntilOf(item, writtenAt);
          if (!eTag || eTag === '*') upsert.run(key, value, issued[key], at);
          else if (upsertIfEtag.run(key, value, issued[key], at, String(eTag)).changes === 0) throw new StorageConflictError(key);
          restamp.run({ key, at, slack });
        }
        return issued;
      });

      this.connection = { db, readMany, readOne, readTwo, deleteMany, writeBatch, deleteOld, pingWrite };
      return this.connection;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /**
   * A file made before space was given back (auto_vacuum NONE) is rewritten once with auto_vacuum
   * INCREMENTAL. VACUUM copies the whole file and needs it to itself: it runs while the storage is first
   * opened (the app opens it before it listens), and if another process is using the file it is left for
   * a later start.
   */
  private enableIncrementalVacuum(db: Database.Database): void {
    if (db.pragma('auto_vacuum', { simple: true }) !== 0) return;
    try {
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
  }

  /** Files made before retention have no written_at: add it, counting their rows as written now (not as ancient). */
  private addWrittenAt(db: Database.Database): void {
    const hasColumn = () => db.prepare<[], { name: string }>(`PRAGMA table_info(${TABLE})`).all().some((c) => c.name === 'written_at');
    if (hasColumn()) return;
    // IMMEDIATE and a second look: another process opening the same old file may be migrating it too.
    db.transaction(() => {
      if (hasColumn()) return;
      db.exec(`ALTER TABLE ${TABLE} ADD COLUMN written_at INTEGER NOT NULL DEFAULT 0`);
      db.prepare(`UPDATE ${TABLE} SET written_at = ?`).run(this.now());
    }).immediate();
  }
}

/** SQLITE_BUSY and its extended codes (another connection holds the lock), and SQLITE_LOCKED (a shared-cache table lock). */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

function newEtag(): string {
  return randomUUID();
}
