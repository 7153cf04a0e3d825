import { createHash } from 'node:crypto';

/** Who a move belongs to: the channel and the user's id there (Teams: the AAD object id when it has one). */
export interface UserRef {
  channelId: string;
  userId: string;
}

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('base64url').slice(0, length);

/**
 * A user's moves are filed under a digest of their id, not the id itself: storage keys end up in blob names,
 * logs and the due index, and a digest there names no one.
 */
export const userKeyOf = (user: UserRef): string => digest(`${user.channelId}\n${user.userId}`, 22);

/**
 * A move's id: the same check result tracked twice (a second [Track], a resent click) gives the same id, so
 * the second create finds the first instead of making another move.
 */
export const moveIdOf = (userKey: string, idempotencyKey: string): string => digest(`${userKey}\n${idempotencyKey}`, 16);

/** The user's index: their moves' summaries and where to reach them (small: read by the list and the sender). */
export const indexKey = (userKey: string): string => `moves/${userKey}/index`;
/** One move, whole. */
export const moveKey = (userKey: string, moveId: string): string => `moves/${userKey}/m/${moveId}`;
