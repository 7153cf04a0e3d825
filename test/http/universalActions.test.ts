import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { teamsActivity } from '../support/activity.js';
import { questionIdOf, isResultCard, submitsOf, tFor, textOf } from '../support/conversation.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { DIRECT_NO_ADMIN, type Answers } from '../support/cases.js';
import { assertValidCard } from '../cards/cardChecks.js';

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('in-place card updates (Universal Actions) and the Action.Submit fallback', () => {
  let running: RunningApp;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  before(async () => {
    connector = await startFakeConnector();
    running = await startApp();
  });
  after(async () => {
    await running.close();
    await connector.close();
  });

  function user(locale = 'en') {
    const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
    const from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };
    const base = { conversation, from, locale, serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: undefined };
    return {
      /** A click on an Action.Execute: the invoke's HTTP response carries the card that replaces the clicked one. */
      async execute(data: unknown) {
        const res = await postJson(`${running.url}/api/messages`, teamsActivity({
          ...base,
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: (data as { action?: string })?.action ?? 'x', data }, trigger: 'manual' },
        }));
        expect(res.status).to.equal(200);
        const body = res.json as unknown as InvokeBody;
        expect(body.statusCode).to.equal(200);
        if (body.type === 'application/vnd.microsoft.card.adaptive') assertValidCard(body.value, 'invoke response');
        return body;
      },
      /** The same click on a client without Universal Actions: an Action.Submit message replying to the card. */
      async submit(value: unknown, replyToId = 'card-1') {
        const res = await postJson(`${running.url}/api/messages`, teamsActivity({ ...base, value, replyToId }));
        expect(res.status).to.equal(200);
      },
      async say(text: string) {
        const res = await postJson(`${running.url}/api/messages`, teamsActivity({ ...base, text }));
        expect(res.status).to.equal(200);
      },
      conversationId: conversation.id,
    };
  }

  const callsFor = (conversationId: string) => connector.received.filter((c) => c.path.includes(encodeURIComponent(conversationId)));
  const cardOf = (body: Record<string, unknown>) => (body.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content;

  it('moves one live card forward: each Action.Execute answer returns the next question in place', async () => {
    const u = user();
    await u.say('hi');
    let body = await u.execute({ action: 'command', command: 'start' });
    const asked: string[] = [];
    while (!isResultCard(body.value)) {
      const id = questionIdOf(body.value)!;
      asked.push(id);
      const answer = DIRECT_NO_ADMIN[id]!;
      body = await u.execute(answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer });
      expect(asked.length).to.be.below(15);
    }
    expect(asked).to.deep.equal(Object.keys(DIRECT_NO_ADMIN));
    expect(textOf(body.value)).to.include(tFor('en')('guidance:credit.contactCustomer'));
    // Nothing but the welcome went out as a separate message: the questions all replaced one card.
    const posted = callsFor(u.conversationId).filter((c) => c.method === 'POST');
    expect(posted).to.have.length(1);
  });

  it('question cards use Action.Execute with an equal Action.Submit fallback', async () => {
    const u = user();
    await u.say('hi');
    const body = await u.execute({ action: 'command', command: 'start' });
    const json = JSON.stringify(body.value);
    expect(json).to.include('"type":"Action.Execute"').and.include('"fallback":{"type":"Action.Submit"');
  });

  it('with Action.Submit, the answered card is updated to show the answer with no live buttons, and the next question follows', async () => {
    const u = user('zh-TW');
    await u.say('嗨');
    await u.submit({ action: 'command', command: 'start' }, 'welcome-card');
    await u.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' }, 'question-card-1');
    const calls = callsFor(u.conversationId);
    const update = calls.find((c) => c.method === 'PUT' && c.path.endsWith('/activities/question-card-1'));
    expect(update, 'the answered card was updated in place').to.not.equal(undefined);
    const frozen = cardOf(update!.activity);
    assertValidCard(frozen, 'frozen card');
    const t = tFor('zh-TW');
    expect(textOf(frozen)).to.include(t('cards:answered.label', { answer: t('questions:optionSets.partnerRoles.accountAdmin.label') }));
    expect(submitsOf(frozen)).to.have.length(0);
    const next = calls.filter((c) => c.method === 'POST').map((c) => cardOf(c.activity)).at(-1);
    expect(questionIdOf(next)).to.equal('partnerModel');
  });

  it('never answers an invoke with an error: malformed data re-asks the question with a hint', async () => {
    const u = user('zh-CN');
    await u.say('你好');
    await u.execute({ action: 'command', command: 'start' });
    for (const bad of [{ action: 'answer', questionId: 'partnerRoles', answer: 'root' }, { nonsense: true }, 'a string', null]) {
      const body = await u.execute(bad);
      expect(body.type).to.equal('application/vnd.microsoft.card.adaptive');
      expect(questionIdOf(body.value)).to.equal('partnerRoles');
      expect(textOf(body.value)).to.include(tFor('zh-CN')('cards:question.hint.invalid'));
    }
  });

  it('an invoke that is not a card action still gets a well-formed answer', async () => {
    const u = user();
    const res = await postJson(`${running.url}/api/messages`, teamsActivity({
      type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit' } }, serviceUrl: connector.serviceUrl, deliveryMode: undefined, conversation: { id: u.conversationId },
    }));
    expect(res.status).to.equal(200);
    expect((res.json as unknown as InvokeBody).statusCode).to.equal(200);
  });

  it('the quick form submitted with Action.Execute turns into the result in place; missing fields re-show the form', async () => {
    const u = user();
    await u.say('hi');
    const form = await u.execute({ action: 'command', command: 'quick' });
    expect(textOf(form.value)).to.include(tFor('en')('cards:quick.title'));
    const again = await u.execute({ action: 'quickForm', partnerRoles: 'accountAdmin' });
    expect(textOf(again.value)).to.include(tFor('en')('cards:quick.missing'));
    const fields = Object.fromEntries(Object.entries(DIRECT_NO_ADMIN).map(([k, v]) => [k, v === 'skip' ? '' : v]));
    const result = await u.execute({ action: 'quickForm', ...fields });
    expect(isResultCard(result.value)).to.equal(true);
  });

  /** A group chat of its own, its members, and an Action.Execute click posted as Teams sends it. */
  function groupChat() {
    const conversation = { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat', tenantId: 'tenant-1' };
    const as = (name: string) => ({ id: `29:${randomUUID()}`, name, aadObjectId: randomUUID() });
    const invoke = (from: object, data: unknown) =>
      postJson(`${running.url}/api/messages`, teamsActivity({
        conversation, from, serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: undefined, type: 'invoke', name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'answer', data }, trigger: 'manual' },
      }));
    return { conversation, as, invoke };
  }

  it("a click on someone else's question card in a group chat leaves that card alone", async () => {
    const { conversation, as, invoke } = groupChat();
    const [owner, other] = [as('Owner'), as('Other')];
    const lastPosted = () => callsFor(conversation.id).filter((c) => c.method === 'POST').map((c) => cardOf(c.activity)).at(-1);
    await invoke(owner, { action: 'command', command: 'start' });
    // In a group chat the first question comes as a message of its own, not in place of the clicked card.
    expect(questionIdOf(lastPosted())).to.equal('partnerRoles');
    const res = await invoke(other, { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' });
    const body = res.json as unknown as InvokeBody;
    expect(res.status).to.equal(200);
    expect(body.statusCode).to.equal(200);
    // No card comes back to replace the owner's live question; the other member's notices go out as messages.
    expect(body.type).to.equal('application/vnd.microsoft.activity.message');
    await invoke(owner, { action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' });
    expect(questionIdOf(lastPosted())).to.equal('partnerModel');
  });

  it("in a group chat, a member with a check of their own who clicks another member's card moves only their own check, and no card is replaced", async () => {
    const { conversation, as, invoke } = groupChat();
    const [alice, bo] = [as('Alice'), as('Bo')];
    await invoke(alice, { action: 'command', command: 'start' });
    await invoke(bo, { action: 'command', command: 'start' });
    const posted = () => callsFor(conversation.id).filter((c) => c.method === 'POST').length;
    const before = posted();
    // Bo answers on Alice's card: the card is not replaced (for everyone), Bo's next question is a new message.
    const res = (await invoke(bo, { action: 'answer', questionId: 'partnerRoles', answer: 'salesAgent' })).json as unknown as InvokeBody;
    expect(res.type).to.equal('application/vnd.microsoft.activity.message');
    const sent = callsFor(conversation.id).filter((c) => c.method === 'POST').slice(before).map((c) => cardOf(c.activity));
    expect(sent.map((c) => questionIdOf(c))).to.deep.equal(['partnerModel']);
    expect(callsFor(conversation.id).some((c) => c.method === 'PUT')).to.equal(false);
    // Alice's check is where it was: her answer to the first question is still taken.
    await invoke(alice, { action: 'answer', questionId: 'partnerRoles', answer: 'adminAgent' });
    const next = callsFor(conversation.id).filter((c) => c.method === 'POST').map((c) => cardOf(c.activity)).at(-1);
    expect(questionIdOf(next)).to.equal('partnerModel');
  });

  it('a language switch from a card sends the notice as a message and re-asks the question in place', async () => {
    const u = user();
    await u.say('hi');
    await u.execute({ action: 'command', command: 'start' });
    const body = await u.execute({ action: 'command', command: 'language', locale: 'zh-CN' });
    expect(questionIdOf(body.value)).to.equal('partnerRoles');
    expect(textOf(body.value)).to.include(tFor('zh-CN')('questions:partnerRoles.prompt'));
    const notice = callsFor(u.conversationId).filter((c) => c.method === 'POST').map((c) => textOf(cardOf(c.activity))).at(-1);
    expect(notice).to.include(tFor('zh-CN')('common:notice.languageChanged'));
  });
});

describe('group chats', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());

  const conversation = { id: `19:${randomUUID()}@thread.v2`, conversationType: 'groupChat', tenantId: 'tenant-1' };
  const bot = { id: '28:bot', name: 'CSP Move Assistant' };
  function member(name: string, locale: string, botName = bot.name) {
    const from = { id: `29:${randomUUID()}`, name, aadObjectId: randomUUID() };
    return async (input: { text?: string; value?: unknown }) => {
      const mention = `<at>${botName}</at>`;
      const activity = teamsActivity({
        conversation,
        from,
        recipient: bot,
        locale,
        ...input,
        text: input.text === undefined ? '' : `${mention} ${input.text}`,
        entities: input.text === undefined ? [] : [{ type: 'mention', text: mention, mentioned: bot }],
      });
      const res = await postJson(`${running.url}/api/messages`, activity);
      expect(res.status).to.equal(200);
      return ((res.json?.activities ?? []) as Array<{ attachments?: Array<{ content: unknown }> }>).map((a) => a.attachments?.[0]?.content).at(-1);
    };
  }

  it('keeps answers per user when two partners run checks in the same chat at once', async () => {
    const alice = member('Alice', 'en');
    const bo = member('Bo', 'zh-CN', 'CSP 迁移助手');
    await alice({ text: 'hi' });
    await bo({ text: '你好' });
    let a = await alice({ text: 'start' });
    let b = await bo({ text: '开始' });
    const aliceAnswers: Answers = { ...DIRECT_NO_ADMIN };
    const boAnswers: Answers = { ...DIRECT_NO_ADMIN, tenantRegion: 'japan', delegatedAdmin: 'gdapSupport' };
    for (let i = 0; i < 15 && !(isResultCard(a) && isResultCard(b)); i++) {
      // Interleaved: one answer each, in turn, in the same conversation.
      if (!isResultCard(a)) {
        const id = questionIdOf(a)!;
        a = await alice({ value: aliceAnswers[id] === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer: aliceAnswers[id] } });
      }
      if (!isResultCard(b)) {
        const id = questionIdOf(b)!;
        b = await bo({ value: boAnswers[id] === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer: boAnswers[id] } });
      }
    }
    const en = tFor('en');
    const zh = tFor('zh-CN');
    expect(textOf(a)).to.include(en('guidance:verdict.ready')).and.include(en('guidance:credit.contactCustomer'));
    expect(textOf(b)).to.include(zh('guidance:verdict.blocked')).and.include(zh('guidance:step.referPartner', { market: 'japan' }));
  });

  it('strips an @mention of the bot written in CJK before reading the command', async () => {
    const chen = member('Chen', 'zh-TW', 'CSP 移轉助理');
    await chen({ text: '嗨' });
    const help = await chen({ text: '說明' });
    expect(textOf(help)).to.include(tFor('zh-TW')('cards:help.what'));
  });
});
