import { expect } from 'chai';
import type { Storage, StoreItems } from 'botbuilder';
import { isEtagConflict } from '../../src/storage/etags.js';

/** What a contract run needs: a fresh, empty storage per test, and a way to dispose of it. */
export interface StorageUnderTest {
  storage: Storage;
  dispose(): Promise<void>;
}

/** Resolves to the rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  expect.fail('expected a rejection');
}

export function expectConflict(err: unknown, key: string): void {
  expect(err).to.be.instanceOf(Error);
  expect((err as Error).message).to.equal(`Storage: error writing "${key}" due to eTag conflict.`);
  expect(isEtagConflict(err)).to.equal(true);
}

/**
 * N writers read `key` together; once every read is back, all of them write with the eTag they read.
 * Returns which writes succeeded and how many conflicted (any other error fails the test).
 * The reads finish before any write starts: a reader that saw a winner's write would hold its new eTag
 * and rightly win as well, which would make "exactly one wins" a matter of timing.
 */
export async function raceWriters(
  storages: Storage[],
  key: string,
  writers: number
): Promise<{ winners: number[]; conflicts: number }> {
  const storageOf = (i: number) => storages[i % storages.length]!;
  const reads = await Promise.all(
    Array.from({ length: writers }, async (_, i) => (await storageOf(i).read([key]))[key] as { n: number; eTag: string })
  );
  const outcomes = await Promise.all(
    reads.map(async (current, i) => {
      try {
        await storageOf(i).write({ [key]: { n: current.n + 1, by: i, eTag: current.eTag } });
        return { won: i };
      } catch (err) {
        expectConflict(err, key);
        return { won: undefined };
      }
    })
  );
  const winners = outcomes.flatMap((o) => (o.won === undefined ? [] : [o.won]));
  return { winners, conflicts: outcomes.length - winners.length };
}

/**
 * The behaviour every storage of this app must share with botbuilder's MemoryStorage.
 * Call inside a `describe`; `make` returns a fresh, empty storage.
 */
