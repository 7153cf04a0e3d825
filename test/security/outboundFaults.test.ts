import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { teamsActivity } from '../support/activity.js';
import { countingStorage, postJson } from '../support/server.js';
import { questionIdOf } from '../support/conversation.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { startResettingHost } from '../support/resettingHost.js';
import { recordingRetry, startCapturedApp, type CapturedApp } from './support/capturedApp.js';
import { unreachableUrl } from './support/openIdServer.js';
import { DEFAULT_RETRY } from '../../src/http/connectorRetry.js';

type Attachment = { content: unknown };

/** A personal chat whose replies the bot posts to `serviceUrl` (no expectReplies), as in production. */
function chat(app: CapturedApp, serviceUrl: string) {
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
  const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
  return (input: { text?: string; value?: unknown; replyToId?: string }) =>
    postJson(`${app.url}/api/messages`, teamsActivity({ conversation, from, serviceUrl, deliveryMode: undefined, text: '', ...input }));
}

const lastQuestion = (connector: FakeConnector) => {
  const cards = connector.delivered().flatMap((a) => (a.attachments as Attachment[] | undefined) ?? []);
  return questionIdOf(cards.at(-1)?.content);
};

const START = { value: { action: 'command', command: 'start' } };
const ROLE = { value: { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' } };

describe('outbound faults: replies posted to a throttling or failing connector', () => {
  let connector: FakeConnector;
  let app: CapturedApp;
  const retry = recordingRetry(0.5);
  const store = countingStorage();


  before(async () => {
    connector = await startFakeConnector();
    app = await startCapturedApp({}, { storage: store, connectorRetry: retry.options });
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  /** A chat already at its first question, with the connector healthy and the records cleared. */
  async function atFirstQuestion() {
    connector.script = [];
    connector.otherwise = { status: 200 };
    const send = chat(app, connector.serviceUrl);
    await send({ text: 'hi' });
    expect((await send(START)).status).to.equal(200);
    expect(lastQuestion(connector)).to.equal('partnerRoles');
    connector.received.length = 0;
    retry.sleeps.length = 0;
    app.lines.length = 0;
    return send;
  }

  it('honours Retry-After on 429, then delivers the reply and keeps the answer', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 429, headers: { 'retry-after': '2' } }];
    const writes = store.calls.write;
    const res = await send(ROLE);
    expect(res.status).to.equal(200);
    expect(connector.received.map((r) => r.answered)).to.deep.equal([429, 200]);
    expect(retry.sleeps).to.have.length(1);
    expect(retry.sleeps[0]).to.be.at.least(2000).and.below(2000 + DEFAULT_RETRY.baseDelayMs);
    expect(lastQuestion(connector)).to.equal('partnerModel');
    expect(store.calls.write).to.be.greaterThan(writes);
  });

  it('backs off exponentially with jitter on 429 without Retry-After', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 429 }, { status: 429 }, { status: 429 }];
    const res = await send(ROLE);
    expect(res.status).to.equal(200);
    expect(connector.received.map((r) => r.answered)).to.deep.equal([429, 429, 429, 200]);
    // Each wait lies in the upper half of its step; steps double from baseDelayMs.
    const steps = [1, 2, 4].map((k) => Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * k));
    expect(retry.sleeps).to.have.length(3);
    retry.sleeps.forEach((ms, i) => expect(ms).to.be.within(steps[i]! / 2, steps[i]!));
    expect(retry.sleeps[2]).to.be.greaterThan(retry.sleeps[0]!);
    expect(lastQuestion(connector)).to.equal('partnerModel');
  });

  // Answers saying the connector did not take the message (msteams-docs rate-limit.md: retry 412 as 429).
  for (const reply of [{ status: 412 }, { status: 408 }, { status: 503, headers: { 'retry-after': '1' } }]) {
    it(`repeats a reply refused with ${reply.status}${reply.headers ? ' and Retry-After' : ''}, and delivers it once the connector takes it`, async () => {
      const send = await atFirstQuestion();
      connector.script = [reply, reply];
      expect((await send(ROLE)).status).to.equal(200);
      expect(connector.received.map((r) => r.answered)).to.deep.equal([reply.status, reply.status, 200]);
      expect(lastQuestion(connector)).to.equal('partnerModel');
      const retries = app.records().filter((r) => r.msg === 'connector call failed: retrying');
      expect(retries.map((r) => r.status)).to.deep.equal([reply.status, reply.status]);
    });
  }

  // A gateway error or a server fault may come after the connector delivered the message: a repeat could show it twice.
  for (const status of [500, 502, 503, 504]) {
    it(`does not repeat a reply answered ${status}${status === 503 ? ' without Retry-After' : ''} (it may have been delivered); the answer is kept`, async () => {
      const send = await atFirstQuestion();
      connector.script = [{ status }];
      expect((await send(ROLE)).status).to.equal(200);
      expect(connector.received.map((r) => r.answered)).to.deep.equal([status]);
      expect(retry.sleeps).to.deep.equal([]);
      expect(app.records().find((r) => r.msg === 'connector call failed: not repeated, it may have been delivered')).to.include({ status, method: 'POST', attempts: 1, level: 40 });
      expect(app.records().some((r) => r.msg === 'turn abandoned: reply not delivered')).to.equal(true);
      expect(app.records().some((r) => r.msg === 'turn failed')).to.equal(false);
      // The answer was saved before the reply left: the next click shows the question after it.
      connector.received.length = 0;
      expect((await send(ROLE)).status).to.equal(200);
      expect(lastQuestion(connector)).to.equal('partnerModel');
    });
  }

  it('a reply the connector took but whose answer was cut off shows once: not repeated', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 200, reset: true }];
    expect((await send(ROLE)).status).to.equal(200);
    expect(connector.received).to.have.length(1);
    expect(retry.sleeps).to.deep.equal([]);
    expect(lastQuestion(connector)).to.equal('partnerModel');
    expect(connector.delivered().filter((a) => questionIdOf((a.attachments as Attachment[] | undefined)?.[0]?.content) === 'partnerModel')).to.have.length(1);
    expect(app.records().find((r) => r.msg === 'connector call failed: not repeated, it may have been delivered')).to.include({ code: 'ECONNRESET', attempts: 1 });
  });

  it('repeats a card update (PUT: a repeat replaces the card again, it adds nothing) after a 502', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 502 }];
    expect((await send({ ...ROLE, replyToId: 'question-card-1' })).status).to.equal(200);
    // The next question replaces the clicked card: the update is the turn's only reply.
    expect(connector.received.map((r) => [r.method, r.answered])).to.deep.equal([
      ['PUT', 502],
      ['PUT', 200],
    ]);
    expect(retry.sleeps).to.have.length(1);
    expect(lastQuestion(connector)).to.equal('partnerModel');
  });

  it('gives up after the attempt bound, logs it, and the user picks up where they are with their next message', async () => {
    const send = await atFirstQuestion();
    connector.otherwise = { status: 429 };
    const res = await send(ROLE);
    // The channel hears "done" (no re-send storm from Teams); no apology is attempted down the same dead line.
    expect(res.status).to.equal(200);
    expect(connector.received).to.have.length(DEFAULT_RETRY.maxAttempts);
    expect(retry.sleeps).to.have.length(DEFAULT_RETRY.maxAttempts - 1);
    const gaveUp = app.records().find((r) => r.msg === 'connector call failed: giving up');
    expect(gaveUp).to.include({ status: 429, attempts: DEFAULT_RETRY.maxAttempts, level: 40 });
    expect(app.records().some((r) => r.msg === 'turn abandoned: reply not delivered')).to.equal(true);
    expect(app.records().some((r) => r.msg === 'turn failed')).to.equal(false);

    // State is saved before replies leave (src/state): the answer counts. Clicking again shows the next
    // question; answering it moves on, so the stored check is whole.
    connector.otherwise = { status: 200 };
    connector.received.length = 0;
    expect((await send(ROLE)).status).to.equal(200);
    expect(lastQuestion(connector)).to.equal('partnerModel');
    expect((await send({ value: { action: 'answer', questionId: 'partnerModel', answer: 'indirectReseller' } })).status).to.equal(200);
    expect(lastQuestion(connector)).to.equal('partnerRegion');
  });

  it('a redelivery of a turn whose reply never left gets the current card again, from the saved state (replay)', async () => {
    await atFirstQuestion();
    const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
    const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
    const post = (activity: Record<string, unknown>) => postJson(`${app.url}/api/messages`, activity);
    const activity = (input: object) => teamsActivity({ conversation, from, serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: '', id: randomUUID(), ...input });
    await post(activity({ text: 'hi' }));
    await post(activity(START));
    // The answer is saved, but its reply is refused to the end (the connector throttles every try).
    const role = activity(ROLE);
    connector.otherwise = { status: 429 };
    expect((await post(role)).status).to.equal(200);
    connector.otherwise = { status: 200 };
    connector.received.length = 0;
    // Teams sends the same activity again: the question the saved state is on comes, once.
    expect((await post(role)).status).to.equal(200);
    expect(lastQuestion(connector)).to.equal('partnerModel');
    const cards = connector.delivered().filter((a) => ((a.attachments as Attachment[] | undefined) ?? []).length > 0);
    expect(cards).to.have.length(1);
    // And a third time: the record now says sent, so nothing more.
    connector.received.length = 0;
    await post(role);
    expect(connector.delivered()).to.have.length(0);
  });

  it('does not wait for a Retry-After beyond the bound: gives up at once', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 429, headers: { 'retry-after': '120' } }];
    expect((await send(ROLE)).status).to.equal(200);
    expect(connector.received).to.have.length(1);
    expect(retry.sleeps).to.deep.equal([]);
    expect(app.records().find((r) => r.msg === 'connector call failed: giving up')).to.include({ status: 429, retryAfterMs: 120_000 });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const send = await atFirstQuestion();
    connector.script = [{ status: 503, headers: { 'retry-after': new Date(Date.now() + 3000).toUTCString() } }];
    expect((await send(ROLE)).status).to.equal(200);
    expect(retry.sleeps).to.have.length(1);
    // An HTTP date has whole seconds: between 2 and 3 s from now, plus jitter.
    expect(retry.sleeps[0]).to.be.within(1000, 3000 + DEFAULT_RETRY.baseDelayMs);
    expect(lastQuestion(connector)).to.equal('partnerModel');
  });

  for (const status of [400, 403, 404]) {
    it(`does not retry a ${status} (a retry would get the same answer)`, async () => {
      const send = await atFirstQuestion();
      connector.script = [{ status }];
      expect((await send(ROLE)).status).to.equal(200);
      expect(retry.sleeps).to.deep.equal([]);
      // The first reply failed; the turn's apology is the one other request.
      expect(connector.received.map((r) => r.answered)).to.deep.equal([status, 200]);
      expect(app.records().some((r) => r.msg === 'turn failed')).to.equal(true);
    });
  }

  it('retries when the connector cannot be reached at all, then gives up', async () => {
    retry.sleeps.length = 0;
    app.lines.length = 0;
    const res = await chat(app, await unreachableUrl('/'))({ text: 'hi' });
    expect(res.status).to.equal(200);
    expect(retry.sleeps).to.have.length(DEFAULT_RETRY.maxAttempts - 1);
    expect(app.records().find((r) => r.msg === 'connector call failed: giving up')).to.include({ code: 'ECONNREFUSED', attempts: DEFAULT_RETRY.maxAttempts });
  });

  it('retries when the connection is reset before the reply was sent (TLS handshake cut off), then gives up', async () => {
    const host = await startResettingHost();
    try {
      retry.sleeps.length = 0;
      app.lines.length = 0;
      expect((await chat(app, host.url)({ text: 'hi' })).status).to.equal(200);
      expect(host.connections()).to.equal(DEFAULT_RETRY.maxAttempts);
      expect(retry.sleeps).to.have.length(DEFAULT_RETRY.maxAttempts - 1);
      expect(app.records().find((r) => r.msg === 'connector call failed: giving up')).to.include({ code: 'ECONNRESET', attempts: DEFAULT_RETRY.maxAttempts });
    } finally {
      await host.close();
    }
  });
});
