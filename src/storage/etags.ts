/**
 * The eTag that means "create this item only if its key does not exist yet".
 *
 * It never equals a real eTag (SQLite's are UUIDs, Blob's quoted hex, MemoryStorage's integers), so every
 * storage this app uses gives create-only semantics with it: botbuilder's MemoryStorage and SqliteStorage
 * already write an item whose key is absent whatever its eTag, and reject a non-matching eTag on a key that
 * exists; BlobStateStorage turns it into an `If-None-Match: *` upload. A key that exists → eTag conflict.
 */
export const IF_ABSENT = 'if-absent';

const issued = new WeakMap<object, Record<string, string>>();

/**
 * Storages that know the eTags they gave the items of a write (SqliteStorage, BlobStateStorage) report them
 * here, under the `changes` object of that write: botbuilder's `Storage.write` returns nothing, and a
 * second write of the same item (the turn runner marking its replies sent) then needs no read first.
 */
export function reportIssuedETags(changes: object, eTags: Record<string, string>): void {
  issued.set(changes, eTags);
}

/** The eTags reported for the write of `changes`, if its storage reports them. */
export function issuedETagsOf(changes: object): Record<string, string> | undefined {
  return issued.get(changes);
}

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
 * {@link StorageConflictError} (SqliteStorage, BlobStateStorage), and the plain `Error` that botbuilder's MemoryStorage and
 * BlobsStorage throw (`Storage: error writing "<key>" due to eTag conflict.`), recognised by its message.
 */
export function isEtagConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code === ETAG_CONFLICT) return true; // a StorageConflictError from another copy of this module
  return typeof message === 'string' && message.includes('eTag conflict');
}
