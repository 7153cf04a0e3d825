// GUIDANCE edition 2 §4, the timing table: every row, with dates relative to a fixed today.
import { expect } from 'chai';
import { asksDateKind, guide, type Guidance } from '../../src/guidance/index.js';
import { BASE, BASE_EA, BASE_OTHER_PARTNER, TODAY, inDays, noteKeys, run, stepKeys } from './fixtures.js';

const firstNote = (g: Guidance) => g.notes[0];

describe('GUIDANCE §4 timing table', () => {
  it('renews or ends in the future: stop renewal and buy before that date', () => {
    const g = run({ renewalDate: inDays(20) });
    expect(g.timing).to.deep.include({ phase: 'upcoming', daysFromToday: 20 });
    expect(g.steps[0]).to.deep.include({ key: 'step.stopRecurringBilling', due: inDays(19) });
    expect(g.steps.find((s) => s.key === 'step.provisionSame')?.due).to.equal(inDays(19));
    expect(g.verdict).to.equal('ready');
  });

  it('renews within a week: urgent, with the days left', () => {
    const g = run({ renewalDate: inDays(1) });
    expect(g.verdict).to.equal('urgent');
    expect(firstNote(g)).to.deep.include({ key: 'note.renewsSoon', params: { count: 1, date: inDays(1) } });
    expect(run({ renewalDate: inDays(8) }).verdict).to.equal('ready');
  });

  for (const daysAgo of [0, 7]) {
    it(`renewed ${daysAgo} days ago: the cancel window is open until renewal + 7`, () => {
      const g = run({ renewalDate: inDays(-daysAgo), dateKind: 'renewed' }, BASE_OTHER_PARTNER);
      expect(g.timing).to.deep.include({ phase: 'renewedInWindow' });
      expect(g.timing?.dates.cancelWindowEnds).to.equal(inDays(7 - daysAgo));
      expect(g.verdict).to.equal('urgent');
      expect(firstNote(g)?.key).to.equal('note.cancelWindowOpen');
      // Direct: the customer's admin cancels, and the window is "check the live page".
      const direct = run({ renewalDate: inDays(-daysAgo), dateKind: 'renewed' });
      expect(direct.steps.at(-1)).to.deep.include({ key: 'step.cancelInWindowDirect', actor: 'customerBillingAdmin', due: inDays(7 - daysAgo) });
      expect(direct.steps.at(-1)?.source.check).to.equal(true);
    });
  }

  it('renewed more than 7 days ago: the term is owed (partner transfer, or the next end of term)', () => {
    const g = run({ renewalDate: inDays(-8), dateKind: 'renewed' });
    expect(g.timing?.phase).to.equal('termOwed');
    expect(noteKeys(g)).to.include('note.termOwed');
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(stepKeys(g)).not.to.include('step.cancelInWindowDirect');
    expect(run({ renewalDate: inDays(-8), dateKind: 'renewed' }, BASE_OTHER_PARTNER).path).to.equal('partnerTransfer');
  });

  for (const daysAgo of [0, 30]) {
    it(`ended ${daysAgo} days ago: Expired, users still work; buy before the Expired period ends`, () => {
      const g = run({ renewalDate: inDays(-daysAgo), dateKind: 'ended' });
      expect(g.timing?.phase).to.equal('expired');
      expect(g.verdict).to.equal('urgent');
      expect(firstNote(g)).to.deep.include({ key: 'note.expiredClock', params: { date: inDays(-daysAgo), expiredUntil: inDays(30 - daysAgo) } });
      expect(g.steps.find((s) => s.key === 'step.provisionSame')?.due).to.equal(inDays(29 - daysAgo));
      expect(stepKeys(g)).not.to.include.members(['step.stopRecurringBilling', 'step.letRunOut']);
    });
  }

  for (const daysAgo of [31, 120]) {
    it(`ended ${daysAgo} days ago: Disabled, users offline now; data kept for admins until day 120`, () => {
      const g = run({ renewalDate: inDays(-daysAgo), dateKind: 'ended' });
      expect(g.timing?.phase).to.equal('disabled');
      expect(firstNote(g)).to.deep.include({ key: 'note.usersOffline', params: { date: inDays(-daysAgo), dataKeptUntil: inDays(120 - daysAgo) } });
      expect(stepKeys(g)).to.include('step.provisionToday');
      expect(noteKeys(g)).to.include('note.reactivateDirect');
    });
  }

  it('ended more than 120 days ago: deleted; buy new, the data cannot be restored', () => {
    const g = run({ renewalDate: inDays(-121), dateKind: 'ended' });
    expect(g.timing?.phase).to.equal('deleted');
    expect(noteKeys(g)).to.include('note.dataDeleted').and.not.include('note.reactivateDirect');
    expect(g.verdict).to.equal('ready-with-cautions');
  });

  it('EA / volume licensing: live before the end date, no Expired period once it ended', () => {
    const future = guide({ ...BASE_EA, renewalDate: inDays(40) }, TODAY);
    expect(future.timing?.dates).to.deep.equal({ stopRenewalBy: inDays(39), provisionBy: inDays(39) });
    const ended = run({ renewalDate: inDays(-10), dateKind: 'ended', purchaseChannel: 'otherVolumeLicensing' });
    expect(ended.timing?.phase).to.equal('vlEnded');
    expect(ended.verdict).to.equal('urgent');
    expect(stepKeys(ended)).to.include('step.provisionToday');
  });

  it('"not sure" whether it renewed or ended: both readings, and find out first', () => {
    const g = run({ renewalDate: inDays(-40), dateKind: 'notSure' });
    expect(g.timing).to.deep.include({ phase: 'termOwed' });
    expect(g.timing?.ifEnded?.phase).to.equal('disabled');
    expect(g.steps[0]).to.deep.include({ key: 'step.findOutDateKind', actor: 'you', params: { date: inDays(-40) } });
    expect(noteKeys(g)).to.include.members(['note.ifEndedDisabled', 'note.termOwed']);
    expect(g.verdict).to.equal('urgent');
    const recent = run({ renewalDate: inDays(-3), dateKind: 'notSure' });
    expect(noteKeys(recent)).to.include.members(['note.cancelWindowOpenDirect', 'note.ifEndedExpired']);
    expect(recent.credit?.items.map((i) => i.key)).to.include('credit.ifInWindow');
  });

  it('no date: no deadline is made up, and the card asks for the date', () => {
    const g = run({ renewalDate: undefined });
    expect(g.timing).to.equal(null);
    expect(g.steps.every((s) => s.due === undefined)).to.equal(true);
    expect(noteKeys(g)).to.include('note.checkDate');
  });

  it('from another CSP, ended: a transfer covers active subscriptions only, so the manual path', () => {
    const g = run({ renewalDate: inDays(-10), dateKind: 'ended' }, BASE_OTHER_PARTNER);
    expect(g.path).to.equal('manual');
    expect(noteKeys(g)).to.include.members(['note.transferActiveOnly', 'note.expiredNotShown']);
  });

  it('"renewed or ended?" is asked only for a date that is today or past', () => {
    expect([asksDateKind(inDays(1), TODAY), asksDateKind(TODAY, TODAY), asksDateKind(inDays(-1), TODAY), asksDateKind(undefined, TODAY)]).to.deep.equal([false, true, true, false]);
  });

  it('a bad today is refused, not answered', () => {
    expect(() => guide(BASE, '2026-02-30')).to.throw(RangeError);
  });
});
