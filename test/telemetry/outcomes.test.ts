import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Storage } from 'botbuilder';
import { teamsActivity } from '../support/activity.js';
import { tFor } from '../support/conversation.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { postJson } from '../support/server.js';
import { startCapturedApp, type CapturedApp } from '../security/support/capturedApp.js';
import { startCollector, type Collector } from './support/collector.js';

/** Memory storage that fails on demand: as an outage (a refused connection) or as a bug (a TypeError). */
function failingStorage() {
  const inner = new MemoryStorage();
  const state = { fail: undefined as 'outage' | 'bug' | undefined };
  const check = () => {
    if (state.fail === 'outage') throw Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443 for key msteams/conversations/secret'), { code: 'ECONNREFUSED' });
    if (state.fail === 'bug') throw new TypeError('Cannot read properties of undefined (reading "conversation-secret")');
  };
  const storage: Storage = {
    read: async (keys) => (check(), inner.read(keys)),
    write: async (changes) => (check(), inner.write(changes)),
    delete: async (keys) => (check(), inner.delete(keys)),
  };
  return { state, handle: { storage, close: async () => {}, ping: async () => true } };
}

describe('telemetry: how a turn ended', () => {
  let collector: Collector;
  let connector: FakeConnector;
  let app: CapturedApp;
  const store = failingStorage();

  before(async () => {
    collector = await startCollector();
    connector = await startFakeConnector();
    app = await startCapturedApp(
      { LOG_LEVEL: 'silent', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
      { storage: store.handle, connectorRetry: { sleep: async () => {} } },
    );
    const post = (activity: Record<string, unknown>) => postJson(`${app.url}/api/messages`, activity);

    store.state.fail = 'outage';
    const unavailable = await post(teamsActivity({ locale: 'zh-TW' }));
    expect(JSON.stringify(unavailable.json)).to.include(tFor('zh-TW')('common:error.storageUnavailable'));
    store.state.fail = 'bug';
    expect((await post(teamsActivity())).status).to.equal(200);
    store.state.fail = undefined;
    expect((await post(teamsActivity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: `29:${randomUUID()}` }] }))).status).to.equal(200);
    // The connector refuses the replies to [Start] (every try): the turn fails after its state was saved. Teams
    // sends the click again, and this time the user gets the current card, the first question (a replay).
    const message = teamsActivity({ serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: undefined, value: { action: 'command', command: 'start' } });
    connector.otherwise = { status: 429 };
    expect((await post(message)).status).to.equal(200);
    connector.otherwise = { status: 200 };
    expect((await post(message)).status).to.equal(200);
    expect(connector.delivered()).to.have.length(1);
    // A Teams client in English whose user picks Traditional Chinese.
    expect((await post(teamsActivity({ locale: 'en-US', text: 'language zh-TW' }))).status).to.equal(200);
    await app.close();
  });
  after(async () => {
    await collector.close();
    await connector.close();
  });

  const turns = () => collector.spans().filter((s) => s.name === 'csp.turn');

  it('storage unavailable: the turn and the failed read are marked, and counted by cause, with no message exported', () => {
    const turn = turns()[0]!;
    expect(turn.attributes).to.include({ 'csp.turn.outcome': 'storage-unavailable', 'csp.locale': 'zh-TW' });
    expect(turn.status.code).to.equal(2);
    expect(turn.status.message).to.equal(undefined);
    const read = collector.spans().find((s) => s.parentSpanId === turn.spanId && s.name === 'csp.storage.read')!;
    expect(read.attributes['error.type']).to.equal('ECONNREFUSED');
    expect(read.status.code).to.equal(2);
    const points = collector.points();
    expect(points.find((p) => p.metric === 'csp.storage.unavailable_turns')).to.deep.include({ value: 1, attributes: { 'error.type': 'ECONNREFUSED' } });
    expect(points.find((p) => p.metric === 'csp.turns' && p.attributes['csp.turn.outcome'] === 'storage-unavailable')?.value).to.equal(1);
  });

  it('a failed turn: outcome error with the error class, never its message', () => {
    const turn = turns()[1]!;
    expect(turn.attributes).to.include({ 'csp.turn.outcome': 'error', 'error.type': 'TypeError' });
    expect(turn.status.code).to.equal(2);
    expect(collector.points().find((p) => p.metric === 'csp.turns' && p.attributes['csp.turn.outcome'] === 'error')?.value).to.equal(1);
    const exported = collector.everything();
    expect(exported).not.to.include('secret').and.not.to.include('10.1.2.3');
  });

  it('a reply the connector refused, then the redelivery answered with the current card', () => {
    const [failed, replayed] = turns().slice(3, 5);
    expect(failed!.attributes).to.include({ 'csp.turn.outcome': 'error', 'error.type': 'ReplyNotDelivered' });
    const sends = collector.spans().filter((s) => s.parentSpanId === failed!.spanId && s.name.startsWith('POST '));
    expect(sends).to.have.length(1);
    expect(sends[0]!.attributes).to.include({ 'http.response.status_code': 429, 'error.type': '429', 'http.request.resend_count': 3 });
    expect(replayed!.attributes).to.include({ 'csp.turn.outcome': 'duplicate', 'csp.turn.intent': 'resend' });
    const points = collector.points();
    expect(points.find((p) => p.metric === 'csp.duplicate_deliveries')).to.deep.include({ value: 1, attributes: { 'csp.duplicate.handling': 'replayed' } });
    expect(points.find((p) => p.metric === 'csp.connector.retries')).to.deep.include({ value: 3, attributes: { 'http.response.status_code': 429 } });
  });

  it('the language is the one the user was answered in, not the client\'s', () => {
    expect(turns()[5]!.attributes).to.include({ 'csp.turn.outcome': 'ok', 'csp.turn.intent': 'command', 'csp.locale': 'zh-TW' });
  });

  it('an event with no conversation turn: its type, no intent, ok', () => {
    const turn = turns()[2]!;
    expect(turn.attributes).to.include({ 'csp.turn.outcome': 'ok', 'csp.activity.type': 'conversationUpdate' });
    expect(turn.attributes['csp.turn.intent']).to.equal(undefined);
    expect(turn.status.code ?? 0).to.equal(0);
  });
});

describe('telemetry: OTLP protobuf, the default protocol', () => {
  it('sends traces and metrics as protobuf to /v1/traces and /v1/metrics, without user content', async () => {
    const collector = await startCollector();
    const app = await startCapturedApp({ LOG_LEVEL: 'silent', OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.url}/` });
    try {
      const text = `typed ${randomUUID()}`;
      const activity = teamsActivity({ text });
      expect((await postJson(`${app.url}/api/messages`, activity)).status).to.equal(200);
      await app.close();
      const byPath = (path: string) => collector.received.filter((r) => r.path === path && r.body.length > 0);
      for (const path of ['/v1/traces', '/v1/metrics']) {
        expect(byPath(path), path).to.not.be.empty;
        expect(byPath(path).every((r) => r.contentType === 'application/x-protobuf')).to.equal(true);
      }
      // Protobuf carries strings as UTF-8: names show, and what must not be there can be looked for byte for byte.
      const exported = collector.everything();
      expect(exported).to.include('csp.turn').and.include('csp.turns').and.include('csp.storage.read');
      const { conversation, from } = activity as { conversation: { id: string }; from: { id: string; name: string } };
      for (const value of [text, conversation.id, from.id, String(activity.id)]) expect(exported).not.to.include(value);
    } finally {
      await app.close();
      await collector.close();
    }
  });
});
