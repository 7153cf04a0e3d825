import { expect } from 'chai';
import { ConversationQueue, QueueFullError } from '../../src/state/conversationQueue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A task that records when it starts and ends, and finishes when told. */
function gated(log: string[], name: string) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`start ${name}`);
      await gate;
      log.push(`end ${name}`);
      return name;
    },
  };
}

describe('ConversationQueue', () => {
  it('runs the turns of one conversation one at a time, in arrival order', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gated(log, n));
    const results = [a, b, c].map((g) => queue.run('conv-1', g.task));
    await tick();
    expect(log).to.deep.equal(['start a']);
    c!.open();
    b!.open();
    await tick();
    expect(log).to.deep.equal(['start a']);
    a!.open();
    expect(await Promise.all(results)).to.deep.equal(['a', 'b', 'c']);
    expect(log).to.deep.equal(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different conversations in parallel', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const a = gated(log, 'a');
    const b = gated(log, 'b');
    const done = [queue.run('conv-1', a.task), queue.run('conv-2', b.task)];
    await tick();
    expect(log).to.deep.equal(['start a', 'start b']);
    b.open();
    a.open();
    await Promise.all(done);
  });

  it('goes on after a failed turn, and passes its error to that turn only', async () => {
    const queue = new ConversationQueue();
    const failed = queue.run('conv-1', async () => {
      throw new Error('boom');
    });
    const next = queue.run('conv-1', async () => 'next');
    expect(await failed.catch((e: Error) => e.message)).to.equal('boom');
    expect(await next).to.equal('next');
  });

  it('is bounded: refuses a turn beyond maxPerKey waiting for one conversation', async () => {
    const queue = new ConversationQueue(2);
    const log: string[] = [];
    const a = gated(log, 'a');
    const first = queue.run('conv-1', a.task);
    const second = queue.run('conv-1', async () => 'b');
    const third = queue.run('conv-1', async () => 'c');
    expect(await third.catch((e: unknown) => e)).to.be.instanceOf(QueueFullError);
    expect(await queue.run('conv-2', async () => 'other')).to.equal('other');
    a.open();
    expect(await Promise.all([first, second])).to.deep.equal(['a', 'b']);
  });

  it('keeps nothing for idle conversations (no leak over many conversations)', async () => {
    const queue = new ConversationQueue();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => queue.run(`conv-${i % 100}`, async () => i)));
    await tick();
    expect(queue.activeKeys).to.equal(0);
    const log: string[] = [];
    const a = gated(log, 'a');
    const running = queue.run('conv-x', a.task);
    expect(queue.activeKeys).to.equal(1);
    a.open();
    await running;
    await tick();
    expect(queue.activeKeys).to.equal(0);
  });
});
