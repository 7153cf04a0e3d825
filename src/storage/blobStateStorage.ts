import { ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage, type BlobsStorageOptions } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { IF_ABSENT } from './etags.js';
import { RecoveringStorage } from './recoveringStorage.js';
import { StorageConflictError } from './sqliteStorage.js';

/**
 * Azure Blob Storage for bot state: botbuilder's BlobsStorage (one JSON blob per key, eTag-checked writes
 * with If-Match), plus the two things it lacks, done on the same blobs with the same names:
 *
 * - create-only writes: an item whose eTag is `IF_ABSENT` is uploaded with `If-None-Match: *`, so of two
 *   instances creating one key exactly one wins and the other gets an eTag conflict (BlobsStorage would
 *   let both succeed, and would send IF_ABSENT as If-Match, which fails even when the blob is absent);
 * - retention: {@link deleteWrittenBefore} deletes blobs by their Last-Modified time.
 *
 * As with BlobsStorage, a write of several items is not atomic: each blob succeeds or conflicts on its own.
 */
export class BlobStateStorage implements Storage {
  private readonly blobs: RecoveringStorage;
  private readonly container: ContainerClient;
  private containerReady: Promise<unknown> | undefined;

  constructor(connectionString: string, containerName: string, options: BlobsStorageOptions = {}) {
    this.blobs = new RecoveringStorage(() => new BlobsStorage(connectionString, containerName, options));
    this.container = new ContainerClient(connectionString, containerName, options.storagePipelineOptions);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const ordinary: StoreItems = {};
    const creates: Array<[string, StoreItem]> = [];
    for (const [key, item] of Object.entries(changes)) {
      if ((item as StoreItem | undefined)?.eTag === IF_ABSENT) creates.push([key, item as StoreItem]);
      else ordinary[key] = item;
    }
    await Promise.all([
      Object.keys(ordinary).length > 0 ? this.blobs.write(ordinary) : undefined,
      ...creates.map(([key, item]) => this.create(key, item)),
    ]);
  }

  /**
   * Deletes the blobs last modified before `cutoffMs` whose key starts with `prefix` ('' = all). Each delete
   * is conditional on the eTag listed, so a blob written since the listing survives. Returns the count.
   * On Azure, a lifecycle-management rule on the container does the same without listing.
   */
  async deleteWrittenBefore(cutoffMs: number, prefix = ''): Promise<number> {
    await this.ensureContainer();
    let deleted = 0;
    // Blob names are the whole key URI-encoded (sanitizeBlobKey), so the prefix is encoded the same way.
    for await (const blob of this.container.listBlobsFlat({ prefix: prefix ? encodeURIComponent(prefix) : undefined })) {
      if (blob.properties.lastModified.getTime() >= cutoffMs) continue;
      try {
        await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
        deleted++;
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (status !== 404 && status !== 412) throw err; // gone or rewritten meanwhile: leave it
      }
    }
    return deleted;
  }

  private async create(key: string, item: StoreItem): Promise<void> {
    await this.ensureContainer();
    const { eTag: _eTag, ...value } = item;
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412) throw new StorageConflictError(key);
      throw err;
    }
  }

  /** Unlike BlobsStorage, forgets a failed attempt, so a service that was down at start-up is retried. */
  private ensureContainer(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.containerReady = undefined;
      throw err;
    });
    return this.containerReady;
  }
}
