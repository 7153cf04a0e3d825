import type { BotState, Storage, StoreItems, TurnContext } from 'botbuilder';
import { IF_ABSENT, issuedETagsOf } from '../storage/etags.js';
import { isEtagConflict } from '../storage/etags.js';
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
  /** What it looked like when read, to tell whether the turn changed it; undefined if the caller will always write it. */
  hash: string | undefined;
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
 * fresh, and the save below overwrites it (eTag-checked, like any other change). `alwaysWritten` names a
 * state the caller changes on every turn (the delivery ledger's): it is not fingerprinted.
 */
export async function loadStates(
  context: TurnContext,
  storage: Storage,
  states: readonly KeyedBotState[],
  policy: RetentionPolicy,
  alwaysWritten?: KeyedBotState,
): Promise<LoadedState[]> {
  const now = policy.now();
  const keyed: Array<[KeyedBotState, string]> = [];
  for (const state of states) {
    let key: string | undefined;
    try {
      key = state.getStorageKey(context);
    } catch {
      key = undefined; // the activity lacks what this state is keyed on (e.g. no user): the bot cannot use it either
    }
    if (key) keyed.push([state, key]);
  }
  // One read for all of them, handed to each BotState as if it had read it itself.
  const items = keyed.length > 0 ? await storage.read(keyed.map(([, key]) => key)) : {};
  const loaded: LoadedState[] = [];
  for (const [state, key] of keyed) {
    const object = primed(context, state, (items[key] as StateObject | undefined) ?? {}) ?? ((await state.load(context, true)) as StateObject);
    const eTag = typeof object.eTag === 'string' ? object.eTag : undefined;
    const stamp = typeof object[LAST_ACTIVE] === 'number' ? (object[LAST_ACTIVE] as number) : undefined;
    const expired = stamp !== undefined && now - stamp >= policy.ttlMs;
    if (expired) for (const name of Object.keys(object)) if (name !== 'eTag') delete object[name];
    loaded.push({ state, key, object, eTag, hash: state === alwaysWritten ? undefined : hashOf(object), stamp, expired });
  }
  return loaded;
}

/**
 * Puts `object` in BotState's turn cache (where `load(context, true)` would put what it reads), so the
 * dialogs see it. BotState keeps that cache under a private symbol; if a botbuilder version names it
 * otherwise, returns undefined and the caller lets BotState read for itself.
 */
function primed(context: TurnContext, state: KeyedBotState, object: StateObject): StateObject | undefined {
  const slot = (state as unknown as { stateKey?: unknown }).stateKey;
  if (typeof slot !== 'symbol') return undefined;
  // BotState.saveChanges would compare against this hash; the turn runner saves with saveStates instead.
  context.turnState.set(slot, { state: object, hash: '' });
  return object;
}

/** What a save did: `conflict` (nothing written) or `saved`, with each item as written and, where the storage reports it, its new eTag. */
export type SaveResult =
  | { outcome: 'conflict' }
  | { outcome: 'saved'; written: Record<string, { value: StateObject; eTag: string | undefined }> };

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
): Promise<SaveResult> {
  const now = policy.now();
  const changes: StoreItems = {};
  for (const entry of loaded) {
    const current = entry.state.get(context) as StateObject | undefined;
    if (!current) continue; // BotState.delete() removed it from storage and from the turn
    const changed = entry.expired || current !== entry.object || entry.hash === undefined || hashOf(current) !== entry.hash;
    const staleStamp = entry.stamp === undefined || now - entry.stamp >= policy.touchMs;
    if (!changed && !(entry.eTag !== undefined && staleStamp)) continue;
    const { eTag: _eTag, ...value } = current;
    changes[entry.key] = { ...value, [LAST_ACTIVE]: now, eTag: entry.eTag ?? IF_ABSENT };
  }
  if (Object.keys(changes).length === 0) return { outcome: 'saved', written: {} };
  try {
    await storage.write(changes);
  } catch (err) {
    if (isEtagConflict(err)) return { outcome: 'conflict' };
    throw err;
  }
  const eTags = issuedETagsOf(changes);
  const written: Record<string, { value: StateObject; eTag: string | undefined }> = {};
  for (const [key, item] of Object.entries(changes)) {
    const { eTag: _eTag, ...value } = item as StateObject;
    written[key] = { value, eTag: eTags?.[key] };
  }
  return { outcome: 'saved', written };
}
