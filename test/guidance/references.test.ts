// As-of notes for every post-2020 fact, and the links (GUIDANCE §8 plus named public docs).
import { expect } from 'chai';
import {
  AS_OF_NOTES,
  AS_OF_NOTE_IDS,
  LINK_IDS,
  LINK_URLS,
  SEED_NEXT_STEP_LINK_IDS,
  type AsOfNoteId,
  type Guidance,
  type LinkId,
} from '../../src/guidance/index.js';
import { BASE, BASE_ADMIN_CENTER, BASE_OTHER_PARTNER, corpus, inDays, run, type Change } from './fixtures.js';
import type { Situation } from '../../src/guidance/index.js';

const noteIds = (g: Guidance): string[] => g.asOfNotes.map((n) => n.id);
const linkIds = (g: Guidance): string[] => g.links.map((l) => l.id);

type Case = Change & { base?: Situation };

// 'always': notes some output always needs (NCE applies to every new subscription; the Expired
// window or auto-renew advice is in every plan).
const NOTE_CASES: Record<AsOfNoteId, { on: Case; off: Case | 'always' }> = {
  roles: { on: { s: { role: 'billingAgent' } }, off: { s: { role: 'salesAgent' } } },
  gdap: { on: { s: { delegatedAdmin: 'none' } }, off: { s: { delegatedAdmin: 'gdapSupport' } } },
  directRefundWindow: { on: { s: {}, base: BASE_ADMIN_CENTER }, off: { s: {} } },
  nceCancellation: { on: { s: {} }, off: 'always' },
  expiredWindow: { on: { s: { renewalDate: inDays(5) } }, off: 'always' },
  partnerTransfer: { on: { s: {}, base: BASE_OTHER_PARTNER }, off: { s: {} } },
  multiPartner: { on: { s: { goal: 'multiPartner' } }, off: { s: { goal: 'fromOtherChannel' } } },
  channels: { on: { s: { purchaseChannel: 'enterpriseAgreement' } }, off: { s: { purchaseChannel: 'volumeLicensing' } } },
  openLicense: { on: { s: { purchaseChannel: 'volumeLicensing' } }, off: { s: { purchaseChannel: 'enterpriseAgreement' } } },
  subscriptionLimit: { on: { s: { subscriptionCount: 500 } }, off: { s: { subscriptionCount: 20 } } },
  regions: { on: { s: { tenantRegion: 'notSure' } }, off: { s: { tenantRegion: 'europe' } } },
};

describe('guidance as-of notes', () => {
  for (const id of AS_OF_NOTE_IDS) {
    const c = NOTE_CASES[id];
    it(`${id}: present when its fact is stated${c.off === 'always' ? ' (always)' : ', absent otherwise'}`, () => {
      const on = run(c.on, c.on.base ?? BASE);
      const note = on.asOfNotes.find((n) => n.id === id);
      expect(note).to.deep.include({ id, key: `asOf.${id}`, asOf: AS_OF_NOTES[id].asOf, linkId: AS_OF_NOTES[id].linkId });
      if (c.off === 'always') {
        for (const renewalDate of [undefined, inDays(-200), inDays(-3), inDays(0), inDays(9)]) {
          expect(noteIds(run({ s: { renewalDate, role: 'other' } }))).to.include(id);
        }
      } else {
        expect(noteIds(run(c.off, c.off.base ?? BASE))).not.to.include(id);
      }
    });
  }

  it('every public-doc source in the output has its note, and every note is used by something', () => {
    for (const g of corpus()) {
      const sources = [
        ...g.steps.map((s) => s.source),
        ...g.warnings.map((w) => w.source),
        ...(g.credit?.items.map((i) => i.source) ?? []),
        ...(g.timing?.items.map((i) => i.source) ?? []),
      ];
      const used = new Set(sources.flatMap((s) => (s.noteId ? [s.noteId] : [])));
      expect(noteIds(g)).to.have.members([...used]);
      for (const s of sources) expect(s.tag === 'public-doc').to.equal(s.asOf !== undefined);
    }
  });

  it('carries the policy numbers as params, so texts and code cannot disagree', () => {
    const g = run({ s: { subscriptionCount: 151 } });
    expect(g.asOfNotes.find((n) => n.id === 'subscriptionLimit')?.params).to.deep.equal({ lowerLimit: 150, upperLimit: 300 });
    expect(g.asOfNotes.find((n) => n.id === 'nceCancellation')?.params).to.deep.equal({ refundDays: 7, legacyFullCreditDays: 30 });
    expect(g.asOfNotes.find((n) => n.id === 'expiredWindow')?.params).to.deep.equal({ windowDays: 30 });
    expect(g.asOfNotes.find((n) => n.id === 'roles')).to.equal(undefined);
  });
});

