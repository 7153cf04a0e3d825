import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { expect } from 'chai';
import { DeliveryLog } from '../../src/state/index.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';

const activity = (id: string, conversation = 'a:1') => ({ id, channelId: 'msteams', conversation: { id: conversation } }) as Partial<Activity>;

describe('DeliveryLog', () => {
  let dir: string;
  const sqlite: SqliteStorage[] = [];
  before(() => (dir = mkdtempSync(join(tmpdir(), 'deliveries-test-'))));
  after(async () => {
    await Promise.all(sqlite.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const stores: Array<[string, () => Storage]> = [
    ['memory', () => new MemoryStorage()],
    [
      'SQLite',
      () => {
        const s = new SqliteStorage(join(dir, `${Math.random()}.db`));
        sqlite.push(s);
        return s;
      },
    ],
  ];

  for (const [name, make] of stores) {
    describe(`on ${name} storage`, () => {
      it('the first delivery of an activity is claimed, a redelivery is a duplicate; other ids and conversations are not', async () => {
        const log = new DeliveryLog(make());
        expect(await log.claim(activity('1'))).to.deep.equal({ key: 'deliveries/msteams/a:1/1' });
        expect(await log.claim(activity('1'))).to.equal('duplicate');
        expect(await log.claim(activity('2'))).to.not.equal('duplicate');
        expect(await log.claim(activity('1', 'a:2'))).to.not.equal('duplicate');
      });

      it('of simultaneous deliveries on two logs over one store, exactly one is claimed', async () => {
        const storage = make();
        const logs = [new DeliveryLog(storage), new DeliveryLog(storage)];
        const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => logs[i % 2]!.claim(activity('x'))));
        expect(outcomes.filter((o) => o !== 'duplicate')).to.have.length(1);
      });

      it('a released claim (its turn failed) lets the redelivery run', async () => {
        const log = new DeliveryLog(make());
        const claim = await log.claim(activity('1'));
        await log.release(claim as { key: string });
        expect(await log.claim(activity('1'))).to.not.equal('duplicate');
      });

      it('a record past its TTL no longer blocks (taken over, once)', async () => {
        let now = 1_000;
        const storage = make();
        const log = new DeliveryLog(storage, 60_000, () => now);
        await log.claim(activity('1'));
        now += 59_999;
        expect(await log.claim(activity('1'))).to.equal('duplicate');
        now += 2;
        const [first, second] = await Promise.all([log.claim(activity('1')), new DeliveryLog(storage, 60_000, () => now).claim(activity('1'))]);
        expect([first, second].filter((o) => o !== 'duplicate')).to.have.length(1);
      });
    });
  }

  it('does nothing for an activity without an id', async () => {
    const log = new DeliveryLog(new MemoryStorage());
    expect(await log.claim({ channelId: 'msteams', conversation: { id: 'c' } } as never)).to.equal(undefined);
  });
});
