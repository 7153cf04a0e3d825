import type { BotState, Storage, StoreItems, TurnContext } from 'botbuilder';
import { IF_ABSENT } from '../storage/etags.js';
import { isEtagConflict } from '../storage/sqliteStorage.js';
import { LAST_ACTIVE, type RetentionPolicy } from './retention.js';

/** A BotState that can name its storage key for a turn (UserState, ConversationState, PrivateConversationState). */
export type KeyedBotState = BotState & { getStorageKey(context: TurnContext): string | undefined };

type StateObject = Record<string, unknown>;

/** One state as this attempt read it. */
export interface LoadedState {
  state: KeyedBotState;
  key: string;
  /** The object BotState caches for the turn: dialogs change it in place. */
  object: StateObject;
  /** The eTag read with it; undefined when the key did not exist. */
  eTag: string | undefined;
  hash: string;
  stamp: number | undefined;
  expired: boolean;
}

const hashOf = (object: StateObject): string => {
  const { eTag: _eTag, [LAST_ACTIVE]: _stamp, ...rest } = object;
  return JSON.stringify(rest);
};

/**
 * Reads every state fresh from storage into the turn (BotState's own cache, so dialogs see exactly this),
 * and notes the eTag each was read with. State idle longer than the TTL is emptied here: the user starts
 * fresh, and the save below overwrites it (eTag-checked, like any other change).
 */
export async function loadStates(context: TurnContext, states: readonly KeyedBotState[], policy: RetentionPolicy): Promise<LoadedState[]> {
  const now = policy.now();
  const loaded: LoadedState[] = [];
  for (const state of states) {
    let key: string | undefined;
    try {
      key = state.getStorageKey(context);
    } catch {
      key = undefined; // the activity lacks what this state is keyed on (e.g. no user): the bot cannot use it either
    }
    if (!key) continue;
    const object = (await state.load(context, true)) as StateObject;
    const eTag = typeof object.eTag === 'string' ? object.eTag : undefined;
    const stamp = typeof object[LAST_ACTIVE] === 'number' ? (object[LAST_ACTIVE] as number) : undefined;
    const expired = stamp !== undefined && now - stamp >= policy.ttlMs;
    if (expired) for (const name of Object.keys(object)) if (name !== 'eTag') delete object[name];
    loaded.push({ state, key, object, eTag, hash: hashOf(object), stamp, expired });
  }
  return loaded;
}

/**
 * Writes back what the turn changed, each item with the eTag it was read with (IF_ABSENT for one that did not
 * exist), so a write based on stale state fails instead of silently replacing a newer one — botbuilder's own
 * `saveChanges` writes with '*'. An unchanged state is rewritten only to refresh an old activity stamp.
 * Returns 'conflict' when another turn (here or on another instance) wrote first: the caller re-runs the turn.
 */
export async function saveStates(
  context: TurnContext,
  storage: Storage,
  loaded: readonly LoadedState[],
  policy: RetentionPolicy,
): Promise<'saved' | 'conflict'> {
  const now = policy.now();
  const changes: StoreItems = {};
  for (const entry of loaded) {
    const current = entry.state.get(context) as StateObject | undefined;
    if (!current) continue; // BotState.delete() removed it from storage and from the turn
    const changed = entry.expired || current !== entry.object || hashOf(current) !== entry.hash;
    const staleStamp = entry.stamp === undefined || now - entry.stamp >= policy.touchMs;
    if (!changed && !(entry.eTag !== undefined && staleStamp)) continue;
    const { eTag: _eTag, ...value } = current;
    changes[entry.key] = { ...value, [LAST_ACTIVE]: now, eTag: entry.eTag ?? IF_ABSENT };
  }
  if (Object.keys(changes).length === 0) return 'saved';
  try {
    await storage.write(changes);
    return 'saved';
  } catch (err) {
    if (isEtagConflict(err)) return 'conflict';
    throw err;
  }
}
