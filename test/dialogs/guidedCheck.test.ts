import { expect } from 'chai';
import { LOCALES, type Locale } from '../../src/i18n/index.js';
import { cardsOf, isResultCard, questionIdOf, submitsOf, tFor, textOf, TestConversation, type Card } from '../support/conversation.js';

import { DIRECT_NO_ADMIN, FROM_PARTNER, type Answers } from '../support/cases.js';

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

    it('admin-center buyer without delegated admin: the customer contacts Microsoft 365 billing support', async () => {
      const { asked, text } = await clickThrough(await started(locale), DIRECT_NO_ADMIN);
      expect(asked).to.deep.equal(Object.keys(DIRECT_NO_ADMIN));
      expect(text).to.include(t('cards:result.heading.credit'));
      expect(text).to.include(g('credit.mayBeEligible'));
      expect(text).to.include(g('credit.contactCustomer'));
      expect(text).not.to.include(g('credit.contactPartner'));
    });

    it('the same buyer with GDAP and the support role: the partner contacts support on their behalf', async () => {
      const { text } = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, delegatedAdmin: 'gdapSupport' });
      expect(text).to.include(g('credit.contactPartner'));
      expect(text).not.to.include(g('credit.contactCustomer'));
    });

    it('customer from another partner with a discontinued offer: equivalent-offer warning, no credit guidance', async () => {
      const { asked, text } = await clickThrough(await started(locale), FROM_PARTNER);
      expect(asked).to.include('otherPartnerBilling').and.not.include('billingFrequency');
      expect(text).to.include(g('warning.offerDiscontinued'));
      expect(text).not.to.include(t('cards:result.heading.credit'));
      expect(text).not.to.include(g('credit.mayBeEligible'));
    });

    it('region mismatch: blocked, with the regions named', async () => {
      const { text } = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, tenantRegion: 'japan' });
      expect(text).to.include(g('verdict.blocked'));
      expect(text).to.include(g('warning.regionMismatch', { partnerRegion: 'europe', tenantRegion: 'japan' }));
    });

    it('fewer licenses: warns that some users lose their license', async () => {
      const { text } = await clickThrough(await started(locale), { ...DIRECT_NO_ADMIN, licenseCount: 'fewer' });
      expect(text).to.include(g('warning.licenseCountFewer'));
      expect(text).to.include(g('verdict.ready-with-cautions'));
    });

    it('renewal date in 200 days: days left and when to provision', async () => {
      const { text } = await clickThrough(await started(locale, '2026-11-21'), { ...DIRECT_NO_ADMIN, renewalDate: '2027-06-09' });
      expect(text).to.include('2027-06-09');
      expect(text).to.include('200');
      expect(text).to.include('2027-06-08'); // provision by: the day before renewal
    });

    it('renewal date already passed: provision now, inside the Expired window', async () => {
      const { text } = await clickThrough(await started(locale, '2026-11-21'), { ...DIRECT_NO_ADMIN, renewalDate: '2026-11-11' });
      expect(text).to.include('2026-11-11');
      expect(text).to.include(g('verdict.ready-with-cautions'));
      expect(text).to.include('2026-12-10'); // last day of the 30-day window
    });

    it('cancel midway clears the answers; an old card then says it is out of date', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'role', answer: 'accountAdmin' });
      await conv.submit({ action: 'answer', questionId: 'goal', answer: 'multiPartner' });
      const cancelWord = (t('common:commands.cancel.words', { returnObjects: true }) as string[])[0]!;
      const cancelled = cardsOf(await conv.say(cancelWord));
      expect(textOf(cancelled[0])).to.include(t('common:notice.cancelled'));
      const stale = cardsOf(await conv.submit({ action: 'answer', questionId: 'purchaseChannel', answer: 'adminCenter' }));
      expect(textOf(stale[0])).to.include(t('common:notice.outOfDate'));
      const restarted = lastCard(await conv.submit({ action: 'command', command: 'start' }));
      expect(questionIdOf(restarted)).to.equal('role');
      expect(textOf(restarted)).to.include(t('cards:question.step', { k: 1, n: 11 }));
    });

    it('back reopens the previous question with its answer marked, and keeps the others', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'role', answer: 'accountAdmin' });
      await conv.submit({ action: 'answer', questionId: 'goal', answer: 'multiPartner' });
      const backWord = (t('common:commands.back.words', { returnObjects: true }) as string[])[0]!;
      const reopened = lastCard(await conv.say(backWord));
      expect(questionIdOf(reopened)).to.equal('goal');
      expect(textOf(reopened)).to.include(t('cards:question.step', { k: 2, n: 11 }));
      const marked = JSON.stringify(reopened);
      // Marked as a highlighted button, or pre-selected in the option list when the options are too long for buttons.
      expect(marked).to.match(/"style":"positive"[^}]*"answer":"multiPartner"|"answer":"multiPartner"[^}]*"style":"positive"|"id":"answer"[^{]*"value":"multiPartner"/);
      const next = lastCard(await conv.submit({ action: 'answer', questionId: 'goal', answer: 'fromOtherPartner' }));
      expect(questionIdOf(next)).to.equal('purchaseChannel');
      // role was kept: finishing the check never asks it again.
      const rest = { ...FROM_PARTNER };
      let card = next;
      while (!isResultCard(card)) {
        const id = questionIdOf(card)!;
        expect(id).not.to.equal('role');
        const answer = rest[id]!;
        card = lastCard(await conv.submit(answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer }));
      }
      expect(textOf(card)).to.include(g('step.considerPartnerTransfer'));
    });

    it('back on the first question says so and asks it again', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      const replies = cardsOf(await conv.submit({ action: 'command', command: 'back' }));
      expect(replies.map(textOf).join('\n')).to.include(t('common:notice.firstQuestion'));
      expect(questionIdOf(replies[replies.length - 1])).to.equal('role');
    });

    it('help midway shows help and asks the same question again, losing nothing', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'role', answer: 'salesAgent' });
      const helpWord = (t('common:commands.help.words', { returnObjects: true }) as string[])[0]!;
      const replies = cardsOf(await conv.say(helpWord));
      expect(textOf(replies[0])).to.include(t('cards:help.inCheck'));
      expect(questionIdOf(replies[replies.length - 1])).to.equal('goal');
    });

    it('a tampered or malformed submit re-asks the same question with a hint and keeps earlier answers', async () => {
      const conv = await started(locale);
      await conv.submit({ action: 'command', command: 'start' });
      await conv.submit({ action: 'answer', questionId: 'role', answer: 'accountAdmin' });
      for (const bad of [
        { action: 'answer', questionId: 'goal', answer: 'takeOverTheWorld' },
        { action: 'answer', questionId: 'goal', answer: 'multiPartner', extra: '<script>' },
        { action: 'hack' },
        { action: 'answer', questionId: 'goal', answer: 'x'.repeat(5000) },
      ]) {
        const card = lastCard(await conv.submit(bad));
        expect(questionIdOf(card), JSON.stringify(bad).slice(0, 60)).to.equal('goal');
        expect(textOf(card)).to.include(t('cards:question.hint.invalid'));
        expect(textOf(card)).to.include(t('cards:question.step', { k: 2, n: 11 }));
      }
      const stale = lastCard(await conv.submit({ action: 'answer', questionId: 'role', answer: 'other' }));
      expect(questionIdOf(stale)).to.equal('goal');
      expect(textOf(stale)).to.include(t('cards:question.hint.outOfDate'));
    });
  });
}

