import { expect } from 'chai';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { cardsOf, isResultCard, questionIdOf, submitsOf, tFor, textOf, TestConversation, type Card } from '../support/conversation.js';

import { messageText } from '../../cards/views/resultView.js';
import { DIRECT_NO_ADMIN, FROM_PARTNER, GUIDED_CASES, TAIWAN_INDIRECT, type Answers } from '../support/cases.js';

/** The steps of a result card in order: the "next" line (step 1), then the numbered ones ("2. **You**: …"). */
const stepLines = (text: string): string[] => {
  const lines = text.split(/[\r\n]/);
  const nextPrefixes = ['en', 'zh-CN', 'zh-TW'].map((l) => String(tFor(l as Locale)('cards:result.next', { step: '' })).trim());
  const next = lines.filter((l) => nextPrefixes.some((p) => l.startsWith(p)));
  return [...next, ...lines.filter((l) => /^\d+\. /.test(l))];
};

/** A note as the card shows it: its dates in bold. */
const bold = (g: (key: string, params?: Record<string, unknown>) => string, key: string, params: Record<string, string>): string =>
  messageText(((k: string, p?: Record<string, unknown>) => g(k.replace(/^guidance:/, ''), p)) as never, { key, params }, true);

const lastCard = (replies: Parameters<typeof cardsOf>[0]): Card => {
  const cards = cardsOf(replies);
  expect(cards, 'the bot answered with a card').not.to.be.empty;
  return cards[cards.length - 1]!;
};

/** Clicks through the check the way Teams submits cards; returns the questions asked and the result card. */
async function clickThrough(conv: TestConversation, answers: Answers) {
  let card = lastCard(await conv.submit({ action: 'command', command: 'start' }));
  const asked: string[] = [];
  for (let guard = 0; guard < 20 && !isResultCard(card); guard++) {
    const id = questionIdOf(card);
    expect(id, `a question card, got: ${textOf(card).slice(0, 200)}`).to.be.a('string');
    asked.push(id!);
    const answer = answers[id!];
    expect(answer, `an answer for ${id}`).to.be.a('string');
    const value = answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer };
    card = lastCard(await conv.submit(value));
  }
  expect(isResultCard(card), 'ended on the result card').to.equal(true);
  return { asked, result: card, text: textOf(card) };
}

async function started(locale: Locale, today?: string) {
  const conv = new TestConversation({ locale, today });
  await conv.say('hi');
  return conv;
}

