// Situation-aware FAQ answers: given what the open check already knows and today, this topic shows this
// text. Asserted on what the user reads (the rendered card), in English, and in Chinese where words differ.
import { expect } from 'chai';
import { BASE as GUIDANCE_BASE } from '../guidance/fixtures.js';
import { faqAnswerView } from '../../cards/index.js';
import { TOPIC_IDS, answerFor, type KnownAnswers, type TopicId } from '../../src/faq/index.js';
import {
  CREDIT_RULES,
  LINK_URLS,
  NOTE_RULES,
  STEP_RULES,
  addDays,
  guide,
  type Situation,
} from '../../src/guidance/index.js';
import { LOCALES, createTranslator, type Locale } from '../../src/i18n/index.js';
import en from '../../locales/en/faq.json' with { type: 'json' };

const translator = createTranslator();
const TODAY = '2027-01-15';
const FROM_CHECK = 'For this customer, from your answers so far:';

const view = (topic: TopicId, answers: KnownAnswers, locale: Locale = 'en', today = TODAY) =>
  faqAnswerView(translator.t(locale), topic, { situation: { answers, today } });

interface Case {
  name: string;
  topic: TopicId;
  answers: KnownAnswers;
  /** Phrases the answer must show. */
  shows: string[];
  /** Phrases it must not show. */
  hides?: string[];
  /** Docs the sources list must link. */
  links?: Array<keyof typeof LINK_URLS>;
  today?: string;
}

const direct: KnownAnswers = { goal: 'fromOtherChannel', purchaseChannel: 'adminCenter' };
const fromPartner: KnownAnswers = { purchaseChannel: 'otherPartner' };

