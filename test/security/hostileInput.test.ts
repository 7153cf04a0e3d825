import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { teamsActivity } from '../support/activity.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { questionIdOf, tFor, textOf } from '../support/conversation.js';
import { MAX_BODY_BYTES } from '../../src/server.js';

type Reply = { text?: string; attachments?: Array<{ content: unknown }> };

/** One personal chat over the real endpoint, replies in the response body (expectReplies). */
function chat(running: RunningApp) {
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
  const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
  return async (input: Record<string, unknown>) => {
    const res = await postJson(`${running.url}/api/messages`, teamsActivity({ conversation, from, text: '', ...input }));
    return { status: res.status, replies: (res.json?.activities ?? []) as Reply[], raw: res.text };
  };
}

const cardsOf = (replies: Reply[]) => replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content));
const lastQuestion = (replies: Reply[]) => questionIdOf(cardsOf(replies).at(-1));
const t = tFor('en');

describe('hostile input at the HTTP boundary', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());
  const post = (body: unknown, headers: Record<string, string> = {}) => postJson(`${running.url}/api/messages`, body, headers);

  it('measures the body limit in bytes: CJK text under the limit in characters but over it in UTF-8 gets 413', async () => {
    const text = '中'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 1000);
    expect(text.length).to.be.below(MAX_BODY_BYTES);
    const res = await post(teamsActivity({ text }));
    expect(res.status).to.equal(413);
    expect(res.json).to.deep.equal({ error: 'payload_too_large' });
  });

  for (const [name, contentType, body] of [
    ['form data', 'application/x-www-form-urlencoded', 'type=message'],
    ['XML', 'application/xml', '<activity type="message"/>'],
    ['no content type', '', '{"type":"message"}'],
  ] as const) {
    it(`refuses ${name} with 415`, async () => {
      const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
      expect(res.status).to.equal(415);
      expect(await res.json()).to.deep.equal({ error: 'unsupported_media_type' });
    });
  }

  for (const [name, body] of [
    ['truncated JSON', '{"type":"message","channelId":"ms'],
    ['a JSON array', '[{"type":"message"}]'],
    ['a JSON string', '"message"'],
    ['JSON null', 'null'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ] as const) {
    it(`answers ${name} with 400 and a fixed word`, async () => {
      const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({ error: 'bad_request' });
    });
  }

  const without = (field: string) => {
    const a = teamsActivity();
    delete a[field];
    return a;
  };
  for (const [name, activity] of [
    ['no type', without('type')],
    ['no channelId', without('channelId')],
    ['no serviceUrl', without('serviceUrl')],
    ['no sender', without('from')],
    ['no recipient', without('recipient')],
    ['a sender without id', teamsActivity({ from: { name: 'x' } })],
    ['a numeric conversation id', teamsActivity({ conversation: { id: 42 } })],
    ['a serviceUrl that is not http(s)', teamsActivity({ serviceUrl: 'file:///etc/passwd' })],
    ['a javascript: serviceUrl', teamsActivity({ serviceUrl: 'javascript:alert(1)' })],
    ['text that is a number', teamsActivity({ text: 5 })],
    ['text that is an object', teamsActivity({ text: { bold: true } })],
    ['entities that are not a list', teamsActivity({ entities: 'mention' })],
    ['a mention that mentions no one', teamsActivity({ entities: [{ type: 'mention', text: '<at>x</at>' }] })],
    ['a 10,000-deep nested value', `{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"},"deliveryMode":"expectReplies","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
  ] as const) {
    it(`answers an activity with ${name} with 400, before any turn`, async () => {
      const res = await post(activity);
      expect(res.status).to.equal(400);
      expect(res.json).to.deep.equal({ error: 'bad_request' });
    });
  }

  for (const type of ['weird', 'messageReaction', 'typing', 'event', 'endOfConversation', 'x'.repeat(64)]) {
    it(`ignores an activity of type ${type.slice(0, 12)}: 200, no reply, and it does not count as first contact`, async () => {
      const send = chat(running);
      const res = await send({ type, text: 'help' });
      expect(res.status).to.equal(200);
      expect(res.replies).to.deep.equal([]);
      const next = await send({ text: 'hi' });
      expect(textOf(cardsOf(next.replies)[0])).to.include(t('cards:welcome.what'));
    });
  }

  it('answers an invoke the bot does not implement with 200 and no body (5xx is for our faults)', async () => {
    const res = await post(teamsActivity({ type: 'invoke', name: 'composeExtension/query', value: {}, deliveryMode: undefined }));
    expect(res.status).to.equal(200);
    expect(res.text).to.equal('');
  });
});

describe('hostile typed answers and card submits', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());

  /** A chat at its first question (role). */
  async function atFirstQuestion() {
    const send = chat(running);
    await send({ text: 'hi' });
    const started = await send({ value: { action: 'command', command: 'start' } });
    expect(lastQuestion(started.replies)).to.equal('partnerRoles');
    return send;
  }

  for (const [name, text] of [
    ['full-width digits', '１'],
    ['full-width digit and full stop', '１．'],
    ['right-to-left marks around the number', '\u200f1\u200f'],
    ['a control character', '\u00071\u0000'],
    ['zero-width spaces and a BOM', '\ufeff\u200b1\u200b'],
    ['the option in Simplified Chinese', '帐户管理员'],
    ['the option in Traditional Chinese, with CJK punctuation', '「帳戶管理員」。'],
  ] as const) {
    it(`reads ${name} as an answer`, async () => {
      const send = await atFirstQuestion();
      const res = await send({ text });
      expect(res.status).to.equal(200);
      expect(lastQuestion(res.replies)).to.equal('partnerModel');
    });
  }

  const PAYLOADS = [
    ['100,000 characters', 'a'.repeat(100_000)],
    ['emoji', '👩‍💻🇹🇼👍🏽'],
    ['right-to-left text with an override', 'مرحبا \u202eשלום'],
    ['CJK prose', '我们的客户想把订阅从别的合作伙伴那里转过来，怎么办？'],
    ['markdown and a link', '**bold** [click me](https://evil.example/x) ![img](https://evil.example/i.png)'],
    ['a templating expression', '${string(user)} ${if(true, "a", "b")}'],
    ['an HTML/script tag', '<script>alert(1)</script><at>CSP Move Assistant</at>'],
    ['a lone surrogate', 'abc\ud800def'],
  ] as const;

  for (const [name, text] of PAYLOADS) {
    it(`re-asks the same question after ${name}, and never shows the text back`, async () => {
      const send = await atFirstQuestion();
      const res = await send({ text });
      expect(res.status).to.equal(200);
      // Not taken as an answer: a short hint (the question card is still above), or the same question again after an FAQ answer.
      expect([undefined, 'partnerRoles']).to.include(lastQuestion(res.replies));
      expect(res.replies.length).to.be.at.least(1);
      // Nothing of what the user typed comes back: no echo means no markdown, link or template injection.
      const everything = JSON.stringify(res.replies);
      for (const fragment of ['evil.example', '<script>', 'string(user)', 'مرحبا', '👩‍💻', 'aaaaaaaaaa', '转过来']) expect(everything).not.to.include(fragment);
    });
  }

  for (const [name, text] of PAYLOADS) {
    it(`answers ${name} outside a check (free-text questions) without showing the text back`, async () => {
      const send = chat(running);
      await send({ text: 'hi' });
      const res = await send({ text });
      expect(res.status).to.equal(200);
      expect(cardsOf(res.replies).length).to.be.greaterThan(0);
      const everything = JSON.stringify(res.replies);
      for (const fragment of ['evil.example', '<script>', 'string(user)', 'مرحبا', '👩‍💻', 'aaaaaaaaaa', '转过来']) expect(everything).not.to.include(fragment);
    });
  }

  for (const [name, value] of [
    ['a string', 'answer'],
    ['a number', 42],
    ['a list', [{ action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' }]],
    ['an unknown action', { action: 'delete', questionId: 'partnerRoles' }],
    ['an unknown option', { action: 'answer', questionId: 'partnerRoles', answer: 'superAdmin' }],
    ['an answer of the wrong type', { action: 'answer', questionId: 'partnerRoles', answer: ['salesAgent'] }],
    ['an answer of 10,000 characters', { action: 'answer', questionId: 'partnerRoles', answer: 'x'.repeat(10_000) }],
    ['an extra field', { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent', admin: true }],
    ['a question id with markdown', { action: 'answer', questionId: '[x](https://evil.example)', answer: 'salesAgent' }],
    ['a prototype key', JSON.parse('{"__proto__":{"polluted":true},"action":"answer","questionId":"role","answer":"salesAgent"}') as unknown],
    ['a constructor key', { constructor: { prototype: { polluted: true } }, action: 'command', command: 'help' }],
    ['a deep but allowed object', JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as unknown],
  ] as const) {
    it(`handles a card submit carrying ${name}: a reply, no crash, and the check still goes on`, async () => {
      const send = await atFirstQuestion();
      const res = await send({ value });
      expect(res.status).to.equal(200);
      expect(cardsOf(res.replies).length, JSON.stringify(res.replies).slice(0, 300)).to.be.greaterThan(0);
      expect(JSON.stringify(res.replies)).not.to.include('evil.example');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      const next = await send({ value: { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' } });
      expect(lastQuestion(next.replies)).to.equal('partnerModel');
    });
  }
});
