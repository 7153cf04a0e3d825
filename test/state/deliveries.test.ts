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
});