const CASES: Case[] = [
  {
    name: 'refunds, from another CSP: nothing is cancelled, and how billing splits on the transfer date',
    topic: 'refunds',
    answers: fromPartner,
    shows: ['None is needed: a partner transfer cancels nothing.', 'the current partner pays up to the transfer date and you pay the rest of the term'],
    hides: ['within 7 days of purchase'],
    links: ['transferSubscriptions'],
  },
  {
    name: 'refunds, bought direct, DAP only: the direct-buyer answer, and the customer contacts billing support',
    topic: 'refunds',
    answers: { ...direct, delegatedAdmin: 'dap' },
    shows: ['Bought direct: a refund or credit exists only within the cancellation window', "The customer's Global or Billing admin contacts Microsoft 365 billing support: DAP alone no longer lets you open support requests"],
    links: ['cancelSubscription', 'gdapFaq'],
  },
  {
    name: 'refunds, bought direct, renewed 3 days ago: the window closes about 7 days after the renewal',
    topic: 'refunds',
    answers: { ...direct, renewalDate: '2027-01-12', dateKind: 'renewed', delegatedAdmin: 'gdapSupport' },
    shows: ['They renewed on **2027-01-12**', "the customer's Global or Billing admin may still cancel them for a refund until about **2027-01-19**", 'You contact Microsoft 365 billing support for the customer: your GDAP includes a support-request role.'],
  },
  {
    name: 'refunds, from another CSP, renewed 26 days ago: the term is owed, a transfer is the way out',
    topic: 'refunds',
    answers: { ...fromPartner, renewalDate: '2026-12-20', dateKind: 'renewed' },
    shows: ['They renewed on **2026-12-20**, more than 7 days ago: the term is owed', 'Or a partner transfer moves them to you mid-term'],
  },
  {
    name: 'refunds, ended 10 days ago: nothing to refund once expired',
    topic: 'refunds',
    answers: { ...direct, renewalDate: '2027-01-05', dateKind: 'ended' },
    shows: ['No: the old subscriptions ended on **2027-01-05**'],
    hides: ['billing support handles it'],
  },
  {
    name: 'refunds, Enterprise Agreement: no refund or credit guidance',
    topic: 'refunds',
    answers: { purchaseChannel: 'enterpriseAgreement' },
    shows: ['no refund or credit guidance applies'],
  },
  {
    name: 'refunds, multi-partner wins over the channel: nothing existing changes',
    topic: 'refunds',
    answers: { goal: 'multiPartner', purchaseChannel: 'otherPartner' },
    shows: ['Nothing to refund: with multi-partner'],
    hides: ['transfer'],
  },
  {
    name: 'lifecycle, bought direct, ended 45 days ago: Disabled, users offline now, data until about day 120',
    topic: 'lifecycle',
    answers: { ...direct, renewalDate: '2026-12-01', dateKind: 'ended' },
    shows: ['They ended on **2026-12-01** and are Disabled: users have no access now', 'You buy the same offer today', 'until about **2027-03-31**', "the customer's admin can also reactivate"],
    links: ['subscriptionLifecycle', 'subscriptionExpires'],
  },
  {
    name: 'lifecycle, from another CSP, ended 10 days ago: Expired, users work for 30 days from the end, no reactivation',
    topic: 'lifecycle',
    answers: { ...fromPartner, renewalDate: '2027-01-05', dateKind: 'ended' },
    shows: ['They ended on **2027-01-05** and are Expired: users still work until **2027-02-04**'],
    hides: ['reactivate'],
  },
  {
    name: 'lifecycle, ended 200 days ago: deleted, the data is gone',
    topic: 'lifecycle',
    answers: { ...direct, renewalDate: '2026-06-29', dateKind: 'ended' },
    shows: ['more than 120 days ago: the data is deleted'],
  },
  {
    name: 'lifecycle, a past date not yet called a renewal or an end: the general answer, and check which',
    topic: 'lifecycle',
    answers: { ...direct, renewalDate: '2027-01-10' },
    shows: ['For 30 days after the end date', 'You check whether they renewed or ended on **2027-01-10**'],
  },
  {
    name: 'lifecycle, an Enterprise Agreement ending in June: no Expired period to count on',
    topic: 'lifecycle',
    answers: { purchaseChannel: 'enterpriseAgreement', renewalDate: '2027-06-30' },
    shows: ['The agreement ends on **2027-06-30**', 'no Expired period to count on'],
  },
  {
    name: 'lifecycle, renews or ends in March: Expired would run 30 days past it',
    topic: 'lifecycle',
    answers: { ...direct, renewalDate: '2027-03-31' },
    shows: ["They renew or end on **2027-03-31**. If they end, they're Expired until **2027-04-30**"],
  },
  {
    name: 'downtime, from another CSP: a transfer changes nothing in the tenant',
    topic: 'downtime',
    answers: { ...fromPartner, renewalDate: '2027-03-31' },
    shows: ['No: a partner transfer changes nothing in the tenant'],
  },
  {
    name: 'downtime, Disabled: users are offline now',
    topic: 'downtime',
    answers: { ...direct, renewalDate: '2026-12-01', dateKind: 'ended' },
    shows: ['users have no access now'],
  },
  {
    name: 'downtime, more than 150 subscriptions: no downtime if bought inside the Expired period, with the window',
    topic: 'downtime',
    answers: { ...direct, activeSubscriptions: 'over150', renewalDate: '2027-03-31' },
    shows: ['No, if you buy inside the Expired period', 'between **2027-03-31** and **2027-04-29**'],
  },
  {
    name: 'dataLoss, a different offer planned: assignments must be updated',
    topic: 'dataLoss',
    answers: { ...direct, offerPlan: 'different' },
    shows: ['Not if you buy the same or an equivalent offer', 'You plan a different offer'],
  },
  {
    name: 'dataLoss, the date ahead: not if yours are live before it',
    topic: 'dataLoss',
    answers: { ...direct, renewalDate: '2027-03-31' },
    shows: ['Not if your subscriptions are live before the old ones end on **2027-03-31**'],
  },
  {
    name: 'overlap, manual move with a date ahead: both until the end date, stop renewal the day before',
    topic: 'overlap',
    answers: { ...direct, renewalDate: '2027-03-31' },
    shows: ['Until **2027-03-31**', 'the customer pays for both until then', "The customer's Global or Billing admin turns off recurring billing", 'Deadline for this customer: **2027-03-30**'],
  },
  {
    name: 'overlap, from another CSP: no duplicates, billing moves on the transfer date',
    topic: 'overlap',
    answers: fromPartner,
    shows: ['No: a partner transfer creates no duplicates.', 'the current partner pays up to the transfer date'],
  },
  {
    name: 'overlap, more than 150 subscriptions: no overlap, bought after expiry',
    topic: 'overlap',
    answers: { ...direct, activeSubscriptions: 'over150' },
    shows: ['No overlap: with more than 150 subscriptions you buy the new ones after the old ones expire'],
  },
  {
    name: 'duration, from another CSP: no number, it waits on the customer and the current partner',
    topic: 'duration',
    answers: fromPartner,
    shows: ['The docs give no fixed time', "on the current partner approving the transfer"],
  },
  {
    name: 'duration, manual move with a date ahead: the deadline, worked back',
    topic: 'duration',
    answers: { ...direct, renewalDate: '2027-03-31' },
    shows: ['you have your subscriptions live by **2027-03-30**', "The customer's Global or Billing admin turns off recurring billing", 'Deadline for this customer: **2027-03-30**'],
  },
  {
    name: 'duration, an Enterprise Agreement ending in June: live by the day before, and nothing auto-extends',
    topic: 'duration',
    answers: { purchaseChannel: 'enterpriseAgreement', renewalDate: '2027-06-30' },
    shows: ['you have your subscriptions live by **2027-06-29**', "the customer's admin checks with the licensing partner", 'Deadline for this customer: **2027-06-29**'],
  },
  {
    name: 'stopRenewal, bought direct, a date ahead: who turns off recurring billing, and by when',
    topic: 'stopRenewal',
    answers: { ...direct, renewalDate: '2027-03-31' },
    shows: ["The customer's Global or Billing admin turns off recurring billing", 'Deadline for this customer: **2027-03-30**'],
  },
  {
    name: 'stopRenewal, from another CSP, the transfer declined only then: the current partner turns off auto-renew',
    topic: 'stopRenewal',
    answers: fromPartner,
    shows: ['A partner transfer needs nothing turned off', 'turn off auto-renew before the renewal date'],
  },
  {
    name: 'steps, markets differ: blocked for this account, with what unblocks it',
    topic: 'steps',
    answers: { partnerRegion: 'europe', tenantRegion: 'unitedStates' },
    shows: ["The customer's tenant is in United States and your CSP account sells in Europe", 'a CSP location your company has (or adds) in United States'],
  },
  {
    name: 'steps, a tenant on 21Vianet: blocked, refer the customer',
    topic: 'steps',
    answers: { partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' },
    shows: ['Microsoft 365 operated by 21Vianet', 'You refer the customer to a partner in the Partner Center operated by 21Vianet'],
  },
  {
    name: 'steps, multi-partner: nothing existing changes, no expiry steps',
    topic: 'steps',
    answers: { goal: 'multiPartner' },
    shows: ['Multi-partner: you request the reseller relationship with GDAP'],
    hides: ['recurring billing', 'auto-renew'],
  },
  {
    name: 'steps, bought direct: the manual move, recurring billing off first, by the customer\'s admin',
    topic: 'steps',
    answers: direct,
    shows: ["Manual move: first the customer's Global or Billing admin turns off recurring billing"],
  },
  {
    name: 'steps, Enterprise Agreement: the EA channel transfer',
    topic: 'steps',
    answers: { purchaseChannel: 'enterpriseAgreement' },
    shows: ['EA channel transfer (renew to CSP)'],
  },
  {
    name: 'billingSupport, GDAP with a support role: you contact billing support',
    topic: 'billingSupport',
    answers: { delegatedAdmin: 'gdapSupport' },
    shows: ['You contact Microsoft 365 billing support for the customer: your GDAP includes a support-request role.'],
  },
  {
    name: 'roles, Account admin only: a role gap that is no block',
    topic: 'roles',
    answers: { partnerRoles: ['accountAdmin'] },
    shows: ['None of the roles you gave can do some of your steps', "That doesn't block the move"],
  },
  {
    name: 'partnerTransfer, both sides through indirect resellers: who creates and who approves',
    topic: 'partnerTransfer',
    answers: { ...fromPartner, otherPartnerBilling: 'indirectReseller', partnerModel: 'indirectReseller' },
    shows: ['Both partners must agree', 'its indirect provider is the source partner', 'your indirect provider creates the transfer request'],
  },
  {
    name: 'partnerTransfer, bought direct: nothing to transfer',
    topic: 'partnerTransfer',
    answers: direct,
    shows: ['A partner transfer only moves subscriptions another CSP partner holds'],
  },
  {
    name: 'region, same market: no block',
    topic: 'region',
    answers: { partnerRegion: 'japan', tenantRegion: 'japan' },
    shows: ['both in Japan'],
  },
  {
    name: 'vianet, the China market of the global cloud: normal rules',
    topic: 'vianet',
    answers: { partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'global' },
    shows: ['the normal rules apply'],
  },
  {
    name: 'channels, Open License: nothing to turn off',
    topic: 'channels',
    answers: { purchaseChannel: 'openLicense' },
    shows: ['Open subscriptions expire without action'],
  },
];

const GENERAL: Array<[string, TopicId, KnownAnswers, string?]> = [
  ['no check open', 'refunds', {}],
  ['a topic with no variants', 'multiPartner', { ...direct, renewalDate: '2027-03-31' }],
  ['nothing known changes the answer', 'azurePlan', fromPartner],
  ['the channel, which decides who stops renewal, is not known yet', 'overlap', { partnerRegion: 'europe', renewalDate: '2027-03-31' }],
  ['an unreadable today', 'lifecycle', { ...direct, renewalDate: '2026-12-01', dateKind: 'ended' }, 'not-a-date'],
];

describe('FAQ answers for what the open check knows', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const v = view(c.topic, c.answers, 'en', c.today);
      expect(v.situational).to.equal(FROM_CHECK);
      for (const s of c.shows) expect(v.answer, s).to.include(s);
      for (const s of c.hides ?? []) expect(v.answer, `not: ${s}`).not.to.include(s);
      for (const id of c.links ?? []) expect(v.sources, id).to.include(`(${LINK_URLS[id]})`);
    });
  }

  for (const [name, topic, answers, today] of GENERAL) {
    it(`gives the general answer when ${name} (${topic})`, () => {
      const t = translator.t('en');
      const v = today ? view(topic, answers, 'en', today) : faqAnswerView(t, topic, {});
      expect(v.situational).to.equal('');
      expect(answerFor(topic, today ? { answers, today } : undefined).situational).to.equal(false);
      expect(v.answer).to.equal(faqAnswerView(t, topic).answer);
    });
  }

  it('says the same in Chinese, with each locale\'s own terms and the same dates', () => {
    const disabled = { ...direct, renewalDate: '2026-12-01', dateKind: 'ended' } as const;
    const cn = view('lifecycle', disabled, 'zh-CN');
    expect(cn.situational).to.equal('根据你目前在检查中的回答，针对此客户：');
    expect(cn.answer).to.include('“已禁用”').and.include('**2027-03-31**').and.include('今天就购买相同的产品/服务');
    const tw = view('lifecycle', disabled, 'zh-TW');
    expect(tw.answer).to.include('「已停用」').and.include('**2027-03-31**').and.include('今天就購買相同的供應項目');
    const market = view('region', { partnerRegion: 'europe', tenantRegion: 'unitedStates' }, 'zh-TW');
    expect(market.answer).to.include('美國').and.include('歐洲');
    const transfer = view('refunds', fromPartner, 'zh-CN');
    expect(transfer.answer).to.include('合作伙伴间转移不会取消任何订阅').and.include('信用额度');
  });
});

