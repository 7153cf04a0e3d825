// The plain check that lets a well-formed activity skip zod must never accept what the schema refuses, and must
// hand on what the schema would: the two are compared on Teams-shaped activities with any field made hostile.
import { expect } from 'chai';
import fc from 'fast-check';
import { InboundActivity, InboundActivitySchema, MAX_JSON_DEPTH, plainlyValid } from '../../src/http/inboundActivity.js';
import { teamsActivity } from '../support/activity.js';

const LONE = '\uD800';
const deep = (levels: number): unknown => {
  let node: unknown = 'leaf';
  for (let i = 0; i < levels; i++) node = { n: node };
  return node;
};

/** Values a field may hold: fine ones, and each kind of wrong one. */
const ANY: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'mention',
  'Mention',
  'msteams',
  'invoke',
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(256),
  'a'.repeat(257),
  'a'.repeat(1024),
  'a'.repeat(1025),
  'a'.repeat(2049),
  `bad${LONE}`,
  'tab\there',
  'line\nbreak',
  '中文',
  'https://smba.trafficmanager.net/amer/',
  'http://127.0.0.1:9/unused',
  'https://',
  'ftp://x',
  `https://x.example/${'a'.repeat(2030)}`,
  `https://x.example/${'a'.repeat(2031)}`,
  0,
  1,
  true,
  false,
  [],
  ['x'],
  {},
  { id: 'u' },
  { id: '' },
  { id: 'u', name: null, role: 'user' },
  { id: 'u', name: 5 },
  { id: 'u', properties: [] },
  { type: 'mention', mentioned: { id: 'bot-1' } },
  { type: 'mention' },
  [{ type: 'mention', mentioned: { id: 'bot-1' } }],
  [{ type: 'mention' }],
  [{ type: 'clientInfo', locale: 'en-US' }],
  [{ type: 'a'.repeat(256) }],
  [{ type: 'a'.repeat(257) }],
  [{ type: 'x', mentioned: { id: '' } }],
  [{ type: 5 }],
  [{ contentType: 'x' }],
  [1],
  Array.from({ length: 64 }, () => ({ type: 'x' })),
  Array.from({ length: 65 }, () => ({ type: 'x' })),
  Array.from({ length: 257 }, () => ({ type: 'x' })),
  { tenant: { id: 't' } },
  deep(MAX_JSON_DEPTH - 2),
  deep(MAX_JSON_DEPTH + 1),
];

const FIELDS = ['type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'id', 'replyToId', 'text', 'locale', 'name', 'deliveryMode', 'entities', 'attachments', 'channelData', 'value'];
const CONVERSATION_FIELDS = ['id', 'name', 'aadObjectId', 'role', 'tenantId', 'conversationType', 'isGroup', 'properties'];
const ACCOUNT_FIELDS = ['id', 'name', 'aadObjectId', 'role', 'properties'];

const set = (object: Record<string, unknown>, key: string, value: unknown) => {
  if (value === undefined) delete object[key];
  else object[key] = value;
};

const BASES = [
  teamsActivity(),
  teamsActivity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { a: 1 } } }, text: undefined }),
  teamsActivity({ text: '<at>Bot</at> start', entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Bot' }, text: '<at>Bot</at>' }] }),
  teamsActivity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot-1' }] }),
  teamsActivity({ channelId: 'webchat', channelData: undefined, value: { action: 'answer' }, replyToId: 'r1' }),
];

/** Compares the check and the schema on one activity; true when both accept it. */
function compare(activity: Record<string, unknown>): boolean {
  const schema = InboundActivitySchema.safeParse(activity);
  expect(plainlyValid(activity), JSON.stringify(activity).slice(0, 300)).to.equal(schema.success);
  const parsed = InboundActivity.safeParse(activity);
  expect(parsed.success).to.equal(schema.success);
  if (parsed.success && schema.success) expect(parsed.data).to.deep.equal(schema.data);
  return schema.success;
}

const activityArb = fc
  .record({
    base: fc.constantFrom(...BASES),
    top: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...ANY)), { maxLength: 2 }),
    conversation: fc.array(fc.tuple(fc.constantFrom(...CONVERSATION_FIELDS), fc.constantFrom(...ANY)), { maxLength: 2 }),
    from: fc.array(fc.tuple(fc.constantFrom(...ACCOUNT_FIELDS), fc.constantFrom(...ANY)), { maxLength: 2 }),
  })
  .map(({ base, top, conversation, from }) => {
    const activity = structuredClone(base);
    const conv = { ...(activity.conversation as Record<string, unknown>) };
    const user = { ...(activity.from as Record<string, unknown>) };
    for (const [key, value] of conversation) set(conv, key, value);
    for (const [key, value] of from) set(user, key, value);
    activity.conversation = conv;
    activity.from = user;
    for (const [key, value] of top) set(activity, key, structuredClone(value));
    return activity;
  });

describe('inbound activity: the plain check and the schema', () => {
  it('agree on every activity with one field changed to anything, and hand on the same value', () => {
    let accepted = 0;
    for (const base of BASES) {
      for (const value of ANY) {
        for (const key of FIELDS) {
          const activity = structuredClone(base);
          set(activity, key, structuredClone(value));
          if (compare(activity)) accepted++;
        }
        for (const [part, keys] of [['conversation', CONVERSATION_FIELDS], ['from', ACCOUNT_FIELDS], ['recipient', ACCOUNT_FIELDS]] as const) {
          for (const key of keys) {
            const activity = structuredClone(base);
            const inner = { ...(activity[part] as Record<string, unknown>) };
            set(inner, key, structuredClone(value));
            activity[part] = inner;
            if (compare(activity)) accepted++;
          }
        }
      }
    }
    expect(accepted, 'some pass').to.be.greaterThan(1000);
  });

  it('agree on activities with several fields changed', () => {
    fc.assert(
      fc.property(activityArb, (activity) => void compare(activity)),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it('leaves a body with a __proto__ key to the schema', () => {
    const activity = JSON.parse(JSON.stringify(teamsActivity()).replace('"channelData":{', '"channelData":{"__proto__":{"x":1},')) as Record<string, unknown>;
    expect(plainlyValid(activity)).to.equal(false);
    expect(InboundActivity.safeParse(activity).success).to.equal(InboundActivitySchema.safeParse(activity).success);
  });

  it('takes the plain way for what Teams sends', () => {
    expect(plainlyValid(teamsActivity())).to.equal(true);
    expect(plainlyValid(teamsActivity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: {} } }))).to.equal(true);
    expect(plainlyValid(JSON.parse(JSON.stringify(teamsActivity({ entities: [{ type: 'mention', mentioned: { id: 'b' } }] }))))).to.equal(true);
  });
});
