import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createStorage, type StorageHandle } from '../../src/storage/createStorage.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { teamsActivity } from '../support/activity.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { postJson } from '../support/server.js';
import { Chat, answerSubmit, clickPath } from '../state/support/chat.js';
import { startChildApp, type ChildApp } from './support/childApp.js';
import { REPLAY_CARD_NAME } from './support/replayCard.js';

/** Partners whose clicks are in flight when the process is killed. */
const IN_FLIGHT = 12;
/** The kill comes once this many of them have been saved (the others may be saved or not by then). */
const KILL_AFTER_SAVED = 8;

type Posted = { attachments?: Array<{ name?: string; content?: { replayedHistory?: unknown } }>; conversation?: { id?: string } };

const backends: Array<{ name: string; setUp(): Promise<{ env: Record<string, string>; tearDown(): Promise<void> }> }> = [
  {
    name: 'SQLite',
    async setUp() {
      const dir = mkdtempSync(join(tmpdir(), 'faults-crash-'));
      return { env: { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') }, tearDown: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'Azure Blob Storage (Azurite)',
    async setUp() {
      const azurite: Azurite = await startAzurite();
      return { env: { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bot-state' }, tearDown: () => azurite.dispose() };
    },
  },
];

/**
 * The instance is killed (SIGKILL) while partners' clicks are between "state saved" and "replies sent";
 * Teams then retries each request that got no answer, with the same activity id, to a fresh instance.
 * Each partner must see a card afterwards: the question their saved state is on, again (the replay). No
 * answer may be lost or stored twice.
 */
for (const backend of backends) {
  describe(`faults: killed between save and send, then Teams' retry (${backend.name})`, function () {
    this.timeout(120_000);
    // Run even when the test times out: no child process or Azurite may outlive it.
    const cleanups: Array<() => Promise<unknown>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    });

    it(`${IN_FLIGHT} clicks in flight, SIGKILL after ${KILL_AFTER_SAVED} were saved: every retry gets a card, every saved one the replay, nothing stored twice`, async () => {
      const { env: storageEnv, tearDown } = await backend.setUp();
      cleanups.push(tearDown);
      const holdDir = mkdtempSync(join(tmpdir(), 'faults-hold-'));
      cleanups.push(async () => rmSync(holdDir, { recursive: true, force: true }));
      const holdFile = join(holdDir, 'hold');
      const env = { ...storageEnv, FAULT_HOLD_FILE: holdFile, FAULT_REPLAY: '1' };
      const connector: FakeConnector = await startFakeConnector();
      cleanups.push(() => connector.close());
      const store: StorageHandle = createStorage(storageEnv as never);
      cleanups.push(() => store.close());
      const first: ChildApp = await startChildApp(env);
      cleanups.push(async () => first.kill('SIGKILL'));
      const path = clickPath();
      const chats = Array.from({ length: IN_FLIGHT }, (_, i) => new Chat((['en', 'zh-CN', 'zh-TW'] as const)[i % 3]));
      for (const chat of chats) await chat.begin(first.url);

      // As Teams sends a click: replies posted to the connector, not in the response.
      const clicks = chats.map((chat) =>
        teamsActivity({ conversation: chat.conversation, from: chat.from, locale: chat.locale, id: `click-${randomUUID()}`, text: '', value: answerSubmit(path[0]!), serviceUrl: connector.serviceUrl, deliveryMode: undefined }),
      );
      writeFileSync(holdFile, '');
      const posted = clicks.map((click) => postJson(`${first.url}/api/messages`, click).then((r) => r.status, () => 'no answer'));
      await first.waitForLines(/^SAVED /, KILL_AFTER_SAVED, 30_000);
      first.kill('SIGKILL');
      await first.exited;
      const statuses = await Promise.all(posted);
      const savedBeforeKill = new Set(first.output().split('\n').filter((l) => l.startsWith('SAVED ')));
      expect(statuses.every((s) => s === 'no answer'), `answered before the kill: ${statuses}`).to.equal(true);
      expect(connector.received, 'nothing was sent before the kill').to.deep.equal([]);

      // Teams retries each request that failed, with the same activity, to an instance that is up.
      rmSync(holdFile);
      const second: ChildApp = await startChildApp(env);
      cleanups.push(() => second.stop());
      const retried = await Promise.all(clicks.map((click) => postJson(`${second.url}/api/messages`, click)));
      expect(retried.map((r) => r.status)).to.deep.equal(clicks.map(() => 200));

      let nothing = 0;
      let replayed = 0;
      for (const chat of chats) {
        const seen = connector.received.filter((r) => (r.activity as Posted).conversation?.id === chat.conversation.id && r.method === 'POST');
        const cards = seen.flatMap((r) => (r.activity as Posted).attachments ?? []);
        if (cards.length === 0) nothing++;
        const replays = cards.filter((c) => c.name === REPLAY_CARD_NAME);
        const history = (await chat.storedCheck(store.storage))?.history;
        // The click is stored exactly once, whether it was saved before the kill or by the retry.
        expect(history, `stored history of ${chat.conversation.id}`).to.deep.equal([path[0]]);
        if (replays.length > 0) {
          replayed++;
          expect(replays).to.have.length(1);
          // The replay shows the saved state: the click already applied.
          expect(replays[0]!.content?.replayedHistory).to.deep.equal([path[0]]);
        }
      }
      expect({ nothing }, `${savedBeforeKill.size} saved before the kill, ${replayed} replayed`).to.deep.equal({ nothing: 0 });
      expect(replayed).to.be.at.least(savedBeforeKill.size);
    });
  });
}
