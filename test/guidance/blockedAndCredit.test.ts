// Blocked results (GUIDANCE §3, §6) and credit guidance (§7).
import { expect } from 'chai';
import fc from 'fast-check';
import { guide } from '../../src/guidance/index.js';
import { BASE, inDays, run, situationArb, todayArb } from './fixtures.js';

describe('guidance: blocked', () => {
  it('market mismatch: why (both markets), then the unblock actions with their actors', () => {
    const g = run({ partnerRegion: 'latinAmerica', tenantRegion: 'middleEastCee' });
    expect(g.notes).to.have.length(1);
    expect(g.notes[0]).to.deep.include({ key: 'blocked.market', severity: 'blocking', params: { partnerMarket: 'latinAmerica', tenantMarket: 'middleEastCee' } });
    expect(g.steps.map((s) => [s.key, s.actor, s.params])).to.deep.equal([
      ['step.useOtherLocation', 'you', { market: 'middleEastCee' }],
      ['step.referPartner', 'you', { market: 'middleEastCee' }],
      ['step.tenantMigration', 'customerAdmin', undefined],
    ]);
    expect([g.credit, g.fallback, g.path]).to.deep.equal([null, null, null]);
  });

  it('both 21Vianet and a market mismatch: both reasons', () => {
    const g = run({ partnerRegion: 'europe', tenantRegion: 'china', tenantCloud: 'vianet' });
    expect(g.notes.map((n) => n.key)).to.deep.equal(['blocked.market', 'blocked.vianet']);
  });

  it('a market not known is not a block: find it out first', () => {
    const g = run({ tenantRegion: 'notSure' });
    expect(g.verdict).to.equal('ready-with-cautions');
    expect(g.steps[0]?.key).to.equal('step.findOutMarket');
    const cloud = run({ partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'notSure' });
    expect(cloud.steps[0]?.key).to.equal('step.findOutCloud');
  });

  it('any situation: blocked ⇔ a blocking note; blocked shows only unblock steps', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        expect(g.notes.some((n) => n.severity === 'blocking')).to.equal(g.verdict === 'blocked');
        if (g.verdict === 'blocked') {
          expect(g.steps.every((st) => /^step\.(useOtherLocation|referPartner|tenantMigration|referVianet)$/.test(st.key))).to.equal(true);
          expect(g.notes.every((n) => n.severity === 'blocking')).to.equal(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('guidance: credit for direct buyers (§7)', () => {
  const inWindow = { renewalDate: inDays(-1), dateKind: 'renewed' } as const;
  const table = [
    ['gdapSupport', 'you', ['credit.windowOnly', 'credit.contactYou']],
    ['gdapOther', 'customerBillingAdmin', ['credit.windowOnly', 'credit.contactCustomer', 'credit.addSupportRole']],
    ['dap', 'customerBillingAdmin', ['credit.windowOnly', 'credit.contactCustomer', 'credit.dapNoLonger']],
    ['none', 'customerBillingAdmin', ['credit.windowOnly', 'credit.contactCustomer']],
    ['notSure', 'unknown', ['credit.windowOnly', 'credit.checkGdap']],
  ] as const;
  for (const [delegatedAdmin, contact, keys] of table) {
    it(`${delegatedAdmin}: ${contact} contacts billing support`, () => {
      const g = run({ ...inWindow, delegatedAdmin });
      expect(g.credit?.contact).to.equal(contact);
      expect(g.credit?.items.map((i) => i.key)).to.deep.equal(keys);
    });
  }

  it('no date: the credit exists only if inside the window, said so', () => {
    expect(run({ renewalDate: undefined }).credit?.items.map((i) => i.key)).to.deep.equal(['credit.windowOnly', 'credit.ifInWindow', 'credit.contactYou']);
  });

  it('any situation: credit only for direct buyers, never blocked, multi-partner, or ended', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        if (g.credit === null) return;
        expect(s.purchaseChannel).to.equal('adminCenter');
        expect(g.verdict).not.to.equal('blocked');
        expect(g.path).not.to.equal('multiPartner');
        expect(['expired', 'disabled', 'deleted', 'vlEnded', 'termOwed', 'upcoming']).not.to.include(g.timing?.phase);
      }),
      { numRuns: 300 },
    );
  });

  it('the base situation (renews in 60 days) has no credit block', () => {
    expect(guide(BASE, '2026-03-10').credit).to.equal(null);
  });
});
