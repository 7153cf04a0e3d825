import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { DAY_MS } from '../../src/state/index.js';
import { startApp, type RunningApp } from '../support/server.js';
import { tFor, textOf } from '../support/conversation.js';
import { Chat, clickPath } from './support/chat.js';

describe('retention: state expires after STATE_TTL_DAYS idle', function () {
  this.timeout(60_000);
  let dir: string;
  let running: RunningApp | undefined;
  /** The clock the app runs on: tests move it forward instead of sleeping. */
  let now = Date.parse('2026-11-21T09:00:00Z');
  const path = clickPath();

  const start = async (env: Record<string, string> = {}) => {
    running = await startApp({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, `state-${Math.random()}.db`), ...env }, { now: () => now, today: () => '2026-11-21' });
    return running;
  };
  const rows = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      // The reminder scheduler's own bookkeeping (its cursor: one row per deployment, not per user) is not state.
      return (db.prepare('SELECT key FROM bot_storage ORDER BY key').pluck().all() as string[]).filter((k) => !k.startsWith('reminders/'));
    } finally {
      db.close();
    }
  };

  before(() => (dir = mkdtempSync(join(tmpdir(), 'retention-test-'))));
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a check idle for less than 30 days (the default) continues; one idle longer starts fresh', async () => {
    const app = await start();
    const chat = new Chat('en');
    const t = tFor('en');
    await chat.begin(app.url);
    expect((await chat.answer(app.url, path[0]!)).asks).to.equal(path[1]);

    now += 29 * DAY_MS;
    const resumed = await chat.send(app.url, { value: { action: 'command', command: 'start' } });
    expect(resumed.asks).to.equal(path[1]);

    // 29 days were counted from the last turn, not from the first: the resume above kept it alive.
    now += 29 * DAY_MS;
    expect((await chat.answer(app.url, path[1]!)).asks).to.equal(path[2]);

    now += 30 * DAY_MS + 1;
    // An answer on a card from the expired check: the bot meets the partner as new and keeps nothing.
    const expired = await chat.answer(app.url, path[2]!);
    expect(expired.cards.map(textOf).join('\n')).to.include(t('cards:welcome.what'));
    expect(expired.asks).to.equal(undefined);
    const fresh = await chat.send(app.url, { value: { action: 'command', command: 'start' } });
    expect(fresh.asks).to.equal(path[0]);
  });

  it('STATE_TTL_DAYS sets the idle time', async () => {
    const app = await start({ STATE_TTL_DAYS: '7' });
    const chat = new Chat('zh-CN');
    await chat.begin(app.url);
    await chat.answer(app.url, path[0]!);
    now += 6 * DAY_MS;
    expect((await chat.send(app.url, { value: { action: 'command', command: 'start' } })).asks).to.equal(path[1]);
    now += 7 * DAY_MS;
    const expired = await chat.send(app.url, { value: { action: 'command', command: 'start' } });
    expect(expired.cards.map(textOf).join('\n')).to.include(tFor('zh-CN')('cards:welcome.what'));
    expect(expired.asks).to.equal(path[0]);
  });

  it('the sweep deletes idle state after the TTL, so the file does not grow; delivery records live inside the state', async () => {
    const file = join(dir, 'sweep.db');
    const app = await start({ SQLITE_PATH: file });
    const idle = new Chat('en');
    await idle.begin(app.url);
    await idle.answer(app.url, path[0]!);
    const before = rows(file);
    // One item per user (profile) and one per user per conversation (check, with its delivery ledger): nothing per activity.
    expect(before).to.have.length(2);
    expect(before).to.include(idle.stateKey);

    now += 20 * 60_000;
    expect(await app.app.sweepExpired()).to.deep.equal({ state: 0 });
    expect(rows(file)).to.deep.equal(before);

    // A second partner keeps talking; the first stays idle past the TTL.
    const active = new Chat('en');
    await active.begin(app.url);
    now += 25 * DAY_MS;
    await active.answer(app.url, path[0]!);
    now += 6 * DAY_MS;
    const beforeSweep = rows(file);
    await app.app.sweepExpired();
    const left = rows(file);
    expect(beforeSweep.filter((k) => !left.includes(k))).to.have.length(2); // the idle partner's check and profile
    expect(left).to.not.include(idle.stateKey);
    expect(left).to.include(active.stateKey);
  });
});
