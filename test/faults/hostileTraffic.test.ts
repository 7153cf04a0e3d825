import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { teamsActivity } from '../support/activity.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { postJson } from '../support/server.js';
import { Chat, answerSubmit, clickPath } from '../state/support/chat.js';
import { postHead, rawRequest } from '../security/support/rawHttp.js';
import { REFUSED } from '../security/support/replyPathCases.js';
import { startChildApp, type ChildApp } from './support/childApp.js';
import { healthzLatencies, median } from './support/probes.js';

const REQUEST_TIMEOUT_MS = 2000;

/**
 * One instance (a process of its own, SQLite) taking hostile traffic while a partner is in the middle of a
 * check: the process stays up and small, the hostile requests get their 4xx, and the partner's check goes
 * on with every answer kept.
 */
describe('faults: hostile traffic against one instance', function () {
  this.timeout(120_000);
  let dir: string;
  let app: ChildApp;
  let connector: FakeConnector;
  const path = clickPath();
  const partner = new Chat('zh-TW');
  let answered = 0;

  /** The partner answers the next question; the reply must ask the one after. */
  const partnerAnswers = async () => {
    const reply = await partner.answer(app.url, path[answered]!);
    expect(reply.asks, app.output()).to.equal(path[answered + 1]);
    answered++;
  };
  const storedHistory = async () => {
    const storage = new SqliteStorage(join(dir, 'state.db'));
    try {
      return (await partner.storedCheck(storage))?.history;
    } finally {
      await storage.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faults-hostile-'));
    connector = await startFakeConnector();
    app = await startChildApp({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db'), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    await partner.begin(app.url);
    await partnerAnswers();
  });
  after(async () => {
    await app?.stop();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gzip bodies — corrupt, truncated, and 40 bombs (249 KB inflating to 250 MB each) at once: all 415, the process stays up, RSS grows less than 64 MiB', async () => {
    const bomb = gzipSync(Buffer.alloc(250 * 1024 * 1024));
    expect(bomb.length).to.be.below(256 * 1024);
    const bodies = [
      Buffer.from('1f8b0800000000000003ffffffff', 'hex'),
      gzipSync(JSON.stringify(teamsActivity({ text: 'hi' }))).subarray(0, 20),
      ...Array.from({ length: 40 }, () => bomb),
    ];
    const before = app.rssMiB();
    const statuses = await Promise.all(
      bodies.map((body) =>
        fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body }).then(
          (r) => r.status,
          () => 'no answer',
        ),
      ),
    );
    expect(statuses).to.deep.equal(bodies.map(() => 415));
    expect(app.rssMiB() - before).to.be.below(64);
    expect((await fetch(`${app.url}/healthz`)).status).to.equal(200);
    await partnerAnswers();
  });

  it('clients sending their bodies a byte at a time: each cut with 408 after HTTP_REQUEST_TIMEOUT_MS, while the partner is served at once and /healthz stays fast', async () => {
    const port = Number(new URL(app.url).port);
    const body = JSON.stringify(teamsActivity({ text: 'hi' }));
    const slow = Array.from({ length: 30 }, () =>
      rawRequest(port, postHead(Buffer.byteLength(body)), { body: body.slice(0, 5), trickle: { bytes: body.slice(5), everyMs: 200 }, waitMs: 30_000 }),
    );
    const [health] = await Promise.all([healthzLatencies(app.url, 10, 50), partnerAnswers()]);
    expect(median(health)).to.be.below(100);
    const outcomes = await Promise.all(slow);
    for (const outcome of outcomes) {
      expect(outcome.status).to.equal(408);
      // Cut at the deadline, not after Node's default of 5 minutes.
      expect(outcome.answeredAfterMs).to.be.at.least(REQUEST_TIMEOUT_MS - 100).and.below(REQUEST_TIMEOUT_MS + 8000);
    }
  });

  it("the partner's own activity with fields the reply path cannot carry: each 400, nothing sent, nothing stored, and the check goes on", async () => {
    const historyBefore = await storedHistory();
    for (const [name, mutate] of REFUSED) {
      const hostile = teamsActivity({
        conversation: { ...partner.conversation },
        from: { ...partner.from },
        id: randomUUID(),
        text: '',
        value: answerSubmit(path[answered]!),
        serviceUrl: connector.serviceUrl,
        deliveryMode: undefined,
      });
      mutate(hostile);
      const res = await postJson(`${app.url}/api/messages`, JSON.stringify(hostile));
      expect(res.status, name).to.equal(400);
    }
    expect(connector.received).to.deep.equal([]);
    expect(await storedHistory()).to.deep.equal(historyBefore);
    await partnerAnswers();
    expect(await storedHistory()).to.deep.equal(path.slice(0, answered));
  });
});
