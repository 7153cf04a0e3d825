import { expect } from 'chai';
import { MemoryStorage, type Storage } from 'botbuilder';
import { teamsActivity } from '../support/activity.js';
import { tFor, textOf } from '../support/conversation.js';
import { postJson, startApp, type RunningApp } from '../support/server.js';

type Reply = { type: string; text?: string; attachments?: Array<{ content: unknown }> };
const repliesOf = (json: Record<string, unknown> | undefined) => (json?.activities ?? []) as Reply[];

describe('Teams events', () => {
  let running: RunningApp;
  before(async () => {
    running = await startApp();
  });
  after(() => running.close());

  it('welcomes once on install, in the locale Teams sends with installationUpdate', async () => {
    const install = teamsActivity({ type: 'installationUpdate', action: 'add', locale: 'zh-TW', text: undefined });
    const res = await postJson(`${running.url}/api/messages`, install);
    expect(res.status).to.equal(200);
    const replies = repliesOf(res.json);
    expect(replies).to.have.length(1);
    expect(textOf(replies[0]!.attachments?.[0]?.content)).to.include(tFor('zh-TW')('cards:welcome.what'));
    // The user's first message after install is not welcomed a second time.
    const next = await postJson(`${running.url}/api/messages`, teamsActivity({ from: install.from, conversation: install.conversation, locale: 'zh-TW', text: '說明' }));
    const texts = repliesOf(next.json).map((r) => textOf(r.attachments?.[0]?.content)).join('\n');
    expect(texts).not.to.include(tFor('zh-TW')('cards:welcome.what'));
    expect(texts).to.include(tFor('zh-TW')('cards:help.what'));
  });

  it('does not greet the bot itself when it is added to a conversation', async () => {
    const activity = teamsActivity({ type: 'conversationUpdate', text: undefined, locale: undefined });
    activity.membersAdded = [activity.recipient];
    const res = await postJson(`${running.url}/api/messages`, activity);
    expect(res.status).to.equal(200);
    expect(repliesOf(res.json)).to.have.length(0);
  });

  it('ignores activity types it does not handle', async () => {
    for (const type of ['typing', 'messageReaction', 'endOfConversation', 'somethingNew']) {
      const res = await postJson(`${running.url}/api/messages`, teamsActivity({ type }));
      expect(res.status, type).to.be.oneOf([200, 501]);
      expect(repliesOf(res.json), type).to.have.length(0);
    }
  });

  it('answers @mentions in a group chat with the mention stripped', async () => {
    const activity = teamsActivity({
      text: '<at>CSP Move Assistant</at> help',
      conversation: { id: `19:group-${Date.now()}@thread.v2`, conversationType: 'groupChat', tenantId: 'tenant-1' },
    });
    activity.entities = [{ type: 'mention', text: '<at>CSP Move Assistant</at>', mentioned: activity.recipient }];
    const res = await postJson(`${running.url}/api/messages`, activity);
    const texts = repliesOf(res.json).map((r) => textOf(r.attachments?.[0]?.content)).join('\n');
    expect(texts).to.include(tFor('en')('cards:help.what'));
  });
});

describe('a turn that fails', () => {
  it('apologises in the user language without internals, keeps the process up, and keeps earlier answers', async () => {
    const inner = new MemoryStorage();
    let failWrites = false;
    const flaky: Storage = {
      read: (keys) => inner.read(keys),
      write: (changes) => (failWrites ? Promise.reject(new Error('disk on fire at /var/secret/path')) : inner.write(changes)),
      delete: (keys) => inner.delete(keys),
    };
    const running = await startApp({}, { storage: { storage: flaky, close: async () => {}, ping: async () => true } });
    try {
      const base = teamsActivity({ locale: 'zh-CN' });
      const send = (extra: Record<string, unknown>) =>
        postJson(`${running.url}/api/messages`, { ...teamsActivity({ from: base.from, conversation: base.conversation, locale: 'zh-CN' }), ...extra });
      await send({ text: '开始' });
      await send({ text: '', value: { action: 'answer', questionId: 'partnerRoles', answer: 'accountAdmin' } });
      failWrites = true;
      const failed = await send({ text: '', value: { action: 'answer', questionId: 'partnerModel', answer: 'directBill' } });
      expect(failed.status).to.equal(200);
      const texts = repliesOf(failed.json).map((r) => r.text ?? '').join('\n');
      expect(texts).to.include(tFor('zh-CN')('common:error.turnFailed'));
      expect(failed.text).not.to.match(/disk on fire|secret|Error:|at .*\.ts/);
      failWrites = false;
      const health = await fetch(`${running.url}/healthz`);
      expect(health.status).to.equal(200);
      // The answer before the failure is still there: the same question (partnerModel) is asked again.
      const retry = await send({ text: '', value: { action: 'answer', questionId: 'partnerModel', answer: 'directBill' } });
      const card = repliesOf(retry.json).at(-1)?.attachments?.[0]?.content;
      expect(JSON.stringify(card)).to.include('"questionId":"partnerRegion"');
    } finally {
      await running.close();
    }
  });
});

describe('the language of an apology', () => {
  // The Teams client says en-US; the user picked Traditional Chinese. Whatever fails, they are told in zh-TW.
  for (const failure of [
    { name: 'a turn that fails (a bug)', error: () => new Error('disk on fire'), key: 'common:error.turnFailed' },
    { name: 'a store that cannot be written (an outage)', error: () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }), key: 'common:error.storageUnavailable' },
  ]) {
    it(`${failure.name}: in the language the user chose, not the client's`, async () => {
      const inner = new MemoryStorage();
      let failWrites = false;
      const flaky: Storage = {
        read: (keys) => inner.read(keys),
        write: (changes) => (failWrites ? Promise.reject(failure.error()) : inner.write(changes)),
        delete: (keys) => inner.delete(keys),
      };
      const running = await startApp({}, { storage: { storage: flaky, close: async () => {}, ping: async () => true } });
      try {
        const base = teamsActivity({ locale: 'en-US' });
        const send = (extra: Record<string, unknown>) => postJson(`${running.url}/api/messages`, { ...teamsActivity({ from: base.from, conversation: base.conversation, locale: 'en-US' }), ...extra });
        await send({ text: 'language zh-TW' });
        failWrites = true;
        const failed = await send({ text: 'help' });
        const texts = repliesOf(failed.json).map((r) => r.text ?? '');
        expect(texts).to.deep.equal([tFor('zh-TW')(failure.key)]);
      } finally {
        await running.close();
      }
    });
  }
});