describe('guidance links', () => {
  it('the five GUIDANCE §8 links, with exactly its URLs', () => {
    expect(SEED_NEXT_STEP_LINK_IDS.map((id) => LINK_URLS[id])).to.deep.equal([
      'https://learn.microsoft.com/partner-center/azure-plan-get-started',
      'https://learn.microsoft.com/partner-center/work-with-other-partners',
      'https://learn.microsoft.com/partner-center/customers-revoke-admin-privileges',
      'https://learn.microsoft.com/partner-center/customers/transition-seat-based-services',
      'https://learn.microsoft.com/microsoft-365/commerce/subscriptions/cancel-your-subscription',
    ]);
  });

  it('other links are learn.microsoft.com/partner-center pages named in GUIDANCE Sources', () => {
    const named = ['gdap-faq', 'new-commerce-cancellation-policy', 'transfer-subscriptions', 'regional-authorization-overview'];
    for (const id of LINK_IDS.filter((l) => !SEED_NEXT_STEP_LINK_IDS.includes(l))) {
      const url = LINK_URLS[id];
      expect(url).to.match(/^https:\/\/learn\.microsoft\.com\/partner-center\//);
      expect(named.some((n) => url.endsWith(`/${n}`)), url).to.equal(true);
    }
  });

  it('every result shows the §8 links, in a fixed order, with title keys', () => {
    const g = run({ s: {} });
    expect(linkIds(g).slice(0, 5)).to.deep.equal([...SEED_NEXT_STEP_LINK_IDS]);
    expect(g.links[0]).to.deep.equal({ id: 'azurePlan', url: LINK_URLS.azurePlan, titleKey: 'link.azurePlan' });
  });

  const EXTRA: Record<Exclude<LinkId, 'azurePlan' | 'workWithOtherPartners' | 'delegatedAdmin' | 'moveArticle' | 'cancelSubscription'>, [Case, Case | null]> = {
    gdapFaq: [{ s: { delegatedAdmin: 'dap' } }, { s: { delegatedAdmin: 'gdapSupport' } }],
    newCommerceCancellation: [{ s: {} }, null],
    transferSubscriptions: [{ s: {}, base: BASE_OTHER_PARTNER }, { s: {} }],
    regionalAuthorization: [{ s: { partnerRegion: 'notSure' } }, { s: {} }],
  };
  for (const [id, [on, off]] of Object.entries(EXTRA)) {
    it(`${id} appears when something points at it${off ? ', not otherwise' : ' (always)'}`, () => {
      expect(linkIds(run(on, on.base ?? BASE))).to.include(id);
      if (off) expect(linkIds(run(off, off.base ?? BASE))).not.to.include(id);
    });
  }

  it('every link id referenced anywhere in a result is in its links list', () => {
    for (const g of corpus()) {
      const referenced = [
        ...g.steps.flatMap((s) => s.linkIds ?? []),
        ...g.warnings.flatMap((w) => w.linkIds ?? []),
        ...(g.credit?.linkIds ?? []),
        ...g.asOfNotes.map((n) => n.linkId),
      ];
      expect(linkIds(g)).to.include.members(referenced);
      expect(linkIds(g)).to.deep.equal(LINK_IDS.filter((l) => linkIds(g).includes(l)));
    }
  });
});
