import type { ConversationReference } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { MoveStore, MAX_LABEL_CHARS, indexKey, lastDateOf, moveActiveUntil, moveKey, userKeyOf, type UserRef } from '../../src/moves/index.js';
import { DAY_MS, retentionPolicy } from '../../src/state/index.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { BASE, TODAY, inDays, run } from '../guidance/fixtures.js';

const alice: UserRef = { channelId: 'msteams', userId: '29:alice' };
const bob: UserRef = { channelId: 'msteams', userId: '29:bob' };
const reference = { serviceUrl: 'https://smba.example/emea/', conversation: { id: 'a:1' }, bot: { id: '28:bot', name: 'bot' } } as Partial<ConversationReference>;

describe('moves: tracked moves in storage (SQLite file)', () => {
  let dir: string;
  let storage: SqliteStorage;
  let now: number;
  let store: MoveStore;
  const policy = () => retentionPolicy(30 * DAY_MS, () => now);
  const track = (label: unknown, key: string, change = {}, user = alice, today = TODAY) =>
    store.track(user, { idempotencyKey: key, label, answers: { ...BASE, ...change }, guidance: run(change, BASE, today), today, reference, locale: 'en' });
  const created = async (label: string, key: string, change = {}) => {
    const result = await track(label, key, change);
    if (result.outcome !== 'created') throw new Error(`not created: ${result.outcome}`);
    return result.move;
  };
  const storedBytes = () => {
    const db = new Database(join(dir, 'state.db'), { readonly: true });
    try {
      return db.prepare('SELECT key, length(value) AS bytes FROM bot_storage').all() as Array<{ key: string; bytes: number }>;
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'moves-'));
    now = Date.parse(`${TODAY}T10:00:00Z`);
    storage = new SqliteStorage(join(dir, 'state.db'), { now: () => now });
    store = new MoveStore({ storage, policy: policy() });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('remembers where the user is: writes only when the chat, its service URL or the language changed', async () => {
    await created('Contoso', 'check-1');
    const userKey = userKeyOf(alice);
    const eTag = async () => (await storage.read([indexKey(userKey)]))[indexKey(userKey)]!.eTag;
    const first = await eTag();
    await store.noteReference(alice, reference, 'en');
    expect(await eTag(), 'the same chat and language: no write').to.equal(first);
    const moved = { ...reference, serviceUrl: 'https://smba.example/apac/' };
    await store.noteReference(alice, moved, 'en');
    expect(await eTag()).not.to.equal(first);
    expect((await store.indexOf(userKey))?.reference?.serviceUrl).to.equal('https://smba.example/apac/');
    await store.noteReference(alice, moved, 'zh-TW');
    expect((await store.indexOf(userKey))?.locale).to.equal('zh-TW');
    await store.noteLocale(alice, 'zh-CN');
    expect((await store.indexOf(userKey))?.locale).to.equal('zh-CN');
    await store.noteLocale(bob, 'zh-CN');
    // A user with no moves gets no index for it.
    await store.noteReference(bob, reference, 'en');
    expect(await store.indexOf(userKeyOf(bob))).to.equal(undefined);
  });

  it('tracks a move: label, answers, path, dated steps from the guidance, open, nothing ticked', async () => {
    const move = await created('  Contoso  ', 'check-1');
    expect(move.label).to.equal('Contoso');
    expect(move.path).to.equal('manual');
    expect(move.status).to.equal('open');
    expect(move.ticked).to.deep.equal([]);
    expect(move.deadlines.stopRenewalBy).to.equal(inDays(59));
    expect(move.actions.find((a) => a.key === 'step.stopRecurringBilling')).to.include({ actor: 'customerBillingAdmin', due: inDays(59) });
    expect(await store.get(alice, move.id)).to.deep.equal(move);
    // Another user sees none of it.
    expect(await store.list(bob, TODAY)).to.deep.equal([]);
  });

  it('a second [Track] of the same result is the same move, not a second one (its first label kept)', async () => {
    const first = await created('Contoso', 'check-1');
    const again = await track('Contoso again', 'check-1');
    expect(again.outcome).to.equal('existing');
    expect(again.outcome === 'existing' && again.move.label).to.equal('Contoso');
    expect((await store.list(alice, TODAY)).map((m) => m.id)).to.deep.equal([first.id]);
  });

  it('refuses an empty, an over-long or a control-character label, and keeps markup as typed (escaped where shown)', async () => {
    expect(await track('   ', 'k')).to.deep.equal({ outcome: 'invalidLabel', problem: 'empty' });
    expect(await track('x'.repeat(MAX_LABEL_CHARS + 1), 'k')).to.deep.equal({ outcome: 'invalidLabel', problem: 'tooLong' });
    expect(await track('Con\ntoso', 'k')).to.deep.equal({ outcome: 'invalidLabel', problem: 'control' });
    expect(await track('Contoso\u202e', 'k')).to.deep.equal({ outcome: 'invalidLabel', problem: 'control' });
    expect((await track('康托索'.repeat(13) + '司', 'k')).outcome).to.equal('created'); // 40 characters, CJK
    const markup = await track('**R&D** <b>EU</b> ${x}', 'k2');
    expect(markup.outcome === 'created' && markup.move.label).to.equal('**R&D** <b>EU</b> ${x}');
    expect(await store.list(alice, TODAY)).to.have.length(2);
  });

  it('lists open moves soonest date first, undated last, closed ones left out', async () => {
    const late = await created('Late', 'a', { renewalDate: inDays(90) });
    const undated = await created('Transfer', 'b', { goal: 'fromOtherPartner', purchaseChannel: 'otherPartner', otherPartnerBilling: 'directBill', renewalDate: undefined });
    const soon = await created('Soon', 'c', { renewalDate: inDays(20) });
    const closed = await created('Closed', 'd', { renewalDate: inDays(5) });
    expect((await store.setStatus(alice, closed.id, 'closed', TODAY)).outcome).to.equal('updated');
    const list = await store.list(alice, TODAY);
    expect(list.map((m) => m.label)).to.deep.equal(['Soon', 'Late', 'Transfer']);
    expect(list[0]!.next).to.equal(inDays(19));
    expect(list[2]!.next).to.equal(undefined);
    expect((await store.list(alice, TODAY, { includeClosed: true })).map((m) => m.id)).to.deep.equal([soon.id, late.id, undated.id, closed.id]);
    // Days later the past date no longer counts: the next one ahead does.
    expect((await store.list(alice, inDays(60))).find((m) => m.id === late.id)!.next).to.equal(inDays(89));
  });

  it('ticks and unticks a step; a step the move does not have, or a move that is gone, is refused', async () => {
    const move = await created('Contoso', 'check-1');
    const ticked = await store.tick(alice, move.id, 'step.stopRecurringBilling', true, TODAY);
    expect(ticked.outcome === 'updated' && ticked.move.ticked).to.deep.equal(['step.stopRecurringBilling']);
    expect((await store.get(alice, move.id))!.ticked).to.deep.equal(['step.stopRecurringBilling']);
    expect((await store.tick(alice, move.id, 'step.notThere', true, TODAY)).outcome).to.equal('unknownStep');
    const unticked = await store.tick(alice, move.id, 'step.stopRecurringBilling', false, TODAY);
    expect(unticked.outcome === 'updated' && unticked.move.ticked).to.deep.equal([]);
    expect(await store.delete(alice, move.id)).to.equal(true);
    expect(await store.tick(alice, move.id, 'step.stopRecurringBilling', true, TODAY)).to.deep.equal({ outcome: 'gone' });
    expect(await store.list(alice, TODAY)).to.deep.equal([]);
  });

  it('two ticks at once on the same move (two instances) both stay: eTag-checked, the loser re-reads and retries', async () => {
    const move = await created('Contoso', 'check-1');
    const other = new MoveStore({ storage: new SqliteStorage(join(dir, 'state.db'), { now: () => now }), policy: policy() });
    await Promise.all([
      store.tick(alice, move.id, 'step.stopRecurringBilling', true, TODAY),
      other.tick(alice, move.id, 'step.provisionSame', true, TODAY),
      store.tick(alice, move.id, 'step.confirmRelationship', true, TODAY),
    ]);
    expect((await store.get(alice, move.id))!.ticked.sort()).to.deep.equal(['step.confirmRelationship', 'step.provisionSame', 'step.stopRecurringBilling']);
  });

  it('recompute: steps and dates follow today, ticks kept for steps still there', async () => {
    const move = await created('Contoso', 'check-1', { renewalDate: inDays(10) });
    await store.tick(alice, move.id, 'step.confirmRelationship', true, TODAY);
    // Twenty days on, the subscriptions ended ten days ago: the Expired period's dates replace the renewal's.
    const later = inDays(20);
    const result = await store.recompute(alice, move.id, run({ renewalDate: inDays(10), dateKind: 'ended' }, BASE, later), later);
    expect(result.outcome).to.equal('updated');
    if (result.outcome !== 'updated') return;
    expect(result.move.deadlines).to.deep.equal({ expiredUntil: inDays(40), provisionBy: inDays(39) });
    expect(result.move.ticked).to.deep.equal(['step.confirmRelationship']);
    expect(result.move.computedFor).to.equal(later);
  });

  it('close and delete: a closed move stays listable with includeClosed; a deleted one is gone everywhere', async () => {
    const move = await created('Contoso', 'check-1');
    await store.setStatus(alice, move.id, 'closed', TODAY);
    expect(await store.list(alice, TODAY)).to.deep.equal([]);
    expect((await store.get(alice, move.id))!.status).to.equal('closed');
    expect(await store.delete(alice, move.id)).to.equal(true);
    expect(await store.get(alice, move.id)).to.equal(undefined);
    expect(await store.list(alice, TODAY, { includeClosed: true })).to.deep.equal([]);
    expect(await store.delete(alice, move.id)).to.equal(false);
  });

  it('forget deletes every move of the user and where to reach them, and nothing of anyone else', async () => {
    await created('Contoso', 'a');
    await created('Fabrikam', 'b');
    await track('Bob’s', 'a', {}, bob);
    expect(await store.forget(alice)).to.equal(2);
    const keys = storedBytes().map((r) => r.key);
    expect(keys.filter((k) => k.includes(userKeyOf(alice)))).to.deep.equal([]);
    expect(keys).to.include(indexKey(userKeyOf(bob)));
    expect(await store.list(bob, TODAY)).to.have.length(1);
  });

  it('retention: an open move is kept until its last date has passed, then for STATE_TTL_DAYS; the sweep deletes it after', async () => {
    const move = await created('Contoso', 'check-1');
    expect(lastDateOf(move)).to.equal(inDays(90)); // the Expired period's end, after "stop renewal by" on inDays(59)
    const end = Date.parse(`${inDays(91)}T00:00:00Z`);
    expect(moveActiveUntil(move)).to.equal(end);
    now = end + 29 * DAY_MS;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY_MS, 'moves/')).to.equal(0);
    expect(await store.get(alice, move.id)).to.deep.equal(move);
    expect((await store.list(alice, inDays(119))).map((m) => m.id)).to.deep.equal([move.id]);
    now = end + 30 * DAY_MS + 1;
    expect(await store.get(alice, move.id)).to.equal(undefined);
    expect(await store.list(alice, TODAY)).to.deep.equal([]);
    expect(await storage.deleteWrittenBefore(now - 30 * DAY_MS, 'moves/')).to.be.greaterThan(0);
    expect(storedBytes().map((r) => r.key)).to.not.include(moveKey(userKeyOf(alice), move.id));
    // Tracking the same result again makes it anew.
    expect((await track('Contoso', 'check-1')).outcome).to.equal('created');
  });

  it('retention: a closed move, or an undated one, goes when not written for STATE_TTL_DAYS; the index outlives it only for a longer-kept move', async () => {
    const long = await created('Long', 'a', { renewalDate: inDays(200) });
    const closed = await created('Closed', 'b');
    const undated = await created('Transfer', 'c', { goal: 'fromOtherPartner', purchaseChannel: 'otherPartner', otherPartnerBilling: 'directBill', renewalDate: undefined });
    expect(moveActiveUntil(undated)).to.equal(undefined);
    now += DAY_MS;
    await store.setStatus(alice, closed.id, 'closed', inDays(1));
    now += 29 * DAY_MS;
    expect(await store.get(alice, closed.id)).to.not.equal(undefined);
    expect(await store.get(alice, undated.id)).to.equal(undefined); // written on day 0
    now += 2 * DAY_MS;
    expect(await store.get(alice, closed.id)).to.equal(undefined);
    await storage.deleteWrittenBefore(now - 30 * DAY_MS);
    const keys = storedBytes().map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('moves/'))).to.deep.equal([indexKey(userKeyOf(alice)), moveKey(userKeyOf(alice), long.id)].sort());
    expect((await store.list(alice, inDays(32), { includeClosed: true })).map((m) => m.label)).to.deep.equal(['Long']);
    // An index kept by a long move lists no move gone by retention, even one it was not told about (no get since), nor counts it against the limit.
    store = new MoveStore({ storage, policy: policy(), maxMoves: 2 });
    expect((await track('Another', 'd', {}, alice, inDays(32))).outcome).to.equal('created');
  });

  it('a move whose dates are already past is tracked, and says what is urgent now', async () => {
    const result = await track('Contoso', 'k', { renewalDate: inDays(3) });
    expect(result.outcome).to.equal('created');
    if (result.outcome !== 'created') return;
    expect(result.urgent.map((u) => [u.action.key, u.overdue])).to.deep.equal([
      ['step.stopRecurringBilling', false],
      ['step.provisionSame', false],
    ]);
    const overdue = await store.track(alice, { idempotencyKey: 'k', label: 'Contoso', answers: {}, guidance: run({ renewalDate: inDays(3) }), today: inDays(5) });
    expect(overdue.outcome === 'existing' && overdue.urgent.every((u) => u.overdue)).to.equal(true);
  });

  it('keeps each stored item small: a move under 2 KB, the index under 4 KB with 20 moves', async () => {
    for (let i = 0; i < 20; i++) await created(`Customer number ${i} with a long name`.slice(0, MAX_LABEL_CHARS), `k${i}`, { renewalDate: inDays(10 + i) });
    const rows = storedBytes();
    const moves = rows.filter((r) => r.key.includes('/m/'));
    expect(moves).to.have.length(20);
    expect(Math.max(...moves.map((r) => r.bytes))).to.be.below(2048);
    expect(rows.find((r) => r.key === indexKey(userKeyOf(alice)))!.bytes).to.be.below(4096);
  });

  it('refuses a move past the per-user limit', async () => {
    store = new MoveStore({ storage, policy: policy(), maxMoves: 2 });
    await created('A', 'a');
    await created('B', 'b');
    expect(await track('C', 'c')).to.deep.equal({ outcome: 'tooMany', max: 2 });
    expect((await track('A', 'a')).outcome).to.equal('existing');
  });
});