for (const locale of LOCALES) {
  const t = tFor(locale);
  const g = (key: string, params?: Record<string, unknown>) => t(`guidance:${key}`, params) as string;

  describe(`guided check (${locale})`, () => {
    it('welcomes on the first message only, in the client language', async () => {
      const conv = new TestConversation({ locale });
      const first = cardsOf(await conv.say('hello'));
      expect(first).to.have.length(1);
      expect(textOf(first[0])).to.include(t('cards:welcome.what'));
      expect(submitsOf(first[0]).map((d) => d.command)).to.include.members(['start', 'help', 'language']);
      const second = cardsOf(await conv.say('hello'));
      expect(second.map(textOf).join()).not.to.include(t('cards:welcome.what'));
      expect(textOf(second[0])).to.include(t('faq:notSure'));
    });

    it('direct buyer (manual path): stop recurring billing first, then the relationship, who does what', async () => {
      const { asked, text } = await clickThrough(await started(locale), DIRECT_NO_ADMIN);
      expect(asked).to.deep.equal(Object.keys(DIRECT_NO_ADMIN));
      expect(text).to.include(g('path.manual'));
      const steps = stepLines(text);
      expect(steps[0]).to.include(g('actor.customerBillingAdmin')).and.include(g('step.stopRecurringBilling'));
      expect(steps[1]).to.include(g('actor.you')).and.include(g('step.requestRelationship'));
      expect(steps[3]).to.include(g('actor.customerGlobalAdmin')).and.include(g('step.acceptRelationship'));
      // No date: no credit promise is made, the window is explained, and the customer's admin contacts support.
      expect(text).to.include(g('credit.windowOnly')).and.include(g('credit.contactCustomer'));
      expect(text).not.to.include(g('credit.contactYou'));
      expect(text).to.include(t('cards:result.sourcesNote', { checked: new Date(Date.UTC(2026, 11, 1)) }));
    });

    it('an Admin agent is ready; Account admin alone is not blocked, the steps say which role they need', async () => {
      const admin = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, partnerRoles: 'adminAgent,salesAgent' });
      expect(admin.text).not.to.include(g('verdict.blocked'));
      const account = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, partnerRoles: 'accountAdmin' });
      expect(account.text).not.to.include(g('verdict.blocked'));
      expect(account.text).to.include(g('verdict.ready-with-cautions')).and.include(g('note.rolesMissing'));
      const gdap = stepLines(account.text).find((l) => l.includes(g('step.requestGdap')))!;
      expect(gdap).to.include(g('role.adminAgent')).and.include(g('role.globalAdmin'));
    });

    it('from another partner: the partner transfer path, you request and the current partner approves, manual as fallback', async () => {
      const { asked, text } = await clickThrough(await started(locale), FROM_PARTNER);
      expect(asked).to.include('otherPartnerBilling').and.not.include.members(['offerPlan', 'licenseCount']);
      expect(text).to.include(g('path.partnerTransfer'));
      const steps = stepLines(text);
      expect(steps.at(-2)).to.include(g('actor.you')).and.include(g('step.createTransfer'));
      expect(steps.at(-1)).to.include(g('actor.currentPartner')).and.include(g('step.approveTransfer'));
      expect(text).to.include(t('cards:result.heading.fallback', { path: g('path.manual') })).and.include(g('fallback.manual'));
      expect(text).not.to.include(t('cards:result.heading.credit'));
      expect(text).not.to.include(g('step.letRunOut'));
    });

    it('market mismatch: blocked, why first with both markets, then only what unblocks it', async () => {
      // The verdict comes as soon as the tenant's market is answered: nothing else is asked.
      const { asked, text } = await clickThrough(await started(locale), GUIDED_CASES['market mismatch']!);
      expect(asked).to.deep.equal(['partnerRoles', 'partnerModel', 'partnerRegion', 'tenantRegion']);
      expect(text).to.include(g('verdict.blocked'));
      expect(text.indexOf(g('blocked.market', { partnerMarket: 'europe', tenantMarket: 'japan' }))).to.be.greaterThan(-1);
      expect(text).to.include(t('cards:result.heading.unblock')).and.include(g('step.referPartner', { market: 'japan' }));
      for (const goAhead of ['step.requestRelationship', 'step.provisionSame', 'step.stopRecurringBilling']) expect(text).not.to.include(g(goAhead));
    });

    it('21Vianet: blocked; China on the global cloud is not', async () => {
      const vianet = await clickThrough(await started(locale), GUIDED_CASES['21Vianet']!);
      expect(vianet.asked).to.include('tenantCloud');
      expect(vianet.text).to.include(g('verdict.blocked')).and.include(g('blocked.vianet')).and.include(g('step.referVianet'));
      const global = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, partnerRegion: 'china', tenantRegion: 'china', tenantCloud: 'global' });
      expect(global.text).not.to.include(g('verdict.blocked'));
      expect(global.text).to.include(g('note.chinaGlobal'));
    });

    it('ended 40 days ago: urgent, users offline now, buy today; no support call, no credit', async () => {
      const { asked, text } = await clickThrough(await started(locale, '2026-11-21'), GUIDED_CASES['ended 40 days ago']!);
      expect(asked).to.include('dateKind');
      expect(text).to.include(g('verdict.urgent'));
      expect(text).to.include(bold(g, 'note.usersOffline', { date: '2026-10-12', dataKeptUntil: '2027-02-09' }));
      expect(stepLines(text).find((l) => l.includes(g('step.provisionToday')))).to.include('2026-11-21');
      expect(text).not.to.include(t('cards:result.heading.credit'));
    });

    it('an EA customer: the EA channel transfer, no 30-day promise', async () => {
      const { text } = await clickThrough(await started(locale), GUIDED_CASES['enterprise agreement, not sure everywhere']!);
      expect(text).to.include(g('path.eaChannelTransfer')).and.include(g('step.eaChannelTransfer')).and.include(g('note.noExpiredGrace'));
      // "Not sure" on facts that decide the path: find them out first.
      for (const key of ['step.findOutMarket', 'step.findOutCloud']) expect(text).to.include(g(key));
    });

    it('more than 150 subscriptions: buy after the old ones expire', async () => {
      const { text } = await clickThrough(await started(locale, '2026-11-21'), { ...DIRECT_NO_ADMIN, activeSubscriptions: 'over150', renewalDate: '2027-01-31' });
      expect(text).to.include(g('path.over150')).and.include(g('step.provisionAfterExpiry')).and.include(g('note.over150'));
      expect(stepLines(text).at(-1)).to.include('2027-01-31').and.include('2027-03-01');
    });

    it('multi-partner: nothing existing changes, no renewal to stop', async () => {
      const { asked, text } = await clickThrough(await started(locale), GUIDED_CASES['multi-partner']!);
      expect(asked).not.to.include.members(['renewalDate', 'offer', 'offerPlan', 'activeSubscriptions', 'delegatedAdmin']);
      expect(text).to.include(g('path.multiPartner')).and.include(g('note.multiPartnerNothingChanges'));
      expect(text).not.to.include(g('step.stopRecurringBilling'));
    });

    it('an indirect reseller in Taiwan: its provider places the order... and here creates the transfer', async () => {
      const { text } = await clickThrough(await started(locale), TAIWAN_INDIRECT);
      expect(stepLines(text).some((l) => l.includes(g('actor.yourProvider')) && l.includes(g('step.createTransferByProvider')))).to.equal(true);
      expect(stepLines(text).some((l) => l.includes(g('actor.currentProvider')) && l.includes(g('step.approveTransfer')))).to.equal(true);
    });

    it('fewer licenses: warns that some users lose their license', async () => {
      const { asked, text } = await clickThrough(await started(locale), GUIDED_CASES['fewer licenses']!);
      // "Something changes": the offer and the count are asked one by one; the same offer can't be discontinued.
      expect(asked.slice(-3)).to.deep.equal(['offer', 'offerPlan', 'licenseCount']);
      expect(text).to.include(g('note.licenseCountFewer'));
      expect(text).to.include(g('verdict.ready-with-cautions'));
    });

    it('renewal date in 200 days: stop renewal and buy by the day before', async () => {
      const { text } = await clickThrough(await started(locale, '2026-11-21'), { ...DIRECT_NO_ADMIN, renewalDate: '2027-06-09' });
      expect(stepLines(text)[0]).to.include('2027-06-08');
      expect(text).to.include(g('verdict.ready'));
      expect(text).not.to.include(t('cards:result.heading.credit'));
    });

    it('cancel midway clears the answers; an old card then says it is out of date', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent' });
      await conv.submit({ action: 'answer', questionId: 'partnerModel', answer: 'directBill' });
      const cancelWord = (t('common:commands.cancel.words', { returnObjects: true }) as string[])[0]!;
      const cancelled = cardsOf(await conv.say(cancelWord));
      expect(textOf(cancelled[0])).to.include(t('common:notice.cancelled'));
      const stale = cardsOf(await conv.submit({ action: 'answer', questionId: 'partnerRegion', answer: 'europe' }));
      expect(textOf(stale[0])).to.include(t('common:notice.outOfDate'));
      const restarted = lastCard(await conv.submit({ action: 'command', command: 'start' }));
      // The partner's roles and CSP model are remembered (their profile); this customer's answers are gone.
      expect(questionIdOf(restarted)).to.equal('partnerRegion');
      expect(textOf(restarted)).to.include(t('cards:question.step', { k: 1, n: 8 }));
    });

    it('back reopens the previous question with its answer marked, and keeps the others', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent' });
      await conv.submit({ action: 'answer', questionId: 'partnerModel', answer: 'indirectReseller' });
      const backWord = (t('common:commands.back.words', { returnObjects: true }) as string[])[0]!;
      const reopened = lastCard(await conv.say(backWord));
      expect(questionIdOf(reopened)).to.equal('partnerModel');
      expect(textOf(reopened)).to.include(t('cards:question.step', { k: 2, n: 10 }));
      const marked = JSON.stringify(reopened);
      // Marked as a highlighted button, or pre-selected in the option list when the options are too long for buttons.
      expect(marked).to.match(/"style":"positive"[^}]*"answer":"indirectReseller"|"answer":"indirectReseller"[^}]*"style":"positive"|"id":"answer"[^{]*"value":"indirectReseller"/);
      const next = lastCard(await conv.submit({ action: 'answer', questionId: 'partnerModel', answer: 'directBill' }));
      expect(questionIdOf(next)).to.equal('partnerRegion');
      // The roles were kept: finishing the check never asks them again.
      const rest = { ...FROM_PARTNER };
      let card = next;
      while (!isResultCard(card)) {
        const id = questionIdOf(card)!;
        expect(id).not.to.equal('partnerRoles');
        const answer = rest[id]!;
        card = lastCard(await conv.submit(answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer }));
      }
      expect(textOf(card)).to.include(g('step.createTransfer'));
    });

    it('back on the first question says so and asks it again', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      const replies = cardsOf(await conv.submit({ action: 'command', command: 'back' }));
      expect(replies.map(textOf).join('\n')).to.include(t('common:notice.firstQuestion'));
      expect(questionIdOf(replies[replies.length - 1])).to.equal('partnerRoles');
    });

    it('help midway shows help and asks the same question again, losing nothing', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' });
      const helpWord = (t('common:commands.help.words', { returnObjects: true }) as string[])[0]!;
      const replies = cardsOf(await conv.say(helpWord));
      expect(textOf(replies[0])).to.include(t('cards:help.inCheck'));
      expect(questionIdOf(replies[replies.length - 1])).to.equal('partnerModel');
    });

    it('a tampered or malformed submit re-asks the same question with a hint and keeps earlier answers', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      for (const bad of [
        { action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent,notSure' },
        { action: 'answer', questionId: 'partnerRoles', answer: 'billingAgent' },
        { action: 'answer', questionId: 'partnerRoles', answer: '' },
      ]) {
        const card = lastCard(await conv.submit(bad));
        expect(questionIdOf(card), JSON.stringify(bad)).to.equal('partnerRoles');
        expect(textOf(card)).to.include(t('cards:question.hint.invalid'));
      }
      await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent,globalAdmin' });
      for (const bad of [
        { action: 'answer', questionId: 'partnerModel', answer: 'takeOverTheWorld' },
        { action: 'answer', questionId: 'partnerModel', answer: 'directBill', extra: '<script>' },
        { action: 'hack' },
        { action: 'answer', questionId: 'partnerModel', answer: 'x'.repeat(5000) },
      ]) {
        const card = lastCard(await conv.submit(bad));
        expect(questionIdOf(card), JSON.stringify(bad).slice(0, 60)).to.equal('partnerModel');
        expect(textOf(card)).to.include(t('cards:question.hint.invalid'));
        expect(textOf(card)).to.include(t('cards:question.step', { k: 2, n: 10 }));
      }
      const stale = lastCard(await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' }));
      expect(questionIdOf(stale)).to.equal('partnerModel');
      expect(textOf(stale)).to.include(t('cards:question.hint.outOfDate'));
    });
  });
}

