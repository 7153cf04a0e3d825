/**
 * Tells a storage that is unreachable or unwritable (worth "try again in a moment") from a bug in the
 * caller (a value that cannot be serialized, a bad key), which retrying cannot fix. Unknown errors are
 * treated as bugs, so a user is never told to wait for something that waiting will not mend.
 */

// SQLite result codes (better-sqlite3 `SqliteError.code`, extended codes start with these) that mean the
// file is locked, unwritable, full or gone — not that the statement was wrong.
const SQLITE_OUTAGE = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL', 'SQLITE_NOMEM', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_PERM'];

// Node system errors: the network (Blob) or the file system (SQLite folder) refused.
const SYSTEM_OUTAGE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH',
  'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'EDQUOT', 'EMFILE',
]);

/** `code` of the error a closed storage throws (the app is shutting down). */
export const STORAGE_CLOSED = 'STORAGE_CLOSED';

export function isStorageOutage(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const { code, name, statusCode, cause } = err as { code?: unknown; name?: unknown; statusCode?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    if (code === STORAGE_CLOSED || SYSTEM_OUTAGE.has(code) || code.startsWith('UND_ERR_')) return true;
    if (SQLITE_OUTAGE.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) return true;
  }
  // @azure/core-rest-pipeline: no status = the request never got an answer; 408/429/5xx = the service is struggling.
  if (name === 'RestError') {
    if (statusCode === undefined) return true;
    if (typeof statusCode === 'number' && (statusCode >= 500 || statusCode === 408 || statusCode === 429)) return true;
  }
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  // @azure/identity (BLOB_ACCOUNT_URL): the managed identity got no token — its endpoint is down, the identity
  // is not (yet) assigned to this host, or Entra ID refused. The operator or time mends that, not the caller.
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError') return true;
  return isStorageOutage(cause, depth + 1);
}
