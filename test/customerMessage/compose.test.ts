// The customer message, as data: what the customer's admin must know, chosen from the guidance. Given this
// situation, the message holds exactly these sentences, actions (with their actors and dates) and links.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CUSTOMER_ACTORS,
  MAX_LINKS,
  NOTE_PLACEMENTS,
  STEP_PLACEMENTS,
  composeCustomerMessage,
  customerActions,
  isCustomerActor,
  type CustomerMessage,
} from '../../src/customerMessage/index.js';
import { LINK_IDS, NOTE_KEYS, STEP_KEYS, type Guidance } from '../../src/guidance/index.js';
import { resources } from '../../src/i18n/resources.js';
import { specifiers } from '../guidance/purity.test.js';
import { corpus } from '../guidance/fixtures.js';
import { EVERY_OUTCOME, PATH_CASES, guidanceOf } from './fixtures.js';

type Expected = Omit<CustomerMessage, 'blocked'>;

/** What each case must give: read against GUIDANCE edition 2 (§2, §3 A–E, §4, §6, §7) and the dates TODAY gives. */
const EXPECTED: Record<string, Expected> = {
  'manual: bought direct, no relationship yet, renews in 60 days': {
    // Renews 2026-05-09: renewal off and the new subscriptions live by the day before.
    happens: [{ key: 'happens.path.manual' }, { key: 'happens.provisionSame', due: '2026-05-08' }],
    actions: [
      { key: 'action.stopRecurringBilling', due: '2026-05-08', actor: 'customerBillingAdmin' },
      { key: 'action.acceptRelationship', actor: 'customerGlobalAdmin', extras: ['extra.gdap'] },
    ],
    avoid: [{ key: 'avoid.letRunOut' }],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['cancelSubscription', 'subscriptionExpires'],
  },
  'over 150 subscriptions: buy after expiry': {
    // §3 D: bought after expiry, inside the 30-day Expired period (2026-05-09 to 2026-06-07).
    happens: [{ key: 'happens.path.over150' }, { key: 'happens.over150' }, { key: 'happens.provisionAfterExpiry', from: '2026-05-09', due: '2026-06-07' }],
    actions: [
      { key: 'action.stopRecurringBilling', due: '2026-05-08', actor: 'customerBillingAdmin' },
      { key: 'action.acceptRelationship', actor: 'customerGlobalAdmin', extras: ['extra.gdap'] },
    ],
    avoid: [{ key: 'avoid.letRunOut' }],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['cancelSubscription', 'subscriptionExpires'],
  },
  'partner-to-partner transfer from a CSP that sells through a provider, the partner an indirect reseller': {
    // §3 B: nothing to buy or stop; one invitation covers the reseller and its provider (§1).
    happens: [{ key: 'happens.path.partnerTransfer' }, { key: 'happens.approveTransfer' }, { key: 'happens.fallback.manual' }],
    actions: [{ key: 'action.acceptRelationship', actor: 'customerGlobalAdmin', extras: ['extra.bothCompanies', 'extra.gdap'] }],
    avoid: [],
    confirm: [],
    links: ['transferSubscriptions'],
  },
  'EA channel transfer, renews in 60 days': {
    // §3 C and §4: live before the EA end date, no 30-day promise (flagged: check the live page).
    happens: [{ key: 'happens.path.eaChannelTransfer' }, { key: 'happens.eaChannelTransfer', due: '2026-05-08' }, { key: 'happens.fallback.eaManual' }],
    actions: [{ key: 'action.stopVlExtension', due: '2026-05-08', actor: 'customerAdmin' }],
    avoid: [{ key: 'avoid.noExpiredGrace', check: true }],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['subscriptionExpires'],
  },
  'multi-partner: keeps its partner, adds this one': {
    // §3 E: nothing existing changes; no renewal to stop, nothing to let expire.
    happens: [{ key: 'happens.path.multiPartner' }],
    actions: [{ key: 'action.acceptRelationship', actor: 'customerGlobalAdmin', extras: ['extra.keepCurrentPartner'] }],
    avoid: [{ key: 'avoid.multiPartnerNothingChanges' }],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['multiPartner'],
  },
  'blocked: the tenant is in another market': {
    // §6: the partner follows up; the customer's only lever is a tenant-to-tenant migration.
    happens: [
      { key: 'happens.blockedMarket', params: { partnerMarket: 'unitedStates', tenantMarket: 'japan' } },
      { key: 'happens.followUpMarket', params: { market: 'japan' } },
    ],
    actions: [{ key: 'action.tenantMigration', actor: 'customerAdmin' }],
    avoid: [],
    confirm: [],
    links: ['regionalAuthorization'],
  },
  'blocked: Microsoft 365 operated by 21Vianet': {
    // Nothing the customer can do: the partner follows up.
    happens: [{ key: 'happens.blockedVianet' }, { key: 'happens.followUpVianet' }],
    actions: [],
    avoid: [],
    confirm: [],
    links: ['regionalAuthorization'],
  },
  'manual, renewed 2 days ago: the cancel window is open, the customer asks billing support': {
    // §4 and §7: renewed 2026-03-08, window until 2026-03-15 (flagged); the customer's admin calls billing support.
    happens: [
      { key: 'happens.path.manual' },
      { key: 'happens.cancelWindowOpenDirect', params: { date: '2026-03-08', cancelWindowEnds: '2026-03-15' }, check: true },
      { key: 'happens.provisionSame', due: '2026-03-15' },
    ],
    actions: [
      { key: 'action.approveGdap', actor: 'customerGlobalAdmin' },
      { key: 'action.cancelInWindowDirect', due: '2026-03-15', check: true, actor: 'customerBillingAdmin' },
      { key: 'action.licenseCountFewer', actor: 'customerAdmin' },
      { key: 'action.askBillingSupport', actor: 'customerBillingAdmin', check: true },
    ],
    // That users lose access at once is not the flagged fact.
    avoid: [{ key: 'avoid.cancelTooEarly' }],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['cancelSubscription'],
  },
  'manual, ended 40 days ago: users are offline': {
    // §4 Disabled: users offline now, data for admins until day 120; bought direct, so reactivation is possible.
    happens: [
      { key: 'happens.path.manual' },
      { key: 'happens.usersOffline', params: { date: '2026-01-29', dataKeptUntil: '2026-05-29' } },
      { key: 'happens.reactivateDirect' },
      { key: 'happens.provisionToday', due: '2026-03-10' },
    ],
    actions: [],
    avoid: [],
    confirm: [{ key: 'confirm.nceCancelWindow' }],
    links: ['subscriptionExpires'],
  },
};

