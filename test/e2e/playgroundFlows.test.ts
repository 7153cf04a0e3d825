// The bot as Teams shows it: every step goes through the Microsoft 365 Agents Playground, which sends
// Teams-shaped activities (installationUpdate, messages, card submits and adaptiveCard/action invokes)
// to the real bot over HTTP and renders what comes back.
import { expect } from 'chai';
import type { TFunction } from 'i18next';
import { QUESTIONS } from '../../dialogs/questions.js';
import { LOCALES } from '../../src/i18n/index.js';
import { actionWith, inputsOf, isResultCard, questionIdOf, textOf } from './support/cardActions.js';
import { ANSWERS, answerByClicking, cardIn, expectedResultTexts, nextStep, switchLanguage, tFor } from './support/flow.js';
import { startStack, type Stack } from './support/stack.js';
import { plainOf } from '../support/messageText.js';

describe('in the Agents Playground (Teams channel)', function () {
  this.timeout(90_000);
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.close());

  it('installing the app shows one welcome card, and the first message does not repeat it', async () => {
    const { client } = stack;
    const installed = await client.install();
    expect(installed.cards, 'cards on install').to.have.length(1);
    const t = tFor('en');
    const welcome = installed.cards[0]!;
    expect(textOf(welcome)).to.include(t('cards:welcome.what'));
    expect(actionWith(welcome, { command: 'start' }), '[Start guided check]').to.not.equal(undefined);

    const help = await client.say('help');
    expect(help.cards, 'cards after "help"').to.have.length(1);
    expect(textOf(help.cards[0])).to.include(t('cards:help.title'));
    expect(textOf(help.cards[0])).to.not.include(t('cards:welcome.what'));
  });

  for (const locale of LOCALES) {
    it(`clicking only, ${locale}: welcome → language → every question → result`, async () => {
      const { client } = stack;
      const welcome = cardIn(await client.install(), 'the welcome card');
      // The Playground always reports en-US, as a Teams client set to English would: switch on the card.
      if (locale !== 'en') await switchLanguage(client, welcome, locale);

      const first = nextStep(await client.click(welcome, { command: 'start' }));
      expect(first, 'the first question').to.not.equal(undefined);
      const { result, asked } = await answerByClicking(client, first!, locale);

      expect(asked).to.deep.equal(Object.keys(ANSWERS));
      const text = textOf(result.card);
      for (const expected of expectedResultTexts(locale)) expect(text).to.include(expected);
      expect(text).to.include(`✅ ${tFor(locale)('guidance:verdict.ready')}`);
    });
  }

  it('typing only, zh-TW: language by name, answers by their words and a typed date', async () => {
    const { client } = stack;
    const t = tFor('zh-TW');
    await client.install();
    const switched = await client.say('language zh-TW');
    expect(switched.cards.map(textOf).join('\n')).to.include(t('common:notice.languageChanged'));

    const startWord = (t('common:commands.start.words', { returnObjects: true }) as string[])[0]!;
    let step = nextStep(await client.say(startWord));
    const asked: string[] = [];
    while (step?.card && !isResultCard(step.card) && asked.length < 20) {
      const id = questionIdOf(step.card)!;
      asked.push(id);
      expect(textOf(step.card)).to.include(t(`questions:${id}.prompt`));
      // What a partner types: the option's label in Traditional Chinese, or a date the way Taiwan writes it.
      const typed = id === 'renewalDate' ? '2027年3月31日' : optionLabel(t, id, ANSWERS[id]!);
      step = nextStep(await client.say(typed));
    }
    expect(asked).to.deep.equal(Object.keys(ANSWERS));
    const text = textOf(step!.card);
    for (const expected of expectedResultTexts('zh-TW')) expect(text).to.include(expected);
  });
});

describe('in the Agents Playground with a Chinese Teams client', function () {
  this.timeout(60_000);
  for (const [clientLocale, locale] of [['zh-CN', 'zh-CN'], ['zh-TW', 'zh-TW'], ['zh-HK', 'zh-TW']] as const) {
    it(`Teams set to ${clientLocale}: the welcome on install is in ${locale}`, async () => {
      const stack = await startStack({ clientLocale });
      try {
        const installed = await stack.client.install();
        expect(installed.cards, 'cards on install').to.have.length(1);
        expect(textOf(installed.cards[0])).to.include(tFor(locale)('cards:welcome.what'));
      } finally {
        await stack.close();
      }
    });
  }
});

function optionLabel(t: TFunction, questionId: string, option: string): string {
  const question = QUESTIONS.find((q) => q.id === questionId)!;
  return t(`questions:optionSets.${question.optionSet ?? questionId}.${option}.label`);
}