/** Enough situations to reach every variant: each channel with and without dates, and one answer changed at a time. */
function situations(): KnownAnswers[] {
  const dates: KnownAnswers[] = [
    {},
    { renewalDate: addDays(TODAY, 60) },
    { renewalDate: addDays(TODAY, -3), dateKind: 'renewed' },
    { renewalDate: addDays(TODAY, -20), dateKind: 'renewed' },
    { renewalDate: addDays(TODAY, -3) },
    ...[-10, -60, -200].map((d): KnownAnswers => ({ renewalDate: addDays(TODAY, d), dateKind: 'ended' })),
  ];
  const channels = ['adminCenter', 'otherPartner', 'enterpriseAgreement', 'openLicense', 'otherVolumeLicensing', 'notSure', undefined] as const;
  const out: KnownAnswers[] = [];
  for (const purchaseChannel of channels) {
    for (const goal of [undefined, 'multiPartner'] as const) {
      for (const activeSubscriptions of [undefined, 'over150', 'upTo150'] as const) {
        for (const d of dates) out.push({ purchaseChannel, goal, activeSubscriptions, ...d });
      }
    }
  }
  const singles: KnownAnswers[] = [
    ...(['gdapSupport', 'gdapOther', 'dap', 'none', 'notSure'] as const).map((delegatedAdmin) => ({ delegatedAdmin })),
    { partnerModel: 'indirectReseller' },
    { otherPartnerBilling: 'indirectReseller' },
    { offerPlan: 'different' },
    { offerDiscontinued: 'yes' },
    { licenseCount: 'fewer' },
    { licenseCount: 'more' },
    { partnerRegion: 'europe', tenantRegion: 'unitedStates' },
    { partnerRegion: 'europe', tenantRegion: 'europe' },
    { partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'vianet' },
    { partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'global' },
    { partnerRoles: ['accountAdmin'] },
  ];
  for (const base of [{}, { purchaseChannel: 'adminCenter' }, { purchaseChannel: 'otherPartner' }, { purchaseChannel: 'enterpriseAgreement' }] as KnownAnswers[]) {
    for (const s of singles) out.push({ ...base, ...s });
  }
  return out;
}

