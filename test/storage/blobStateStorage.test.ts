import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { expect } from 'chai';
import { BlobStateStorage } from '../../src/storage/blobStateStorage.js';
import { BLOB_RETRY } from '../../src/storage/createStorage.js';
import { IF_ABSENT } from '../../src/storage/etags.js';
import { isStorageOutage } from '../../src/storage/outage.js';
import { startAzurite, type Azurite } from './azurite.js';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { expectConflict, raceWriters, rejectionOf, storageContract } from './storageContract.js';

const isEtagConflictMessage = (err: unknown) => err instanceof Error && /due to eTag conflict\.$/.test(err.message);

describe('BlobStateStorage on Azurite', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  const containerName = () => `t-${randomUUID().slice(0, 13)}`;
  const open = (container: string) =>
    new BlobStateStorage(azurite.connectionString, container, { storagePipelineOptions: { retryOptions: { ...BLOB_RETRY, maxTries: 1 } } });
  const containerExists = (name: string) => new ContainerClient(azurite.connectionString, name).exists();

  before(async () => {
    azurite = await startAzurite();
  });
  after(() => azurite.dispose());

  describe('same contract as botbuilder MemoryStorage', () => {
    storageContract(async () => ({ storage: open(containerName()), dispose: async () => {} }));
  });

  describe("one user's items are written together", () => {
    const user = 'msteams/users/29:u1/';
    const inChat = (chat: string) => `msteams/conversations/${chat}/users/29:u1/`;

    it("keeps a user's state and their state in each chat in one blob, named as BlobsStorage names the user's", async () => {
      const name = containerName();
      const storage = open(name);
      await storage.write({ [user]: { locale: 'zh-TW' }, [inChat('a:1')]: { step: 1 }, [inChat('19:g@thread.v2')]: { step: 2 } });
      const names: string[] = [];
      for await (const blob of new ContainerClient(azurite.connectionString, name).listBlobsFlat()) names.push(blob.name);
      expect(names).to.deep.equal([encodeURIComponent('msteams/users/29:u1')]);
      const read = await storage.read([user, inChat('a:1'), inChat('19:g@thread.v2'), inChat('a:other')]);
      expect(Object.keys(read).sort()).to.deep.equal([inChat('19:g@thread.v2'), inChat('a:1'), user].sort());
      expect(read[user]).to.deep.include({ locale: 'zh-TW' });
      // Each item keeps its own eTag: writing one leaves the others' valid.
      const eTags = Object.fromEntries(Object.entries(read).map(([k, v]) => [k, (v as { eTag: string }).eTag]));
      await storage.write({ [inChat('a:1')]: { step: 3, eTag: eTags[inChat('a:1')] } });
      await storage.write({ [user]: { locale: 'en', eTag: eTags[user] }, [inChat('19:g@thread.v2')]: { step: 4, eTag: eTags[inChat('19:g@thread.v2')] } });
      expectConflict(await rejectionOf(storage.write({ [inChat('a:1')]: { step: 5, eTag: eTags[inChat('a:1')] } })), inChat('a:1'));
    });

    it('two turns racing on two instances, each writing the user and the chat with the eTags it read: one wins both, the other writes nothing (50 rounds)', async () => {
      const name = containerName();
      const a = open(name);
      const b = open(name);
      let mixed = 0;
      for (let round = 0; round < 50; round++) {
        const user = `msteams/users/29:r${round}/`;
        const key = `msteams/conversations/a:round-${round}/users/29:r${round}/`;
        // Both start from nothing, as two instances taking an install pair.
        const [ra, rb] = await Promise.all([a.read([user, key]), b.read([user, key])]);
        expect([ra, rb]).to.deep.equal([{}, {}]);
        const outcomes = await Promise.all(
          [a, b].map((storage, i) =>
            storage.write({ [user]: { by: i, eTag: IF_ABSENT }, [key]: { by: i, eTag: IF_ABSENT } }).then(
              () => i,
              (err: unknown) => (expect(isEtagConflictMessage(err)).to.equal(true), undefined),
            ),
          ),
        );
        const winners = outcomes.filter((o) => o !== undefined);
        expect(winners).to.have.length(1);
        const stored = await a.read([user, key]);
        if ((stored[user] as { by: number }).by !== (stored[key] as { by: number }).by) mixed++;
      }
      expect(mixed).to.equal(0);
    });

    it('reads blobs BlobsStorage wrote (one per key), moves an item into the user blob on its next write, and deletes the old blob', async () => {
      const name = containerName();
      const old = new BlobsStorage(azurite.connectionString, name);
      await old.write({ [user]: { locale: 'zh-CN' }, [inChat('a:1')]: { step: 7, note: '繁體中文' } });
      const storage = open(name);
      const read = await storage.read([user, inChat('a:1')]);
      expect(read[user]).to.deep.include({ locale: 'zh-CN' });
      expect(read[inChat('a:1')]).to.deep.include({ step: 7, note: '繁體中文' });
      // A stale eTag on the old blob is still a conflict.
      expectConflict(await rejectionOf(storage.write({ [inChat('a:1')]: { step: 8, eTag: '"0x0"' } })), inChat('a:1'));
      await storage.write({ [inChat('a:1')]: { step: 8, eTag: (read[inChat('a:1')] as { eTag: string }).eTag } });
      const names: string[] = [];
      for await (const blob of new ContainerClient(azurite.connectionString, name).listBlobsFlat()) names.push(blob.name);
      expect(names).to.deep.equal([encodeURIComponent('msteams/users/29:u1')]);
      const after = await storage.read([user, inChat('a:1')]);
      expect(after[user]).to.deep.include({ locale: 'zh-CN' });
      expect(after[inChat('a:1')]).to.deep.include({ step: 8 });
      // Deleting an item also deletes an old copy, so it cannot come back.
      await old.write({ [inChat('a:2')]: { step: 1 } });
      await storage.delete([inChat('a:2')]);
      expect(await storage.read([inChat('a:2')])).to.deep.equal({});
    });

    it('drops items not written for itemTtlMs when their blob is next written', async () => {
      let now = 1_000_000;
      const storage = new BlobStateStorage(azurite.connectionString, containerName(), { itemTtlMs: 10_000, now: () => now });
      await storage.write({ [inChat('a:old')]: { step: 1 }, [user]: { locale: 'en' } });
      now += 6_000;
      await storage.write({ [user]: { locale: 'zh-TW' } });
      now += 6_000;
      await storage.write({ [inChat('a:new')]: { step: 1 } });
      expect(Object.keys(await storage.read([user, inChat('a:old'), inChat('a:new')])).sort()).to.deep.equal([inChat('a:new'), user].sort());
    });

    it('keys too long for a blob name get a digest name instead of being cut (no two keys share a blob)', async () => {
      const storage = open(containerName());
      const long = (suffix: string) => `msteams/conversations/${'c'.repeat(1100)}${suffix}`;
      await storage.write({ [long('1')]: { v: 1 }, [long('2')]: { v: 2 } });
      const read = await storage.read([long('1'), long('2')]);
      expect([(read[long('1')] as { v: number }).v, (read[long('2')] as { v: number }).v]).to.deep.equal([1, 2]);
    });
  });

  it('a call given an abort signal stops its request when the signal fires', async () => {
    const storage = open(containerName());
    await storage.write({ k: { v: 1 } });
    azurite.pause();
    try {
      const controller = new AbortController();
      const pending = storage.read(['k'], { abortSignal: controller.signal });
      setTimeout(() => controller.abort(new Error('deadline')), 200);
      const started = Date.now();
      // Bounded, so that the finally below always runs: a paused Azurite would stall every later test.
      const err = await Promise.race([rejectionOf(pending), new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000))]);
      expect(Date.now() - started).to.be.below(3000);
      expect(isStorageOutage(err), String(err)).to.equal(true);
    } finally {
      azurite.resume();
    }
    expect(((await storage.read(['k'])).k as { v: number }).v).to.equal(1);
  });

  it('creates its container on first use, and round-trips CJK state with an eTag', async () => {
    const name = containerName();
    const storage = open(name);
    expect(await containerExists(name)).to.equal(false);
    expect(await storage.read(['msteams/users/a'])).to.deep.equal({});
    expect(await containerExists(name)).to.equal(true);
    await storage.write({ 'msteams/conversations/会话/users/ü/': { answers: { role: 'salesAgent' }, note: '繁體中文' } });
    const read = (await storage.read(['msteams/conversations/会话/users/ü/']))['msteams/conversations/会话/users/ü/'] as Record<string, unknown>;
    expect(read).to.deep.include({ answers: { role: 'salesAgent' }, note: '繁體中文' });
    expect(read.eTag).to.be.a('string');
  });

  it('a create-only write (IF_ABSENT) creates the container too, and conflicts once the key exists', async () => {
    const name = containerName();
    const storage = open(name);
    await storage.write({ k: { v: 1, eTag: IF_ABSENT } });
    expect(await containerExists(name)).to.equal(true);
    expectConflict(await rejectionOf(storage.write({ k: { v: 2, eTag: IF_ABSENT } })), 'k');
    const stored = (await storage.read(['k'])).k as { v: number; eTag: string };
    expect(stored.v).to.equal(1);
    // The created blob is an ordinary item: eTag-checked updates work on it.
    await storage.write({ k: { v: 3, eTag: stored.eTag } });
    expect(((await storage.read(['k'])).k as { v: number }).v).to.equal(3);
  });

  it('of 12 concurrent creators on two instances, exactly one wins', async () => {
    const name = containerName();
    const a = open(name);
    const b = open(name);
    await a.read(['warm-up']);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).write({ once: { by: i, eTag: IF_ABSENT } }).then(
          () => i,
          (err: unknown) => (expectConflict(err, 'once'), undefined),
        ),
      ),
    );
    const winners = outcomes.filter((o) => o !== undefined);
    expect(winners).to.have.length(1);
    expect(((await a.read(['once'])).once as { by: number }).by).to.equal(winners[0]);
  });

  it('eTag-checked writers on two instances: exactly one wins each round', async () => {
    const name = containerName();
    const a = open(name);
    const b = open(name);
    await a.write({ counter: { n: 0 } });
    for (let round = 1; round <= 3; round++) {
      const { winners, conflicts } = await raceWriters([a, b], 'counter', 6);
      expect(winners).to.have.length(1);
      expect(conflicts).to.equal(5);
    }
    expect(((await b.read(['counter'])).counter as { n: number }).n).to.equal(3);
  });

  it('deleteWrittenBefore deletes by last-modified time and key prefix', async () => {
    const storage = open(containerName());
    await storage.write({ 'deliveries/msteams/c1/1': { x: 1 }, 'deliveries/msteams/c1/2': { x: 2 }, 'msteams/users/u1/': { y: 1 } });
    expect(await storage.deleteWrittenBefore(Date.now() - 60_000)).to.equal(0);
    expect(await storage.deleteWrittenBefore(Date.now() + 60_000, 'deliveries/')).to.equal(2);
    expect(Object.keys(await storage.read(['deliveries/msteams/c1/1', 'deliveries/msteams/c1/2', 'msteams/users/u1/']))).to.deep.equal(['msteams/users/u1/']);
    expect(await storage.deleteWrittenBefore(Date.now() + 60_000)).to.equal(1);
    expect(await storage.read(['msteams/users/u1/'])).to.deep.equal({});
  });

  it('an item stamped active until later keeps its blob (activeuntil metadata) until then; a bogus far-future stamp is bounded to five years', async () => {
    const DAY = 86_400_000;
    const name = containerName();
    // The storage clock runs from the real time (Last-Modified is Azurite's clock) and is then moved forward.
    const start = Date.now();
    let now = start;
    const storage = new BlobStateStorage(azurite.connectionString, name, { now: () => now, itemTtlMs: 30 * DAY });
    await storage.write({
      'moves/u/m/open': { v: 1, lastActiveAt: start + 90 * DAY },
      'moves/u/m/closed': { v: 1, lastActiveAt: start },
      bogus: { v: 1, lastActiveAt: 8.64e15 },
      plain: { v: 1 },
    });
    const metadata: Record<string, string | undefined> = {};
    for await (const blob of new ContainerClient(azurite.connectionString, name).listBlobsFlat({ includeMetadata: true })) {
      metadata[decodeURIComponent(blob.name)] = blob.metadata?.activeuntil;
    }
    expect(metadata).to.deep.equal({
      'moves/u/m/open': String(start + 90 * DAY),
      'moves/u/m/closed': String(start),
      bogus: String(start + 5 * 365 * DAY),
      plain: String(start),
    });
    now = start + 31 * DAY;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(2);
    expect(Object.keys(await storage.read(['moves/u/m/open', 'moves/u/m/closed', 'bogus', 'plain'])).sort()).to.deep.equal(['bogus', 'moves/u/m/open']);
    now = start + 120 * DAY;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(0);
    now += 1;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(1);
    now = start + (5 * 365 + 30) * DAY + 1;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(1);
    expect(await storage.read(['moves/u/m/open', 'bogus'])).to.deep.equal({});
  });

  it("in a user's blob, an item stamped active until later outlives itemTtlMs, and keeps the blob for the sweep", async () => {
    const DAY = 86_400_000;
    const name = containerName();
    const start = Date.now();
    let now = start;
    const storage = new BlobStateStorage(azurite.connectionString, name, { now: () => now, itemTtlMs: 30 * DAY });
    const user = 'msteams/users/29:u1/';
    const inChat = (chat: string) => `msteams/conversations/${chat}/users/29:u1/`;
    await storage.write({ [inChat('a:long')]: { step: 1, lastActiveAt: start + 60 * DAY }, [inChat('a:short')]: { step: 1, lastActiveAt: start } });
    now = start + 40 * DAY;
    await storage.write({ [user]: { locale: 'en', lastActiveAt: now } });
    expect(Object.keys(await storage.read([user, inChat('a:long'), inChat('a:short')])).sort()).to.deep.equal([inChat('a:long'), user].sort());
    now = start + 85 * DAY;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(0);
    now = start + 91 * DAY;
    expect(await storage.deleteWrittenBefore(now - 30 * DAY)).to.equal(1);
  });

  it('fails as an outage while Azurite is down, and works again once it is back', async () => {
    const name = containerName();
    const storage = open(name);
    await storage.write({ kept: { v: 1 } });
    await azurite.stop();
    try {
      const readError = await rejectionOf(storage.read(['kept']));
      expect(isStorageOutage(readError)).to.equal(true);
      expect(isStorageOutage(await rejectionOf(storage.write({ other: { v: 1 } })))).to.equal(true);
      expect(isStorageOutage(await rejectionOf(storage.write({ created: { v: 1, eTag: IF_ABSENT } })))).to.equal(true);
    } finally {
      await azurite.start();
    }
    expect(((await storage.read(['kept'])).kept as { v: number }).v).to.equal(1);
    await storage.write({ created: { v: 2, eTag: IF_ABSENT } });
    expect(((await storage.read(['created'])).created as { v: number }).v).to.equal(2);
  });

  it('a container that could not be created at start-up is created once the service is reachable', async () => {
    await azurite.stop();
    const name = containerName();
    const storage = open(name);
    try {
      expect(isStorageOutage(await rejectionOf(storage.write({ k: { v: 1, eTag: IF_ABSENT } })))).to.equal(true);
      expect(isStorageOutage(await rejectionOf(storage.read(['k'])))).to.equal(true);
    } finally {
      await azurite.start();
    }
    await storage.write({ k: { v: 1, eTag: IF_ABSENT } });
    await storage.write({ j: { v: 1 } });
    expect(Object.keys(await storage.read(['k', 'j'])).sort()).to.deep.equal(['j', 'k']);
  });
});
