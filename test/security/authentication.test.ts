import { expect } from 'chai';
import { gzipSync } from 'node:zlib';
import { teamsActivity } from '../support/activity.js';
import { countingStorage, postJson, startApp, type RunningApp } from '../support/server.js';
import { authSettingsFor, startOpenIdServer, TEST_ISSUER, unreachableUrl, type OpenIdServer } from './support/openIdServer.js';
import { postHead, rawRequest } from './support/rawHttp.js';
import { channelClaims, epochSeconds, newSigningKey, signHs256, signRs256, withForgedSignature, type SigningKey } from './support/tokens.js';

const APP_ID = '6b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const SECRETS = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'app-password-never-logged' };

type Case = [name: string, authorization: (activity: Record<string, unknown>) => string | undefined];

describe('authentication with MicrosoftAppId set', () => {
  let key: SigningKey;
  // Published, but endorsed for another channel only: must not sign for msteams.
  const skypeOnly = newSigningKey(['skype']);
  let openId: OpenIdServer;
  const store = countingStorage();
  let running: RunningApp;
  // botbuilder prints some token failures with console.error (stack traces, the public key): keep the
  // test output readable, and check that what it prints never includes the token itself.
  const consoleOutput: string[] = [];
  // eslint-disable-next-line no-console
  const consoleError = console.error;
  const headersSent: string[] = [];

  before(async () => {
    key = newSigningKey();
    openId = await startOpenIdServer([key, skypeOnly]);
    running = await startApp(SECRETS, { storage: store, authSettings: authSettingsFor(openId.metadataUrl) });
    // eslint-disable-next-line no-console
    console.error = (...args: unknown[]) => void consoleOutput.push(args.map(String).join(' '));
  });
  after(async () => {
    // eslint-disable-next-line no-console
    console.error = consoleError;
    await running.close();
    await openId.close();
  });

  const claims = (a: Record<string, unknown>) => channelClaims(TEST_ISSUER, APP_ID, String(a.serviceUrl));
  const bearer = (token: string) => `Bearer ${token}`;

  const cases: Case[] = [
    ['no Authorization header', () => undefined],
    ['a lowercase "bearer" scheme', (a) => `bearer ${signRs256(claims(a), key)}`],
    ['an expired token', (a) => bearer(signRs256({ ...claims(a), nbf: epochSeconds() - 7200, exp: epochSeconds() - 3600 }, key))],
    ['a token not yet valid (nbf an hour ahead)', (a) => bearer(signRs256({ ...claims(a), nbf: epochSeconds() + 3600 }, key))],
    ['a token signed by an unknown key', (a) => bearer(signRs256(claims(a), newSigningKey()))],
    ['a known kid with a bad signature', (a) => bearer(withForgedSignature(signRs256(claims(a), key)))],
    ['an HS256 token keyed with the public modulus', (a) => bearer(signHs256(claims(a), key.kid, key.jwk.n))],
    ['a wrong audience', (a) => bearer(signRs256({ ...claims(a), aud: '00000000-0000-0000-0000-000000000000' }, key))],
    ['a wrong issuer', (a) => bearer(signRs256({ ...claims(a), iss: 'https://api.botframework.com' }, key))],
    ['a serviceurl claim that is not the activity\'s', (a) => bearer(signRs256({ ...claims(a), serviceurl: 'https://evil.example/' }, key))],
    ['a token without an expiry', (a) => { const c = claims(a); delete c.exp; return bearer(signRs256(c, key)); }],
    ['an unsigned token (alg none)', (a) => { const [h, b] = signRs256(claims(a), key, { alg: 'none' }).split('.'); return bearer(`${h}.${b}.`); }],
    ['a key endorsed for another channel only', (a) => bearer(signRs256(claims(a), skypeOnly))],
    ['a skill token from another bot', (a) => bearer(signRs256({ ...claims(a), ver: '1.0', appid: '11111111-2222-4333-8444-555555555555' }, key))],
    ['a second Authorization scheme after the token', (a) => `${bearer(signRs256(claims(a), key))} extra`],
    ['garbage after Bearer', () => 'Bearer not-a-jwt'],
  ];

  for (const [name, authorization] of cases) {
    it(`answers 401 to ${name}, says nothing about why, runs no turn`, async () => {
      const before = { ...store.calls };
      const activity = teamsActivity();
      const header = authorization(activity);
      if (header) headersSent.push(header);
      const res = await postJson(`${running.url}/api/messages`, activity, header === undefined ? {} : { authorization: header });
      expect(res.status, res.text).to.equal(401);
      expect(res.json).to.deep.equal({ error: 'unauthorized' });
      expect(store.calls).to.deep.equal(before);
    });
  }

  it('never prints a rejected token, even where botbuilder writes to the console itself', () => {
    expect(headersSent.length).to.be.greaterThan(5);
    const printed = consoleOutput.join('\n');
    for (const header of headersSent) {
      const token = header.split(' ')[1]!;
      expect(printed).not.to.include(token);
      const signature = token.split('.')[2];
      if (signature) expect(printed).not.to.include(signature);
    }
  });

  describe('before the body is read', () => {
    const port = () => Number(new URL(running.url).port);
    const gzipHeaders = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const refusals: Array<[string, (auth: Record<string, string>) => Promise<{ status: number; text: string }>]> = [
      ['a body over the size limit', (auth) => postJson(`${running.url}/api/messages`, teamsActivity({ text: 'x'.repeat(300 * 1024) }), auth)],
      ['malformed JSON', (auth) => postJson(`${running.url}/api/messages`, '{"type": "message", ', auth)],
      ['a text/plain body', (auth) => fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: 'hi' }).then(async (r) => ({ status: r.status, text: await r.text() }))],
      ['a gzip body (a bomb)', (auth) => fetch(`${running.url}/api/messages`, { method: 'POST', headers: { ...gzipHeaders, ...auth }, body: gzipSync(Buffer.alloc(8 * 1024 * 1024)) }).then(async (r) => ({ status: r.status, text: await r.text() }))],
      ['an activity of the wrong shape', (auth) => postJson(`${running.url}/api/messages`, { type: 'message' }, auth)],
    ];
    for (const [name, send] of refusals) {
      it(`answers 401, not the body's own error, to ${name} without a token`, async () => {
        const res = await send({});
        expect(res.status, res.text).to.equal(401);
      });
      it(`answers 401 to ${name} with a forged token`, async () => {
        const res = await send({ authorization: bearer(withForgedSignature(signRs256(claims(teamsActivity()), key))) });
        expect(res.status, res.text).to.equal(401);
      });
    }

    it('the body is still checked once the token is good: 413, 400, 415 as before', async () => {
      const big = teamsActivity({ text: 'x'.repeat(300 * 1024) });
      expect((await postJson(`${running.url}/api/messages`, big, { authorization: bearer(signRs256(claims(big), key)) })).status).to.equal(413);
      const good = { authorization: bearer(signRs256(claims(teamsActivity()), key)) };
      expect((await postJson(`${running.url}/api/messages`, '{"type": ', good)).status).to.equal(400);
      expect((await postJson(`${running.url}/api/messages`, { type: 'message' }, good)).status).to.equal(400);
      expect((await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { ...gzipHeaders, ...good }, body: gzipSync('{}') })).status).to.equal(415);
    });

    for (const [name, authorization] of [
      ['no token', undefined],
      ['a token signed by an unknown key', () => bearer(signRs256(claims(teamsActivity()), newSigningKey()))],
      ['an expired token', () => bearer(signRs256({ ...claims(teamsActivity()), nbf: epochSeconds() - 7200, exp: epochSeconds() - 3600 }, key))],
    ] as const) {
      it(`answers 401 to ${name} as soon as the head is in, without waiting for the body`, async () => {
        const before = { ...store.calls };
        const headers: Record<string, string> = authorization ? { authorization: authorization() } : {};
        // The head promises 100 KB that never come: only an answer that needs no body can arrive.
        const outcome = await rawRequest(port(), postHead(100_000, headers), { waitMs: 5000, untilAnswer: true });
        expect(outcome.status).to.equal(401);
        expect(store.calls).to.deep.equal(before);
      });
    }
  });

  it('runs the turn for a valid channel token', async () => {
    const before = store.calls.read;
    const activity = teamsActivity();
    const res = await postJson(`${running.url}/api/messages`, activity, { authorization: bearer(signRs256(claims(activity), key)) });
    expect(res.status).to.equal(200);
    expect((res.json?.activities as unknown[]).length).to.be.greaterThan(0);
    expect(store.calls.read).to.be.greaterThan(before);
  });
});