describe('customer message: what the customer is told, per path', () => {
  it('the cases cover every path of the catalogue, and blocked', () => {
    expect([...new Set(PATH_CASES.map((c) => c.path))].sort()).to.deep.equal([...EVERY_OUTCOME].sort());
    for (const c of PATH_CASES) expect(guidanceOf(c).path ?? 'blocked', c.name).to.equal(c.path);
  });

  for (const c of PATH_CASES) {
    it(c.name, () => {
      const message = composeCustomerMessage(guidanceOf(c));
      expect(message).to.deep.equal({ blocked: c.path === 'blocked', ...EXPECTED[c.name] });
      expect(customerActions(guidanceOf(c))).to.deep.equal(message.actions);
    });
  }

  it('asks the customer what the partner still has to find out, and for the date when there is none', () => {
    const g = guidanceOf({
      ...PATH_CASES[0]!,
      situation: {
        ...PATH_CASES[0]!.situation,
        goal: 'notSure',
        purchaseChannel: 'notSure',
        tenantRegion: 'notSure',
        activeSubscriptions: 'notSure',
        licenseCount: 'notSure',
        offerPlan: 'notSure',
        renewalDate: undefined,
      },
    });
    const message = composeCustomerMessage(g);
    expect(message.confirm.map((l) => l.key)).to.deep.equal([
      'confirm.goal',
      'confirm.channel',
      'confirm.market',
      'confirm.subscriptions',
      'confirm.offerPlan',
      'confirm.nceCancelWindow',
      'confirm.checkLicenseCount',
      'confirm.checkDate',
    ]);
    // Channel unknown: the customer's admin stops renewal whichever way they bought, with no date to give.
    expect(message.actions.map((a) => [a.key, a.actor, a.due])).to.deep.include(['action.stopRenewalUnknown', 'customerAdmin', undefined]);
  });
});

/** Every message the engine gives for every single-field variation of several bases (all its rules). */
const CORPUS: Guidance[] = corpus();

