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
    const list = state[DELIVERIES] as unknown[];
    expect(list).to.have.length(2); // one record: its digest, then its expiry
    expect(list[0]).to.match(/^[\w-]{8}$/);
    expect(list[1]).to.equal(now / 1000 + 60);
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
    expect(state[DELIVERIES] as unknown[]).to.have.length(2); // one record
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
    expect(state[DELIVERIES] as unknown[]).to.have.length(2); // one record
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
    for (const bad of [null, 'x', 7, ['a'], [1, 'a'], { abc: 'soon' }]) {
      const state: Record<string, unknown> = { [DELIVERIES]: bad };
      expect(ledger.seen(state, idOf('abc'))).to.equal(false);
      ledger.record(state, idOf('abc'));
      expect(ledger.seen(state, idOf('abc'))).to.equal(true);
      expect(state[DELIVERIES]).to.deep.equal([idOf('abc'), Math.floor(now / 1000) + 60]);
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
  it('reads the object ledger earlier versions stored (digest → expiry), and writes it back as a list', () => {
    const ledger = new DeliveryLedger({ ttlMs: 60_000, max: 32, now: clock });
    const soon = Math.floor(now / 1000) + 30;
    const state: Record<string, unknown> = { [DELIVERIES]: { [idOf('sent')!]: soon, [idOf('unsent')!]: -soon, [idOf('gone')!]: soon - 60 } };
    expect(['sent', 'unsent', 'gone', 'never'].map((id) => ledger.statusOf(state, idOf(id)))).to.deep.equal(['sent', 'unsent', 'new', 'new']);
    expect(ledger.markSent(state, idOf('unsent'))).to.equal(true);
    expect(ledger.statusOf(state, idOf('unsent'))).to.equal('sent');
    ledger.record(state, idOf('next'), { sent: false });
    expect(state[DELIVERIES]).to.deep.equal([idOf('sent'), soon, idOf('unsent'), soon, idOf('next'), -(soon + 30)]);
  });

  it('the list ledger answers as the object ledger of earlier versions did, on random and odd ledgers (the former code as reference)', () => {
    // What earlier versions did, on their object ledger.
    type Old = Record<string, number>;
    const oldLedgerOf = (state: Record<string, unknown>): Old | undefined => {
      const ledger = state[DELIVERIES];
      return typeof ledger === 'object' && ledger !== null && !Array.isArray(ledger) ? (ledger as Old) : undefined;
    };
    const oldStatus = (state: Record<string, unknown>, id: string, nowMs: number) => {
      const ledger = oldLedgerOf(state);
      const value = ledger?.[id];
      if (typeof value !== 'number' || Math.abs(value) * 1000 <= nowMs) return 'new';
      if (value > 0) return 'sent';
      return Object.entries(ledger!).some(([key, other]) => key !== id && typeof other === 'number' && Math.abs(other) > -value) ? 'superseded' : 'unsent';
    };
    const oldRecord = (state: Record<string, unknown>, id: string, nowMs: number, max: number, sent: boolean) => {
      const nowSeconds = Math.floor(nowMs / 1000);
      let kept = Object.entries(oldLedgerOf(state) ?? {}).filter(([key, value]) => key !== id && typeof value === 'number' && Math.abs(value) > nowSeconds);
      if (kept.length > max - 1) kept = kept.sort((a, b) => Math.abs(a[1]) - Math.abs(b[1])).slice(-(max - 1));
      const expiresAt = nowSeconds + 60;
      state[DELIVERIES] = Object.fromEntries([...kept, [id, sent ? expiresAt : -expiresAt]]);
    };
    const oldMarkSent = (state: Record<string, unknown>, id: string) => {
      const ledger = oldLedgerOf(state);
      const value = ledger?.[id];
      if (typeof value !== 'number' || value >= 0) return false;
      state[DELIVERIES] = { ...ledger, [id]: -value };
      return true;
    };
    const asObject = (ledger: unknown): Old => {
      if (!Array.isArray(ledger)) return ledger as Old;
      const out: Old = {};
      for (let i = 0; i + 1 < ledger.length; i += 2) out[ledger[i] as string] = ledger[i + 1] as number;
      return out;
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let clockMs = Date.parse('2026-11-21T08:00:00Z');
    // Not number-like: the object put those first, so two records with the same expiry could be dropped in another order.
    const ids = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
    for (let round = 0; round < 200; round++) {
      const max = 1 + Math.floor(random() * 5);
      const ledger = new DeliveryLedger({ ttlMs: 60_000, max, now: () => clockMs });
      const fresh: Record<string, unknown> = {};
      const former: Record<string, unknown> = {};
      if (round % 2 === 0) {
        // Start from a stored object (as an earlier version left it), odd values included.
        const stored: Old = {};
        for (let i = Math.floor(random() * 6); i > 0; i--) stored[ids[Math.floor(random() * ids.length)]!] = (random() < 0.5 ? -1 : 1) * (Math.floor(clockMs / 1000) + Math.floor(random() * 120) - 60);
        fresh[DELIVERIES] = { ...stored };
        former[DELIVERIES] = { ...stored };
      }
      for (let step = 0; step < 12; step++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const action = random();
        if (action < 0.5) {
          const sent = random() < 0.5;
          ledger.record(fresh, id, { sent });
          oldRecord(former, id, clockMs, max, sent);
          // The same records (a list keeps them in the order written, the object put number-like keys first).
          expect(asObject(fresh[DELIVERIES]), `round ${round} step ${step}`).to.deep.equal(former[DELIVERIES]);
          expect((fresh[DELIVERIES] as unknown[]).at(-2)).to.equal(id);
        } else if (action < 0.7) {
          expect(ledger.markSent(fresh, id)).to.equal(oldMarkSent(former, id));
        } else {
          clockMs += Math.floor(random() * 20_000);
        }
        for (const any of ids) expect(ledger.statusOf(fresh, any), `round ${round} step ${step} ${any}`).to.equal(oldStatus(former, any, clockMs));
      }
    }
  });
});
