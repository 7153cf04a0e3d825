import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { VERDICTS } from '../../src/guidance/catalogue.js';
import { teamsActivity } from '../support/activity.js';
import { isResultCard, questionIdOf, tFor, textOf } from '../support/conversation.js';
import { TAIWAN_INDIRECT } from '../support/cases.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { postJson } from '../support/server.js';
import { startCapturedApp, type CapturedApp } from '../security/support/capturedApp.js';
import { OfflineCredentialsFactory } from '../security/support/credentials.js';
import { authSettingsFor, startOpenIdServer, TEST_ISSUER, type OpenIdServer } from '../security/support/openIdServer.js';
import { channelClaims, epochSeconds, newSigningKey, signRs256, type SigningKey } from '../security/support/tokens.js';
import { startCollector, type Collector, type ExportedSpan } from './support/collector.js';

const APP_ID = '5b1d3c2e-7f4a-4e8b-9c6d-2a1b0c9d8e7f';
const APP_PASSWORD = `app-secret-${randomUUID()}`;
const OUTBOUND_TOKEN = signRs256({ iss: 'https://login.example/', aud: 'https://api.botframework.test', exp: epochSeconds() + 3600 }, newSigningKey());
const TURN_SPAN = 'csp.turn';
const SERVER = 2;
const CLIENT = 3;
const REPLY_SPAN = 'POST /v3/conversations/{conversationId}/activities/{activityId}';

