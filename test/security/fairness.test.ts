import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamsActivity } from '../support/activity.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { questionIdOf } from '../support/conversation.js';
import { createStorage, type StorageHandle } from '../../src/storage/createStorage.js';

type Reply = { attachments?: Array<{ content: unknown }> };

const FLOOD_PER_SECOND = 50;
/** The flood stops here at the latest (10 s of flood): if the others were stalled, they finish after it. */
const FLOOD_CAP = 500;
/**
 * The flooding conversation's state reads take this long, so its turns (10 a second) fall behind its
 * messages (50 a second) and a backlog builds: anything shared in the path would make others queue behind it.
 */
const FLOOD_READ_DELAY_MS = 100;
const OTHERS = 8;
/** Flood messages sent before the others begin (half a second of flood). */
const FLOOD_HEAD_START = 25;

function chat(running: RunningApp, conversationId = `a:${randomUUID()}`) {
  const conversation = { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' };
  const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
  return async (input: Record<string, unknown>) => {
    const res = await postJson(`${running.url}/api/messages`, teamsActivity({ conversation, from, text: '', ...input }));
    const cards = ((res.json?.activities ?? []) as Reply[]).flatMap((r) => r.attachments ?? []).map((a) => a.content);
    return { status: res.status, question: questionIdOf(cards.at(-1)), cards: cards.length };
  };
}

describe('fairness: one conversation flooding at 50 messages a second', function () {
  this.timeout(60_000);
  let dir: string;
  let running: RunningApp;
  const FLOOD_CONVERSATION = `a:flood-${randomUUID()}`;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'csp-fairness-'));
    const sqlite: StorageHandle = createStorage({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') });
    const slowForFlood = {
      ...sqlite,
      storage: {
        read: async (keys: string[]) => {
          if (keys.some((k) => k.includes(FLOOD_CONVERSATION))) await new Promise((resolve) => setTimeout(resolve, FLOOD_READ_DELAY_MS));
          return sqlite.storage.read(keys);
        },
        write: (changes: Parameters<typeof sqlite.storage.write>[0]) => sqlite.storage.write(changes),
        delete: (keys: string[]) => sqlite.storage.delete(keys),
      },
    };
    running = await startApp({}, { storage: slowForFlood });
  });
  after(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not stall other conversations: they finish their turns while the flood is still going', async () => {
    const flood = chat(running, FLOOD_CONVERSATION);
    const floodResults: Array<Promise<{ status: number }>> = [];
    let othersDone = false;
    const flooding = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (othersDone || floodResults.length >= FLOOD_CAP) {
          clearInterval(timer);
          resolve();
          return;
        }
        floodResults.push(flood({ text: floodResults.length % 2 ? 'help' : 'hi' }));
      }, 1000 / FLOOD_PER_SECOND);
    });

    // Once the flood is under way, other partners walk into a check: welcome, start, answer, answer.
    while (floodResults.length < FLOOD_HEAD_START) await new Promise((resolve) => setTimeout(resolve, 5));
    const others = Array.from({ length: OTHERS }, async () => {
      const send = chat(running);
      const steps = [
        await send({ text: 'hi' }),
        await send({ value: { action: 'command', command: 'start' } }),
        await send({ value: { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' } }),
        await send({ value: { action: 'answer', questionId: 'partnerModel', answer: 'indirectReseller' } }),
      ];
      return steps;
    });
    const results = await Promise.all(others);
    const sentWhenOthersFinished = floodResults.length;
    othersDone = true;
    await flooding;
    const floodStatuses = (await Promise.all(floodResults)).map((r) => r.status);

    process.stdout.write(
      `      fairness: ${OTHERS * 4} turns of ${OTHERS} other conversations done while the flood had sent ${sentWhenOthersFinished} messages\n`,
    );
    // Every other conversation got every answer it asked for, in order.
    for (const steps of results) {
      expect(steps.map((s) => s.status)).to.deep.equal([200, 200, 200, 200]);
      expect(steps.map((s) => s.question)).to.deep.equal([undefined, 'partnerRoles', 'partnerModel', 'partnerRegion']);
    }
    // ... while the flood was still going: nobody waited for the flooding conversation to be served.
    expect(sentWhenOthersFinished).to.be.above(FLOOD_HEAD_START - 1).and.below(FLOOD_CAP);
    // The flood itself was answered, never with a server error.
    expect(floodStatuses.filter((s) => s >= 500)).to.deep.equal([]);
    expect(floodStatuses.filter((s) => s === 200).length).to.be.greaterThan(0);
  });
});
