import type { Storage, StoreItems } from 'botbuilder';

/** What a storage call may be given so that it can stop its own network requests (the Azure SDK's `abortSignal`). */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

/** A storage whose calls take {@link CallOptions}; BlobStateStorage is one. */
export interface AbortableStorage extends Storage {
  read(keys: string[], options?: CallOptions): Promise<StoreItems>;
  write(changes: StoreItems, options?: CallOptions): Promise<void>;
  delete(keys: string[], options?: CallOptions): Promise<void>;
}

/** A storage call ran past its deadline. An outage by `isStorageOutage` (name TimeoutError): the user is told to try again. */
export class StorageTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(readonly operation: string, readonly timeoutMs: number) {
    super(`Storage ${operation} gave up after ${timeoutMs} ms.`);
    this.name = 'TimeoutError';
  }
}

/**
 * Gives every call a deadline measured here, on our side: an endpoint that accepts the connection and then
 * says nothing (a hung service, a stalled network) is waited for `timeoutMs`, not for ever. The Azure SDK's
 * `tryTimeoutInMs` is sent to the service as a server-side timeout and does not stop a request that gets
 * no answer. The call's own requests are aborted through `abortSignal`, and the caller gets a
 * {@link StorageTimeoutError} at the deadline even if the storage ignores the signal.
 *
 * A write cut off this way may still have reached the service and been applied: the caller cannot tell.
 */
export function withDeadline(storage: AbortableStorage, timeoutMs: number): AbortableStorage {
  const run = <T>(operation: string, callerSignal: AbortSignal | undefined, call: (options: CallOptions) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new StorageTimeoutError(operation, timeoutMs);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const work = call({ abortSignal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal });
    return Promise.race([work, deadline]).finally(() => {
      clearTimeout(timer);
      // The loser of the race must not become an unhandled rejection.
      work.catch(() => {});
    });
  };
  return {
    read: (keys, options) => run('read', options?.abortSignal, (o) => storage.read(keys, o)),
    write: (changes, options) => run('write', options?.abortSignal, (o) => storage.write(changes, o)),
    delete: (keys, options) => run('delete', options?.abortSignal, (o) => storage.delete(keys, o)),
  };
}
