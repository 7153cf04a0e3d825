import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { STORAGE_CLOSED } from './outage.js';

/** `code` carried by {@link StorageConflictError}. */
export const ETAG_CONFLICT = 'ETAG_CONFLICT';

/**
 * A write carried an eTag that no longer matches the stored item.
 * The message is the one botbuilder's MemoryStorage and BlobsStorage use, so code that matches on the
 * message keeps working; prefer {@link isEtagConflict}.
 */
export class StorageConflictError extends Error {
  readonly code = ETAG_CONFLICT;
  readonly key: string;

  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
    this.key = key;
  }
}

/**
 * True for an optimistic-concurrency failure from any of the storages this app uses:
 * {@link StorageConflictError} (SqliteStorage), and the plain `Error` that botbuilder's MemoryStorage and
 * BlobsStorage throw (`Storage: error writing "<key>" due to eTag conflict.`), recognised by its message.
 */
export function isEtagConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code === ETAG_CONFLICT) return true; // a StorageConflictError from another copy of this module
  return typeof message === 'string' && message.includes('eTag conflict');
}

export interface SqliteStorageOptions {
  /**
   * How long a statement waits for another connection's (or process's) write lock before failing with
   * SQLITE_BUSY. better-sqlite3 is synchronous: the wait blocks this thread's event loop. Default 5000.
   */
  busyTimeoutMs?: number;
  /** The clock stamped on every written row (epoch ms), read by {@link SqliteStorage.deleteWrittenBefore}. Default Date.now. */
  now?: () => number;
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
}

interface Connection {
  db: Database.Database;
  readMany: Database.Statement<[string], Row>;
  deleteMany: Database.Statement<[string]>;
  writeBatch: Database.Transaction<(rows: PreparedWrite[]) => void>;
  deleteOld: Database.Statement<[number, string, string]>;
  pingWrite: Database.Statement<[number]>;
}

const TABLE = 'bot_storage';
// A one-row table that ping() writes: a read would pass on a file that has become read-only or full.
const PING_TABLE = 'bot_ping';

/**
 * botbuilder `Storage` on a SQLite file (better-sqlite3), safe to share between several processes.
 *
 * - The file and its parent directories are created on first use (first read/write/delete/ping).
 * - WAL journal mode, `synchronous = NORMAL` (a power loss can drop the last commits, never corrupts),
 *   `busy_timeout` so that writers in other processes wait for each other instead of failing.
 * - eTags follow MemoryStorage exactly: `'*'` or a missing/empty eTag overwrites; any other eTag is
 *   written only when it equals the stored one, else the write throws {@link StorageConflictError};
 *   an eTag on a key that does not exist (any more) creates it.
 * - Unlike MemoryStorage (which writes the other items of a batch that has a conflict), a `write()` of
 *   several items is one transaction: all of them or none.
 * - The eTag is not part of the stored JSON; `read()` adds the current one. The caller's objects are
 *   never mutated (as in MemoryStorage and BlobsStorage, a written object does not learn its new eTag).
 * - Create-only writes: the eTag `IF_ABSENT` (./etags.ts) writes a key that is absent and conflicts on one
 *   that exists, by the rule above.
 * - Every row carries the time it was last written, for {@link SqliteStorage.deleteWrittenBefore} (retention).
 */
export class SqliteStorage implements Storage {
  readonly path: string;
  private readonly busyTimeoutMs: number;
  private readonly now: () => number;
  private connection: Connection | undefined;
  private closed = false;

  constructor(path: string, options: SqliteStorageOptions = {}) {
    if (!path) throw new TypeError('SqliteStorage needs a file path.');
    this.path = path;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
    if (!Number.isInteger(this.busyTimeoutMs) || this.busyTimeoutMs < 0) {
      throw new RangeError('busyTimeoutMs must be a non-negative integer.');
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    const result: StoreItems = {};
    if (keys.length === 0) return result;
    const { readMany } = this.open();
    for (const row of readMany.all(JSON.stringify(keys.map(String)))) {
      result[row.key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    if (typeof changes !== 'object') throw new TypeError('Changes must be an object.');
    // Serialize before taking the write lock: a bad item fails the whole batch and the lock stays short.
    const rows: PreparedWrite[] = Object.entries(changes).map(([key, item]) => {
      if (typeof item !== 'object' || item === null) {
        throw new TypeError(`Storage: the item for "${key}" must be an object.`);
      }
      const { eTag, ...rest } = item as StoreItem;
      return { key, eTag, value: JSON.stringify(rest) };
    });
    if (rows.length === 0) return;
    // IMMEDIATE takes the write lock up front, so the eTag check and the write see the same version even
    // with writers in other processes (a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT instead).
    this.open().writeBatch.immediate(rows);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    if (keys.length === 0) return;
    this.open().deleteMany.run(JSON.stringify(keys.map(String)));
  }

  /**
   * Deletes the items last written before `cutoffMs` (epoch ms, by the `now` clock) whose key starts with
   * `prefix` ('' = every key). Returns how many were deleted. Retention: see src/state/retention.ts.
   */
  async deleteWrittenBefore(cutoffMs: number, prefix = ''): Promise<number> {
    return this.open().deleteOld.run(cutoffMs, prefix, prefix).changes;
  }

  /**
   * A tiny write (opens the file on first use): true only if the storage can take writes right now, so a
   * locked, read-only or full file counts as not ready. Never throws.
   */
  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      this.open().pingWrite.run(this.now());
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

  private open(): Connection {
    if (this.closed) throw Object.assign(new Error(`SqliteStorage (${this.path}) is closed.`), { code: STORAGE_CLOSED });
    if (this.connection) return this.connection;

    const inMemory = this.path === ':memory:';
    if (!inMemory) mkdirSync(dirname(resolve(this.path)), { recursive: true });
    const db = new Database(this.path, { timeout: this.busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
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
      db.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_written_at ON ${TABLE} (written_at)`);

      const readMany = db.prepare<[string], Row>(
        `SELECT key, value, etag FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`
      );
      const currentEtag = db.prepare<[string], string>(`SELECT etag FROM ${TABLE} WHERE key = ?`).pluck();
      const upsert = db.prepare<[string, string, string, number]>(
        `INSERT INTO ${TABLE} (key, value, etag, written_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, written_at = excluded.written_at`
      );
      const deleteOld = db.prepare<[number, string, string]>(
        `DELETE FROM ${TABLE} WHERE written_at < ? AND substr(key, 1, length(?)) = ?`
      );
      const pingWrite = db.prepare<[number]>(`INSERT OR REPLACE INTO ${PING_TABLE} (id, at) VALUES (1, ?)`);
      const deleteMany = db.prepare<[string]>(
        `DELETE FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`
      );
      const writeBatch = db.transaction((rows: PreparedWrite[]) => {
        const writtenAt = this.now();
        for (const { key, eTag, value } of rows) {
          // MemoryStorage: `if (!old || newItem.eTag === '*' || !newItem.eTag) save; else if equal save; else conflict`
          if (eTag && eTag !== '*') {
            const stored = currentEtag.get(key);
            if (stored !== undefined && stored !== eTag) throw new StorageConflictError(key);
          }
          upsert.run(key, value, newEtag(), writtenAt);
        }
      });

      this.connection = { db, readMany, deleteMany, writeBatch, deleteOld, pingWrite };
      return this.connection;
    } catch (err) {
      db.close();
      throw err;
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

function newEtag(): string {
  return randomUUID();
}
