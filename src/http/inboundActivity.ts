// zod 4's parser (in zod 3.25 as 'zod/v4'): every request is checked here, and it is six times faster than zod 3.
import { z } from 'zod/v4';
import { LRUCache } from 'lru-cache';

/**
 * No lone surrogate halves: SQLite stores text as UTF-8, where a lone surrogate becomes U+FFFD, so a key
 * holding one is written under another name and can never be read back; encodeURIComponent (blob names,
 * connector URLs) throws on one. Teams never sends them.
 */
// With the u flag a surrogate pair is one code point: this matches only a half standing alone.
const wellFormed = (v: string) => !/[\uD800-\uDFFF]/u.test(v);
const WELL_FORMED = 'Expected well-formed Unicode';
const text = (max: number) => z.string().max(max).refine(wellFormed, WELL_FORMED);
const id = z.string().min(1).max(1024).refine(wellFormed, WELL_FORMED);
/** Optional strings the reply carries back to the connector, whose serializer refuses any other type. */
const replyText = text(1024).nullable().optional();
const properties = z.object({}).passthrough().nullable().optional();
/**
 * The channel account fields a reply echoes (the user becomes its recipient, the bot its sender); the
 * connector's serializer checks each type, so a wrong one would fail the reply after the turn was saved.
 */
const account = z.object({ id, name: replyText, aadObjectId: replyText, role: replyText, properties }).passthrough();
/**
 * The connector sends the conversation id in an HTTP header (x-ms-conversation-id) with every reply: tab,
 * printable ASCII and Latin-1 only, or the reply fails after the turn was saved.
 */
const conversationId = id.refine((v) => /^[\t\x20-\x7e\xa0-\xff]+$/.test(v), 'Expected a conversation id that fits in an HTTP header');
const conversation = z
  .object({
    id: conversationId,
    name: replyText,
    aadObjectId: replyText,
    role: replyText,
    tenantId: replyText,
    conversationType: replyText,
    isGroup: z.boolean().nullable().optional(),
    properties,
  })
  .passthrough();
/**
 * Every activity names its service URL, and a channel uses a handful: one that passed is not parsed again (the 64
 * most recently seen are remembered).
 */
const knownServiceUrls = new LRUCache<string, true>({ max: 64 });
const isHttpUrl = (v: string): boolean => {
  if (knownServiceUrls.has(v)) return true;
  const ok = /^https?:\/\//i.test(v) && URL.canParse(v);
  if (ok) knownServiceUrls.set(v, true);
  return ok;
};
const httpUrl = z.string().max(2048).refine(isHttpUrl, 'Expected an http(s) URL');

/** Deeper than any activity Teams sends; recursive code further in (cloning, validation) must not meet 10,000 levels. */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion and stopping once past `limit`. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The least an activity must be before botbuilder sees it: every field the bot, the state keys and
 * the reply path read is present and of the right type. The channel always sends these; anything else
 * is a broken or hostile client and gets 400 instead of a failed turn. Unknown fields pass through.
 */
export const InboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    // Part of every state key: the channel names Bot Framework uses (msteams, webchat, emulator, …).
    channelId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    serviceUrl: httpUrl,
    conversation,
    // State is kept per user (UserState, PrivateConversationState) and replies are addressed from the recipient.
    from: account,
    recipient: account,
    // In the connector's URLs (encodeURIComponent throws on a lone surrogate).
    id: text(1024).optional(),
    replyToId: text(1024).optional(),
    text: z.string().optional(),
    locale: text(64).optional(),
    name: z.string().max(256).optional(),
    deliveryMode: z.string().max(64).optional(),
    // removeRecipientMention reads every mention's `mentioned.id`.
    entities: z
      .array(
        z
          .object({ type: z.string().max(256), mentioned: account.optional() })
          .passthrough()
          .refine((e) => e.type.toLowerCase() !== 'mention' || e.mentioned !== undefined, 'A mention names who it mentions'),
      )
      .max(256)
      .optional(),
    attachments: z.array(z.object({}).passthrough()).max(64).optional(),
    channelData: z.object({}).passthrough().optional(),
  })
  .passthrough()
  .refine((a) => !exceedsDepth(a, MAX_JSON_DEPTH), 'Nested too deeply')
  // TeamsActivityHandler reads channelData (eventType, tenant) of every msteams activity unchecked; Teams always sends it.
  .refine((a) => a.channelId !== 'msteams' || a.channelData !== undefined, 'Teams activities carry channelData')
  // Teams' invokes always carry an object; botbuilder's invoke handlers read fields of it unchecked.
  .refine((a) => a.type !== 'invoke' || (typeof a.value === 'object' && a.value !== null && !Array.isArray(a.value)), 'An invoke carries an object value');
