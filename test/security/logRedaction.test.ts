import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger, scrubSecrets } from '../../src/logger.js';
import { teamsActivity } from '../support/activity.js';
import { postJson } from '../support/server.js';
import { recordingRetry, startCapturedApp, type CapturedApp } from './support/capturedApp.js';
import { OfflineCredentialsFactory } from './support/credentials.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { authSettingsFor, startOpenIdServer, TEST_ISSUER, type OpenIdServer } from './support/openIdServer.js';
import { channelClaims, epochSeconds, newSigningKey, signRs256, withForgedSignature, type SigningKey } from './support/tokens.js';

const APP_ID = '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
const APP_PASSWORD = 'Qx8~appSecret"with\\quotes.' + randomUUID();
const ACCOUNT_KEY = 'c2VjcmV0LWFjY291bnQta2V5LXZhbHVlLW5vdC1yZWFs' + 'QUJDREVGR0g=';
const CONNECTION_STRING = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;`;

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('log redaction', () => {
  it('masks secrets wherever a caller puts them: nested headers, messages, connection strings, configured values', () => {
    const { lines, stream } = capture();
    const jwt = signRs256(channelClaims(TEST_ISSUER, APP_ID, 'https://smba.example/'), newSigningKey());
    const log = createLogger('trace', stream, [APP_PASSWORD, CONNECTION_STRING]);
    log.info({ err: { request: { headers: { authorization: `Bearer ${jwt}`, Cookie: 'x' } } } }, 'deeply nested header');
    log.warn({ detail: `token was ${jwt}` }, `outbound call with Authorization: Bearer ${jwt.slice(0, 40)}`);
    log.error({ err: new Error(`could not open ${CONNECTION_STRING}`) }, 'storage failed');
    log.error({ cfg: { MicrosoftAppPassword: APP_PASSWORD }, note: `password is ${APP_PASSWORD}` }, `login failed for ${APP_PASSWORD}`);
    log.info({ url: `https://x.blob.core.windows.net/c?sv=2024&sig=${ACCOUNT_KEY}&se=2030` }, 'signed url');
    const out = lines.join('');
    expect(lines).to.have.length(5);
    for (const secret of [jwt, jwt.split('.')[2]!, jwt.slice(0, 40), APP_PASSWORD, JSON.stringify(APP_PASSWORD).slice(1, -1), ACCOUNT_KEY]) {
      expect(out).not.to.include(secret);
    }
    expect(out).to.include('[redacted');
    // Still a useful log: messages and non-secret fields survive.
    expect(out).to.include('storage failed').and.include('deeply nested header').and.include('"Cookie":"x"');
  });

  it('leaves ordinary text alone', () => {
    const text = 'The bearer of this note, Basic plan, password reset page, eyJ is short';
    expect(scrubSecrets(text, ['short'])).to.equal(text);
  });
});

describe('no secret reaches the log while the app serves authenticated, failing and forged requests', () => {
  const OUTBOUND_TOKEN = signRs256({ iss: 'https://login.example/', aud: 'https://api.botframework.test', exp: epochSeconds() + 3600 }, newSigningKey());
  let key: SigningKey;
  let openId: OpenIdServer;
  let connector: FakeConnector;
  let app: CapturedApp;
  const consoleOutput: string[] = [];
  // eslint-disable-next-line no-console
  const consoleError = console.error;
  const sentTokens: string[] = [];

  before(async () => {
    key = newSigningKey();
    openId = await startOpenIdServer([key]);
    connector = await startFakeConnector();
    app = await startCapturedApp(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, BLOB_CONNECTION_STRING: CONNECTION_STRING, LOG_LEVEL: 'trace' },
      {
        authSettings: authSettingsFor(openId.metadataUrl),
        credentialsFactory: new OfflineCredentialsFactory(APP_ID, APP_PASSWORD, OUTBOUND_TOKEN),
        connectorRetry: recordingRetry().options,
      },
    );
    // botbuilder writes some authentication failures straight to console.error: that is a log too.
    // eslint-disable-next-line no-console
    console.error = (...args: unknown[]) => void consoleOutput.push(args.map(String).join(' '));
  });
  after(async () => {
    // eslint-disable-next-line no-console
    console.error = consoleError;
    await app.close();
    await connector.close();
    await openId.close();
  });

  const post = (activity: Record<string, unknown>, token?: string) => {
    if (token) sentTokens.push(token);
    return postJson(`${app.url}/api/messages`, activity, token ? { authorization: `Bearer ${token}` } : {});
  };
  const activity = (text = 'hi') => teamsActivity({ serviceUrl: connector.serviceUrl, deliveryMode: undefined, text });
  const tokenFor = (a: Record<string, unknown>, claims: Record<string, unknown> = {}) =>
    signRs256({ ...channelClaims(TEST_ISSUER, APP_ID, String(a.serviceUrl)), ...claims }, key);

  it('drives good and bad traffic, then finds none of the secrets in any log line', async () => {
    // Authenticated turns whose replies go out with our outbound token: delivered, throttled, refused.
    const ok = activity();
    expect((await post(ok, tokenFor(ok))).status).to.equal(200);
    connector.script = [{ status: 412 }, { status: 429, headers: { 'retry-after': '1' } }];
    const retried = activity();
    expect((await post(retried, tokenFor(retried))).status).to.equal(200);
    connector.script = [{ status: 403 }, { status: 403 }];
    const refused = activity();
    expect((await post(refused, tokenFor(refused))).status).to.equal(200);
    connector.otherwise = { status: 503 };
    const dead = activity();
    expect((await post(dead, tokenFor(dead))).status).to.equal(200);
    connector.otherwise = { status: 200 };

    // Rejected callers: expired, not yet valid, forged, wrong audience, garbage, none.
    const a = activity();
    for (const token of [
      tokenFor(a, { exp: epochSeconds() - 3600, nbf: epochSeconds() - 7200 }),
      tokenFor(a, { nbf: epochSeconds() + 3600 }),
      withForgedSignature(tokenFor(a)),
      tokenFor(a, { aud: randomUUID() }),
      `sk-live-${randomUUID()}-${randomUUID()}`,
    ]) {
      expect((await post(a, token)).status).to.equal(401);
    }
    expect((await post(a)).status).to.equal(401);

    // The app's own logger knows the configured secrets even when they turn up in an error message.
    app.app.logger.error({ err: new Error(`blob client for ${CONNECTION_STRING} failed; password ${APP_PASSWORD}`) }, 'storage failure');

    // The secrets were really in play: the connector saw our outbound token.
    expect(connector.received.map((r) => r.headers.authorization)).to.include(`Bearer ${OUTBOUND_TOKEN}`);
    expect(app.records().some((r) => r.msg === 'connector call failed: retrying')).to.equal(true);
    expect(app.records().some((r) => r.msg === 'request rejected: unauthorized')).to.equal(true);

    const logs = [...app.lines, ...consoleOutput].join('\n');
    const secrets = [APP_PASSWORD, ACCOUNT_KEY, CONNECTION_STRING, OUTBOUND_TOKEN, ...sentTokens, ...sentTokens.map((t) => t.split('.')[2] ?? t)];
    for (const secret of secrets) expect(logs, `log holds ${secret.slice(0, 24)}…`).not.to.include(secret);
    expect(logs).not.to.match(/Bearer\s+(?!\[redacted)/);
  });
});
