/**
 * Activities whose fields the reply path cannot carry: before they were refused, the turn ran and was
 * saved, and then the reply failed (the connector's serializer checks every type; the conversation id
 * travels in an HTTP header), or SQLite stored a key it could never read back (a lone surrogate).
 */
export type Mutation = (activity: Record<string, unknown>) => void;

const set = (path: string, value: unknown): Mutation => (activity) => {
  const parts = path.split('.');
  let node = activity as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
};

export const REFUSED: Array<[string, Mutation]> = [
  ['a number as conversation.tenantId', set('conversation.tenantId', 12345)],
  ['an object as conversation.tenantId', set('conversation.tenantId', { id: 'tenant-1' })],
  ['a number as from.name', set('from.name', 42)],
  ['an object as recipient.name', set('recipient.name', { first: 'CSP' })],
  ['a string as conversation.isGroup', set('conversation.isGroup', 'yes')],
  ['CJK in the conversation id', set('conversation.id', `a:会话-${Date.now()}`)],
  ['an emoji in the conversation id', set('conversation.id', `a:🚀-${Date.now()}`)],
  ['a line break in the conversation id', set('conversation.id', `a:x\r\nx-injected: 1`)],
  ['a lone surrogate in the user id', set('from.id', `29:\ud800-${Date.now()}`)],
  ['a lone surrogate in the conversation id', set('conversation.id', `a:\udc00-${Date.now()}`)],
  ['a lone surrogate in the activity id', set('id', `\ud83d-${Date.now()}`)],
  ['a slash in the channel id', set('channelId', 'msteams/../x')],
];

/** Unusual but valid: these still get their answer. */
export const ACCEPTED: Array<[string, Mutation]> = [
  ['Latin-1 in the conversation id', set('conversation.id', `a:café-${Date.now()}`)],
  ['CJK and emoji in the user name', set('from.name', '王小明 🚀')],
  ['a null tenantId', set('conversation.tenantId', null)],
  ['a lone surrogate in the text (not an id)', set('text', 'help \ud800')],
];