describe('FAQ variants', () => {
  const SITUATIONS = situations();
  const emitted = new Map<string, KnownAnswers>();
  for (const topic of TOPIC_IDS) {
    for (const answers of SITUATIONS) for (const p of answerFor(topic, { answers, today: TODAY }).parts) if (!emitted.has(p.key)) emitted.set(p.key, answers);
  }

  it('every variant text in faq.json is shown for some situation (no text nobody reads)', () => {
    const written = Object.entries(en.topics).flatMap(([id, topic]) => [
      `faq:topics.${id}.answer`,
      ...Object.keys((topic as { when?: object }).when ?? {}).map((k) => `faq:topics.${id}.when.${k}`),
    ]);
    written.push(...Object.keys(en.shared).map((k) => `faq:shared.${k}`));
    expect(written.filter((k) => !emitted.has(k))).to.deep.equal([]);
  });

  it('every text an answer shows exists in every language and renders without a leftover placeholder', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const key of emitted.keys()) if (!translator.has(locale, key)) problems.push(`${locale}: ${key}`);
      for (const topic of TOPIC_IDS) {
        for (const answers of SITUATIONS) {
          const text = view(topic, answers, locale).answer;
          if (/\{\{|\}\}|\$t\(|faq:|guidance:/.test(text)) problems.push(`${locale} ${topic} ${JSON.stringify(answers)}: ${text}`);
        }
      }
    }
    expect(problems.slice(0, 5)).to.deep.equal([]);
  });

  it('shows a month only where the guidance engine has one for the same doc (GUIDANCE: never invent a month)', () => {
    const engineMonths = new Set(
      [...Object.values(STEP_RULES).map((r) => r.source), ...Object.values(NOTE_RULES).map((r) => r.source), ...Object.values(CREDIT_RULES)]
        .filter((s) => s.since)
        .map((s) => `${s.doc}:${s.since}`),
    );
    const faqMonths = new Set<string>();
    for (const topic of TOPIC_IDS) {
      for (const answers of [{}, ...SITUATIONS]) {
        for (const p of answerFor(topic, { answers, today: TODAY }).parts) for (const s of p.sources) if (s.since) faqMonths.add(`${s.doc}:${s.since}`);
      }
    }
    expect([...faqMonths].filter((m) => !engineMonths.has(m))).to.deep.equal([]);
  });

  it('states only dates the result card states for the same situation', () => {
    // The guidance tests' plain direct buyer, undated: each change below brings its own date.
    const { renewalDate: _date, ...full }: Situation = GUIDANCE_BASE;
    const problems: string[] = [];
    for (const change of situations()) {
      const s = { ...full, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as Situation;
      let g;
      try {
        g = guide(s, TODAY);
      } catch {
        continue; // a combination the engine refuses is not a situation
      }
      const resultDates = new Set(JSON.stringify(g).match(/\d{4}-\d{2}-\d{2}/g) ?? []);
      for (const topic of TOPIC_IDS) {
        const shown = view(topic, s, 'en').answer.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        for (const d of shown) if (!resultDates.has(d)) problems.push(`${topic} ${JSON.stringify(change)}: ${d}`);
      }
    }
    expect(problems.slice(0, 5)).to.deep.equal([]);
  });
});