describe('in the Agents Playground: quick form and group chat', function () {
  this.timeout(90_000);
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(() => stack.close());

  for (const locale of LOCALES) {
    it(`quick form, ${locale}: every answer on one card, one submit, the same result as the guided check`, async () => {
      const { client } = stack;
      const welcome = cardIn(await client.install(), 'the welcome card');
      if (locale !== 'en') await switchLanguage(client, welcome, locale);
      const form = cardIn(await client.click(welcome, { command: 'quick' }), 'the quick form');
      const t = tFor(locale);
      expect(textOf(form.card)).to.include(t('cards:quick.title'));

      // Fill what a partner in this situation would: every input the answers cover, nothing else.
      const inputs = inputsOf(form.card!).map((i) => i.id);
      const entered = Object.fromEntries(Object.entries(ANSWERS).filter(([id]) => inputs.includes(id)));
      expect(Object.keys(entered), 'inputs on the form').to.have.members(Object.keys(ANSWERS));
      const result = nextStep(await client.click(form, { action: 'quickForm' }, entered));

      expect(result?.card && isResultCard(result.card), 'a result card').to.equal(true);
      const text = textOf(result!.card);
      for (const expected of expectedResultTexts(locale)) expect(text).to.include(expected);
      expect(text).to.include(t('guidance:verdict.ready'));

      // The guided check with the same answers, in the same chat, ends on the same result.
      const guided = await answerByClicking(client, nextStep(await client.click(welcome, { command: 'start' }))!, locale);
      expect(textOf(guided.result.card)).to.equal(text);

      // Change one answer from the result: pick the question, answer it, get the updated result.
      const picker = cardIn(await client.click(guided.result, { command: 'change' }), 'the change-an-answer card');
      expect(textOf(picker.card)).to.include(t('cards:change.title'));
      const reopened = nextStep(await client.click(picker, { action: 'change' }, { questionId: 'activeSubscriptions' }));
      expect(reopened?.card && questionIdOf(reopened.card)).to.equal('activeSubscriptions');
      const changed = nextStep(await client.click(reopened!, { questionId: 'activeSubscriptions', answer: 'over150' }));
      expect(changed?.card && isResultCard(changed.card), 'straight back to a result').to.equal(true);
      expect(textOf(changed!.card)).to.include(t('guidance:note.transferNoDuplicates')).and.include(t('guidance:step.createTransferByProvider'));
      expect(textOf(changed!.card)).to.include(t('cards:result.heading.fallback', { path: t('guidance:path.over150') }));

      // The message for the customer: text to copy, written to the customer, a mailto: link; other languages and the
      // partner's checklist from its card.
      const shared = await client.click(changed!, { command: 'share' });
      const message = shared.created.find((m) => m.text)!;
      const card = shared.created.find((m) => m.card)!;
      expect(plainOf(message.text!).split('\n')[0]).to.equal(t('customer:message.title'));
      expect(plainOf(message.text!)).to.include(t('customer:happens.path.partnerTransfer')).and.include(t('customer:happens.fallback.over150'));
      expect(message.text).not.to.include(t('guidance:note.transferNoDuplicates'));
      expect(JSON.stringify(card.card)).to.match(/"url":"mailto:\?subject=/);
      const other = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!;
      const rewritten = (await client.click(card, { command: 'share', locale: other })).created.find((m) => m.text)!;
      expect(plainOf(rewritten.text!).split('\n')[0]).to.equal(tFor(other)('customer:message.title'));
      const checklist = (await client.click(card, { command: 'checklist' })).created.find((m) => m.text)!;
      expect(plainOf(checklist.text!)).to.include(t('cards:share.title')).and.include(t('guidance:note.transferNoDuplicates'));
    });
  }

  it('a typed question mid-check gets its answer, and the check carries on at the same question', async () => {
    const { client } = stack;
    const t = tFor('en');
    const welcome = cardIn(await client.install(), 'the welcome card');
    const first = nextStep(await client.click(welcome, { command: 'start' }))!;
    const second = nextStep(await client.click(first, { action: 'answer', questionId: 'partnerRoles', answer: undefined, skip: undefined }, { answer: ANSWERS.partnerRoles! }))!;
    expect(questionIdOf(second.card!)).to.equal('partnerModel');
    const asked = await client.say('can the customer get a refund if they cancel?');
    const texts = asked.cards.map(textOf).join('\n');
    expect(texts).to.include(t('faq:topics.refunds.title'));
    const again = nextStep(asked)!;
    expect(questionIdOf(again.card!)).to.equal('partnerModel');
    const third = nextStep(await client.click(again, { questionId: 'partnerModel', answer: ANSWERS.partnerModel! }))!;
    expect(questionIdOf(third.card!)).to.equal('partnerRegion');
  });

  it('group chat: the bot answers an @mention, and the partner who started a check carries it on', async () => {
    const { client } = stack;
    // The Playground posts group-chat messages as its signed-in user, as Teams would for the person typing.
    const chat = client.config.groupChats[0]!;
    const t = tFor('en');
    await client.install(chat.id);

    const help = await client.say('help', { conversationId: chat.id, mentionBot: true });
    expect(help.cards.map(textOf).join('\n')).to.include(t('cards:help.title'));
    expect(help.created.length, 'replies').to.be.above(0);
    expect(help.created.every((m) => m.conversationId === chat.id), 'replies in the group chat').to.equal(true);

    const first = nextStep(await client.say('start', { conversationId: chat.id, mentionBot: true }));
    expect(first?.card && questionIdOf(first.card)).to.equal('partnerRoles');
    const second = nextStep(await client.click(first!, { action: 'answer', questionId: 'partnerRoles', answer: undefined, skip: undefined }, { answer: ANSWERS.partnerRoles! }));
    expect(second?.card && questionIdOf(second.card)).to.equal('partnerModel');
    expect(textOf(second!.card)).to.include(t('questions:partnerModel.prompt'));
  });
});
