import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { expect } from 'chai';
import { BlobStateStorage } from '../../src/storage/blobStateStorage.js';
import { BLOB_RETRY } from '../../src/storage/createStorage.js';
import { IF_ABSENT } from '../../src/storage/etags.js';
import { isStorageOutage } from '../../src/storage/outage.js';
import { startAzurite, type Azurite } from './azurite.js';
import { expectConflict, raceWriters, rejectionOf } from './storageContract.js';

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
