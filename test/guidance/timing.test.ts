// Date edges: renewal today, yesterday, in 30/31 days, Expired-window last day and day after, 29 February.
import { expect } from 'chai';
import { ZodError } from 'zod';
import { addDays, daysBetween, guide, isIsoDate } from '../../src/guidance/index.js';
import { BASE, TODAY, inDays, run } from './fixtures.js';

const timingFor = (renewalDate: string, today = TODAY) => guide({ ...BASE, renewalDate }, today).timing;
const itemKeys = (renewalDate: string, today = TODAY) => timingFor(renewalDate, today)?.items.map((i) => i.key);

describe('guidance timing', () => {
  it('no renewal date → no timing (and a check-renewal-date warning)', () => {
    const g = run({ s: { renewalDate: undefined } });
    expect(g.timing).to.equal(null);
    expect(g.warnings.map((w) => w.id)).to.include('checkRenewalDate');
  });

  it('renewal today → dueToday, 0 days left, provision today, turn off auto-renew', () => {
    expect(timingFor(TODAY)).to.deep.include({ status: 'dueToday', daysLeft: 0, provisionBy: TODAY, renewalDate: TODAY });
    expect(timingFor(TODAY)?.windowEndsOn).to.equal(undefined);
    expect(itemKeys(TODAY)).to.deep.equal(['timing.dueToday', 'timing.turnOffAutoRenew', 'timing.provisionBy']);
  });

  it('renewal tomorrow → upcoming, 1 day left, provision by today', () => {
    expect(timingFor(inDays(1))).to.deep.include({ status: 'upcoming', daysLeft: 1, provisionBy: TODAY });
    expect(timingFor(inDays(1))?.items[0]?.params).to.deep.equal({ count: 1, renewalDate: inDays(1) });
  });

  it('renewal in 30 and in 31 days → upcoming with those days left, provision the day before', () => {
    expect(timingFor('2026-04-09')).to.deep.include({ status: 'upcoming', daysLeft: 30, provisionBy: '2026-04-08' });
    expect(timingFor('2026-04-10')).to.deep.include({ status: 'upcoming', daysLeft: 31, provisionBy: '2026-04-09' });
    expect(itemKeys('2026-04-10')).to.deep.equal([
      'timing.daysLeft',
      'timing.waitForExpiry',
      'timing.turnOffAutoRenew',
      'timing.provisionBy',
    ]);
    expect(timingFor('2026-04-10')?.windowEndsOn).to.equal(undefined);
  });

  it('renewal yesterday → expiredInWindow, -1 day, window ends renewal + 29, provision now', () => {
    const t = timingFor(inDays(-1));
    expect(t).to.deep.include({ status: 'expiredInWindow', daysLeft: -1, windowEndsOn: inDays(28) });
    expect(t?.provisionBy).to.equal(undefined);
    expect(t?.items.map((i) => i.key)).to.deep.equal(['timing.expiredInWindow', 'timing.provisionNow']);
    expect(t?.items[0]?.params).to.deep.equal({ count: 1, renewalDate: inDays(-1), windowEndsOn: inDays(28), windowDays: 30 });
    expect(t?.items[1]?.params).to.deep.equal({ windowEndsOn: inDays(28) });
  });

  it('Expired window last day (renewal 29 days ago) is still inside; the day after is past', () => {
    expect(timingFor(inDays(-29))).to.deep.include({ status: 'expiredInWindow', daysLeft: -29, windowEndsOn: TODAY });
    expect(timingFor(inDays(-30))).to.deep.include({ status: 'expiredPastWindow', daysLeft: -30, windowEndsOn: inDays(-1) });
    expect(itemKeys(inDays(-30))).to.deep.equal(['timing.expiredPastWindow', 'timing.contactSupport']);
    expect(timingFor(inDays(-31))?.status).to.equal('expiredPastWindow');
  });

  it('29 February: valid in leap years, counted correctly across it', () => {
    expect(timingFor('2028-02-29', '2028-02-28')).to.deep.include({ status: 'upcoming', daysLeft: 1, provisionBy: '2028-02-28' });
    expect(timingFor('2028-03-01', '2028-02-28')).to.deep.include({ daysLeft: 2, provisionBy: '2028-02-29' });
    expect(timingFor('2028-02-29', '2028-02-29')?.status).to.equal('dueToday');
    expect(timingFor('2028-02-29', '2028-03-01')).to.deep.include({ status: 'expiredInWindow', daysLeft: -1, windowEndsOn: '2028-03-29' });
    expect(timingFor('2028-02-29', '2028-03-29')?.status).to.equal('expiredInWindow');
    expect(timingFor('2028-02-29', '2028-03-30')?.status).to.equal('expiredPastWindow');
    // Non-leap February: 2027-02-28 → 2027-03-01 is one day.
    expect(timingFor('2027-03-01', '2027-02-28')?.daysLeft).to.equal(1);
    // Today may itself be 29 February.
    expect(timingFor('2029-02-28', '2028-02-29')?.daysLeft).to.equal(365);
  });

  it('crosses month and year ends', () => {
    expect(timingFor('2027-01-01', '2026-12-31')).to.deep.include({ daysLeft: 1, provisionBy: '2026-12-31' });
    expect(timingFor('2026-12-20', '2027-01-05')).to.deep.include({ daysLeft: -16, windowEndsOn: '2027-01-18' });
  });

  it('rejects impossible dates: the situation with a ZodError, today with a RangeError', () => {
    for (const renewalDate of ['2027-02-29', '2100-02-29', '2027-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '26-01-05', '2026-01-05T00:00', 'tomorrow', '1899-12-31', '3000-01-01']) {
      expect(() => guide({ ...BASE, renewalDate }, TODAY), renewalDate).to.throw(ZodError);
    }
    for (const today of ['2026-02-30', '', 'today', '2026/03/10']) {
      expect(() => guide(BASE, today), today).to.throw(RangeError);
    }
  });
});

describe('guidance dates', () => {
  it('accepts real calendar dates only, 2000-02-29 included', () => {
    expect(['2000-02-29', '2024-02-29', '1900-01-01', '2999-12-31', '2026-12-31'].every(isIsoDate)).to.equal(true);
    expect(['1900-02-29', '2023-02-29', '2026-06-31', '2026-02-28 '].some(isIsoDate)).to.equal(false);
  });

  it('adds and counts days in UTC', () => {
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
    expect(addDays('2023-03-01', -1)).to.equal('2023-02-28');
    expect(addDays('2026-03-29', 1)).to.equal('2026-03-30'); // DST week in Europe: still one day.
    expect(daysBetween('2024-01-01', '2025-01-01')).to.equal(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).to.equal(-366);
    expect(() => addDays('2026-02-30', 1)).to.throw(RangeError);
  });
});
