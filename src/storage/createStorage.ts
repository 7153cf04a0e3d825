import { MemoryStorage, type Storage } from 'botbuilder';
import type { BlobsStorageOptions } from 'botbuilder-azure-blobs';
import { BlobStateStorage } from './blobStateStorage.js';
import { SqliteStorage, type SqliteStorageOptions } from './sqliteStorage.js';

export { RecoveringStorage } from './recoveringStorage.js';

/** The part of the app's config that picks the storage (structural, so this module needs no config import). */
export interface StorageSettings {
  STORAGE: 'sqlite' | 'memory' | 'blob';
  SQLITE_PATH: string;
  BLOB_CONNECTION_STRING?: string;
  BLOB_CONTAINER?: string;
}

export interface StorageHandle {
  storage: Storage;
  /** Releases the storage (closes the SQLite file). Idempotent. */
  close(): Promise<void>;
  /** A cheap round trip to the storage, for /readyz. Resolves true/false within the ping timeout; never rejects. */
  ping(): Promise<boolean>;
  /**
   * Retention: deletes the items last written before `cutoffMs` (epoch ms) whose key starts with `prefix`,
   * and returns how many. Absent on memory storage, which does not outlive the process anyway.
   */
  deleteWrittenBefore?(cutoffMs: number, prefix?: string): Promise<number>;
}

export interface CreateStorageOptions {
  /** Upper bound for `ping()`; a slower answer counts as not ready. Default 2000 ms. */
  pingTimeoutMs?: number;
  sqlite?: SqliteStorageOptions;
  /** Passed to BlobsStorage (e.g. `storagePipelineOptions.retryOptions`); merged over {@link BLOB_RETRY}. */
  blob?: BlobsStorageOptions;
}

/**
 * The Azure SDK's default retries (4 tries, 4 s doubling up to 2 min) outlast the 15 s after which Teams
 * gives up on a request and sends it again. Fail within a few seconds instead: the user is told to try again.
 */
export const BLOB_RETRY = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 4000 };

/** The key `ping()` reads on memory and blob storage. It is never written. */
export const PING_KEY = 'readyz-ping';

export function createStorage(settings: StorageSettings, options: CreateStorageOptions = {}): StorageHandle {
  const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  switch (settings.STORAGE) {
    case 'sqlite': {
      const storage = new SqliteStorage(settings.SQLITE_PATH, options.sqlite);
      return {
        storage,
        close: () => storage.close(),
        ping: () => withTimeout(storage.ping(), pingTimeoutMs),
        deleteWrittenBefore: (cutoffMs, prefix) => storage.deleteWrittenBefore(cutoffMs, prefix)
      };
    }
    case 'memory': {
      const storage = new MemoryStorage();
      return { storage, close: async () => {}, ping: () => pingByRead(storage, pingTimeoutMs) };
    }
    case 'blob': {
      const { BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: container } = settings;
      if (!connectionString || !container) {
        throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING and BLOB_CONTAINER.');
      }
      const pipeline = options.blob?.storagePipelineOptions;
      const storage = new BlobStateStorage(connectionString, container, {
        ...options.blob,
        storagePipelineOptions: { ...pipeline, retryOptions: { ...BLOB_RETRY, ...pipeline?.retryOptions } }
      });
      return {
        storage,
        close: async () => {},
        ping: () => pingByRead(storage, pingTimeoutMs),
        deleteWrittenBefore: (cutoffMs, prefix) => storage.deleteWrittenBefore(cutoffMs, prefix)
      };
    }
    default: {
      const unknown: never = settings.STORAGE;
      throw new Error(`Unknown STORAGE "${String(unknown)}" (expected sqlite, memory or blob).`);
    }
  }
}

async function pingByRead(storage: Storage, timeoutMs: number): Promise<boolean> {
  const read = storage.read([PING_KEY]).then(
    () => true,
    () => false
  );
  return withTimeout(read, timeoutMs);
}

function withTimeout(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    check.then(
      (ok) => {
        clearTimeout(timer);
        resolve(ok);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      }
    );
  });
}
