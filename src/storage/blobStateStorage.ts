import { createHash, randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import type { TokenCredential } from '@azure/identity';
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItem, StoreItems } from 'botbuilder';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import type { AbortableStorage, CallOptions } from './deadline.js';
import { IF_ABSENT, reportIssuedETags } from './etags.js';
import { StorageConflictError } from './etags.js';
import { keptUntilOf } from './keptUntil.js';

/** A storage account reached with a token (a managed identity), not a key: its Blob endpoint and the credential. */
export interface BlobAccountUrl {
  /** `https://<account>.blob.core.windows.net`, or Azurite's `https://127.0.0.1:<port>/<account>` (no trailing slash). */
  accountUrl: string;
  credential: TokenCredential;
}

export interface BlobStateStorageOptions {
  storagePipelineOptions?: StoragePipelineOptions;
  /**
   * Items not written for this long are dropped from a blob whenever it is written anyway (the retention
   * sweep deletes whole blobs by Last-Modified; a user active in one chat keeps their blob fresh, and
   * would otherwise keep old chats' state in it for ever). Default: kept.
   */
  itemTtlMs?: number;
  /** The clock for item write times (epoch ms). Default Date.now. */
  now?: () => number;
}

/** One item inside a blob: its value, its own eTag, when it was last written. */
interface Entry {
  v: string;
  /** When it was written, or the later time its LAST_ACTIVE stamp keeps it active until (./keptUntil.ts). */
  at: number;
  value: Record<string, unknown>;
}

/** What a blob holds. The marker tells it from a blob BlobsStorage wrote (one item, stored bare). */
interface Doc {
  $grouped: 1;
  items: Record<string, Entry>;
}

/** A blob as last read or written: its eTag (undefined: it does not exist) and its content. */
interface Fetched {
  etag: string | undefined;
  doc: Doc;
}

/** Tries of one blob's read-modify-write when other writers keep changing other items of it. */
const MAX_BLOB_ATTEMPTS = 6;
/** Blobs whose last known version is kept, so a write after a read needs no second download. */
const CACHE_SIZE = 1000;
/**
 * Blob metadata: the latest `at` of the blob's items when it was uploaded. The sweep keeps a blob until the
 * later of this and its Last-Modified, so an item stamped active until a later date keeps its blob.
 */
const ACTIVE_UNTIL = 'activeuntil';
/** Azure blob names are at most 1024 characters. */
const MAX_BLOB_NAME = 1024;

const USER_KEY = /^([^/]+)\/users\/([^/]+)\/$/;
const USER_IN_CONVERSATION_KEY = /^([^/]+)\/conversations\/.+\/users\/([^/]+)\/$/s;

/**
 * The key of the blob that holds `key`. A user's state (`<channel>/users/<user>/`, botbuilder's UserState)
 * and their state in each conversation (`<channel>/conversations/<conversation>/users/<user>/`,
 * PrivateConversationState) live together in one blob per user, so that a turn, which changes both, is
 * written with one conditional upload: all of it or none of it. Any other key is a blob of its own.
 */
export function blobKeyOf(key: string): string {
  if (USER_KEY.test(key)) return key;
  const inConversation = USER_IN_CONVERSATION_KEY.exec(key);
  return inConversation ? `${inConversation[1]}/users/${inConversation[2]}/` : key;
}

/** BlobsStorage's name for a key (so blobs it wrote are found), or a digest where that would be cut at 1024 characters. */
function blobNameOf(key: string): string {
  const name = sanitizeBlobKey(key);
  return encodeURIComponent(key).length <= MAX_BLOB_NAME ? name : `sha256-${createHash('sha256').update(key).digest('hex')}`;
}

const statusOf = (err: unknown) => (err as { statusCode?: number } | null)?.statusCode;
const emptyDoc = (): Doc => ({ $grouped: 1, items: {} });

