import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { BlobsStorage, type BlobsStorageOptions } from 'botbuilder-azure-blobs';
import { SqliteStorage, isEtagConflict, type SqliteStorageOptions } from './sqliteStorage.js';

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
}

export interface CreateStorageOptions {
  /** Upper bound for `ping()`; a slower answer counts as not ready. Default 2000 ms. */
  pingTimeoutMs?: number;
  sqlite?: SqliteStorageOptions;
  /** Passed to BlobsStorage (e.g. `storagePipelineOptions.retryOptions`). */
  blob?: BlobsStorageOptions;
}

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
        ping: () => withTimeout(storage.ping(), pingTimeoutMs)
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
      const storage = new RecoveringStorage(() => new BlobsStorage(connectionString, container, options.blob));
      return { storage, close: async () => {}, ping: () => pingByRead(storage, pingTimeoutMs) };
    }
    default: {
      const unknown: never = settings.STORAGE;
      throw new Error(`Unknown STORAGE "${String(unknown)}" (expected sqlite, memory or blob).`);
    }
  }
}

/**
 * Forwards to a storage made by `make`, and replaces it with a fresh one after any failure that is not an
 * eTag conflict. BlobsStorage caches the promise of its first `createIfNotExists()` call, failures included:
 * one failed first request (storage unreachable at start-up) would otherwise make every later call fail
 * with the same error for the life of the process.
 */
export class RecoveringStorage implements Storage {
  private inner: Storage;

  constructor(private readonly make: () => Storage) {
    this.inner = make();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.run((s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.run((s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.run((s) => s.delete(keys));
  }

  private async run<T>(op: (s: Storage) => Promise<T>): Promise<T> {
    const current = this.inner;
    try {
      return await op(current);
    } catch (err) {
      if (!isEtagConflict(err) && this.inner === current) this.inner = this.make();
      throw err;
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
