// zod 4's parser (in zod 3.25 as 'zod/v4'): every request is checked here, and it is six times faster than zod 3.
import { z } from 'zod/v4';

/**
 * No lone surrogate halves: SQLite stores text as UTF-8, where a lone surrogate becomes U+FFFD, so a key
 * holding one is written under another name and can never be read back; encodeURIComponent (blob names,
 * connector URLs) throws on one. Teams never sends them.
 */
// With the u flag a surrogate pair is one code point: this matches only a half standing alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormed = (v: string) => !LONE_SURROGATE.test(v);
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
const HEADER_VALUE = /^[\t\x20-\x7e\xa0-\xff]+$/;
const conversationId = id.refine((v) => HEADER_VALUE.test(v), 'Expected a conversation id that fits in an HTTP header');
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
const HTTP_URL = /^https?:\/\//i;
const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => HTTP_URL.test(v) && URL.canParse(v), 'Expected an http(s) URL');

const CHANNEL_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
export const InboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    // Part of every state key: the channel names Bot Framework uses (msteams, webchat, emulator, …).
    channelId: z.string().regex(CHANNEL_ID),
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

export type InboundParse = { success: true; data: z.infer<typeof InboundActivitySchema> } | { success: false };

/**
 * {@link InboundActivitySchema}'s verdict on a request body, the cheap way for what the channel sends: a plain
 * check ({@link plainlyValid}) accepts a well-formed activity as it is, without zod's per-field work (a
 * twentieth of a turn's CPU); anything it is not sure of is parsed by the schema, which has the last word.
 */
export const InboundActivity = {
  safeParse(json: unknown): InboundParse {
    if (plainlyValid(json)) return { success: true, data: json as z.infer<typeof InboundActivitySchema> };
    const parsed = InboundActivitySchema.safeParse(json);
    return parsed.success ? { success: true, data: parsed.data } : { success: false };
  },
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && !LONE_SURROGATE.test(v);
const isId = (v: unknown): v is string => isText(v, 1024) && v.length > 0;
const isReplyText = (v: unknown) => v === undefined || v === null || isText(v, 1024);
const isProperties = (v: unknown) => v === undefined || v === null || isObject(v);
const isAccount = (v: unknown) => isObject(v) && isId(v.id) && isReplyText(v.name) && isReplyText(v.aadObjectId) && isReplyText(v.role) && isProperties(v.properties);
const optional = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const optionalText = (v: unknown, max: number) => v === undefined || isText(v, max);

/**
 * True only when {@link InboundActivitySchema} certainly accepts `json` and would give back the same value (it
 * copies what it accepts); false when unsure, never wrong the other way (tests compare the two on hostile
 * input). Every rule of the schema is checked here, in the same order of fields.
 */
export function plainlyValid(json: unknown): boolean {
  if (!isObject(json)) return false;
  const a = json;
  if (!(typeof a.type === 'string' && a.type.length >= 1 && a.type.length <= 64)) return false;
  if (!(typeof a.channelId === 'string' && CHANNEL_ID.test(a.channelId))) return false;
  if (!(typeof a.serviceUrl === 'string' && a.serviceUrl.length <= 2048 && HTTP_URL.test(a.serviceUrl) && URL.canParse(a.serviceUrl))) return false;
  const c = a.conversation;
  if (!isObject(c) || !isId(c.id) || !HEADER_VALUE.test(c.id)) return false;
  if (!(isReplyText(c.name) && isReplyText(c.aadObjectId) && isReplyText(c.role) && isReplyText(c.tenantId) && isReplyText(c.conversationType))) return false;
  if (!(c.isGroup === undefined || c.isGroup === null || typeof c.isGroup === 'boolean') || !isProperties(c.properties)) return false;
  if (!isAccount(a.from) || !isAccount(a.recipient)) return false;
  if (!optionalText(a.id, 1024) || !optionalText(a.replyToId, 1024) || !optionalText(a.locale, 64)) return false;
  if (!(a.text === undefined || typeof a.text === 'string') || !optional(a.name, 256) || !optional(a.deliveryMode, 64)) return false;
  if (a.entities !== undefined) {
    if (!Array.isArray(a.entities) || a.entities.length > 256) return false;
    for (const e of a.entities as unknown[]) {
      if (!isObject(e) || typeof e.type !== 'string' || e.type.length > 256) return false;
      if (e.mentioned === undefined ? e.type.toLowerCase() === 'mention' : !isAccount(e.mentioned)) return false;
    }
  }
  if (a.attachments !== undefined && !(Array.isArray(a.attachments) && a.attachments.length <= 64 && a.attachments.every(isObject))) return false;
  if (a.channelData !== undefined && !isObject(a.channelData)) return false;
  if (a.channelId === 'msteams' && a.channelData === undefined) return false;
  if (a.type === 'invoke' && !isObject(a.value)) return false;
  return plainTree(a, MAX_JSON_DEPTH);
}

/**
 * Not nested deeper than `limit` (as exceedsDepth counts), and no object with an own `__proto__` key (the schema's
 * copy would not keep it as a key: such a body is left to the schema).
 */
function plainTree(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return false;
    if (Object.prototype.hasOwnProperty.call(node, '__proto__')) return false;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return true;
}