/**
 * Azure Blob Storage for bot state, with eTag-checked writes that are atomic per user.
 *
 * - Layout: one JSON blob per user holding every item of that user (see {@link blobKeyOf}); each item has
 *   its own eTag. Blob names are the user's key as botbuilder's BlobsStorage names it.
 * - A `write()` of several items of one user is one upload, conditional on the blob's eTag (If-Match, or
 *   If-None-Match for a blob that does not exist yet). Each item's eTag is checked against the blob's
 *   current content first, with MemoryStorage's rules: `'*'` or no eTag overwrites, `IF_ABSENT` creates only,
 *   any other eTag must match the stored one (an absent item is created). A stale eTag fails the whole
 *   write with the botbuilder conflict message and writes nothing. If another writer changed other items of
 *   the blob meanwhile, the upload is redone on the fresh blob (the checks again included).
 * - A write spanning several users is one upload per user, not atomic across them (the bot never does that).
 * - Blobs written by BlobsStorage (one item per blob) are read as they are and moved into the user's blob
 *   by the next write of that item; the old blob is then deleted.
 * - Every call takes an `abortSignal` that stops its requests (see withDeadline).
 * - Retention: {@link deleteWrittenBefore} deletes blobs by Last-Modified; items not written for
 *   `itemTtlMs` are dropped when their blob is next written. An item stamped active until a later time (its
 *   LAST_ACTIVE ahead of now, bounded to five years: an open tracked move) counts as written then, in its
 *   blob and (through the blob's `activeuntil` metadata) for the sweep.
 */
export class BlobStateStorage implements AbortableStorage {
  private readonly container: ContainerClient;
  private readonly itemTtlMs: number | undefined;
  private readonly now: () => number;
  private containerReady: Promise<unknown> | undefined;
  /** Blob name → what this instance last read or wrote there (insertion order = age). */
  private readonly cache = new Map<string, { etag: string; body: string }>();

  /** `account`: a connection string (an account key), or the account's URL and a token credential. */
  constructor(account: string | BlobAccountUrl, containerName: string, options: BlobStateStorageOptions = {}) {
    this.container =
      typeof account === 'string'
        ? new ContainerClient(account, containerName, options.storagePipelineOptions)
        : new ContainerClient(`${account.accountUrl}/${containerName}`, account.credential, options.storagePipelineOptions);
    this.itemTtlMs = options.itemTtlMs;
    this.now = options.now ?? Date.now;
  }

