import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { ReminderItem } from '../../src/reminders/index.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { inDays } from '../guidance/fixtures.js';
import { Clock, alice, instance, trackMove } from './support.js';

const RENEWAL = { renewalDate: inDays(20) }; // stop renewal / provision by inDays(19): reminders on inDays(12) and inDays(18)

describe('reminders: the scheduler on a real SQLite file, with a clock that moves days in milliseconds', () => {
  let dir: string;
  let storages: SqliteStorage[];
  let clock: Clock;
  let sent: Array<{ by: string; id: string; late: boolean; at: string }>;
  const open = () => {
    const s = new SqliteStorage(join(dir, 'state.db'), { now: clock.now });
    storages.push(s);
    return s;
  };
  const node = (name: string, options = {}) =>
    instance(open(), clock, async (r: ReminderItem, late: boolean) => {
      sent.push({ by: name, id: r.id, late, at: new Date(clock.ms).toISOString().slice(0, 10) });
      return 'sent';
    }, { instanceId: name, ...options });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    storages = [];
    clock = new Clock();
    sent = [];
  });
  afterEach(async () => {
    for (const s of storages) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each reminder once, on its day, not before', async () => {
    const a = node('a');
    await trackMove(a.moves, RENEWAL);
    expect((await a.scheduler.scanNow()).sent).to.equal(0);
    clock.set(inDays(12), -60_000);
    expect((await a.scheduler.scanNow()).sent).to.equal(0);
    clock.set(inDays(12));
    expect((await a.scheduler.scanNow()).sent).to.equal(1);
    expect((await a.scheduler.scanNow()).sent).to.equal(0);
    clock.set(inDays(18), 5 * 60_000);
    expect((await a.scheduler.scanNow()).sent).to.equal(1);
    clock.set(inDays(30));
    await a.scheduler.scanNow();
    expect(sent.map((s) => [s.at, s.late, s.id.split('.').pop()])).to.deep.equal([
      [inDays(12), false, '7'],
      [inDays(18), false, '1'],
    ]);
  });

  it('closing, deleting or forgetting a move cancels its reminders', async () => {
    const a = node('a');
    const m1 = await trackMove(a.moves, RENEWAL, 'k1');
    const m2 = await trackMove(a.moves, { renewalDate: inDays(21) }, 'k2');
    const m3 = await trackMove(a.moves, { renewalDate: inDays(22) }, 'k3');
    await a.moves.setStatus(alice, m1.id, 'closed', inDays(0));
    await a.moves.delete(alice, m2.id);
    clock.set(inDays(14));
    expect((await a.scheduler.scanNow()).sent).to.equal(1);
    expect(sent[0]!.id).to.include(m3.id);
    await a.moves.forget(alice);
    clock.set(inDays(30));
    expect((await a.scheduler.scanNow()).sent).to.equal(0);
  });

  it('restart after downtime: what fell due is sent once, at the first scan, marked late', async () => {
    const a = node('a');
    await trackMove(a.moves, RENEWAL);
    clock.set(inDays(25)); // the bot was down through both reminder days
    const b = node('b'); // a new process on the same file
    expect(await b.scheduler.scanNow()).to.include({ sent: 2, late: 2 });
    expect(sent.every((s) => s.late && s.by === 'b')).to.equal(true);
    expect((await b.scheduler.scanNow()).sent).to.equal(0);
    expect((await node('c').scheduler.scanNow()).sent).to.equal(0);
  });

  it('a crash between claim and send: the claim times out and another instance sends it (never lost)', async () => {
    const crashed = instance(open(), clock, () => new Promise(() => {}), { instanceId: 'crashed', claimTimeoutMs: 600_000 }); // claims, then never sends
    await trackMove(crashed.moves, RENEWAL);
    clock.set(inDays(12));
    void crashed.scheduler.scanNow();
    await new Promise((r) => setTimeout(r, 50));
    const b = node('b', { claimTimeoutMs: 600_000 });
    expect(await b.scheduler.scanNow()).to.include({ sent: 0, claimedElsewhere: 1 });
    clock.ms += 600_000;
    expect((await b.scheduler.scanNow()).sent).to.equal(1);
    expect(sent.map((s) => s.by)).to.deep.equal(['b']);
  });

  it('a send that keeps failing is tried again after the claim timeout, then given up (never for ever)', async () => {
    let tries = 0;
    const a = instance(open(), clock, async () => {
      tries++;
      throw new Error('connector down');
    }, { claimTimeoutMs: 1000, maxTries: 3 });
    await trackMove(a.moves, RENEWAL);
    clock.set(inDays(12));
    for (let i = 0; i < 6; i++) {
      await a.scheduler.scanNow();
      clock.ms += 1000;
    }
    expect(tries).to.equal(3);
  });

  it('an instance that read a reminder before another claimed it, and claims only after that one sent it, does not send it again', async () => {
    let aDone!: () => void;
    const aFinished = new Promise<void>((r) => (aDone = r));
    const a = node('a');
    const slow = node('slow', { beforeClaim: () => aFinished }); // reads, then waits until a has sent and cleaned up
    await trackMove(a.moves, RENEWAL);
    clock.set(inDays(12));
    const late = slow.scheduler.scanNow();
    await new Promise((r) => setTimeout(r, 20));
    await a.scheduler.scanNow();
    aDone();
    expect(await late).to.include({ sent: 0, claimedElsewhere: 1 });
    expect(sent.map((s) => s.by)).to.deep.equal(['a']);
  });

  it('two instances on one file, racing on every reminder: each sent exactly once', async () => {
    const a = node('a');
    const b = node('b');
    for (let i = 0; i < 5; i++) await trackMove(a.moves, { renewalDate: inDays(20 + i) }, `k${i}`);
    for (let day = 12; day <= 30; day++) {
      clock.set(inDays(day));
      await Promise.all([a.scheduler.scanNow(), b.scheduler.scanNow()]);
    }
    expect(sent).to.have.length(10);
    expect(new Set(sent.map((s) => s.id)).size).to.equal(10);
  });
});
