import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamsActivity } from '../support/activity.js';
import { postJson } from '../support/server.js';
import { fuzzInput } from './support/hostileInputs.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { startCapturedApp, type CapturedApp } from './support/capturedApp.js';

// `npm test` tries a quick sample; `npm run test:fuzz` (CI, after npm test) sets FUZZ_RUNS higher.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CONVERSATIONS = 12;
const USERS = 2;
const ALLOWED = new Set([200, 400, 413, 415]);

describe('fuzz: random activities and submits through the real HTTP endpoint', function () {
  this.timeout(Math.max(60_000, RUNS * 50));
  let dir: string;
  let connector: FakeConnector;
  let app: CapturedApp;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'csp-fuzz-'));
    connector = await startFakeConnector();
    app = await startCapturedApp(
      { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db'), LOG_LEVEL: 'info' },
      { connectorRetry: { sleep: async () => {} } },
    );
  });
  after(async () => {
    await app?.close();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = (c: number, u: number) =>
    teamsActivity({
      conversation: { id: `a:fuzz-conversation-${c}`, conversationType: 'personal', tenantId: 'tenant-1' },
      from: { id: `29:fuzz-user-${u}`, name: 'Partner', aadObjectId: `aad-${u}` },
      serviceUrl: connector.serviceUrl,
    });

  it(`answers every one of ${RUNS} hostile inputs without a crash or a 5xx, and every conversation still works`, async () => {
    const statuses = new Map<number, number>();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fuzzInput(CONVERSATIONS, USERS, base), async ({ body }) => {
        tried++;
        const logged = app.lines.length;
        const res = await postJson(`${app.url}/api/messages`, body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(ALLOWED.has(res.status), `status ${res.status} for ${JSON.stringify(body).slice(0, 300)}`).to.equal(true);
        // Error bodies are empty (an invoke the bot refused) or one fixed word: no parser, stack or botbuilder text.
        if (res.status !== 200 && res.text !== '') expect(res.json).to.have.all.keys('error');
        // Nothing that passed the boundary may break a turn (the user would only get an apology).
        const failed = app.lines.slice(logged).map((l) => JSON.parse(l) as { msg?: string; level?: number; err?: { stack?: string } }).find((r) => (r.level ?? 0) >= 50);
        expect(failed, `${failed?.msg}: ${failed?.err?.stack?.slice(0, 400)}`).to.equal(undefined);
      }),
      { numRuns: RUNS },
    );

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).to.equal(200);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);

    // Every conversation each user touched still loads its state and answers "help" with a card.
    for (let c = 0; c < CONVERSATIONS; c++) {
      for (let u = 0; u < USERS; u++) {
        const res = await postJson(`${app.url}/api/messages`, { ...base(c, u), text: 'help' });
        expect(res.status).to.equal(200);
        const replies = (res.json?.activities ?? []) as Array<{ text?: string; attachments?: unknown[] }>;
        expect(replies.some((r) => (r.attachments ?? []).length > 0), `conversation ${c} user ${u}: ${JSON.stringify(replies).slice(0, 300)}`).to.equal(true);
      }
    }
    process.stdout.write(
      `      fuzz: ${tried} inputs tried, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `${connector.received.length} replies posted to the connector\n`,
    );
    expect(tried).to.equal(RUNS);
  });
});
