import fc from 'fast-check';
import { QUESTIONS } from '../../../dialogs/questions.js';
import { COMMANDS } from '../../../cards/actions.js';

/** Words the bot understands in some language, so random walks reach deep into the dialogs. */
const KNOWN_WORDS = [
  'hi', 'start', 'help', 'back', 'cancel', 'restart', 'start over', 'language', 'language zh-TW', 'english',
  '中文', '简体中文', '繁體中文', '开始', '開始', '帮助', '說明', '返回', '取消', 'skip', '跳过', '跳過',
  '1', '2', '3', '１', '２', '３．', '1)', '2027-03-31', '2027/3/31', '2027年3月31日', '2020-02-30',
];

/** Text a user might paste: every script, emoji, bidi controls, control characters, markdown, huge. */
const SPICES = ['\u202e', '\u2067', '\u2069', '\u200f', '\u200b', '\ufeff', '\u0000', '\u0007', '\r\n', '\t', '\ud800', '👩‍💻', '🇹🇼', 'مرحبا', 'שלום', '${x}', '**b**', '[x](https://evil.example)', '<at>CSP Move Assistant</at>'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KNOWN_WORDS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.tuple(fc.constantFrom(...SPICES), fc.constantFrom(...KNOWN_WORDS), fc.constantFrom(...SPICES)).map(([a, w, b]) => `${a}${w}${b}`),
  fc.tuple(fc.constantFrom(...SPICES, 'x', '中'), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n)),
);

const questionIds = QUESTIONS.map((q) => q.id as string);
const optionIds = [...new Set(QUESTIONS.flatMap((q) => q.options))];

/** Submits shaped like ours (so they pass or nearly pass the schema) and submits of any shape at all. */
export const hostileSubmit: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    action: fc.constant('answer'),
    questionId: fc.oneof(fc.constantFrom(...questionIds), fc.string({ maxLength: 50 })),
    answer: fc.option(fc.oneof(fc.constantFrom(...optionIds, '', '2027-03-31', '1999-13-40'), fc.string({ maxLength: 80 })), { nil: undefined }),
    skip: fc.option(fc.constantFrom(true, false, 'yes' as unknown as boolean), { nil: undefined }),
  }, { requiredKeys: ['action'] }),
  fc.record({
    action: fc.constant('command'),
    command: fc.oneof(fc.constantFrom(...COMMANDS), fc.string({ maxLength: 20 })),
    locale: fc.option(fc.constantFrom('en', 'zh-CN', 'zh-TW', 'de-DE', '', 'zh-Hant'), { nil: undefined }),
  }, { requiredKeys: ['action', 'command'] }),
  fc.record({ action: fc.constantFrom('quickForm', 'change', 'share', 'nope'), ...Object.fromEntries(questionIds.slice(0, 4).map((id) => [id, fc.oneof(fc.constantFrom(...optionIds), fc.string({ maxLength: 70 }))])) }, { requiredKeys: ['action'] }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(JSON.parse('{"__proto__":{"polluted":true},"action":"command","command":"help"}'), { constructor: { prototype: { polluted: true } } }),
);

/** Activity types Teams sends, ones it never sends, and nonsense. */
export const activityType: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('message') },
  { weight: 3, arbitrary: fc.constantFrom('conversationUpdate', 'installationUpdate', 'typing', 'event', 'invoke', 'messageReaction', 'messageUpdate', 'messageDelete', 'endOfConversation', 'trace', 'delay', 'invokeResponse', 'handoff') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 64 }) },
);

const invokeName = fc.oneof(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'signin/verifyState', 'fileConsent/invoke'), fc.string({ maxLength: 30 }));

/** One HTTP body for /api/messages: an activity from a pool of conversations, possibly broken on purpose. */
export interface FuzzInput {
  conversation: number;
  user: number;
  body: Record<string, unknown> | string;
}

export function fuzzInput(conversations: number, users: number, base: (c: number, u: number) => Record<string, unknown>): fc.Arbitrary<FuzzInput> {
  const wellFormed = fc
    .record({
      conversation: fc.nat({ max: conversations - 1 }),
      user: fc.nat({ max: users - 1 }),
      type: activityType,
      text: fc.option(hostileText, { nil: undefined }),
      value: fc.option(hostileSubmit, { nil: undefined, freq: 2 }),
      name: fc.option(invokeName, { nil: undefined }),
      locale: fc.option(fc.constantFrom('en-US', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant-TW', 'de-DE', 'ar-SA', '', 'xx-!!'), { nil: undefined }),
      expectReplies: fc.boolean(),
    })
    .map(({ conversation, user, type, text, value, name, locale, expectReplies }) => {
      const body: Record<string, unknown> = { ...base(conversation, user), type, text, value, name, locale };
      if (!expectReplies) delete body.deliveryMode;
      return { conversation, user, body };
    });
  // A well-formed activity with one field replaced by any JSON value (or removed): wrong types, nulls, nesting.
  const mutated = fc
    .tuple(wellFormed, fc.constantFrom('type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'id', 'text', 'locale', 'entities', 'attachments', 'channelData', 'replyToId', 'deliveryMode', 'value'), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }))
    .map(([input, field, replacement]) => ({ ...input, body: { ...(input.body as Record<string, unknown>), [field]: replacement } }));
  const raw = fc
    .tuple(fc.nat({ max: conversations - 1 }), fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null')))
    .map(([conversation, body]) => ({ conversation, user: 0, body }));
  return fc.oneof({ weight: 6, arbitrary: wellFormed }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: raw });
}
