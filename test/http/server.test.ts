import { expect } from 'chai';
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { PasswordServiceClientCredentialFactory } from 'botframework-connector';
import { teamsActivity } from '../support/activity.js';
import { countingStorage, postJson, startApp, type RunningApp } from '../support/server.js';
import pkg from '../../package.json' with { type: 'json' };
import { tFor, textOf } from '../support/conversation.js';
import { ConfigError, parseConfig } from '../../src/config.js';
import { postHead, rawRequest } from '../security/support/rawHttp.js';

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

describe('HTTP server limits', () => {
  it('/readyz checks storage at most once per 2 s, however often it is asked', async () => {
    const base = countingStorage();
    let pings = 0;
    const running = await startApp({}, { storage: { ...base, ping: async () => (pings++, true) } });
    try {
      pings = 0; // listen() opens the storage with one ping
      const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${running.url}/readyz`).then((r) => r.status)));
      for (let i = 0; i < 50; i++) expect((await fetch(`${running.url}/readyz`)).status).to.equal(200);
      expect(answers.every((s) => s === 200)).to.equal(true);
      expect(pings).to.equal(1);
    } finally {
      await running.close();
    }
  });

  it('/readyz notices a change of storage health once its 2 s are up', async function () {
    this.timeout(10_000);
    let healthy = true;
    const running = await startApp({}, { storage: { ...countingStorage(), ping: async () => healthy } });
    try {
      expect((await fetch(`${running.url}/readyz`)).status).to.equal(200);
      healthy = false;
      let status = 200;
      const started = Date.now();
      while (status === 200 && Date.now() - started < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await fetch(`${running.url}/readyz`)).status;
      }
      expect(status).to.equal(503);
    } finally {
      await running.close();
    }
  });

  describe('a client that sends slowly (HTTP_REQUEST_TIMEOUT_MS=1000)', () => {
    let running: RunningApp;
    let port: number;
    const store = countingStorage();
    before(async () => {
      running = await startApp({ HTTP_REQUEST_TIMEOUT_MS: '1000' }, { storage: store });
      port = Number(new URL(running.url).port);
    });
    after(() => running.close());

    it('gets 408 and loses the connection when its body trickles in, and no turn runs', async () => {
      const body = JSON.stringify(teamsActivity());
      const outcome = await rawRequest(port, postHead(Buffer.byteLength(body)), { body: body.slice(0, 10), trickle: { bytes: body.slice(10), everyMs: 100 }, waitMs: 15_000 });
      expect(outcome.status).to.equal(408);
      // Cut on the deadline, not at Node's 5-minute default: generous bounds for a loaded machine.
      expect(outcome.answeredAfterMs).to.be.at.least(900).and.below(6000);
      expect(outcome.closedAfterMs).to.be.below(8000);
      expect(store.calls).to.deep.equal({ read: 0, write: 0, delete: 0 });
    });

    it('is cut off when its request head trickles in', async () => {
      const outcome = await rawRequest(port, 'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n', { trickle: { bytes: 'x-slow: 1\r\n', everyMs: 100 }, waitMs: 15_000 });
      expect(outcome.closedAfterMs).to.be.at.least(900).and.below(6000);
    });

    it('is cut off when it connects and sends nothing', async () => {
      const outcome = await rawRequest(port, '', { waitMs: 15_000 });
      expect(outcome.status).to.equal(undefined);
      expect(outcome.closedAfterMs).to.be.at.least(900).and.below(6000);
    });

    it('a kept-alive connection is served again, then cut when it idles past the deadline', async () => {
      const head = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
      const outcome = await rawRequest(port, head + head, { waitMs: 15_000 });
      expect(outcome.text.match(/HTTP\/1\.1 200/g)).to.have.length(2);
      expect(outcome.closedAfterMs).to.be.below(8000);
    });
  });

  it('accepts at most MAX_CONNECTIONS connections at once, and serves again once one is gone', async () => {
    const running = await startApp({ MAX_CONNECTIONS: '3' });
    const port = Number(new URL(running.url).port);
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const socket = connect(port, '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        sockets.push(socket);
      }
      // The server must have taken the three before the fourth comes.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const fourth = await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', { waitMs: 5000 });
      expect(fourth.status).to.equal(undefined);
      expect(fourth.closedAfterMs).to.be.below(5000);
      sockets.pop()!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', { waitMs: 5000 });
      expect(again.status).to.equal(200);
    } finally {
      for (const socket of sockets) socket.destroy();
      await running.close();
    }
  });

  it('a body that is not UTF-8 is refused with 400', async () => {
    const running = await startApp();
    try {
      const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
      expect(res.status).to.equal(400);
    } finally {
      await running.close();
    }
  });

  describe('settings', () => {
    for (const [variable, value, expected] of [
      ['MAX_CONNECTIONS', '', 512],
      ['MAX_CONNECTIONS', '64', 64],
      ['HTTP_REQUEST_TIMEOUT_MS', '', 10_000],
      ['HTTP_REQUEST_TIMEOUT_MS', '2500', 2500],
      ['STORAGE_TIMEOUT_MS', '', 3000],
      ['STORAGE_TIMEOUT_MS', '1500', 1500],
    ] as const) {
      it(`${variable}=${JSON.stringify(value)} gives ${expected}`, () => {
        expect(parseConfig({ [variable]: value })[variable]).to.equal(expected);
      });
    }
    for (const [variable, value] of [
      ['MAX_CONNECTIONS', '0'],
      ['MAX_CONNECTIONS', 'many'],
      ['HTTP_REQUEST_TIMEOUT_MS', '100'],
      ['HTTP_REQUEST_TIMEOUT_MS', '10s'],
      ['STORAGE_TIMEOUT_MS', '50'],
      ['STORAGE_TIMEOUT_MS', '60000'],
    ] as const) {
      it(`${variable}=${value} stops start-up with one line naming it`, () => {
        expect(() => parseConfig({ [variable]: value }))
          .to.throw(ConfigError)
          .with.property('message')
          .that.matches(new RegExp(`^${variable} must be a whole number of \\w+ from \\d+ to \\d+$`));
      });
    }
  });
});
