import type { ConversationReference } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { expect } from 'chai';
import { SubmitDataSchema } from '../../cards/index.js';
import { reminderRenderer } from '../../dialogs/renderReply.js';
import { createAdapter } from '../../src/adapter.js';
import { parseConfig } from '../../src/config.js';
import { createTranslator } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { ProactiveSender, type ReminderItem } from '../../src/reminders/index.js';
import { inDays } from '../guidance/fixtures.js';
import { assertValidCard, submitActions } from '../cards/cardChecks.js';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector.js';
import { Clock, alice, instance } from './support.js';

describe('reminders: proactive sends through the Bot Connector (a fake one on 127.0.0.1)', () => {
  let connector: FakeConnector;
  let clock: Clock;
  const logger = createLogger('silent');
  const translator = createTranslator();

  beforeEach(async () => {
    connector = await startFakeConnector();
    clock = new Clock();
  });
  afterEach(async () => connector.close());

  const setUp = async (locale = 'en') => {
    const storage = new MemoryStorage();
    const config = parseConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' });
    const adapter = createAdapter({ config, logger, translator, retry: { sleep: async () => {}, random: () => 0 } });
    const senders: ProactiveSender[] = [];
    const node = instance(storage, clock, (r: ReminderItem, late: boolean) => senders[0]!.deliver(r, late), { claimTimeoutMs: 60_000 });
    senders[0] = new ProactiveSender({ adapter, appId: '', moves: node.moves, renderReminder: reminderRenderer(translator), defaultLocale: 'en', logger });
    const reference = {
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      conversation: { id: 'a:personal-chat' },
      bot: { id: '28:bot', name: 'CSP Move Assistant' },
      user: { id: '29:alice', name: 'Alice' },
    } as Partial<ConversationReference>;
    const move = await node.moves.track(alice, {
      idempotencyKey: 'k', label: '**Contoso** <b>EU</b>', answers: {},
      guidance: (await import('../guidance/fixtures.js')).run({ renewalDate: inDays(20) }), today: inDays(0), reference, locale,
    });
    return { node, move };
  };
  const posts = () => connector.received.filter((r) => r.method === 'POST');
  const attachmentOf = (activity: Record<string, unknown>) => (activity.attachments as Array<{ contentType: string; content: unknown }>)[0]!;
  const cardText = (activity: Record<string, unknown>) => JSON.stringify(attachmentOf(activity).content);

  it('posts the reminder card to the stored conversation: the label escaped, the steps, their actors, the date', async () => {
    const { node } = await setUp();
    clock.set(inDays(12));
    expect((await node.scheduler.scanNow()).sent).to.equal(1);
    const [post] = posts();
    expect(post!.path).to.equal('/v3/conversations/a%3Apersonal-chat/activities');
    const text = cardText(post!.activity);
    expect(text).to.include('Reminder: \\\\*\\\\*Contoso\\\\*\\\\* \\\\<b\\\\>EU\\\\</b\\\\>');
    expect(text).to.include(`One week left: by ${inDays(19)}.`);
    expect(text).to.include("Who: Customer's Global or Billing admin");
    expect(text).to.not.include('guidance:');
  });

  it('the reminder is the move cards\' reminder card: valid, with [Done] [Remind me tomorrow] [Open move] for this move and date', async () => {
    const { node, move } = await setUp();
    if (move.outcome !== 'created') throw new Error(move.outcome);
    clock.set(inDays(12));
    await node.scheduler.scanNow();
    const card = attachmentOf(posts()[0]!.activity);
    assertValidCard(card, 'reminder as sent');
    const buttons = submitActions(card);
    expect(buttons.map((b) => b.title)).to.deep.equal(['Done', 'Remind me tomorrow', 'Open move']);
    const data = buttons.map((b) => SubmitDataSchema.parse(b.data));
    const id = move.move.id;
    expect(data).to.deep.equal([
      // Each carries the language the reminder was written in: a click is answered in it, whatever expired meanwhile.
      { action: 'move', op: 'done', id, date: inDays(19), locale: 'en' },
      { action: 'move', op: 'snooze', id, date: inDays(19), locale: 'en' },
      { action: 'move', op: 'open', id, date: inDays(19), locale: 'en' },
    ]);
  });

  it('in the user’s language (zh-TW), marked late after downtime', async () => {
    const { node } = await setUp('zh-TW');
    clock.set(inDays(18));
    expect(await node.scheduler.scanNow()).to.include({ sent: 2, late: 1 });
    const texts = posts().map((p) => cardText(p.activity));
    expect(texts[0]).to.include('還剩一週').and.include('延遲送達');
    expect(texts[1]).to.include('還剩一天').and.not.include('延遲送達');
  });

  it('429 then 200: sent once, after the connector policy backs off', async () => {
    const { node } = await setUp();
    connector.script.push({ status: 429, headers: { 'retry-after': '0' } });
    clock.set(inDays(12));
    expect((await node.scheduler.scanNow()).sent).to.equal(1);
    expect(connector.received.map((r) => r.answered)).to.deep.equal([429, 200]);
  });

  it('403 (the user blocked the bot): this and every later reminder stop, nothing retried', async () => {
    const { node } = await setUp();
    connector.otherwise = { status: 403 };
    clock.set(inDays(12));
    expect((await node.scheduler.scanNow()).unreachable).to.equal(1);
    expect(connector.received).to.have.length(1);
    clock.set(inDays(18));
    expect(await node.scheduler.scanNow()).to.include({ sent: 0, unreachable: 1 });
    clock.set(inDays(25));
    await node.scheduler.scanNow();
    expect(connector.received).to.have.length(1); // the second reminder found no conversation to send to
    expect((await node.moves.indexOf((await import('../../src/moves/index.js')).userKeyOf(alice)))!.reference).to.equal(undefined);
  });

  it('a reminder for a move already ticked, closed or deleted is not sent', async () => {
    const { node, move } = await setUp();
    if (move.outcome !== 'created') throw new Error(move.outcome);
    await node.moves.tick(alice, move.move.id, 'step.stopRecurringBilling', true, inDays(1));
    clock.set(inDays(12));
    expect((await node.scheduler.scanNow()).sent).to.equal(1); // provisionSame is still due
    await node.moves.setStatus(alice, move.move.id, 'closed', inDays(13));
    clock.set(inDays(19));
    expect((await node.scheduler.scanNow()).sent).to.equal(0);
    expect(posts()).to.have.length(1);
  });
});
