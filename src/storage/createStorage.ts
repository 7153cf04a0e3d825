import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobStateStorage, type BlobAccountUrl, type BlobStateStorageOptions } from './blobStateStorage.js';
import { withDeadline } from './deadline.js';
import { SqliteStorage, type SqliteStorageOptions } from './sqliteStorage.js';

/** The part of the app's config that picks the storage (structural, so this module needs no config import). */
export interface StorageSettings {
  STORAGE: 'sqlite' | 'memory' | 'blob';
  SQLITE_PATH: string;
  BLOB_CONNECTION_STRING?: string;
  /** The account's Blob endpoint, used with the managed identity {@link AZURE_CLIENT_ID} instead of a connection string. */
  BLOB_ACCOUNT_URL?: string;
  /** Client id of the user-assigned managed identity that reaches BLOB_ACCOUNT_URL. */
  AZURE_CLIENT_ID?: string;
  BLOB_CONTAINER?: string;
  /** Every storage call gives up after this long (default {@link DEFAULT_STORAGE_TIMEOUT_MS}). */
  STORAGE_TIMEOUT_MS?: number;
  /** State idle this long is deleted (blob: also dropped from a user's blob when it is next written). */
  STATE_TTL_DAYS?: number;
}

/**
 * A storage call's deadline: the user is told "temporarily unavailable, your answers are kept" after at
 * most this long per call (a turn makes a read and a write), well inside the 15 s after which Teams resends.
 */
export const DEFAULT_STORAGE_TIMEOUT_MS = 3000;

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
  /** Passed to BlobStateStorage (e.g. `storagePipelineOptions.retryOptions`, merged over {@link BLOB_RETRY}). */
  blob?: BlobStateStorageOptions;
  /** With BLOB_ACCOUNT_URL: the credential to use instead of the managed identity AZURE_CLIENT_ID names. */
  credential?: TokenCredential;
}

/**
 * The Azure SDK's default retries (4 tries, 4 s doubling up to 2 min) outlast the 15 s after which Teams
 * gives up on a request and sends it again. Fail within a few seconds instead: the user is told to try again.
 */
export const BLOB_RETRY = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 4000 };

/** How long one retention sweep of a Blob container may take. */
const SWEEP_TIMEOUT_MS = 15 * 60_000;

/** The key `ping()` reads on memory and blob storage. It is never written. */
export const PING_KEY = 'readyz-ping';

export function createStorage(settings: StorageSettings, options: CreateStorageOptions = {}): StorageHandle {
  const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  const timeoutMs = settings.STORAGE_TIMEOUT_MS ?? DEFAULT_STORAGE_TIMEOUT_MS;
  switch (settings.STORAGE) {
    case 'sqlite': {
      // A lock held by another process is waited for (without blocking the event loop) up to the deadline.
      const storage = new SqliteStorage(settings.SQLITE_PATH, { busyTimeoutMs: timeoutMs, ...options.sqlite });
      return {
        storage,
        close: () => storage.close(),
        // A locked file answers false well before the ping's own timeout.
        ping: () => withTimeout(storage.ping(Math.floor(pingTimeoutMs / 2)), pingTimeoutMs),
        deleteWrittenBefore: (cutoffMs, prefix) => storage.deleteWrittenBefore(cutoffMs, prefix)
      };
    }
    case 'memory': {
      const storage = new MemoryStorage();
      return { storage, close: async () => {}, ping: () => pingByRead(storage, pingTimeoutMs) };
    }
    case 'blob': {
      const account = blobAccount(settings, options.credential);
      const container = settings.BLOB_CONTAINER;
      if (!container) throw new Error('STORAGE=blob needs BLOB_CONTAINER.');
      const pipeline = options.blob?.storagePipelineOptions;
      const blobs = new BlobStateStorage(account, container, {
        itemTtlMs: settings.STATE_TTL_DAYS === undefined ? undefined : settings.STATE_TTL_DAYS * 86_400_000,
        ...options.blob,
        storagePipelineOptions: { ...pipeline, retryOptions: { ...BLOB_RETRY, ...pipeline?.retryOptions } }
      });
      // The SDK's retries stay (a throttled or failing request is tried again), inside one client-side deadline.
      const storage = withDeadline(blobs, timeoutMs);
      return {
        storage,
        close: async () => {},
        ping: () => pingByRead(withDeadline(blobs, pingTimeoutMs), pingTimeoutMs),
        // A sweep lists the whole container: it gets minutes, not the per-call deadline, but never for ever.
        deleteWrittenBefore: (cutoffMs, prefix) => blobs.deleteWrittenBefore(cutoffMs, prefix, { abortSignal: AbortSignal.timeout(SWEEP_TIMEOUT_MS) })
      };
    }
    default: {
      const unknown: never = settings.STORAGE;
      throw new Error(`Unknown STORAGE "${String(unknown)}" (expected sqlite, memory or blob).`);
    }
  }
}

/**
 * The account and how to reach it: BLOB_ACCOUNT_URL with the user-assigned managed identity AZURE_CLIENT_ID
 * (App Service's identity endpoint, or the VM's IMDS: @azure/identity finds which), or a connection string.
 * The config allows exactly one of the two.
 */
function blobAccount(settings: StorageSettings, credential: TokenCredential | undefined): string | BlobAccountUrl {
  const { BLOB_ACCOUNT_URL: accountUrl, AZURE_CLIENT_ID: clientId, BLOB_CONNECTION_STRING: connectionString } = settings;
  if (accountUrl && connectionString) throw new Error('Set BLOB_ACCOUNT_URL or BLOB_CONNECTION_STRING, not both.');
  if (connectionString) return connectionString;
  if (!accountUrl) throw new Error('STORAGE=blob needs BLOB_ACCOUNT_URL (with AZURE_CLIENT_ID) or BLOB_CONNECTION_STRING.');
  if (credential) return { accountUrl, credential };
  if (!clientId) throw new Error('BLOB_ACCOUNT_URL needs AZURE_CLIENT_ID, the managed identity that reaches it.');
  return { accountUrl, credential: new ManagedIdentityCredential({ clientId }) };
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
