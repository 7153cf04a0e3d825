import { ActivityTypes } from 'botbuilder';
import type { Decision } from '../../dialogs/core/decide.js';
import { guidanceFor } from '../../dialogs/core/flow.js';

/**
 * Attribute values come only from small fixed sets (or are counts): never text a user or a channel chose,
 * never an id. These helpers map what a turn sees onto those sets.
 */

const ACTIVITY_TYPES = new Set<string>(Object.values(ActivityTypes));

/** The activity's type if it is one of the Bot Framework's, else "other" (the type is the caller's string). */
export function activityTypeOf(type: unknown): string {
  return typeof type === 'string' && ACTIVITY_TYPES.has(type) ? type : 'other';
}

/** Words of the Bot Connector REST API; every other path segment is an id and becomes a placeholder. */
const CONNECTOR_WORDS = new Set(['conversations', 'activities', 'members', 'pagedmembers', 'attachments', 'views', 'history', 'teams', 'channels']);
const PLACEHOLDER: Record<string, string> = {
  conversations: '{conversationId}',
  activities: '{activityId}',
  members: '{memberId}',
  attachments: '{attachmentId}',
  views: '{viewId}',
  teams: '{teamId}',
};

/**
 * The connector call's path as a template, e.g. "/v3/conversations/{conversationId}/activities/{activityId}".
 * Only the part from /v3/ on: what precedes it in a service URL (a region, sometimes a tenant id) is dropped.
 */
export function connectorUrlTemplate(pathname: string): string | undefined {
  const segments = pathname.split('/');
  const v3 = segments.indexOf('v3');
  if (v3 < 0) return undefined;
  const out = ['', 'v3'];
  for (let i = v3 + 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '') continue;
    if (CONNECTOR_WORDS.has(segment)) out.push(segment);
    else out.push(PLACEHOLDER[segments[i - 1]!] ?? '{id}');
  }
  return out.join('/');
}

/**
 * `error.type`: a system or driver code (ECONNREFUSED, SQLITE_BUSY) or the error's class name (TimeoutError,
 * ReplyNotDelivered), never its message, which can hold a storage key (a conversation id) or a URL.
 */
export function errorTypeOf(err: unknown): string {
  const { code, name } = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; name?: unknown };
  const candidate = typeof code === 'string' ? code : typeof name === 'string' ? name : typeof err;
  return /^[A-Za-z][\w.-]{0,63}$/.test(candidate) ? candidate : 'Error';
}

/**
 * The verdict of the result card this turn shows, if any: "blocked" for the early verdict, else the one the
 * guidance engine gives for the answers (the same call the card renders from).
 */
export function verdictOf(decision: Decision, today: string): string | undefined {
  // The card that replaces the clicked one comes last, wherever it is shown.
  const shown = decision.inPlace ? [...decision.replies, decision.inPlace] : decision.replies;
  for (let i = shown.length - 1; i >= 0; i--) {
    const reply = shown[i]!;
    if (reply.kind === 'blocked') return 'blocked';
    if (reply.kind === 'result') return guidanceFor(reply.answers, today, reply.continueAnyway).verdict;
  }
  return undefined;
}
