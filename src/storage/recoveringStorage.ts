import type { Storage, StoreItems } from 'botbuilder';
import { isEtagConflict } from './sqliteStorage.js';

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
