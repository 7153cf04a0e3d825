import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createStorage, type StorageHandle } from '../../src/storage/createStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { Chat, answerSubmit, clickPath, unavailableText } from '../state/support/chat.js';
import { startChildApp, type ChildApp } from './support/childApp.js';
import { healthzLatencies, holdSqliteLock, median, readyzBecomes } from './support/probes.js';

/** "Users are told within a few seconds": the storage deadline is 3 s; a turn makes at most a read and a write. */
const TOLD_WITHIN_MS = 10_000;
/**
 * The bound for /healthz, on the median of probes taken while storage is stuck; and no probe at
 * all may wait a second (a blocked event loop makes one wait for seconds; a GC pause does not).
 */
const HEALTHZ_MEDIAN_MS = 100;
const HEALTHZ_MAX_MS = 1000;
/** Partners clicking at the same moment while the store is stuck. */
const USERS = 4;

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

/**
 * While the store is stuck: each partner's click, and then a typed message, is answered within a few
 * seconds with "temporarily unavailable, your answers are kept" in their language; /healthz keeps
 * answering fast; /readyz turns 503. Once the store is back: Teams' retry of each click goes through, and
 * every answer given before is still stored.
 */
async function stuckStoreScenario(app: ChildApp, readStored: (chat: Chat) => Promise<string[] | undefined>, stuck: { begin(): Promise<void>; end(): Promise<void> }) {
  const path = clickPath();
  const chats = Array.from({ length: USERS }, (_, i) => new Chat((['zh-CN', 'zh-TW', 'en'] as const)[i % 3]));
  for (const chat of chats) {
    await chat.begin(app.url);
    expect((await chat.answer(app.url, path[0]!)).asks).to.equal(path[1]);
  }
  const clicks = chats.map((chat) => chat.activity({ value: answerSubmit(path[1]!) }));

  await stuck.begin();
  try {
    const [during, health, readyAfter] = await Promise.all([
      Promise.all(chats.map((chat, i) => timed(chat.post(app.url, clicks[i]!)))),
      healthzLatencies(app.url, 12, 100),
      readyzBecomes(app.url, 503, TOLD_WITHIN_MS),
    ]);
    during.forEach(({ value, ms }, i) => {
      expect(value.status).to.equal(200);
      expect(value.texts, app.output()).to.deep.equal([unavailableText(chats[i]!.locale)]);
      expect(value.cards).to.deep.equal([]);
      expect(ms, 'a click was answered after').to.be.below(TOLD_WITHIN_MS);
    });
    const shown = `/healthz took ${health.map(Math.round).join(', ')} ms`;
    expect(median(health), shown).to.be.below(HEALTHZ_MEDIAN_MS);
    expect(Math.max(...health), shown).to.be.below(HEALTHZ_MAX_MS);
    expect(readyAfter, '/readyz never said 503').to.not.equal(undefined);
    const typed = await timed(chats[0]!.send(app.url, { text: 'help' }));
    expect(typed.value.texts).to.deep.equal([unavailableText(chats[0]!.locale)]);
    expect(typed.ms, 'the typed message was answered after').to.be.below(TOLD_WITHIN_MS);
  } finally {
    await stuck.end();
  }

  expect(await readyzBecomes(app.url, 200, 20_000), '/readyz never recovered').to.not.equal(undefined);
  for (const [i, chat] of chats.entries()) {
    const retried = await chat.post(app.url, clicks[i]!);
    expect(retried.asks).to.equal(path[2]);
    expect(await readStored(chat)).to.deep.equal([path[0], path[1]]);
  }
}

describe('faults: a store that hangs or is locked', function () {
  this.timeout(120_000);
  // Run even when a test times out: a paused Azurite or a held lock would stall everything after it.
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });

  it('Azure Blob Storage stops answering (Azurite SIGSTOPped): users told within a few seconds, /healthz fast, /readyz 503, nothing lost', async () => {
    const azurite: Azurite = await startAzurite();
    cleanups.push(() => azurite.dispose()); // resumes it first
    const env = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bot-state' };
    const store: StorageHandle = createStorage(env as never);
    cleanups.push(() => store.close());
    const app = await startChildApp(env);
    cleanups.push(() => app.stop());
    await stuckStoreScenario(app, async (chat) => (await chat.storedCheck(store.storage))?.history, {
      begin: async () => azurite.pause(),
      end: async () => azurite.resume(),
    });
  });

  it('another process holds the SQLite write lock: users told within a few seconds, /healthz fast, /readyz 503, nothing lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-lock-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') };
    const app = await startChildApp(env);
    cleanups.push(() => app.stop());
    let lock: { release(): Promise<void> } | undefined;
    cleanups.push(async () => lock?.release());
    await stuckStoreScenario(
      app,
      async (chat) => {
        const storage = new SqliteStorage(env.SQLITE_PATH);
        try {
          return (await chat.storedCheck(storage))?.history;
        } finally {
          await storage.close();
        }
      },
      {
        begin: async () => void (lock = await holdSqliteLock(env.SQLITE_PATH)),
        end: async () => lock?.release(),
      },
    );
  });
});