  async read(keys: string[], { abortSignal }: CallOptions = {}): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    const result: StoreItems = {};
    if (keys.length === 0) return result;
    await this.ensureContainer(abortSignal);
    const byBlob = groupBy(keys.map(String), (key) => blobKeyOf(key));
    const missing: string[] = [];
    await Promise.all(
      [...byBlob].map(async ([blobKey, wanted]) => {
        const { doc } = await this.fetch(blobKey, abortSignal);
        for (const key of wanted) {
          const entry = doc.items[key];
          if (entry) result[key] = { ...entry.value, eTag: entry.v };
          else if (blobKey !== key) missing.push(key);
        }
      }),
    );
    // Written by BlobsStorage before items were kept per user: still in a blob of its own.
    await Promise.all(
      missing.map(async (key) => {
        const own = await this.fetch(key, abortSignal, { cache: false });
        const entry = own.doc.items[key];
        if (entry) result[key] = { ...entry.value, eTag: entry.v };
      }),
    );
    return result;
  }

  async write(changes: StoreItems, { abortSignal }: CallOptions = {}): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    if (typeof changes !== 'object') throw new TypeError('Changes must be an object.');
    const entries = Object.entries(changes).map(([key, item]) => {
      if (typeof item !== 'object' || item === null) throw new TypeError(`Storage: the item for "${key}" must be an object.`);
      const { eTag, ...value } = item as StoreItem;
      // Serialized once here: a value JSON cannot hold fails the write before anything is sent.
      return { key, eTag: eTag as unknown, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown> };
    });
    if (entries.length === 0) return;
    await this.ensureContainer(abortSignal);
    const byBlob = groupBy(entries, (e) => blobKeyOf(e.key));
    const issued: Record<string, string> = {};
    await Promise.all([...byBlob].map(([blobKey, items]) => this.writeBlob(blobKey, items, issued, abortSignal)));
    reportIssuedETags(changes, issued);
  }

  async delete(keys: string[], { abortSignal }: CallOptions = {}): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array.');
    if (keys.length === 0) return;
    await this.ensureContainer(abortSignal);
    const byBlob = groupBy(keys.map(String), (key) => blobKeyOf(key));
    await Promise.all(
      [...byBlob].map(async ([blobKey, gone]) => {
        await this.update(blobKey, abortSignal, (doc) => {
          let changed = false;
          for (const key of gone) if (key in doc.items) changed = delete doc.items[key];
          return changed;
        });
        // And a copy BlobsStorage may have left in a blob of its own, so that it does not come back.
        await Promise.all(gone.filter((key) => key !== blobKey).map((key) => this.deleteBlob(key, abortSignal)));
      }),
    );
  }

  /**
   * Deletes the blobs last modified before `cutoffMs` whose key starts with `prefix` ('' = all), unless their
   * `activeuntil` metadata (an item stamped active until later) is at or after it. Each delete is conditional
   * on the eTag listed, so a blob written since the listing survives. Returns the count. (A lifecycle-management
   * rule on the container goes by Last-Modified alone: it would delete such items early.)
   */
  async deleteWrittenBefore(cutoffMs: number, prefix = '', { abortSignal }: CallOptions = {}): Promise<number> {
    await this.ensureContainer(abortSignal);
    let deleted = 0;
    // Blob names are the whole key URI-encoded (sanitizeBlobKey), so the prefix is encoded the same way.
    const pages = this.container.listBlobsFlat({ prefix: prefix ? encodeURIComponent(prefix) : undefined, includeMetadata: true, abortSignal }).byPage();
    for await (const page of pages) {
      for (const blob of page.segment.blobItems) {
        const activeUntil = Number(blob.metadata?.[ACTIVE_UNTIL]);
        const keptUntil = Math.max(blob.properties.lastModified.getTime(), Number.isFinite(activeUntil) ? activeUntil : 0);
        if (keptUntil >= cutoffMs) continue;
        try {
          await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag }, abortSignal });
          this.cache.delete(blob.name);
          deleted++;
        } catch (err) {
          const status = statusOf(err);
          if (status !== 404 && status !== 412) throw err; // gone or rewritten meanwhile: leave it
        }
      }
    }
    return deleted;
  }

  /** Checks each item's eTag against the blob, then uploads the blob with them in it, conditional on its eTag. */
  private async writeBlob(
    blobKey: string,
    items: Array<{ key: string; eTag: unknown; value: Record<string, unknown> }>,
    issued: Record<string, string>,
    abortSignal?: AbortSignal,
  ): Promise<void> {
    // Items the turn read from a blob of their own (BlobsStorage's): they carry that blob's eTag. An item
    // read as absent carries IF_ABSENT (or nothing), and one read from the user's blob is found there.
    const migrated = items
      .filter(({ key, eTag }) => key !== blobKey && typeof eTag === 'string' && eTag !== '' && eTag !== '*' && eTag !== IF_ABSENT)
      .map(({ key }) => key);
    let legacy: string[] = [];
    await this.update(
      blobKey,
      abortSignal,
      (doc) => {
        const now = this.now();
        for (const { key, eTag } of items) {
          const stored = doc.items[key];
          if (eTag === IF_ABSENT ? stored !== undefined : typeof eTag === 'string' && eTag !== '' && eTag !== '*' && stored !== undefined && stored.v !== eTag) {
            throw new StorageConflictError(key);
          }
        }
        for (const { key, value } of items) doc.items[key] = { v: (issued[key] = randomUUID()), at: keptUntilOf(value, now), value };
        if (this.itemTtlMs !== undefined) {
          for (const [key, entry] of Object.entries(doc.items)) if (now - entry.at >= this.itemTtlMs) delete doc.items[key];
        }
        return true;
      },
      // An item first read from a blob of its own (BlobsStorage's) is checked against that blob.
      async (doc) => {
        legacy = [];
        for (const key of migrated) {
          if (doc.items[key]) continue;
          const own = await this.fetch(key, abortSignal, { cache: false });
          const entry = own.doc.items[key];
          if (!entry) continue;
          doc.items[key] = entry;
          legacy.push(key);
        }
      },
    );
    await Promise.all(legacy.map((key) => this.deleteBlob(key, abortSignal).catch(() => {})));
  }

  /**
   * Read-modify-write of one blob: `change` edits the doc (returns false when there is nothing to write),
   * the upload is conditional on the eTag the doc was read with, and on a lost race everything is redone on
   * the fresh blob. A conflict `change` throws is confirmed on a fresh download when it was found on a
   * cached copy. A doc left empty deletes the blob.
   */
  private async update(blobKey: string, abortSignal: AbortSignal | undefined, change: (doc: Doc) => boolean, prepare?: (doc: Doc) => Promise<void>): Promise<void> {
    const name = blobNameOf(blobKey);
    for (let attempt = 1; ; attempt++) {
      const cached = attempt === 1 ? this.cached(name) : undefined;
      let current = cached ?? (await this.fetch(blobKey, abortSignal));
      await prepare?.(current.doc);
      try {
        if (!change(current.doc)) return;
      } catch (err) {
        if (!(err instanceof StorageConflictError) || !cached) throw err;
        current = await this.fetch(blobKey, abortSignal);
        await prepare?.(current.doc);
        if (!change(current.doc)) return;
      }
      try {
        if (Object.keys(current.doc.items).length === 0) {
          if (current.etag !== undefined) await this.container.deleteBlob(name, { conditions: { ifMatch: current.etag }, abortSignal });
          this.cache.delete(name);
          return;
        }
        const body = JSON.stringify(current.doc);
        const activeUntil = Math.max(...Object.values(current.doc.items).map((e) => e.at));
        const uploaded = await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
          conditions: current.etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: current.etag },
          blobHTTPHeaders: { blobContentType: 'application/json' },
          metadata: { [ACTIVE_UNTIL]: String(activeUntil) },
          abortSignal,
        });
        this.remember(name, uploaded.etag, body);
        return;
      } catch (err) {
        // 412: changed since read; 409: created since read; 404: deleted since read.
        const status = statusOf(err);
        if (status !== 412 && status !== 409 && status !== 404) throw err;
        this.cache.delete(name);
        if (attempt >= MAX_BLOB_ATTEMPTS) throw new StorageConflictError(blobKey);
      }
    }
  }

  /** Downloads a blob (absent: an empty doc). A blob BlobsStorage wrote is one bare item, under `blobKey`, with the blob's eTag. */
  private async fetch(blobKey: string, abortSignal: AbortSignal | undefined, { cache = true } = {}): Promise<Fetched> {
    const name = blobNameOf(blobKey);
    let fetched: Fetched;
    try {
      const download = await this.container.getBlobClient(name).download(0, undefined, { abortSignal });
      const body = download.readableStreamBody ? await text(download.readableStreamBody) : '';
      const parsed = JSON.parse(body) as unknown;
      const doc: Doc =
        typeof parsed === 'object' && parsed !== null && (parsed as Partial<Doc>).$grouped === 1
          ? (parsed as Doc)
          : // BlobsStorage's layout: the blob is the item, its eTag the item's.
            { $grouped: 1, items: { [blobKey]: { v: download.etag ?? randomUUID(), at: download.lastModified?.getTime() ?? this.now(), value: parsed as Record<string, unknown> } } };
      fetched = { etag: download.etag, doc };
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      if (cache) this.cache.delete(name);
      return { etag: undefined, doc: emptyDoc() };
    }
    if (cache) this.remember(name, fetched.etag, JSON.stringify(fetched.doc));
    return fetched;
  }

  private cached(name: string): Fetched | undefined {
    const hit = this.cache.get(name);
    return hit ? { etag: hit.etag, doc: JSON.parse(hit.body) as Doc } : undefined;
  }

  private remember(name: string, etag: string | undefined, body: string): void {
    this.cache.delete(name);
    if (!etag) return;
    this.cache.set(name, { etag, body });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  private async deleteBlob(key: string, abortSignal?: AbortSignal): Promise<void> {
    const name = blobNameOf(key);
    try {
      await this.container.deleteBlob(name, { abortSignal });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    this.cache.delete(name);
  }

  /** Creates the container once per process; forgets a failed attempt, so a service that was down at start-up is retried. */
  private ensureContainer(abortSignal?: AbortSignal): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.containerReady = undefined;
      throw err;
    });
    if (!abortSignal) return this.containerReady;
    // Shared by every caller: one caller's deadline must not cancel it for the others.
    return Promise.race([
      this.containerReady,
      new Promise((_resolve, reject) => {
        if (abortSignal.aborted) reject(abortSignal.reason);
        abortSignal.addEventListener('abort', () => reject(abortSignal.reason), { once: true });
      }),
    ]);
  }
}

function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
