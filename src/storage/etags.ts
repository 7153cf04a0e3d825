/**
 * The eTag that means "create this item only if its key does not exist yet".
 *
 * It never equals a real eTag (SQLite's are UUIDs, Blob's quoted hex, MemoryStorage's integers), so every
 * storage this app uses gives create-only semantics with it: botbuilder's MemoryStorage and SqliteStorage
 * already write an item whose key is absent whatever its eTag, and reject a non-matching eTag on a key that
 * exists; BlobStateStorage turns it into an `If-None-Match: *` upload. A key that exists → eTag conflict.
 */
export const IF_ABSENT = 'if-absent';