describe('guided check across languages', () => {
  it('switches language midway and keeps every answer', async () => {
    const conv = await started('en');
    await conv.submit({ action: 'command', command: 'start' });
    await conv.submit({ action: 'answer', questionId: 'role', answer: 'accountAdmin' });
    await conv.submit({ action: 'answer', questionId: 'goal', answer: 'fromOtherChannel' });
    const replies = cardsOf(await conv.submit({ action: 'command', command: 'language', locale: 'zh-TW' }));
    const zh = tFor('zh-TW');
    expect(textOf(replies[0])).to.include(zh('common:notice.languageChanged'));
    const question = replies[replies.length - 1]!;
    expect(questionIdOf(question)).to.equal('purchaseChannel');
    expect(textOf(question)).to.include(zh('questions:purchaseChannel.prompt'));
    expect(textOf(question)).to.include(zh('cards:question.step', { k: 3, n: 11 }));
    // The Teams client still says en-US: the stored choice wins from now on.
    let card = question;
    const answers: Record<string, string> = { ...DIRECT_NO_ADMIN, renewalDate: 'skip' };
    while (!isResultCard(card)) {
      const id = questionIdOf(card)!;
      expect(['role', 'goal']).not.to.include(id);
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
    expect(questionIdOf(second[second.length - 1])).to.equal('role');
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
      ['start', 'role'], ['1', 'goal'], ['Move from another channel', 'purchaseChannel'], ['direct', 'billingFrequency'],
      ['annually', 'resellerRelationship'], ['no', 'offerPlan'], ['2', 'offerDiscontinued'], ['No', 'licenseCount'],
      ['same', 'partnerRegion'], ['Europe', 'tenantRegion'], ['europe', 'delegatedAdmin'], ['none', 'renewalDate'],
      ['2027-06-09', 'result'],
    ],
    'zh-CN': [
      ['开始', 'role'], ['１', 'goal'], ['4', 'purchaseChannel'], ['直接购买', 'billingFrequency'],
      ['2', 'resellerRelationship'], ['否', 'offerPlan'], ['1', 'offerDiscontinued'], ['2', 'licenseCount'],
      ['1', 'partnerRegion'], ['欧洲', 'tenantRegion'], ['欧洲', 'delegatedAdmin'], ['4', 'renewalDate'],
      ['2027年6月9日', 'result'],
    ],
    'zh-TW': [
      ['開始', 'role'], ['1', 'goal'], ['4', 'purchaseChannel'], ['直接購買', 'billingFrequency'],
      ['2', 'resellerRelationship'], ['否', 'offerPlan'], ['1', 'offerDiscontinued'], ['2', 'licenseCount'],
      ['1', 'partnerRegion'], ['歐洲', 'tenantRegion'], ['歐洲', 'delegatedAdmin'], ['4', 'renewalDate'],
      ['2027/6/9', 'result'],
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
          expect(textOf(card)).to.include(t('guidance:credit.contactCustomer')).and.include('2027-06-09');
        } else {
          expect(questionIdOf(card), `after typing "${text}"`).to.equal(expected);
          expect(textOf(card)).not.to.include(tFor(locale)('cards:question.hint.invalid'));
        }
      }
    });
  }

  it('re-asks with a hint when the typed answer matches nothing, and accepts the next try', async () => {
    const conv = await started('en');
    await conv.say('start');
    const card = lastCard(await conv.say('banana'));
    expect(questionIdOf(card)).to.equal('role');
    expect(textOf(card)).to.include(tFor('en')('cards:question.hint.invalid'));
    expect(questionIdOf(lastCard(await conv.say('99')))).to.equal('role');
    expect(questionIdOf(lastCard(await conv.say('account admin')))).to.equal('goal');
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
    expect(questionIdOf(card)).to.equal('renewalDate');
    expect(textOf(card)).to.include(tFor('en')('cards:question.hint.invalidDate'));
  });
});