describe('authentication when the OpenID metadata cannot be fetched', () => {
  it('answers 503 when nothing listens at the metadata URL', async () => {
    const store = countingStorage();
    const running = await startApp(SECRETS, { storage: store, authSettings: authSettingsFor(await unreachableUrl()) });
    try {
      const activity = teamsActivity();
      const token = signRs256(channelClaims(TEST_ISSUER, APP_ID, String(activity.serviceUrl)), newSigningKey());
      const res = await postJson(`${running.url}/api/messages`, activity, { authorization: `Bearer ${token}` });
      expect(res.status, res.text).to.equal(503);
      expect(res.json).to.deep.equal({ error: 'unavailable' });
      expect(store.calls).to.deep.equal({ read: 0, write: 0, delete: 0 });
    } finally {
      await running.close();
    }
  });

  it('answers 503 when the metadata endpoint fails', async () => {
    const key = newSigningKey();
    const openId = await startOpenIdServer([key]);
    openId.failWith = 500;
    const running = await startApp(SECRETS, { authSettings: authSettingsFor(openId.metadataUrl) });
    try {
      const activity = teamsActivity();
      const token = signRs256(channelClaims(TEST_ISSUER, APP_ID, String(activity.serviceUrl)), key);
      const res = await postJson(`${running.url}/api/messages`, activity, { authorization: `Bearer ${token}` });
      expect(res.status, res.text).to.equal(503);
      expect(res.json).to.deep.equal({ error: 'unavailable' });
    } finally {
      await running.close();
      await openId.close();
    }
  });
});