describe('telemetry: a guided check traced and measured, as an OTLP collector receives it', function () {
  this.timeout(60_000);
  let collector: Collector;
  let connector: FakeConnector;
  let openId: OpenIdServer;
  let key: SigningKey;
  let app: CapturedApp;
  let dir: string;
  const sentTokens: string[] = [];
  // Everything about this user that must never leave the process in telemetry.
  const typed = `Hello, I am moving Fabrikam ${randomUUID()} today`;
  const from = { id: `29:${randomUUID()}`, name: `Partner ${randomUUID()}`, aadObjectId: randomUUID() };
  const tenantId = randomUUID();
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId };
  const activityIds: string[] = [];
  let resultText = '';
  let posts = 0;

  /** One activity from this user, authenticated as the channel; replies go to the fake connector. Returns the cards delivered for it. */
  async function send(input: { text?: string; value?: unknown }, again?: Record<string, unknown>) {
    const activity = again ?? teamsActivity({ serviceUrl: connector.serviceUrl, deliveryMode: undefined, conversation, from, channelData: { tenant: { id: tenantId } }, text: input.text ?? '', value: input.value });
    activityIds.push(String(activity.id));
    const token = signRs256(channelClaims(TEST_ISSUER, APP_ID, String(activity.serviceUrl)), key);
    sentTokens.push(token);
    const before = connector.received.length;
    const res = await postJson(`${app.url}/api/messages`, activity, { authorization: `Bearer ${token}` });
    posts++;
    expect(res.status).to.equal(200);
    const cards = connector.received.slice(before).flatMap((r) => ((r.activity.attachments ?? []) as Array<{ content: unknown }>).map((a) => a.content));
    return { activity, cards };
  }

  before(async () => {
    collector = await startCollector();
    connector = await startFakeConnector();
    key = newSigningKey();
    openId = await startOpenIdServer([key]);
    dir = mkdtempSync(join(tmpdir(), 'csp-otel-'));
    app = await startCapturedApp(
      {
        LOG_LEVEL: 'info',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: APP_PASSWORD,
        STORAGE: 'sqlite',
        SQLITE_PATH: join(dir, 'state.db'),
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      },
      {
        authSettings: authSettingsFor(openId.metadataUrl),
        credentialsFactory: new OfflineCredentialsFactory(APP_ID, APP_PASSWORD, OUTBOUND_TOKEN),
        connectorRetry: { sleep: async () => {} },
        today: () => '2026-11-21',
      },
    );

    // Typed greeting → welcome; Start → every question clicked (one reply throttled once) → result; then Teams resends the last click.
    await send({ text: typed });
    let card = (await send({ value: { action: 'command', command: 'start' } })).cards.at(-1);
    let last: Record<string, unknown> | undefined;
    for (let guard = 0; !isResultCard(card); guard++) {
      expect(guard).to.be.below(15);
      const id = questionIdOf(card)!;
      if (guard === 2) connector.script = [{ status: 429, headers: { 'retry-after': '0' } }];
      const turn = await send({ value: { action: 'answer', questionId: id, answer: TAIWAN_INDIRECT[id] } });
      last = turn.activity;
      card = turn.cards.at(-1);
    }
    resultText = textOf(card);
    const redelivered = await send({}, last);
    expect(redelivered.cards).to.deep.equal([]);
    // Shutting down exports what is still batched: every span and the final metric totals.
    await app.close();
  });

  after(async () => {
    await collector.close();
    await connector.close();
    await openId.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const turnSpans = () => collector.spans().filter((s) => s.name === TURN_SPAN);
  const childrenOf = (turn: ExportedSpan) => collector.spans().filter((s) => s.parentSpanId === turn.spanId);

  it('has one server span per activity, with its type, intent, language and outcome', () => {
    const turns = turnSpans();
    expect(turns).to.have.length(posts);
    for (const turn of turns) {
      expect(turn.kind).to.equal(SERVER);
      expect(turn.parentSpanId).to.equal(undefined);
      expect(turn.attributes['csp.activity.type']).to.equal('message');
      expect(turn.attributes['csp.locale']).to.equal('en');
      expect(turn.attributes['csp.correlation_id']).to.match(/^[0-9a-f-]{36}$/);
      expect(turn.resource['service.name']).to.equal('csp-move-assistant');
      expect(turn.resource['service.version']).to.equal(pkg.version);
    }
    const intents = turns.map((t) => t.attributes['csp.turn.intent']);
    expect(intents[0]).to.equal('text');
    expect(intents[1]).to.equal('command');
    expect(intents.slice(2, -1)).to.have.length(Object.keys(TAIWAN_INDIRECT).length).and.satisfy((all: unknown[]) => all.every((i) => i === 'answer'));
    expect(turns.map((t) => t.attributes['csp.turn.outcome'])).to.deep.equal([...Array(posts - 1).fill('ok'), 'duplicate']);
    // The redelivery is dropped before the conversation runs: no intent, no error status.
    expect(turns.at(-1)!.attributes['csp.turn.intent']).to.equal(undefined);
    expect(turns.every((t) => t.status.code !== 2)).to.equal(true);
  });

  it('gives the turn that showed the result its verdict, the one the card shows', () => {
    const withVerdict = turnSpans().filter((t) => t.attributes['csp.verdict'] !== undefined);
    expect(withVerdict).to.have.length(1);
    const verdict = withVerdict[0]!.attributes['csp.verdict'] as (typeof VERDICTS)[number];
    expect(VERDICTS).to.include(verdict);
    expect(resultText).to.include(tFor('en')(`guidance:verdict.${verdict}`));
    expect(withVerdict[0]!.spanId).to.equal(turnSpans().at(-2)!.spanId);
  });

  it('has storage reads and writes, and connector sends, as children of their turn', () => {
    for (const turn of turnSpans().slice(0, -1)) {
      const children = childrenOf(turn);
      expect(children.every((c) => c.traceId === turn.traceId)).to.equal(true);
      const names = children.map((c) => c.name);
      expect(names).to.include('csp.storage.read').and.include('csp.storage.write').and.include(REPLY_SPAN);
      const read = children.find((c) => c.name === 'csp.storage.read')!;
      expect(read.attributes).to.include({ 'csp.storage.operation': 'read', 'csp.storage.kind': 'sqlite' });
      expect(read.attributes['csp.storage.items']).to.be.a('number').and.be.greaterThan(0);
      const reply = children.find((c) => c.name === REPLY_SPAN)!;
      expect(reply.kind).to.equal(CLIENT);
      expect(reply.attributes).to.include({
        'http.request.method': 'POST',
        'url.template': '/v3/conversations/{conversationId}/activities/{activityId}',
        'server.address': '127.0.0.1',
        'http.response.status_code': 200,
      });
    }
    // The redelivery read the conversation's state, found the activity done, and wrote and sent nothing.
    expect(childrenOf(turnSpans().at(-1)!).map((c) => c.name)).to.deep.equal(['csp.storage.read']);
  });

  it('shows the throttled reply as one connector span that was sent again', () => {
    const retried = collector.spans().filter((s) => s.attributes['http.request.resend_count'] !== undefined);
    expect(retried).to.have.length(1);
    expect(retried[0]!.attributes['http.request.resend_count']).to.equal(1);
    expect(retried[0]!.attributes['http.response.status_code']).to.equal(200);
    expect(retried[0]!.events).to.deep.equal([{ name: 'retry', attributes: { 'http.response.status_code': 429 } }]);
    expect(turnSpans().map((t) => t.spanId)).to.include(retried[0]!.parentSpanId);
  });

  it('exports the metrics: turns by outcome, durations, storage and connector latency, retries, duplicates, verdicts', () => {
    const points = collector.points();
    const sum = (metric: string, match: Record<string, unknown> = {}) =>
      points.filter((p) => p.metric === metric && Object.entries(match).every(([k, v]) => p.attributes[k] === v)).reduce((n, p) => n + p.value, 0);
    expect(sum('csp.turns')).to.equal(posts);
    expect(sum('csp.turns', { 'csp.turn.outcome': 'ok' })).to.equal(posts - 1);
    expect(sum('csp.turns', { 'csp.turn.outcome': 'duplicate' })).to.equal(1);
    expect(sum('csp.turns', { 'csp.turn.intent': 'answer', 'csp.locale': 'en' })).to.equal(Object.keys(TAIWAN_INDIRECT).length);
    expect(sum('csp.turn.duration')).to.equal(posts);
    expect(sum('csp.turn.duration', { 'csp.turn.outcome': 'duplicate' })).to.equal(1);
    expect(points.find((p) => p.metric === 'csp.turn.duration')!.unit).to.equal('s');
    expect(sum('csp.storage.duration', { 'csp.storage.operation': 'read', 'csp.storage.kind': 'sqlite' })).to.be.at.least(posts);
    expect(sum('csp.storage.duration', { 'csp.storage.operation': 'write' })).to.be.at.least(posts - 1);
    expect(sum('csp.connector.duration', { 'http.request.method': 'POST', 'http.response.status_code': 200 })).to.equal(collector.spans().filter((s) => s.kind === CLIENT).length);
    expect(sum('csp.connector.retries')).to.equal(1);
    expect(sum('csp.connector.retries', { 'http.response.status_code': 429 })).to.equal(1);
    expect(sum('csp.duplicate_deliveries', { 'csp.duplicate.handling': 'dropped' })).to.equal(1);
    const verdict = turnSpans().find((t) => t.attributes['csp.verdict'])!.attributes['csp.verdict'];
    expect(sum('csp.check.results', { 'csp.verdict': verdict })).to.equal(1);
    expect(sum('csp.storage.unavailable_turns')).to.equal(0);
  });

  it('exports no user content, no id of a user, conversation, tenant or activity, and no secret', () => {
    const exported = collector.everything();
    expect(exported).to.include('csp.turn');
    const never = [
      typed,
      typed.split(' ').at(-2)!,
      from.name,
      from.id,
      from.aadObjectId,
      tenantId,
      conversation.id,
      conversation.id.slice(2),
      encodeURIComponent(conversation.id),
      TAIWAN_INDIRECT.renewalDate!,
      ...activityIds,
      ...sentTokens,
      ...sentTokens.map((t) => t.split('.')[2]!),
      OUTBOUND_TOKEN,
      APP_PASSWORD,
    ];
    for (const value of never) expect(exported, `exported ${value.slice(0, 30)}…`).not.to.include(value);
    expect(exported).not.to.match(/Bearer/i);
    // The secrets were really in play: the connector got the outbound token, the collector got our payloads.
    expect(connector.received.map((r) => r.headers.authorization)).to.include(`Bearer ${OUTBOUND_TOKEN}`);
    expect(collector.received.length).to.be.greaterThan(1);
  });
});
