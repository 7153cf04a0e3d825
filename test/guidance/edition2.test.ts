// GUIDANCE edition 2 §11: each row is a wrong or harmful edition-1 answer; each test pins the corrected one.
import { expect } from 'chai';
import { guide } from '../../src/guidance/index.js';
import { BASE_EA, BASE_OTHER_PARTNER, TODAY, inDays, noteKeys, run, stepKeys } from './fixtures.js';

const GO_AHEAD = /^step\.(stopRecurringBilling|stopAutoRenew|requestRelationship|provision|createTransfer|eaChannelTransfer|letRunOut)/;

describe('GUIDANCE edition 2 §11: what changed from edition 1', () => {
  it('1. roles: an Admin agent, or any role, is never blocked; steps say which role does them', () => {
    const admin = run({ partnerRoles: ['adminAgent'] });
    expect(admin.verdict).to.equal('ready');
    const accountOnly = run({ partnerRoles: ['accountAdmin'], resellerRelationship: 'no', delegatedAdmin: 'none' });
    expect(accountOnly.verdict).to.equal('ready-with-cautions');
    expect(accountOnly.path).to.equal('manual');
    const gaps = accountOnly.steps.filter((s) => s.roleGap).map((s) => [s.key, s.roles]);
    expect(gaps).to.deep.equal([
      ['step.requestRelationship', ['adminAgent', 'salesAgent', 'globalAdmin']],
      ['step.requestGdap', ['adminAgent', 'globalAdmin']],
      ['step.provisionSame', ['adminAgent', 'salesAgent', 'billingAdmin', 'helpdeskAgent', 'globalAdmin']],
    ]);
    expect(noteKeys(accountOnly)).to.include('note.rolesMissing');
    // A Sales agent can request the relationship and buy, but only an Admin agent (or Global admin) requests GDAP.
    const sales = run({ partnerRoles: ['salesAgent'], resellerRelationship: 'no', delegatedAdmin: 'none' });
    expect(sales.steps.filter((s) => s.roleGap).map((s) => s.key)).to.deep.equal(['step.requestGdap']);
    expect(run({ partnerRoles: ['globalAdmin'], resellerRelationship: 'no', delegatedAdmin: 'none' }).steps.some((s) => s.roleGap)).to.equal(false);
    // An indirect reseller is not blocked either: its provider places the order.
    const reseller = run({ partnerModel: 'indirectReseller' });
    expect(reseller.verdict).not.to.equal('blocked');
    expect(reseller.steps.find((s) => s.key.startsWith('step.provision'))?.actor).to.equal('yourProvider');
  });

  it('2. no "cancel near expiry, no refund": let them run out, or cancel inside the 7-day window', () => {
    const keys = stepKeys(run({}));
    expect(keys).to.include('step.letRunOut');
    expect(keys.filter((k) => k.startsWith('step.cancel'))).to.deep.equal([]);
    const renewed = run({ renewalDate: inDays(-3), dateKind: 'renewed' }, BASE_OTHER_PARTNER);
    expect(renewed.notes.find((n) => n.key === 'note.cancelWindowOpen')?.params).to.deep.equal({ date: inDays(-3), cancelWindowEnds: inDays(4) });
  });

  it('3. credit only for direct buyers inside the cancellation window, never once expired; DAP-only → the customer contacts support', () => {
    expect(run({}).credit, 'renews in 60 days: no window').to.equal(null);
    const inWindow = run({ renewalDate: inDays(-2), dateKind: 'renewed', delegatedAdmin: 'dap' });
    expect(inWindow.credit?.contact).to.equal('customerBillingAdmin');
    expect(inWindow.credit?.items.map((i) => i.key)).to.deep.equal(['credit.windowOnly', 'credit.contactCustomer', 'credit.dapNoLonger']);
    for (const days of [-1, -20, -40, -200]) expect(run({ renewalDate: inDays(days), dateKind: 'ended' }).credit, String(days)).to.equal(null);
    expect(run({ renewalDate: inDays(-2), dateKind: 'renewed' }, BASE_OTHER_PARTNER).credit).to.equal(null);
  });

  it('4. after the Expired period users are offline now: buy today, not "contact support"', () => {
    const g = run({ renewalDate: inDays(-40), dateKind: 'ended' });
    expect(g.verdict).to.equal('urgent');
    expect(g.notes[0]).to.deep.include({ key: 'note.usersOffline', severity: 'urgent' });
    expect(g.notes[0]?.params).to.deep.equal({ date: inDays(-40), dataKeptUntil: inDays(80) });
    expect(g.steps.find((s) => s.key === 'step.provisionToday')).to.deep.include({ actor: 'you', due: TODAY });
    expect(g.credit).to.equal(null);
    expect(JSON.stringify(g)).not.to.match(/contactSupport/);
  });

  it('5. EA: the EA channel transfer path, no 30-day promise, no auto-renew to turn off', () => {
    const g = guide(BASE_EA, TODAY);
    expect(g.path).to.equal('eaChannelTransfer');
    expect(g.fallback?.path).to.equal('manual');
    expect(stepKeys(g)).to.include('step.eaChannelTransfer').and.include('step.stopVlExtension');
    expect(stepKeys(g)).not.to.include('step.stopAutoRenew');
    expect(noteKeys(g)).to.include('note.noExpiredGrace');
    const ended = run({ renewalDate: inDays(-5), dateKind: 'ended' }, BASE_EA);
    expect(ended.notes[0]?.key).to.equal('note.vlEnded');
    expect(JSON.stringify(ended)).not.to.match(/expiredUntil|expiredClock/);
    // Open Value / MPSA: volume licensing, not retired; Open License: nothing to renew.
    expect(stepKeys(run({ purchaseChannel: 'otherVolumeLicensing' }))[0]).to.equal('step.stopVlExtension');
    expect(stepKeys(run({ purchaseChannel: 'openLicense' }))[0]).to.equal('step.openLicenseNothing');
  });

  it('6. 150 vs 300 agree: above 150 buy after expiry (path D), or transfer', () => {
    const g = run({ activeSubscriptions: 'over150' });
    expect(g.path).to.equal('over150');
    expect(stepKeys(g).slice(-2)).to.deep.equal(['step.letRunOut', 'step.provisionAfterExpiry']);
    expect(g.steps.at(-1)).to.deep.include({ from: inDays(60), due: inDays(89) });
    expect(JSON.stringify(g)).not.to.match(/check the (current )?limit/i);
    // Volume licensing has no Expired period to buy into: no path D, a caution instead (§4).
    const vl = run({ activeSubscriptions: 'over150', purchaseChannel: 'otherVolumeLicensing' });
    expect(vl.path).to.equal('manual');
    expect(noteKeys(vl)).to.include('note.over150Vl');
    expect(JSON.stringify(vl)).not.to.match(/provisionAfterExpiry|expiredUntil/);
    const transfer = run({ activeSubscriptions: 'over150' }, BASE_OTHER_PARTNER);
    expect(transfer.path).to.equal('partnerTransfer');
    expect(transfer.fallback?.path).to.equal('over150');
  });

  it('7. blocked results lead with what unblocks them, and show no go-ahead step', () => {
    const g = run({ tenantRegion: 'japan' });
    expect(g.verdict).to.equal('blocked');
    expect(g.path).to.equal(null);
    expect(stepKeys(g)).to.deep.equal(['step.useOtherLocation', 'step.referPartner', 'step.tenantMigration']);
    expect(stepKeys(g).filter((k) => GO_AHEAD.test(k))).to.deep.equal([]);
  });

  it('8. partner transfer is its own path: you request, the current partner approves, nothing provisioned', () => {
    const g = guide(BASE_OTHER_PARTNER, TODAY);
    expect(g.path).to.equal('partnerTransfer');
    expect(stepKeys(g)).to.deep.equal(['step.confirmRelationship', 'step.createTransfer', 'step.approveTransfer']);
    expect(g.steps.map((s) => s.actor)).to.deep.equal(['you', 'you', 'currentPartner']);
    expect(g.fallback?.key).to.equal('fallback.manual');
  });

  it('9. multi-partner changes nothing existing: no stop-renewal, no expiry steps', () => {
    const g = run({ goal: 'multiPartner' }, BASE_OTHER_PARTNER);
    expect(g.path).to.equal('multiPartner');
    expect(stepKeys(g)).to.deep.equal(['step.confirmRelationship', 'step.provisionMultiPartner']);
    expect(noteKeys(g)).to.include('note.multiPartnerNothingChanges');
    expect(JSON.stringify(g)).not.to.match(/stopAutoRenew|letRunOut|stopRecurringBilling/);
  });

  it('10. China is not 21Vianet: China on the global cloud is ready; 21Vianet blocks', () => {
    const china = run({ partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'global' });
    expect(china.verdict).to.equal('ready');
    expect(noteKeys(china)).to.include('note.chinaGlobal');
    expect(china.credit).to.equal(null);
    const vianet = run({ partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' });
    expect(vianet.verdict).to.equal('blocked');
    expect(noteKeys(vianet)).to.deep.equal(['blocked.vianet']);
    expect(stepKeys(vianet)).to.deep.equal(['step.referVianet']);
    expect(vianet.credit).to.equal(null);
  });

  it('11. turning off renewal comes first and says who does it, and what it is called', () => {
    expect(run({}).steps[0]).to.deep.include({ key: 'step.stopRecurringBilling', actor: 'customerBillingAdmin', due: inDays(59) });
    const manualFromPartner = run({ renewalDate: inDays(60) }, { ...BASE_OTHER_PARTNER });
    // From another CSP the path is the transfer; its fallback is where auto-renew is turned off.
    expect(manualFromPartner.fallback?.key).to.equal('fallback.manual');
    expect(run({ purchaseChannel: 'notSure' }).steps[1]).to.deep.include({ key: 'step.stopRenewalUnknown', actor: 'customerAdmin' });
  });

  it('12. a month appears only where edition 2 gives one', () => {
    const months = new Set<string>();
    for (const g of [run({}), run({ delegatedAdmin: 'dap' }), run({ purchaseChannel: 'openLicense' }), run({ partnerModel: 'indirectReseller' })]) {
      for (const m of [...g.steps, ...g.notes]) if (m.source.since) months.add(m.source.since);
    }
    // DAP removed Oct 2023; the 7-day window since March 2022; Open License Jan 2022; new indirect resellers since Oct 2020.
    expect([...months].sort()).to.deep.equal(['2020-10', '2022-01', '2022-03', '2023-10']);
  });
});
