import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { answerText } from '../../dialogs/core/state.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { startApp } from '../support/server.js';
import { tFor, textOf } from '../support/conversation.js';
import { Chat, CLICKS, clickPath } from './support/chat.js';

describe('a restart (SQLite)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'restart-test-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a check interrupted by a process restart continues at the same question with every answer kept', async () => {
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') };
    const path = clickPath();
    const half = Math.floor(path.length / 2);
    const chat = new Chat('zh-TW');

    const first = await startApp(env, { today: () => '2026-11-21' });
    try {
      await chat.begin(first.url);
      for (let i = 0; i < half; i++) expect((await chat.answer(first.url, path[i]!)).asks).to.equal(path[i + 1]);
    } finally {
      await first.close();
    }

    const second = await startApp(env, { today: () => '2026-11-21' });
    try {
      // "start" on the new process: the open check resumes at the question it was on.
      const resumed = await chat.send(second.url, { value: { action: 'command', command: 'start' } });
      expect(resumed.asks).to.equal(path[half]);
      expect(resumed.cards.map(textOf).join('\n')).to.include(tFor('zh-TW')('common:notice.resumeCheck'));
      let reply = resumed;
      for (let i = half; i < path.length; i++) {
        reply = await chat.answer(second.url, path[i]!);
        expect(reply.asks).to.equal(path[i + 1] ?? 'result');
      }
      // The result depends on answers given before the restart (an indirect reseller, asked early on).
      expect(textOf(reply.cards.at(-1))).to.include(tFor('zh-TW')('guidance:step.createTransferByProvider'));
    } finally {
      await second.close();
    }

    const storage = new SqliteStorage(env.SQLITE_PATH);
    try {
      const check = await chat.storedCheck(storage);
      expect(check?.status).to.equal('done');
      expect(check?.history).to.deep.equal(path);
      const answers = await chat.storedAnswers(storage);
      for (const id of path) expect(answerText(answers[id])).to.equal(CLICKS[id]);
    } finally {
      await storage.close();
    }
  });
});
