import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createStorage, type StorageHandle } from '../../src/storage/createStorage.js';
import { startApp, type RunningApp } from '../support/server.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { makeUnwritable } from '../storage/unwritable.js';
import { Chat, answerSubmit, clickPath, unavailableText } from './support/chat.js';

async function status(url: string): Promise<number> {
  return (await fetch(url)).status;
}

/** /readyz is polled by the platform; give a recovering store a few probes. */
async function eventuallyReady(url: string): Promise<number> {
  let last = 0;
  for (let i = 0; i < 50 && last !== 200; i++) {
    last = await status(`${url}/readyz`);
    if (last !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

/** /readyz reuses its storage check for up to 2 s (so anonymous probes cost no storage call): give it that long to notice. */
async function eventuallyUnready(url: string): Promise<number> {
  let last = 0;
  for (let i = 0; i < 50 && last !== 503; i++) {
    last = await status(`${url}/readyz`);
    if (last !== 503) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

/**
 * During the outage: the user is told, in their language, that the service is briefly unavailable and
 * their answers are kept; the process stays up (/healthz 200) and says it is not ready (/readyz 503).
 * Afterwards Teams' retry of the very same activity goes through and nothing answered before is lost.
 */
async function outageScenario(app: RunningApp, store: StorageHandle, outage: { begin(): Promise<void>; end(): Promise<void> }) {
  const path = clickPath();
  const chat = new Chat('zh-TW');
  await chat.begin(app.url);
  expect((await chat.answer(app.url, path[0]!)).asks).to.equal(path[1]);
  expect(await status(`${app.url}/readyz`)).to.equal(200);

  const goal = chat.activity({ value: answerSubmit(path[1]!) });
  await outage.begin();
  try {
    const during = await chat.post(app.url, goal);
    expect(during.status).to.equal(200);
    expect(during.texts).to.deep.equal([unavailableText('zh-TW')]);
    expect(during.cards).to.deep.equal([]);
    expect(await status(`${app.url}/healthz`)).to.equal(200);
    expect(await eventuallyUnready(app.url)).to.equal(503);
    // Still up and still answering, with the same message.
    expect((await chat.send(app.url, { text: 'help' })).texts).to.deep.equal([unavailableText('zh-TW')]);
  } finally {
    await outage.end();
  }

  expect(await eventuallyReady(app.url)).to.equal(200);
  const retried = await chat.post(app.url, goal);
  expect(retried.asks).to.equal(path[2]);
  const check = await chat.storedCheck(store.storage);
  expect(check?.history).to.deep.equal([path[0], path[1]]);
}

describe('a storage outage', function () {
  this.timeout(120_000);

  it('Azure Blob Storage: Azurite stopped, then started again', async () => {
    const azurite: Azurite = await startAzurite();
    const env = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bot-state' };
    const app = await startApp(env);
    const store = createStorage(env as never);
    try {
      await outageScenario(app, store, { begin: () => azurite.stop(), end: () => azurite.start() });
    } finally {
      await app.close();
      await azurite.dispose();
    }
  });

  it('SQLite: the database file made unwritable, then writable again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outage-test-'));
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') };
    // A short busy timeout: with the lock-holding fallback, each blocked write waits this long.
    const appStore = createStorage(env as never, { sqlite: { busyTimeoutMs: 200 } });
    const app = await startApp(env, { storage: appStore });
    const store = createStorage(env as never);
    let undo: (() => void) | undefined;
    try {
      await outageScenario(app, store, {
        begin: async () => {
          undo = makeUnwritable(env.SQLITE_PATH).restore;
        },
        end: async () => undo?.(),
      });
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
