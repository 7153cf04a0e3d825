import { expect } from 'chai';
import { BlobStateStorage } from '../../src/storage/blobStateStorage.js';
import type { ReminderItem } from '../../src/reminders/index.js';
import { inDays } from '../guidance/fixtures.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { Clock, instance, trackMove } from './support.js';

/** Lets the first instance to arrive for a reminder wait (up to 2 s) for the other, so both claim what they both read. */
function barrier() {
  const waiting = new Map<string, () => void>();
  let met = 0;
  const arrive = (id: string) =>
    new Promise<void>((resolve) => {
      const other = waiting.get(id);
      if (other) {
        waiting.delete(id);
        met++;
        other();
        return resolve();
      }
      const timer = setTimeout(() => (waiting.delete(id), resolve()), 2000);
      waiting.set(id, () => (clearTimeout(timer), resolve()));
    });
  return { arrive, met: () => met };
}

describe('reminders: two instances sharing Azurite (real Blob storage), the claim race forced', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  before(async () => (azurite = await startAzurite()));
  after(async () => azurite?.dispose());

  it('several rounds, both instances reading every due reminder before either claims it: each sent exactly once', async () => {
    const clock = new Clock();
    const sent: Array<{ by: string; id: string }> = [];
    const race = barrier();
    const node = (name: string) =>
      instance(new BlobStateStorage(azurite.connectionString, 'reminders-race', { now: clock.now }), clock, async (r: ReminderItem) => {
        sent.push({ by: name, id: r.id });
        return 'sent';
      }, { instanceId: name, beforeClaim: race.arrive });
    const a = node('a');
    const b = node('b');
    for (let i = 0; i < 4; i++) await trackMove(a.moves, { renewalDate: inDays(20 + i) }, `k${i}`);
    let rounds = 0;
    for (let day = 12; day <= 24; day++) {
      clock.set(inDays(day));
      await Promise.all([a.scheduler.scanNow(), b.scheduler.scanNow()]);
      rounds++;
    }
    expect(rounds).to.be.greaterThan(5);
    expect(sent).to.have.length(8);
    expect(new Set(sent.map((s) => s.id)).size).to.equal(8);
    // The race really happened: both instances met at the claim for every reminder.
    expect(race.met()).to.equal(8);
    expect(new Set(sent.map((s) => s.by)).size).to.be.greaterThan(0);
  });
});
