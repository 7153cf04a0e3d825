import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { PasswordServiceClientCredentialFactory } from 'botframework-connector';
import { teamsActivity } from '../support/activity.js';
import { countingStorage, postJson, startApp, type RunningApp } from '../support/server.js';
import pkg from '../../package.json' with { type: 'json' };
import { tFor, textOf } from '../support/conversation.js';

type Reply = { type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
const repliesOf = (json: Record<string, unknown> | undefined) => (json?.activities ?? []) as Reply[];

describe('HTTP server', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());

  it('answers /healthz with status and version', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok', version: pkg.version });
  });

  it('answers /readyz when storage is reachable', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).to.equal(200);
  });

  for (const [clientLocale, locale] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
  ] as const) {
    it(`welcomes a ${clientLocale} user with a card in ${locale}, in the HTTP response (expectReplies)`, async () => {
      const res = await postJson(`${running.url}/api/messages`, teamsActivity({ locale: clientLocale }));
      expect(res.status).to.equal(200);
      const replies = repliesOf(res.json);
      expect(replies).to.have.length(1);
      const card = replies[0]!.attachments?.[0];
      expect(card?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect(textOf(card?.content)).to.include(tFor(locale)('cards:welcome.what'));
    });
  }

  it('rejects malformed JSON with 400 and stays up', async () => {
    const res = await postJson(`${running.url}/api/messages`, '{"type": "message", ');
    expect(res.status).to.equal(400);
    expect(res.text).not.to.match(/Unexpected|JSON\.parse|at /);
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).to.equal(200);
  });

  for (const [name, body] of [
    ['corrupt', Buffer.from('1f8b0800000000000003ffffffff', 'hex')],
    ['truncated', gzipSync(JSON.stringify(teamsActivity({ text: 'hi' }))).subarray(0, 20)],
    ['a bomb (8 MiB of zeros inflated)', gzipSync(Buffer.alloc(8 * 1024 * 1024))],
  ] as const) {
    it(`refuses a gzip-encoded body (${name}) with 415 before reading it, and stays up`, async () => {
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
      });
      expect(res.status).to.equal(415);
      expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
    });
  }

  it('rejects a body that is not JSON with 415', async () => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).to.equal(415);
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await postJson(`${running.url}/api/messages`, teamsActivity({ text: 'x'.repeat(300 * 1024) }));
    expect(res.status).to.equal(413);
  });

  it('rejects an activity without a conversation with 400', async () => {
    const activity = teamsActivity();
    delete activity.conversation;
    const res = await postJson(`${running.url}/api/messages`, activity);
    expect(res.status).to.equal(400);
  });

  it('answers 404 on unknown paths without internals', async () => {
    const res = await fetch(`${running.url}/nope`);
    expect(res.status).to.equal(404);
    expect(await res.text()).not.to.match(/restify|at /);
  });
});

describe('HTTP server with MicrosoftAppId set', () => {
  const store = countingStorage();
  let running: RunningApp;
  before(async () => {
    running = await startApp(
      { MicrosoftAppId: '2f0c1b9e-8a4d-4c1b-9f7e-3d2a1b0c9e8f', MicrosoftAppPassword: 'not-used-here' },
      { storage: store },
    );
  });
  after(() => running.close());

  for (const [name, headers] of [
    ['no Authorization header', {}],
    ['a garbage bearer token', { authorization: 'Bearer not-a-jwt' }],
  ] as const) {
    it(`answers 401 to ${name} and runs no turn`, async () => {
      const res = await postJson(`${running.url}/api/messages`, teamsActivity(), headers);
      expect(res.status).to.equal(401);
      expect(res.json).to.deep.equal({ error: 'unauthorized' });
      expect(store.calls).to.deep.equal({ read: 0, write: 0, delete: 0 });
    });
  }
});

describe('HTTP server when a turn cannot even be set up', () => {
  it('answers 500 with a fixed word, not the error', async () => {
    // Outbound credentials are made before the turn starts; if that throws, no onTurnError can help.
    const broken = new (class extends PasswordServiceClientCredentialFactory {
      override async createCredentials(): Promise<never> {
        throw new Error('secret internal detail at createCredentials');
      }
    })('', '');
    const running = await startApp({}, { credentialsFactory: broken });
    try {
      const res = await postJson(`${running.url}/api/messages`, teamsActivity());
      expect(res.status).to.equal(500);
      expect(res.json).to.deep.equal({ error: 'internal_error' });
    } finally {
      await running.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight turn finish before closing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const base = countingStorage();
    const slow = {
      ...base,
      storage: { ...base.storage, read: async (keys: string[]) => (await gate, base.storage.read(keys)) },
    };
    const running = await startApp({}, { storage: slow });
    const pending = postJson(`${running.url}/api/messages`, teamsActivity());
    await new Promise((r) => setTimeout(r, 100));
    const closed = running.close();
    release();
    const res = await pending;
    await closed;
    expect(res.status).to.equal(200);
    expect(repliesOf(res.json)).to.have.length(1);
  });
});