describe('guided check across languages', () => {
  it('switches language midway and keeps every answer', async () => {
    const conv = await started('en');
    await conv.submit({ action: 'command', command: 'start' });
    await conv.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent' });
    await conv.submit({ action: 'answer', questionId: 'partnerModel', answer: 'directBill' });
    const replies = cardsOf(await conv.submit({ action: 'command', command: 'language', locale: 'zh-TW' }));
    const zh = tFor('zh-TW');
    expect(textOf(replies[0])).to.include(zh('common:notice.languageChanged'));
    const question = replies[replies.length - 1]!;
    expect(questionIdOf(question)).to.equal('partnerRegion');
    expect(textOf(question)).to.include(zh('questions:partnerRegion.prompt'));
    expect(textOf(question)).to.include(zh('cards:question.step', { k: 3, n: 10 }));
    // The Teams client still says en-US: the stored choice wins from now on.
    let card = question;
    const answers: Record<string, string> = { ...DIRECT_NO_ADMIN, renewalDate: 'skip' };
    while (!isResultCard(card)) {
      const id = questionIdOf(card)!;
      expect(['partnerRoles', 'partnerModel']).not.to.include(id);
      const answer = answers[id]!;
      card = lastCard(await conv.submit(answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer }));
    }
    expect(textOf(card)).to.include(zh('guidance:credit.contactCustomer'));
  });

  it('answers an unsupported Teams locale in English, with a one-time note', async () => {
    const conv = new TestConversation({ locale: 'de-DE' });
    const first = cardsOf(await conv.say('hallo'));
    const en = tFor('en');
    expect(first.map(textOf).join('\n')).to.include(en('cards:welcome.what')).and.include(en('common:notice.unsupportedLocale'));
    const second = cardsOf(await conv.say('start'));
    expect(second.map(textOf).join('\n')).not.to.include(en('common:notice.unsupportedLocale'));
    expect(questionIdOf(second[second.length - 1])).to.equal('partnerRoles');
  });

  it('shows the language card and switches by a typed language name', async () => {
    const conv = await started('en');
    const card = lastCard(await conv.say('language'));
    expect(submitsOf(card).map((d) => d.locale)).to.include.members(['en', 'zh-CN', 'zh-TW']);
    const switched = lastCard(await conv.say('简体中文'));
    expect(textOf(switched)).to.include(tFor('zh-CN')('common:notice.languageChanged'));
  });
});

