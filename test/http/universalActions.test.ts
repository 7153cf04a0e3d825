import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { teamsActivity } from '../support/activity.js';
import { questionIdOf, isResultCard, submitsOf, tFor, textOf } from '../support/conversation.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';
import { DIRECT_NO_ADMIN, type Answers } from '../support/cases.js';
import { assertValidCard } from '../cards/cardChecks.js';

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('card clicks on every Teams client: Action.Submit, the clicked card replaced in place', () => {
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
      /** A click on an Action.Execute (a card sent by an earlier version): the invoke's HTTP response carries the card that replaces the clicked one. */
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
      /** A click on an Action.Submit, as every Teams client sends it: a message replying to the clicked card's message. */
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
  /** The id the fake connector gave the last message posted to this conversation (the card the user then clicks). */
  const lastPostedId = async (conversationId: string): Promise<string> => {
    const posts = callsFor(conversationId).filter((c) => c.method === 'POST');
    const at = connector.received.indexOf(posts.at(-1)!);
    return `reply-${at + 1}`;
  };

  it('moves one live card forward: each answer updates the clicked card to the next question, then to the result', async () => {
    const u = user('zh-TW');
    await u.say('嗨');
    await u.submit({ action: 'command', command: 'start' }, await lastPostedId(u.conversationId));
    // The first question comes as a message of its own (the welcome card stays); then every click updates it.
    const card = await lastPostedId(u.conversationId);
    const updates = () => callsFor(u.conversationId).filter((c) => c.method === 'PUT');
    let shown = cardOf(callsFor(u.conversationId).filter((c) => c.method === 'POST').at(-1)!.activity);
    const asked: string[] = [];
    while (!isResultCard(shown)) {
      const id = questionIdOf(shown)!;
      asked.push(id);
      const answer = DIRECT_NO_ADMIN[id]!;
      const before = updates().length;
      await u.submit(answer === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer }, card);
      const update = updates()[before]!;
      expect(update, `the card updated after ${id}`).to.not.equal(undefined);
      expect(update.path.endsWith(`/activities/${card}`)).to.equal(true);
      shown = cardOf(update.activity);
      assertValidCard(shown, `card after ${id}`);
      expect(asked.length).to.be.below(15);
    }
    expect(asked).to.deep.equal(Object.keys(DIRECT_NO_ADMIN));
    expect(textOf(shown)).to.include(tFor('zh-TW')('guidance:credit.contactCustomer'));
    // Welcome and the first question were posted; everything else replaced the one card.
    expect(callsFor(u.conversationId).filter((c) => c.method === 'POST')).to.have.length(2);
  });

  it('every card clicks with Action.Submit only (Action.Execute does not work on Teams mobile)', async () => {
    const u = user();
    await u.say('hi');
    await u.submit({ action: 'command', command: 'start' });
    await u.submit({ action: 'command', command: 'quick' });
    for (const call of callsFor(u.conversationId)) {
      const json = JSON.stringify(call.activity);
      expect(json).not.to.include('Action.Execute');
      if (cardOf(call.activity)) expect(submitsOf(cardOf(call.activity)).length, 'clickable').to.be.above(0);
    }
  });

  it('when the clicked card cannot be updated (deleted, too old), the next card comes as a new message', async () => {
    const u = user();
    await u.say('hi');
    await u.submit({ action: 'command', command: 'start' });
    const card = await lastPostedId(u.conversationId);
    const posts = () => callsFor(u.conversationId).filter((c) => c.method === 'POST').length;
    const before = posts();
    connector.script.push({ status: 404 });
    await u.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' }, card);
    const calls = callsFor(u.conversationId);
    expect(calls.at(-2)).to.deep.include({ method: 'PUT', answered: 404 });
    expect(posts()).to.equal(before + 1);
    expect(questionIdOf(cardOf(calls.at(-1)!.activity))).to.equal('partnerModel');
  });

  it('an answer that cannot be taken re-asks the question with a hint in place; data from no card of ours, as a new message', async () => {
    const u = user('zh-CN');
    await u.say('你好');
    await u.submit({ action: 'command', command: 'start' });
    const card = await lastPostedId(u.conversationId);
    const hint = tFor('zh-CN')('cards:question.hint.invalid');
    await u.submit({ action: 'answer', questionId: 'partnerRoles', answer: 'root' }, card);
    const update = callsFor(u.conversationId).at(-1)!;
    expect(update.method).to.equal('PUT');
    expect(questionIdOf(cardOf(update.activity))).to.equal('partnerRoles');
    expect(textOf(cardOf(update.activity))).to.include(hint);
    // Where a foreign submit came from is unknown: the card it was clicked on (a result, say) is left alone.
    await u.submit({ nonsense: true }, 'some-result-card');
    const posted = callsFor(u.conversationId).at(-1)!;
    expect(posted.method).to.equal('POST');
    expect(questionIdOf(cardOf(posted.activity))).to.equal('partnerRoles');
    expect(textOf(cardOf(posted.activity))).to.include(hint);
  });

  it('the quick form turns into the result in place; missing fields re-show the form', async () => {
    const u = user();
    await u.say('hi');
    await u.submit({ action: 'command', command: 'quick' });
    const form = await lastPostedId(u.conversationId);
    expect(textOf(cardOf(callsFor(u.conversationId).at(-1)!.activity))).to.include(tFor('en')('cards:quick.title'));
    await u.submit({ action: 'quickForm', partnerRoles: 'accountAdmin' }, form);
    expect(textOf(cardOf(callsFor(u.conversationId).at(-1)!.activity))).to.include(tFor('en')('cards:quick.missing'));
    const fields = Object.fromEntries(Object.entries(DIRECT_NO_ADMIN).map(([k, v]) => [k, v === 'skip' ? '' : v]));
    await u.submit({ action: 'quickForm', ...fields }, form);
    const last = callsFor(u.conversationId).at(-1)!;
    expect(last.method).to.equal('PUT');
    expect(isResultCard(cardOf(last.activity))).to.equal(true);
  });

  it('a language switch sends the notice and the question as messages (the language card is not a card of the check)', async () => {
    const u = user();
    await u.say('hi');
    await u.submit({ action: 'command', command: 'start' });
    await u.submit({ action: 'command', command: 'language', locale: 'zh-CN' }, 'language-card');
    const posted = callsFor(u.conversationId).filter((c) => c.method === 'POST').slice(-2).map((c) => textOf(cardOf(c.activity)));
    expect(posted[0]).to.include(tFor('zh-CN')('common:notice.languageChanged'));
    expect(posted[1]).to.include(tFor('zh-CN')('questions:partnerRoles.prompt'));
    expect(callsFor(u.conversationId).some((c) => c.method === 'PUT')).to.equal(false);
  });

  describe('cards sent before this version (Action.Execute)', () => {
    it('still move the check forward, the next card in the invoke response', async () => {
      const u = user();
      await u.say('hi');
      await u.submit({ action: 'command', command: 'start' });
      let body = await u.execute({ action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' });
      expect(questionIdOf(body.value)).to.equal('partnerModel');
      for (const bad of [{ action: 'answer', questionId: 'partnerModel', answer: 'root' }, { nonsense: true }, 'a string', null]) {
        body = await u.execute(bad);
        expect(body.type).to.equal('application/vnd.microsoft.card.adaptive');
        expect(questionIdOf(body.value)).to.equal('partnerModel');
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

  it('in a group chat an Action.Submit click never updates the clicked card (it is everyone\'s): the next card is a new message', async () => {
    const { conversation, as } = groupChat();
    const owner = as('Owner');
    const submit = (value: unknown, replyToId: string) =>
      postJson(`${running.url}/api/messages`, teamsActivity({ conversation, from: owner, serviceUrl: connector.serviceUrl, deliveryMode: undefined, text: undefined, value, replyToId }));
    await submit({ action: 'command', command: 'start' }, 'welcome');
    await submit({ action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' }, 'question-1');
    const calls = callsFor(conversation.id);
    expect(calls.some((c) => c.method === 'PUT')).to.equal(false);
    expect(questionIdOf(cardOf(calls.at(-1)!.activity))).to.equal('partnerModel');
  });

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
