import type { Storage, StoreItems } from 'botbuilder';
import { isEtagConflict } from '../storage/etags.js';
import { isStorageOutage } from '../storage/outage.js';

/** The storage could not be reached or written: the user is told to try again, the answers stay as they were. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Storage is unavailable.', { cause });
    this.name = 'StorageUnavailableError';
  }
}

export function isStorageUnavailable(err: unknown): err is StorageUnavailableError {
  return err instanceof StorageUnavailableError;
}

/**
 * Wraps the bot's storage so that every outage surfaces as one recognisable error, wherever in a turn it
 * happens (a dialog reading state, the checked save, the duplicate-delivery record). eTag conflicts and
 * errors that are not outages (bugs) pass through unchanged.
 */
export function guardStorage(storage: Storage): Storage {
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      if (!isEtagConflict(err) && isStorageOutage(err)) throw new StorageUnavailableError(err);
      throw err;
    }
  };
  return {
    read: (keys: string[]) => guard<StoreItems>(() => storage.read(keys)),
    write: (changes: StoreItems) => guard(() => storage.write(changes)),
    delete: (keys: string[]) => guard(() => storage.delete(keys)),
  };
}
