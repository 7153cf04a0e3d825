import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from 'botbuilder';
import { expect } from 'chai';
import { answerText } from '../../dialogs/core/state.js';
import { createStorage, type StorageHandle } from '../../src/storage/createStorage.js';
import { startApp, type RunningApp } from '../support/server.js';
import { textOf, tFor } from '../support/conversation.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { Chat, CLICKS, answerSubmit, clickPath, saysOutOfDate, unavailableText, type Reply } from './support/chat.js';

/**
 * Two app instances sharing one store, as behind a load balancer: Azure Blob Storage (on a real Azurite),
 * and one SQLite file (two processes on one machine).
 */
const backends: Array<{ name: string; setUp(): Promise<{ env: Record<string, string>; tearDown(): Promise<void> }> }> = [
  {
    name: 'Azure Blob Storage (Azurite)',
    async setUp() {
      const azurite: Azurite = await startAzurite();
      return {
        env: { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bot-state' },
        tearDown: () => azurite.dispose(),
      };
    },
  },
  {
    name: 'one SQLite file',
    async setUp() {
      const dir = mkdtempSync(join(tmpdir(), 'instances-test-'));
      return { env: { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') }, tearDown: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

for (const backend of backends) {
  describe(`two instances on ${backend.name}`, function () {
    this.timeout(120_000);
    let a: RunningApp;
    let b: RunningApp;
    let store: StorageHandle;
    let storage: Storage;
    let tearDown: () => Promise<void>;
    const path = clickPath();

    before(async () => {
      const setup = await backend.setUp();
      tearDown = setup.tearDown;
      a = await startApp(setup.env, { today: () => '2026-11-21' });
      b = await startApp(setup.env, { today: () => '2026-11-21' });
      // A third handle on the same store, to check what is really stored.
      store = createStorage(setup.env as never);
      storage = store.storage;
    });

    after(async () => {
      await Promise.all([a?.close(), b?.close(), store?.close()]);
      await tearDown?.();
    });

    it('a conversation started on A continues on B, answer for answer', async () => {
      const chat = new Chat('zh-CN');
      await chat.begin(a.url);
      let reply: Reply | undefined;
      for (let i = 0; i < path.length; i++) {
        reply = await chat.answer(i % 2 ? a.url : b.url, path[i]!);
        expect(reply.asks, `after ${path[i]}`).to.equal(path[i + 1] ?? 'result');
      }
      expect(textOf(reply!.cards.at(-1))).to.include(tFor('zh-CN')('guidance:step.createTransferByProvider'));
      const check = await chat.storedCheck(storage);
      expect(check?.history).to.deep.equal(path);
    });

    it('20 simultaneous submits across both: every accepted answer is stored once, and no reply contradicts the stored state', async () => {
      const chat = new Chat('en');
      await chat.begin(a.url);
      // Two clicks on each of the first ten questions, in path order, alternating instances.
      const submits = path.slice(0, 10).flatMap((id) => [
        { id, url: a.url },
        { id, url: b.url },
      ]);
      const replies = await Promise.all(submits.map((s) => chat.answer(s.url, s.id)));

      const check = (await chat.storedCheck(storage))!;
      const stored = check.history;
      // The stored answers are a prefix of the path, each answer the one clicked.
      expect(stored).to.deep.equal(path.slice(0, stored.length));
      const answers = await chat.storedAnswers(storage);
      for (const id of stored) expect(answerText(answers[id])).to.equal(CLICKS[id]);

      const accepted: string[] = [];
      replies.forEach((reply, i) => {
        const { id } = submits[i]!;
        expect(reply.status).to.equal(200);
        if (reply.texts.includes(unavailableText('en'))) return; // told to try again: nothing was taken
        expect(reply.asks, `reply to ${id}`).to.be.a('string');
        if (saysOutOfDate(reply)) {
          // Not taken: the card shows a question the check really was on at some point.
          expect(path.slice(0, stored.length + 1), `out-of-date reply to ${id}`).to.include(reply.asks);
        } else {
          // Taken: the reply asks the question after it, and the answer is stored.
          accepted.push(id);
          expect(reply.asks, `accepted ${id}`).to.equal(path[path.indexOf(id) + 1] ?? 'result');
          expect(stored).to.include(id);
        }
      });
      // Each stored answer was accepted exactly once: no accepted answer was lost, none applied twice.
      expect([...accepted].sort()).to.deep.equal([...stored].sort());
      expect(stored.length).to.be.at.least(1);

      // And the check goes on from where the stored state says it is.
      const next = path[stored.length]!;
      expect((await chat.answer(b.url, next)).asks).to.equal(path[stored.length + 1] ?? 'result');
    });

    it('the same activity delivered twice (one after the other, then at once) gives one reply and takes the answer once', async () => {
      const chat = new Chat('en');
      await chat.begin(b.url);
      const role = chat.activity({ value: answerSubmit(path[0]!) });
      const first = await chat.post(a.url, role);
      const again = await chat.post(b.url, role);
      expect(first.asks).to.equal(path[1]);
      expect(again.status).to.equal(200);
      expect(again.activities).to.deep.equal([]);

      const goal = chat.activity({ value: answerSubmit(path[1]!) });
      const both = await Promise.all([chat.post(a.url, goal), chat.post(b.url, goal), chat.post(a.url, goal)]);
      const answered = both.filter((r) => r.activities.length > 0);
      expect(answered).to.have.length(1);
      expect(answered[0]!.asks).to.equal(path[2]);

      const check = await chat.storedCheck(storage);
      expect(check?.history).to.deep.equal([path[0], path[1]]);
    });
  });
}
