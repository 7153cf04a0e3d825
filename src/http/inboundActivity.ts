import { z } from 'zod';

const id = z.string().min(1).max(1024);
const account = z.object({ id }).passthrough();
const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'Expected an http(s) URL');

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
    channelId: z.string().min(1).max(256),
    serviceUrl: httpUrl,
    conversation: z.object({ id }).passthrough(),
    // State is kept per user (UserState, PrivateConversationState) and replies are addressed from the recipient.
    from: account,
    recipient: account,
    id: z.string().max(1024).optional(),
    replyToId: z.string().max(1024).optional(),
    text: z.string().optional(),
    locale: z.string().max(64).optional(),
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
