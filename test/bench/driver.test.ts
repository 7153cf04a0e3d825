// The load driver against the real bot (in process, memory storage) and the echo baseline (a child process
// run through tsx), over loopback: every click is checked, so the bench cannot drift from the dialogs.
import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { startFakeConnector, type FakeConnector } from '../../bench/fakeConnector.js';
import { makeConversation, newAgent, preconnect, probeTransports, runPhase, type DeliveryMode, type Transports } from '../../bench/loadDriver.js';
import { startChild, type BenchChild } from '../../bench/processes.js';
import { startApp, type RunningApp } from '../support/server.js';

const TODAY = '2026-11-21';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('bench load driver over loopback', () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let transports: Transports;

  before(async () => {
    app = await startApp({}, { today: () => TODAY });
    connector = await startFakeConnector();
    transports = await probeTransports(`${app.url}/api/messages`, connector, TODAY);
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('opens the keep-alive connections before the clock starts', async () => {
    const agent = newAgent(4);
    try {
      await preconnect(agent, app.url, 4);
      const free = Object.values(agent.freeSockets).flat();
      expect(free).to.have.length(4);
    } finally {
      agent.destroy();
    }
  });

  it('learns from the cards how each click travels', () => {
    expect(transports.start.transport).to.equal('message');
    for (const kind of ['answer', 'restart'] as const) expect(['message', 'invoke']).to.include(transports[kind].transport);
  });

  for (const mode of ['expectReplies', 'connector'] as DeliveryMode[]) {
    it(`walks concurrent conversations through whole checks and restarts, replies via ${mode}`, async () => {
      const pool = Array.from({ length: 6 }, (_, i) => makeConversation(`test-${mode}`, i, TODAY));
      const agent = newAgent(3);
      try {
        const result = await runPhase({
          url: `${app.url}/api/messages`,
          conversations: pool,
          reuse: true,
          concurrency: 3,
          maxTurns: 90,
          mode,
          connector,
          transports,
          check: 'guided',
          agent,
        });
        expect(result.errorSamples).to.deep.equal([]);
        expect(result.turns).to.equal(90);
        expect(result.results).to.be.at.least(6);
        expect(result.clicks.restart).to.be.at.least(1);
        expect(result.latenciesMs).to.have.length(90);
        expect(result.maxCardBytes).to.be.above(1000);
        expect(pool.every((c) => c.walker.results >= 1)).to.equal(true);
      } finally {
        agent.destroy();
      }
    });
  }

  it('counts a wrong reply as a failed turn and starts that conversation over', async () => {
    const conversation = makeConversation('test-wrong', 0, TODAY);
    // The walker believes it clicked Start; the bot never heard of this chat, so an answer gets a notice, not the next question.
    conversation.walker.plan();
    conversation.walker.advance();
    const agent = newAgent(1);
    try {
      const result = await runPhase({
        url: `${app.url}/api/messages`,
        conversations: [conversation],
        reuse: true,
        concurrency: 1,
        maxTurns: 1,
        mode: 'expectReplies',
        connector,
        transports,
        check: 'guided',
        agent,
      });
      expect(result.turns).to.equal(0);
      expect(result.errors).to.equal(1);
      expect(result.errorSamples[0]).to.match(/^test-wrong-0 turn 1: expected question \w+, got a card that asks nothing$/);
      expect(conversation.walker.plan().value).to.deep.equal({ action: 'command', command: 'restart' });
    } finally {
      agent.destroy();
    }
  });

  describe('the echo baseline', () => {
    let echo: BenchChild;
    before(async () => {
      echo = await startChild({
        name: 'echo',
        args: ['--import', 'tsx/esm', '--no-deprecation', 'bench/echoBot.ts'],
        cwd: ROOT,
        env: { STORAGE: 'memory', NODE_OPTIONS: '' },
        logFile: '/dev/null',
        timeoutMs: 20_000,
      });
    });
    after(() => echo?.stop());

    it('echoes the same clicks, messages and invokes alike, and exits on SIGTERM', async () => {
      const pool = Array.from({ length: 4 }, (_, i) => makeConversation('test-echo', i, TODAY));
      const agent = newAgent(2);
      try {
        for (const mode of ['expectReplies', 'connector'] as DeliveryMode[]) {
          const result = await runPhase({ url: `${echo.url}/api/messages`, conversations: pool, reuse: true, concurrency: 2, maxTurns: 30, mode, connector, transports, check: 'echo', agent });
          expect(result.errorSamples).to.deep.equal([]);
          expect(result.turns).to.equal(30);
        }
      } finally {
        agent.destroy();
      }
      await echo.stop();
      expect(() => process.kill(echo.pid, 0)).to.throw(/ESRCH/);
    });
  });
});