describe('customer message: properties over every rule of the guidance', () => {
  it(`covers a corpus of ${CORPUS.length} guidances`, () => {
    expect(CORPUS.length).to.be.greaterThan(500);
  });

  it("every step the customer's admin does is in the message, with its date on an action or on what happens", () => {
    for (const g of CORPUS) {
      const m = composeCustomerMessage(g);
      for (const step of g.steps.filter((s) => isCustomerActor(s.actor))) {
        const placed = STEP_PLACEMENTS[step.key].customer ?? [];
        expect(placed, `${step.key} for ${step.actor}`).to.not.be.empty;
        if (step.due) {
          const dated = [...m.actions, ...m.happens].some((l) => l.due === step.due && placed.some((p) => p.key === l.key));
          expect(dated, `${step.key} due ${step.due}`).to.equal(true);
        }
      }
    }
  });

  it('asks only the customer’s own admins to act, and names one or two pages of the links table', () => {
    for (const g of CORPUS) {
      const m = composeCustomerMessage(g);
      for (const a of m.actions) expect(CUSTOMER_ACTORS).to.include(a.actor);
      expect(m.links.length).to.be.within(1, MAX_LINKS);
      for (const id of m.links) expect(LINK_IDS).to.include(id);
      expect(new Set(m.links).size).to.equal(m.links.length);
      expect(m.blocked).to.equal(g.path === null);
    }
  });

  it('never invents a date: every date it carries is one the guidance carries', () => {
    const datesIn = (value: unknown): string[] => JSON.stringify(value).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    for (const g of CORPUS) {
      const known = new Set(datesIn(g));
      for (const date of datesIn(composeCustomerMessage(g))) expect(known.has(date), date).to.equal(true);
    }
  });

  it('says nothing twice, is deterministic and leaves the guidance as it was', () => {
    for (const g of CORPUS.slice(0, 200)) {
      const before = structuredClone(g);
      const m = composeCustomerMessage(g);
      expect(g).to.deep.equal(before);
      expect(composeCustomerMessage(g)).to.deep.equal(m);
      for (const lines of [m.happens, m.actions, m.avoid, m.confirm]) {
        const ids = lines.map((l) => JSON.stringify([l.key, l.params, l.due, l.from]));
        expect(new Set(ids).size).to.equal(ids.length);
      }
    }
  });

  it('decides for every step and note key of the catalogue (none left out by accident)', () => {
    expect(Object.keys(STEP_PLACEMENTS).sort()).to.deep.equal([...STEP_KEYS].sort());
    expect(Object.keys(NOTE_PLACEMENTS).sort()).to.deep.equal([...NOTE_KEYS].sort());
  });

  it('every sentence key it can emit has a text in every language', () => {
    const keys = new Set<string>();
    for (const g of CORPUS) {
      const m = composeCustomerMessage(g);
      for (const l of [...m.happens, ...m.actions, ...m.avoid, ...m.confirm]) keys.add(l.key.replace(/^happens\.renewsSoon$/, 'happens.renewsSoon_other'));
      for (const a of m.actions) for (const e of a.extras ?? []) keys.add(e);
    }
    for (const [lng, bundle] of Object.entries(resources)) {
      const customer = bundle.customer as Record<string, unknown>;
      for (const key of keys) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], customer);
        expect(value, `${lng}: customer:${key}`).to.be.a('string');
      }
    }
  });
});

describe('customer message purity', () => {
  const ROOT = fileURLToPath(new URL('../../src/customerMessage/', import.meta.url));
  const files = readdirSync(ROOT).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f));
  const GUIDANCE_API = fileURLToPath(new URL('../../src/guidance/index.ts', import.meta.url));

  for (const file of files) {
    it(`src/customerMessage/${relative(ROOT, file)} imports only its own files and the guidance engine's public API`, () => {
      const code = readFileSync(file, 'utf8');
      const bad = specifiers(code).filter((s) => {
        const target = resolve(dirname(file), s).replace(/\.js$/, '.ts');
        return !(s.startsWith('.') && (dirname(target) === ROOT.replace(/\/$/, '') || target === GUIDANCE_API));
      });
      expect(bad).to.deep.equal([]);
      expect(code).not.to.match(/Date\.now\(|new Date\(|Math\.random|process\.|globalThis/);
    });
  }
});
