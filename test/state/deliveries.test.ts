import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { DELIVERIES, DeliveryLedger } from '../../src/state/index.js';

const activity = (id: string | undefined) => ({ id, type: 'message' }) as Partial<Activity>;

describe('DeliveryLedger: which activities of one user in one conversation were already processed', () => {
  let now = Date.parse('2026-11-21T08:00:00Z');
  const clock = () => now;

  it('an activity recorded in the state is seen; other ids are not', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    const state: Record<string, unknown> = { check: { answers: {} } };
    expect(ledger.seen(state, activity('1'))).to.equal(false);
    ledger.record(state, activity('1'));
    expect(ledger.seen(state, activity('1'))).to.equal(true);
    expect(ledger.seen(state, activity('2'))).to.equal(false);
    expect(state.check).to.deep.equal({ answers: {} });
  });

  it('stores short digests, not the ids, with an expiry in epoch seconds', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    const state: Record<string, unknown> = {};
    const longId = `f:${'7'.repeat(200)}`;
    ledger.record(state, activity(longId));
    const entries = Object.entries(state[DELIVERIES] as Record<string, number>);
    expect(entries).to.have.length(1);
    expect(entries[0]![0]).to.match(/^[\w-]{8}$/);
    expect(entries[0]![1]).to.equal(now / 1000 + 60);
    expect(JSON.stringify(state)).to.not.include('7777');
  });

  it('a record expires after the TTL, and expired records are dropped when the next one is written', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    const state: Record<string, unknown> = {};
    ledger.record(state, activity('old'));
    now += 59_000;
    expect(ledger.seen(state, activity('old'))).to.equal(true);
    now += 1_000;
    expect(ledger.seen(state, activity('old'))).to.equal(false);
    ledger.record(state, activity('new'));
    expect(Object.keys(state[DELIVERIES] as object)).to.have.length(1);
    expect(ledger.seen(state, activity('new'))).to.equal(true);
  });

  it('keeps at most `max` records, the most recent ones', () => {
    const ledger = new DeliveryLedger(60_000, 3, clock);
    const state: Record<string, unknown> = {};
    for (const id of ['a', 'b', 'c', 'd']) {
      ledger.record(state, activity(id));
      now += 1_000;
    }
    expect(['a', 'b', 'c', 'd'].map((id) => ledger.seen(state, activity(id)))).to.deep.equal([false, true, true, true]);
  });

  it('recording the same id again keeps one record, with a fresh expiry', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    const state: Record<string, unknown> = {};
    ledger.record(state, activity('x'));
    now += 30_000;
    ledger.record(state, activity('x'));
    now += 45_000;
    expect(ledger.seen(state, activity('x'))).to.equal(true);
    expect(Object.keys(state[DELIVERIES] as object)).to.have.length(1);
  });

  it('an activity without an id is never seen and not recorded', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    const state: Record<string, unknown> = {};
    ledger.record(state, activity(undefined));
    ledger.record(state, activity(''));
    expect(state).to.deep.equal({});
    expect(ledger.seen(state, activity(undefined))).to.equal(false);
  });

  it('a ledger of the wrong shape (hand-edited or from another version) counts as empty and is replaced', () => {
    const ledger = new DeliveryLedger(60_000, 32, clock);
    for (const bad of [null, 'x', 7, ['a'], { abc: 'soon' }]) {
      const state: Record<string, unknown> = { [DELIVERIES]: bad };
      expect(ledger.seen(state, activity('abc'))).to.equal(false);
      ledger.record(state, activity('abc'));
      expect(ledger.seen(state, activity('abc'))).to.equal(true);
      expect(Object.values(state[DELIVERIES] as object).every((v) => typeof v === 'number')).to.equal(true);
    }
  });
});
