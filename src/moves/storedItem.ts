import type { Storage, StoreItem } from 'botbuilder';
import { IF_ABSENT, isEtagConflict } from '../storage/etags.js';
import { keptUntil } from '../storage/keptUntil.js';
import { LAST_ACTIVE, type RetentionPolicy } from '../state/retention.js';

/** An item as read: its value (undefined: absent, or expired under the retention policy) and the eTag to write it back with. */
export interface ReadItem<T> {
  value: T | undefined;
  /** IF_ABSENT when the key does not exist; an expired item keeps its real eTag, so a rewrite replaces it. */
  eTag: string;
}

/**
 * Reads one item; an item not written for the state TTL reads as absent, as the conversation's state does. An
 * item written with an `activeUntil` ahead counts as written then: it reads as present until that time + the TTL.
 */
export async function readItem<T>(storage: Storage, key: string, policy: RetentionPolicy): Promise<ReadItem<T>> {
  return (await readItems<T>(storage, [key], policy))[key]!;
}

export async function readItems<T>(storage: Storage, keys: string[], policy: RetentionPolicy): Promise<Record<string, ReadItem<T>>> {
  const items = keys.length > 0 ? await storage.read(keys) : {};
  const now = policy.now();
  const out: Record<string, ReadItem<T>> = {};
  for (const key of keys) {
    const item = items[key] as (StoreItem & Record<string, unknown>) | undefined;
    if (!item) {
      out[key] = { value: undefined, eTag: IF_ABSENT };
      continue;
    }
    const { eTag, [LAST_ACTIVE]: stamp, ...value } = item;
    const expired = typeof stamp === 'number' && now - stamp >= policy.ttlMs;
    out[key] = { value: expired ? undefined : (value as T), eTag: typeof eTag === 'string' ? eTag : '*' };
  }
  return out;
}

/**
 * Writes `value` over the version read (`eTag`), stamped for retention: LAST_ACTIVE is now, or `activeUntil`
 * (epoch ms) when that lies ahead — the item then stays (read as present, not swept) until `activeUntil` + the
 * TTL; at most five years ahead (storage bounds it the same way). Throws the storage's conflict error on a stale eTag.
 */
export async function writeItem<T extends object>(
  storage: Storage,
  key: string,
  value: T,
  eTag: string,
  policy: RetentionPolicy,
  activeUntil?: number,
): Promise<void> {
  await storage.write({ [key]: { ...value, [LAST_ACTIVE]: keptUntil(activeUntil, policy.now()), eTag } });
}

/** Tries of one read-modify-write when other writers keep winning. */
const ATTEMPTS = 8;

/** What an update decided: write this value, delete the item, or leave it as it is. */
export type Change<T> = { write: T } | { delete: true } | { keep: true };

/**
 * Read, decide, write with the eTag read; on a conflict (another turn or instance wrote first) read again and
 * decide again. `decide` must be pure: it may run several times. Returns the value written (or the one kept).
 * `activeUntil`: as for {@link writeItem}, or worked out from the value to be written.
 */
export async function updateItem<T extends object>(
  storage: Storage,
  key: string,
  policy: RetentionPolicy,
  decide: (current: T | undefined) => Change<T>,
  activeUntil?: number | ((written: T) => number | undefined),
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const { value, eTag } = await readItem<T>(storage, key, policy);
    const change = decide(value);
    if ('keep' in change) return value;
    if ('delete' in change) {
      if (eTag !== IF_ABSENT) await storage.delete([key]);
      return undefined;
    }
    try {
      const until = typeof activeUntil === 'function' ? activeUntil(change.write) : activeUntil;
      await writeItem(storage, key, change.write, eTag, policy, until);
      return change.write;
    } catch (err) {
      if (!isEtagConflict(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}