export function storageContract(make: () => Promise<StorageUnderTest>): void {
  let sut: StorageUnderTest;
  let storage: Storage;

  beforeEach(async () => {
    sut = await make();
    storage = sut.storage;
  });

  afterEach(async () => {
    await sut.dispose();
  });

  it('reads nothing for missing keys and for an empty key list', async () => {
    expect(await storage.read(['nope', 'neither'])).to.deep.equal({});
    expect(await storage.read([])).to.deep.equal({});
  });

  it('writes, reads back with a string eTag, and leaves the caller object untouched', async () => {
    const item = { count: 1, nested: { list: [1, 'two', null, true] } };
    await storage.write({ a: item });
    expect(item).to.deep.equal({ count: 1, nested: { list: [1, 'two', null, true] } });
    const read = await storage.read(['a', 'missing']);
    expect(Object.keys(read)).to.deep.equal(['a']);
    const { eTag, ...rest } = read.a as { eTag: unknown };
    expect(rest).to.deep.equal(item);
    expect(eTag).to.be.a('string').and.not.equal('');
  });

  it('returns copies: changing a read object does not change the store', async () => {
    await storage.write({ a: { list: [1] } });
    const first = await storage.read(['a']);
    (first.a as { list: number[] }).list.push(2);
    const second = await storage.read(['a']);
    expect((second.a as { list: number[] }).list).to.deep.equal([1]);
  });

  it('follows JSON: undefined fields vanish, dates become strings', async () => {
    const when = new Date('2025-01-02T03:04:05.000Z');
    await storage.write({ a: { gone: undefined, when, kept: 0 } });
    const { eTag: _eTag, ...rest } = (await storage.read(['a'])).a as Record<string, unknown>;
    expect(rest).to.deep.equal({ when: '2025-01-02T03:04:05.000Z', kept: 0 });
  });

  it('gives every write a new eTag', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await storage.write({ a: { i } });
      seen.add(((await storage.read(['a'])).a as { eTag: string }).eTag);
    }
    expect(seen.size).to.equal(20);
  });

  it('writes with the current eTag and then hands out a different one', async () => {
    await storage.write({ a: { v: 1 } });
    const { eTag } = (await storage.read(['a'])).a as { eTag: string };
    await storage.write({ a: { v: 2, eTag } });
    const after = (await storage.read(['a'])).a as { v: number; eTag: string };
    expect(after.v).to.equal(2);
    expect(after.eTag).to.not.equal(eTag);
  });

  it('rejects a stale eTag with the botbuilder conflict message and keeps the stored item', async () => {
    await storage.write({ a: { v: 1 } });
    const { eTag: stale } = (await storage.read(['a'])).a as { eTag: string };
    await storage.write({ a: { v: 2, eTag: stale } });
    const err = await rejectionOf(storage.write({ a: { v: 3, eTag: stale } }));
    expectConflict(err, 'a');
    expect(((await storage.read(['a'])).a as { v: number }).v).to.equal(2);
  });

  it("overwrites with eTag '*', with no eTag and with an empty eTag, whatever is stored", async () => {
    await storage.write({ a: { v: 1 } });
    await storage.write({ a: { v: 2, eTag: '*' } });
    expect(((await storage.read(['a'])).a as { v: number }).v).to.equal(2);
    await storage.write({ a: { v: 3 } });
    expect(((await storage.read(['a'])).a as { v: number }).v).to.equal(3);
    await storage.write({ a: { v: 4, eTag: '' } });
    expect(((await storage.read(['a'])).a as { v: number }).v).to.equal(4);
  });

  it('creates a missing key even when the write carries a specific eTag (MemoryStorage behaviour)', async () => {
    await storage.write({ fresh: { v: 1, eTag: 'an-etag-that-was-never-issued' } });
    const read = (await storage.read(['fresh'])).fresh as { v: number; eTag: string };
    expect(read.v).to.equal(1);
    expect(read.eTag).to.not.equal('an-etag-that-was-never-issued');
  });

  it('lets a writer holding an eTag from before a delete re-create the item', async () => {
    await storage.write({ a: { v: 1 } });
    const { eTag } = (await storage.read(['a'])).a as { eTag: string };
    await storage.delete(['a']);
    await storage.write({ a: { v: 2, eTag } });
    expect(((await storage.read(['a'])).a as { v: number }).v).to.equal(2);
  });

  it('writes and reads several keys at once', async () => {
    await storage.write({ a: { v: 'a' }, b: { v: 'b' }, c: { v: 'c' } });
    const read = await storage.read(['c', 'a', 'x', 'a']);
    expect(Object.keys(read).sort()).to.deep.equal(['a', 'c']);
    expect((read.a as { v: string }).v).to.equal('a');
    expect((read.c as { v: string }).v).to.equal('c');
  });

  it('deletes the given keys only; deleting missing keys is a no-op', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
    await storage.delete(['a', 'c', 'never-there']);
    await storage.delete([]);
    const read: StoreItems = await storage.read(['a', 'b', 'c']);
    expect(Object.keys(read)).to.deep.equal(['b']);
  });

  it('round-trips unicode values and keys (CJK, emoji, combining marks)', async () => {
    const key = 'msteams/conversations/会话-🚀/users/ü';
    const value = { zh: '把客户迁移到 CSP 关系中', ja: 'パートナー', emoji: '👩🏽‍💻🇩🇪✅', mark: 'é' };
    await storage.write({ [key]: value });
    const { eTag: _eTag, ...rest } = (await storage.read([key]))[key] as Record<string, unknown>;
    expect(rest).to.deep.equal(value);
  });

  it('lets exactly one of N overlapping writers with the same eTag win each round', async () => {
    await storage.write({ counter: { n: 0 } });
    for (let round = 1; round <= 5; round++) {
      const { winners, conflicts } = await raceWriters([storage], 'counter', 6);
      expect(winners).to.have.length(1);
      expect(conflicts).to.equal(5);
      expect(((await storage.read(['counter'])).counter as { n: number }).n).to.equal(round);
    }
  });

  it('rejects a missing key list or change set with a ReferenceError', async () => {
    expect(await rejectionOf(storage.read(undefined as unknown as string[]))).to.be.instanceOf(ReferenceError);
    expect(await rejectionOf(storage.write(undefined as unknown as StoreItems))).to.be.instanceOf(ReferenceError);
  });
}
