import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { DELIVERIES, DeliveryLedger } from '../../src/state/index.js';

const activity = (id: string | undefined) => ({ id, type: 'message' }) as Partial<Activity>;
/** What the turn runner passes to seen() and record(): the ledger's id of the activity. */
const idOf = (id: string | undefined) => new DeliveryLedger().idOf(activity(id));

describe('DeliveryLedger: which activities of one user in one conversation were already processed', () => {
  let now = Date.parse('2026-11-21T08:00:00Z');
  const clock = () => now;

  it('an activity recorded in the state is seen; other ids are not', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = { check: { answers: {} } };
    expect(ledger.seen(state, idOf('1'))).to.equal(false);
    ledger.record(state, idOf('1'));
    expect(ledger.seen(state, idOf('1'))).to.equal(true);
    expect(ledger.seen(state, idOf('2'))).to.equal(false);
    expect(state.check).to.deep.equal({ answers: {} });
  });

  it('stores short digests, not the ids, with an expiry in epoch seconds', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    const longId = `f:${'7'.repeat(200)}`;
    ledger.record(state, idOf(longId));
    const entries = Object.entries(state[DELIVERIES] as Record<string, number>);
    expect(entries).to.have.length(1);
    expect(entries[0]![0]).to.match(/^[\w-]{8}$/);
    expect(entries[0]![1]).to.equal(now / 1000 + 60);
    expect(JSON.stringify(state)).to.not.include('7777');
  });

  it('a record expires after the TTL, and expired records are dropped when the next one is written', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    ledger.record(state, idOf('old'));
    now += 59_000;
    expect(ledger.seen(state, idOf('old'))).to.equal(true);
    now += 1_000;
    expect(ledger.seen(state, idOf('old'))).to.equal(false);
    ledger.record(state, idOf('new'));
    expect(Object.keys(state[DELIVERIES] as object)).to.have.length(1);
    expect(ledger.seen(state, idOf('new'))).to.equal(true);
  });

  it('keeps at most `max` records, the most recent ones', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 3, now: clock });
    const state: Record<string, unknown> = {};
    for (const id of ['a', 'b', 'c', 'd']) {
      ledger.record(state, idOf(id));
      now += 1_000;
    }
    expect(['a', 'b', 'c', 'd'].map((id) => ledger.seen(state, idOf(id)))).to.deep.equal([false, true, true, true]);
  });

  it('recording the same id again keeps one record, with a fresh expiry', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    ledger.record(state, idOf('x'));
    now += 30_000;
    ledger.record(state, idOf('x'));
    now += 45_000;
    expect(ledger.seen(state, idOf('x'))).to.equal(true);
    expect(Object.keys(state[DELIVERIES] as object)).to.have.length(1);
  });

  it('an activity without an id is never seen and not recorded', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    ledger.record(state, idOf(undefined));
    ledger.record(state, idOf(''));
    expect(state).to.deep.equal({});
    expect(ledger.seen(state, idOf(undefined))).to.equal(false);
  });

  it('a ledger of the wrong shape (hand-edited or from another version) counts as empty and is replaced', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    for (const bad of [null, 'x', 7, ['a'], { abc: 'soon' }]) {
      const state: Record<string, unknown> = { [DELIVERIES]: bad };
      expect(ledger.seen(state, idOf('abc'))).to.equal(false);
      ledger.record(state, idOf('abc'));
      expect(ledger.seen(state, idOf('abc'))).to.equal(true);
      expect(Object.values(state[DELIVERIES] as object).every((v) => typeof v === 'number')).to.equal(true);
    }
  });

  it('a record says whether the turn\'s replies have left: unsent until markSent, then sent; old records (no sign) count as sent', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    expect(ledger.statusOf(state, idOf('1'))).to.equal('new');
    ledger.record(state, idOf('1'), { sent: false });
    expect(ledger.statusOf(state, idOf('1'))).to.equal('unsent');
    expect(ledger.seen(state, idOf('1'))).to.equal(true);
    expect(ledger.markSent(state, idOf('1'))).to.equal(true);
    expect(ledger.statusOf(state, idOf('1'))).to.equal('sent');
    expect(ledger.markSent(state, idOf('1'))).to.equal(false);
    expect(ledger.markSent(state, idOf('never'))).to.equal(false);
    // What versions before this one stored: a positive expiry.
    const legacy: Record<string, unknown> = { [DELIVERIES]: { [idOf('2')!]: Math.floor(now / 1000) + 60 } };
    expect(ledger.statusOf(legacy, idOf('2'))).to.equal('sent');
  });

  it('an unsent record is superseded once a later turn was recorded, and expires like any other', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const state: Record<string, unknown> = {};
    ledger.record(state, idOf('a'), { sent: false });
    now += 1_000;
    expect(ledger.statusOf(state, idOf('a'))).to.equal('unsent');
    ledger.record(state, idOf('b'));
    expect(ledger.statusOf(state, idOf('a'))).to.equal('superseded');
    expect(ledger.statusOf(state, idOf('b'))).to.equal('sent');
    now += 60_000;
    expect(ledger.statusOf(state, idOf('a'))).to.equal('new');
  });
  it('record() gives the ledger the list-based formula gives, key order included, on random and odd ledgers', () => {
    // The formula record() used before it built the object directly.
    const byLists = (ledger: unknown, id: string, nowSeconds: number, max: number, expiresAt: number): Record<string, number> => {
      const source = typeof ledger === 'object' && ledger !== null && !Array.isArray(ledger) ? (ledger as Record<string, unknown>) : {};
      let kept = Object.entries(source).filter(([key, value]) => key !== id && typeof value === 'number' && Math.abs(value) > nowSeconds) as Array<[string, number]>;
      if (kept.length > max - 1) kept = kept.sort((a, b) => Math.abs(a[1]) - Math.abs(b[1])).slice(-(max - 1));
      return Object.fromEntries([...kept, [id, expiresAt]]);
    };
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const fixed = Date.parse('2026-11-21T08:00:00Z');
    const nowSeconds = fixed / 1000;
    for (let round = 0; round < 500; round++) {
      const max = 1 + Math.floor(random() * 5);
      const ledger = new DeliveryLedger({ ttlMs: 60_000, max, now: () => fixed });
      const stored: Record<string, unknown> = JSON.parse('{"__proto__": 0}');
      if (random() < 0.5) delete stored['__proto__'];
      else stored['__proto__'] = nowSeconds + 30;
      const size = Math.floor(random() * 8);
      for (let i = 0; i < size; i++) {
        const key = random() < 0.3 ? String(Math.floor(random() * 100)) : `k${Math.floor(random() * 10)}`;
        const kind = random();
        stored[key] = kind < 0.1 ? 'x' : kind < 0.2 ? null : (random() < 0.5 ? -1 : 1) * (nowSeconds + Math.floor(random() * 120) - 60);
      }
      const id = random() < 0.3 ? 'k1' : random() < 0.5 ? '42' : `id${round}`;
      const state: Record<string, unknown> = { [DELIVERIES]: round % 50 === 0 ? ['odd'] : stored };
      const before = JSON.stringify(state[DELIVERIES]);
      const sent = random() < 0.5;
      ledger.record(state, id, { sent });
      const expected = byLists(round % 50 === 0 ? ['odd'] : JSON.parse(before), id, nowSeconds, max, (sent ? 1 : -1) * (nowSeconds + 60));
      expect(JSON.stringify(state[DELIVERIES]), `round ${round}`).to.equal(JSON.stringify(expected));
      expect(Object.keys(state[DELIVERIES] as object)).to.deep.equal(Object.keys(expected));
      expect(JSON.stringify(round % 50 === 0 ? ['odd'] : stored)).to.equal(before); // the old ledger is not changed
    }
  });
});
