import { expect } from 'chai';
import { planOf, type TrackedMove } from '../../src/moves/index.js';
import { plannedReminders } from '../../src/reminders/index.js';
import { BASE, BASE_OTHER_PARTNER, TODAY, inDays, run } from '../guidance/fixtures.js';
import type { Guidance } from '../../src/guidance/index.js';

const moveOf = (g: Guidance, ticked: string[] = []): TrackedMove => ({
  id: 'm', label: 'Contoso', answers: {}, ...planOf(g), ticked, status: 'open', computedFor: TODAY, createdAt: 0, updatedAt: 0,
});
const now = Date.parse(`${TODAY}T10:00:00Z`);
const plan = (g: Guidance, ticked: string[] = [], at = now) =>
  plannedReminders('u', moveOf(g, ticked), at).map((r) => [new Date(r.dueAt).toISOString(), r.kinds.join('+'), r.steps.join('+')]);

describe('reminders: due dates per path (GUIDANCE edition 2), only dates the engine gives', () => {
  it('manual path, renewal ahead: a week and a day before "stop renewal by" / "provision by", naming the steps due then', () => {
    const g = run({});
    expect(g.timing!.dates.stopRenewalBy).to.equal(inDays(59));
    expect(plan(g)).to.deep.equal([
      [`${inDays(52)}T08:00:00.000Z`, 'stopRenewalBy+provisionBy', 'step.stopRecurringBilling+step.provisionSame'],
      [`${inDays(58)}T08:00:00.000Z`, 'stopRenewalBy+provisionBy', 'step.stopRecurringBilling+step.provisionSame'],
    ]);
  });

  it('subscriptions ended (Expired period): before "provision by", the day before the period ends', () => {
    const g = run({ renewalDate: inDays(-10), dateKind: 'ended' });
    expect(g.timing!.dates).to.deep.equal({ expiredUntil: inDays(20), provisionBy: inDays(19) });
    expect(plan(g)).to.deep.equal([
      [`${inDays(12)}T08:00:00.000Z`, 'provisionBy', 'step.provisionSame'],
      [`${inDays(18)}T08:00:00.000Z`, 'provisionBy', 'step.provisionSame'],
    ]);
  });

  it('renewed a few days ago: before the cancel window ends; the week-before reminder, already past, is not planned', () => {
    const g = run({ renewalDate: inDays(-3), dateKind: 'renewed' });
    expect(g.timing!.dates.cancelWindowEnds).to.equal(inDays(4));
    expect(plan(g)).to.deep.equal([[`${inDays(3)}T08:00:00.000Z`, 'cancelWindowEnds', 'step.provisionSame+step.cancelInWindowDirect']]);
  });

  it('a partner transfer has no dated step: no reminder, though the guidance names a renewal date', () => {
    const g = run({}, BASE_OTHER_PARTNER);
    expect(g.timing!.dates.stopRenewalBy).to.be.a('string');
    expect(plan(g)).to.deep.equal([]);
  });

  it('nothing in the past, nothing for ticked steps, nothing for a closed move', () => {
    const g = run({ renewalDate: inDays(1) });
    expect(plan(g)).to.deep.equal([]); // due tomorrow's eve: both reminder times have gone
    const ahead = run({});
    expect(plan(ahead, ['step.stopRecurringBilling'])[0]![2]).to.equal('step.provisionSame');
    expect(plan(ahead, ['step.stopRecurringBilling', 'step.provisionSame'])).to.deep.equal([]);
    expect(plannedReminders('u', { ...moveOf(ahead), status: 'closed' }, now)).to.deep.equal([]);
  });

  it('every reminder of the move is planned at once, however far ahead (past the state TTL): the move is kept until its last date', () => {
    const g = run({ renewalDate: inDays(200) });
    expect(g.timing!.dates.stopRenewalBy).to.equal(inDays(199));
    expect(plan(g).map(([at]) => at)).to.deep.equal([`${inDays(192)}T08:00:00.000Z`, `${inDays(198)}T08:00:00.000Z`]);
  });

  it('the same move planned twice gives the same ids (scheduling is idempotent)', () => {
    const g = run({}, BASE);
    const a = plannedReminders('u', moveOf(g), now).map((r) => r.id);
    expect(a).to.have.length(2);
    expect(plannedReminders('u', moveOf(g), now + 1000).map((r) => r.id)).to.deep.equal(a);
  });
});
