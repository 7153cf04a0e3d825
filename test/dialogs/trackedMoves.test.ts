// Tracked moves through the whole bot (conversation dialog, move store, rendering) on a real SQLite file:
// what a partner sees when they track a move, list, open, tick, recompute, close, delete and forget —
// and every bad input the issue names, in each language.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { indexKey, moveKey, userKeyOf } from '../../src/moves/index.js';
import { bucketKey, reminderTimeOf } from '../../src/reminders/index.js';
import { escapeCardText } from '../../cards/escape.js';
import type { Locale } from '../../src/i18n/index.js';
import { TestConversation, US_DIRECT_CUSTOMER, US_PARTNER, cardsOf, lastCard, submitsOf, tFor, textOf, type Card } from '../support/conversation.js';

const CLIENT: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };
const TODAY = '2026-11-21';
const PARTNER = US_PARTNER;
/** A US customer who bought direct, renewing in March: a manual move with dated steps. */
const CUSTOMER = US_DIRECT_CUSTOMER;

const moveSubmits = (card: Card, op: string) => submitsOf(card).filter((d) => d.action === 'move' && d.op === op);
const oneSubmit = (card: Card, op: string) => {
  const found = moveSubmits(card, op);
  expect(found, `a [${op}] button on ${textOf(card).slice(0, 200)}`).to.have.length.greaterThan(0);
  return found[0]!;
};