describe('guided check by typing only', () => {
  // Numbers, words and dates as a partner would type them in each language (full-width digits included).
  const typed: Record<Locale, Array<[string, string]>> = {
    en: [
      ['start', 'partnerRoles'], ['admin agent and sales agent', 'partnerModel'], ['direct bill', 'partnerRegion'], ['Europe', 'tenantRegion'],
      ['europe', 'purchaseChannel'], ['direct', 'activeSubscriptions'], ['1', 'renewalDate'], ['2027-06-09', 'resellerRelationship'],
      ['no', 'offer'], ['same', 'result'],
    ],
    'zh-CN': [
      ['开始', 'partnerRoles'], ['1、2', 'partnerModel'], ['１', 'partnerRegion'], ['欧洲', 'tenantRegion'],
      ['欧洲', 'purchaseChannel'], ['1', 'activeSubscriptions'], ['1', 'renewalDate'], ['2027年6月9日', 'resellerRelationship'],
      ['2', 'offer'], ['1', 'result'],
    ],
    'zh-TW': [
      ['開始', 'partnerRoles'], ['1, 2', 'partnerModel'], ['1', 'partnerRegion'], ['歐洲', 'tenantRegion'],
      ['歐洲', 'purchaseChannel'], ['1', 'activeSubscriptions'], ['1', 'renewalDate'], ['2027/6/9', 'resellerRelationship'],
      ['2', 'offer'], ['1', 'result'],
    ],
  };
  for (const locale of LOCALES) {
    it(`goes from welcome to the result in ${locale}`, async () => {
      const conv = await started(locale);
      for (const [text, expected] of typed[locale]) {
        const card = lastCard(await conv.say(text));
        if (expected === 'result') {
          expect(isResultCard(card), `"${text}" finished the check`).to.equal(true);
          const t = tFor(locale);
          expect(textOf(card)).to.include(t('guidance:step.stopRecurringBilling')).and.include('2027-06-08');
          // Two roles typed at once were both taken: Admin agent and Sales agent can do every step of theirs.
          expect(textOf(card)).to.include(t('guidance:verdict.ready')).and.not.include(t('guidance:note.rolesMissing'));
        } else {
          expect(questionIdOf(card), `after typing "${text}"`).to.equal(expected);
          expect(textOf(card)).not.to.include(tFor(locale)('cards:question.hint.invalid'));
        }
      }
    });
  }

  it('answers a typed answer that matches nothing with a short hint (the question stays above), and accepts the next try', async () => {
    const conv = await started('en');
    await conv.say('start');
    for (const wrong of ['banana', '99']) {
      const cards = cardsOf(await conv.say(wrong));
      expect(cards, wrong).to.have.length(1);
      expect(questionIdOf(cards[0]), 'no second copy of the question').to.equal(undefined);
      expect(textOf(cards[0])).to.include(tFor('en')('cards:question.hint.invalid'));
    }
    expect(questionIdOf(lastCard(await conv.say('account admin')))).to.equal('partnerModel');
  });

  it('rejects an impossible date and keeps the question open', async () => {
    const conv = await started('en');
    await conv.say('start');
    const answers = { ...DIRECT_NO_ADMIN };
    let card = lastCard(await conv.say('1'));
    while (questionIdOf(card) !== 'renewalDate') {
      const id = questionIdOf(card)!;
      card = lastCard(await conv.submit({ action: 'answer', questionId: id, answer: answers[id]! }));
    }
    card = lastCard(await conv.say('2027-02-30'));
    expect(textOf(card)).to.include(tFor('en')('cards:question.hint.invalidDate'));
    // Still on the date: a real one moves on.
    expect(questionIdOf(lastCard(await conv.say('2027-02-28')))).to.equal('resellerRelationship');
  });
});