describe('tracked moves through the whole bot (SQLite file)', function () {
  this.timeout(60_000);
  let dir: string;
  let storage: SqliteStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csp-moves-'));
    storage = new SqliteStorage(join(dir, 'state.db'));
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function resultFor(conv: TestConversation, customer: Record<string, string> = CUSTOMER): Promise<Card> {
    await conv.say('hi');
    return lastCard(await conv.submit({ action: 'quickForm', ...PARTNER, ...customer }));
  }

  async function labelCard(conv: TestConversation): Promise<Card> {
    return lastCard(await conv.submit({ action: 'command', command: 'track' }));
  }

  for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
    const t = tFor(locale);
    it(`${locale}: track, list, open, tick, recompute, close, reopen, delete`, async () => {
      const conv = new TestConversation({ locale: CLIENT[locale], storage, today: TODAY });
      const result = await resultFor(conv);
      expect(submitsOf(result).some((d) => d.command === 'track'), 'the result offers [Track this move]').to.equal(true);

      // [Track]: the label card, in the partner's language.
      const ask = await labelCard(conv);
      expect(textOf(ask)).to.include(String(t('moves:track.privacy')));
      const save = oneSubmit(ask, 'save');

      // An empty label, then one too long: the same card again, saying why; nothing is tracked.
      expect(textOf(lastCard(await conv.submit({ ...save, label: '   ' })))).to.include(String(t('moves:track.problem.empty')));
      expect(textOf(lastCard(await conv.submit({ ...save, label: 'x'.repeat(41) })))).to.include(String(t('moves:track.problem.tooLong', { max: 40 })));
      expect(textOf(lastCard(await conv.say(locale === 'en' ? 'moves' : locale === 'zh-CN' ? '移动' : '移轉')))).to.include(String(t('moves:list.empty')));

      // Tracked: the move's card with its steps (each naming who does it) and dates.
      const tracked = lastCard(await conv.submit({ ...save, label: 'Contoso' }));
      const text = textOf(tracked);
      expect(text).to.include('Contoso');
      expect(text).to.include(String(t('moves:move.banner.created')));
      expect(text).to.include(String(t('moves:move.deadline.stopRenewalBy')));
      const ticks = moveSubmits(tracked, 'tick');
      expect(ticks.length, 'every step can be ticked').to.be.greaterThan(1);
      const id = ticks[0]!.id as string;

      // The same result tracked again: the same move, said so.
      const again = lastCard(await conv.submit({ ...save, label: 'Contoso again' }));
      expect(textOf(again)).to.include(String(t('moves:move.banner.existing')));
      expect(textOf(again)).to.include('Contoso');

      // `moves`: one move, with its next date; [Open] opens it.
      const list = lastCard(await conv.say(locale === 'en' ? 'my moves' : locale === 'zh-CN' ? '我的移动' : '我的移轉'));
      expect(textOf(list)).to.include(String(t('moves:list.title', { count: 1 })));
      expect(textOf(list)).to.include('Contoso');
      expect(oneSubmit(list, 'open').id).to.equal(id);
      const opened = lastCard(await conv.submit(oneSubmit(list, 'open')));
      expect(moveSubmits(opened, 'tick').map((d) => d.step)).to.deep.equal(ticks.map((d) => d.step));

      // A tick: the step now offers [Undo], the others still [Done].
      const ticked = lastCard(await conv.submit(ticks[0]!));
      expect(moveSubmits(ticked, 'untick').map((d) => d.step)).to.deep.equal([ticks[0]!.step]);
      expect(moveSubmits(ticked, 'tick')).to.have.length(ticks.length - 1);
      const unticked = lastCard(await conv.submit(oneSubmit(ticked, 'untick')));
      expect(moveSubmits(unticked, 'untick')).to.have.length(0);

      // Recompute keeps the move; close and reopen say so.
      expect(textOf(lastCard(await conv.submit(oneSubmit(ticked, 'recompute'))))).to.include(String(t('moves:move.banner.recomputed')));
      const closed = lastCard(await conv.submit(oneSubmit(ticked, 'close')));
      expect(textOf(closed)).to.include(String(t('moves:move.banner.closed')));
      const listAfterClose = lastCard(await conv.submit({ action: 'move', op: 'list' }));
      expect(moveSubmits(listAfterClose, 'list').some((d) => d.closed === true), '[Show closed (1)]').to.equal(true);
      expect(textOf(lastCard(await conv.submit(oneSubmit(closed, 'reopen'))))).to.include(String(t('moves:move.banner.reopened')));

      // Delete asks first; [Delete] on the question deletes; the list is empty again.
      const confirm = lastCard(await conv.submit({ action: 'move', op: 'delete', id }));
      expect(textOf(confirm)).to.include(String(t('moves:move.confirmDelete', { label: 'Contoso' })));
      const deleted = lastCard(await conv.submit(oneSubmit(confirm, 'confirmDelete')));
      expect(textOf(deleted)).to.include(String(t('moves:notice.deleted', { label: 'Contoso' })));
      expect(textOf(lastCard(await conv.submit({ action: 'move', op: 'list' })))).to.include(String(t('moves:list.empty')));

      // A tick on the deleted move (a card still in the chat): it is gone, nothing is recreated.
      expect(textOf(lastCard(await conv.submit(ticks[1]!)))).to.include(String(t('moves:notice.gone')));
      expect(textOf(lastCard(await conv.submit({ action: 'move', op: 'list' })))).to.include(String(t('moves:list.empty')));
    });
  }

  it('a label with markup is shown as typed, never as markdown, a link or a card element', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    await resultFor(conv);
    const label = '**R&D** [x](https://evil.example) <b>';
    const card = lastCard(await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label }));
    const json = JSON.stringify(card);
    expect(json).not.to.include('https://evil.example)');
    expect(textOf(card)).to.include(escapeCardText(label));
    expect(JSON.stringify(card)).not.to.include('"**R&D**');
  });

  it('a label card from an earlier result: says so, and tracks nothing', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    await resultFor(conv);
    const save = oneSubmit(await labelCard(conv), 'save');
    await conv.submit({ action: 'quickForm', ...PARTNER, ...CUSTOMER, renewalDate: '2027-06-30' });
    expect(textOf(lastCard(await conv.submit({ ...save, label: 'Contoso' })))).to.include(String(tFor('en')('moves:notice.staleTrack')));
    expect(textOf(lastCard(await conv.say('moves')))).to.include(String(tFor('en')('moves:list.empty')));
  });

  it('dates already close or past when tracked: the card says what is urgent now', async () => {
    const conv = new TestConversation({ locale: 'zh-TW', storage, today: TODAY });
    await resultFor(conv, { ...CUSTOMER, renewalDate: '2026-11-25' });
    const card = lastCard(await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: '康托索' }));
    expect(textOf(card)).to.include(String(tFor('zh-TW')('moves:move.urgent.title')));
  });

  it('`track` with no finished check, and a move click that is malformed: a clear answer, nothing lost', async () => {
    const conv = new TestConversation({ locale: 'zh-CN', storage, today: TODAY });
    await conv.say('你好');
    expect(textOf(lastCard(await conv.say('跟踪')))).to.include(String(tFor('zh-CN')('common:notice.noCheckYet')));
    const replies = await conv.submit({ action: 'move', op: 'tick', id: 'not a move id!' });
    expect(textOf(lastCard(replies))).to.include(String(tFor('zh-CN')('common:notice.notUnderstood')));
  });

  it('`forget` asks first; [Delete everything] deletes the profile, the check and every move at once', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    await resultFor(conv);
    await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: 'Contoso' });
    const userKey = userKeyOf({ channelId: 'test', userId: conv.adapter.conversation.user!.id });
    expect(Object.keys(await storage.read([indexKey(userKey)]))).to.have.length(1);

    const confirm = lastCard(await conv.say('forget me'));
    expect(textOf(confirm)).to.include(String(tFor('en')('moves:forget.title')));
    expect(textOf(lastCard(await conv.say('moves'))), 'asking deleted nothing').to.include('Contoso');
    const done = lastCard(await conv.submit(oneSubmit(confirm, 'confirmForget')));
    expect(textOf(done)).to.include(String(tFor('en')('moves:notice.forgotten', { count: 1 })));
    expect(await storage.read([indexKey(userKey)])).to.deep.equal({});
    // The profile went too: the next check asks the partner's own questions again.
    const first = lastCard(await conv.submit({ action: 'command', command: 'start' }));
    expect(submitsOf(first).some((d) => d.questionId === 'partnerRoles')).to.equal(true);
  });

  it('tracked in a group chat: the move is kept, and the partner hears that reminders come in their personal chat', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    conv.adapter.conversation.conversation.conversationType = 'groupChat';
    await resultFor(conv);
    const replies = await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: 'Contoso' });
    const texts = cardsOf(replies).map(textOf).join('\n');
    expect(texts).to.include(String(tFor('en')('moves:notice.remindersInPersonal')));
    expect(texts).to.include('Contoso');
    // The list names every customer tracked: not in a chat others read, typed or from a card.
    expect(textOf(lastCard(await conv.say('moves')))).to.equal(String(tFor('en')('moves:notice.listInPersonal')));
    const fromCard = textOf(lastCard(await conv.submit({ action: 'move', op: 'list' })));
    expect(fromCard).to.include(String(tFor('en')('moves:notice.listInPersonal'))).and.not.include('Contoso');
  });

  it('[Remind me tomorrow] on a reminder: put off a day (stored, due tomorrow morning); on its own date, nothing to put off', async () => {
    const conv = new TestConversation({ locale: 'zh-TW', storage, today: TODAY });
    const t = tFor('zh-TW');
    await resultFor(conv);
    const tracked = lastCard(await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: 'Contoso' }));
    const id = oneSubmit(tracked, 'tick').id as string;
    const userKey = userKeyOf({ channelId: 'test', userId: conv.adapter.conversation.user!.id });
    const move = (await storage.read([moveKey(userKey, id)]))[moveKey(userKey, id)] as { deadlines: { stopRenewalBy: string } };
    const date = move.deadlines.stopRenewalBy;

    const snoozed = lastCard(await conv.submit({ action: 'move', op: 'snooze', id, date, locale: 'zh-TW' }));
    expect(textOf(snoozed)).to.include(String(t('moves:reminder.snoozed', { until: '2026-11-22' })));
    const bucketKeys = [0, 1, 2, 3].map((shard) => bucketKey('2026-11-22', shard));
    const due = Object.values(await storage.read(bucketKeys)).flatMap((b) => Object.values((b as { due: Record<string, number> }).due));
    expect(due).to.deep.equal([reminderTimeOf('2026-11-22')]);

    const tooLate = await conv.submit({ action: 'move', op: 'snooze', id, date: TODAY });
    expect(cardsOf(tooLate).map(textOf).join('\n')).to.include(String(t('moves:notice.snoozeTooLate', { date: TODAY })));
  });

  it('a language chosen later: the reminders are written in it', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    await resultFor(conv);
    await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: 'Contoso' });
    const userKey = userKeyOf({ channelId: 'test', userId: conv.adapter.conversation.user!.id });
    const locale = async () => ((await storage.read([indexKey(userKey)]))[indexKey(userKey)] as { locale?: string }).locale;
    expect(await locale()).to.equal('en');
    await conv.say('语言 简体中文');
    expect(await locale()).to.equal('zh-CN');
  });

  it('removed from the personal chat: the stored conversation is dropped, so reminders stop', async () => {
    const conv = new TestConversation({ locale: 'en-US', storage, today: TODAY });
    await resultFor(conv);
    await conv.submit({ ...oneSubmit(await labelCard(conv), 'save'), label: 'Contoso' });
    const userKey = userKeyOf({ channelId: 'test', userId: conv.adapter.conversation.user!.id });
    const index = async () => (await storage.read([indexKey(userKey)]))[indexKey(userKey)] as { reference?: unknown; moves: object };
    expect((await index()).reference).to.be.an('object');
    await conv.send({ type: 'installationUpdate', action: 'remove' });
    expect((await index()).reference).to.equal(undefined);
    expect(Object.keys((await index()).moves)).to.have.length(1);
  });
});
