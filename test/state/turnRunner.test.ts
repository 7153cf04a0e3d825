import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  UserState,
  type Activity,
  type ResourceResponse,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import { expect } from 'chai';
import { createTranslator } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { DAY_MS, DeliveryLedger, TurnRunner, guardStorage, retentionPolicy, type TurnRunnerOptions } from '../../src/state/index.js';
import { reportIssuedETags } from '../../src/storage/etags.js';
import { tFor } from '../support/conversation.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

/** MemoryStorage with hooks: what happens just before a write, and switches for outages. */
function hookedStorage() {
  const inner = new MemoryStorage();
  const hooks = { beforeWrite: async (_changes: StoreItems) => {}, down: false, writesDown: false, writes: 0, reads: 0 };
  const storage: Storage = {
    read: async (keys) => {
      if (hooks.down) throw refused();
      hooks.reads++;
      return inner.read(keys);
    },
    write: async (changes) => {
      if (hooks.down || hooks.writesDown) throw refused();
      await hooks.beforeWrite(changes);
      hooks.writes++;
      await inner.write(changes);
      // As SqliteStorage and BlobStateStorage do: say which eTags the write gave its items.
      const written = await inner.read(Object.keys(changes));
      reportIssuedETags(changes, Object.fromEntries(Object.entries(written).map(([k, v]) => [k, String((v as { eTag: string }).eTag)])));
    },
    delete: (keys) => inner.delete(keys),
  };
  return { inner, storage, hooks };
}

type CountingBot = { count: (ctx: TurnContext) => Promise<number>; setCount: (ctx: TurnContext, n: number) => Promise<void> };

/**
 * The runner around a small counting bot, on botbuilder's TestAdapter (replies go to a "connector" at once).
 * `replay`, if given, is the runner's replay with the bot's state at hand; `lostSends` makes the next that
 * many connector calls fail (the replies of a saved turn do not leave).
 */
function harness(
  logic: (context: TurnContext, bot: CountingBot) => Promise<void>,
  options: Partial<TurnRunnerOptions> & { replayWith?: (context: TurnContext, bot: CountingBot) => Promise<void> } = {},
) {
  const { inner, storage: raw, hooks } = hookedStorage();
  const storage = guardStorage(raw);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const count = conversationState.createProperty<number>('count');
  const { replayWith, ...runnerOptions } = options;
  const connector = { lostSends: 0 };
  const runner = new TurnRunner({
    storage,
    states: [userState, conversationState],
    policy: retentionPolicy(30 * DAY_MS),
    deliveries: new DeliveryLedger(),
    ledgerState: conversationState,
    translator: createTranslator(),
    defaultLocale: 'en',
    logger: createLogger('silent'),
    backoffMs: () => 0,
    ...(replayWith ? { replay: (ctx: TurnContext) => replayWith(ctx, bot) } : {}),
    ...runnerOptions,
  });
  const sent: Array<Partial<Activity>> = [];
  const adapter = new (class extends TestAdapter {
    override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
      if (connector.lostSends > 0 && activities.some((a) => a.type === 'message')) {
        connector.lostSends--;
        throw Object.assign(new Error('connect ECONNRESET (the connector)'), { code: 'ECONNRESET' });
      }
      sent.push(...activities);
      return super.sendActivities(context, activities);
    }
  })();
  const bot = { count: (ctx: TurnContext) => count.get(ctx, 0) as Promise<number>, setCount: (ctx: TurnContext, n: number) => count.set(ctx, n) };
  const send = async (activity: Partial<Activity> = {}) => {
    const before = sent.length;
    await adapter.processActivity({ type: 'message', text: 'go', locale: 'en-US', ...activity } as Activity, (ctx) => runner.run(ctx, () => logic(ctx, bot)));
    return sent.slice(before);
  };
  const stored = async () => {
    const items = await inner.read(['test/conversations/Convo1/']);
    return (items['test/conversations/Convo1/'] as { count?: number } | undefined)?.count;
  };
  return { send, sent, hooks, inner, stored, runner, connector };
}

const texts = (activities: Array<Partial<Activity>>) => activities.filter((a) => a.type === 'message').map((a) => a.text);

describe('TurnRunner', () => {
  it('holds replies until the state they describe is saved, also when replies go to a connector at once', async () => {
    const h = harness(async (ctx, bot) => {
      const n = await bot.count(ctx);
      await ctx.sendActivity(`count ${n}`);
      await bot.setCount(ctx, n + 1);
    });
    let sentAtWrite = -1;
    h.hooks.beforeWrite = async (changes) => {
      // The turn's own save (the first write); a second one marks the delivery record once the replies left.
      if (sentAtWrite === -1 && Object.keys(changes).some((k) => k.includes('/conversations/'))) sentAtWrite = h.sent.length;
    };
    expect(texts(await h.send())).to.deep.equal(['count 0']);
    expect(sentAtWrite).to.equal(0);
    expect(texts(await h.send())).to.deep.equal(['count 1']);
    expect(await h.stored()).to.equal(2);
  });

  it('reads every state of a turn in one storage read and saves them in one write, and the bot sees what was read', async () => {
    const h = harness(async (ctx, bot) => {
      await ctx.sendActivity(`count was ${await bot.count(ctx)}`);
      await bot.setCount(ctx, (await bot.count(ctx)) + 1);
    });
    for (let turn = 0; turn < 3; turn++) expect(texts(await h.send({ id: `r${turn}` }))).to.deep.equal([`count was ${turn}`]);
    // Per turn: one read, one write of its state, and one small write once its replies have left (marking
    // the delivery record sent; this storage reports the eTags it issues, so no read before it).
    expect([h.hooks.reads, h.hooks.writes]).to.deep.equal([3, 6]);
    expect(await h.stored()).to.equal(3);
  });

  it('re-runs a turn whose state changed underneath it, on fresh state, and never sends the stale replies', async () => {
    let runs = 0;
    const h = harness(async (ctx, bot) => {
      runs++;
      // What a retry must not inherit: an edited activity and turn-state entries from the first attempt.
      expect(ctx.activity.text).to.equal('go');
      expect(ctx.turnState.get('attempt-mark')).to.equal(undefined);
      ctx.activity.text = 'edited';
      ctx.turnState.set('attempt-mark', runs);
      const n = await bot.count(ctx);
      await ctx.sendActivity(`count ${n}`);
      await bot.setCount(ctx, n + 1);
    });
    await h.send();
    // Another instance writes between this turn's read and its write, once.
    let interfered = false;
    h.hooks.beforeWrite = async (changes) => {
      const key = 'test/conversations/Convo1/';
      if (!interfered && key in changes) {
        interfered = true;
        const { eTag: _eTag, ...current } = (await h.inner.read([key]))[key] as Record<string, unknown>;
        await h.inner.write({ [key]: { ...current, count: 10 } });
      }
    };
    runs = 0;
    expect(texts(await h.send())).to.deep.equal(['count 10']);
    expect(runs).to.equal(2);
    expect(await h.stored()).to.equal(11);
  });

  it('gives up after maxAttempts of conflicts: the user is told to try again, in their language, and nothing changes', async () => {
    let runs = 0;
    const h = harness(
      async (ctx, bot) => {
        runs++;
        await ctx.sendActivity('never sent');
        await bot.setCount(ctx, (await bot.count(ctx)) + 1);
      },
      // The language the conversation reads from the loaded state (the user chose Traditional Chinese).
      { maxAttempts: 3, localeOf: () => 'zh-TW' },
    );
    await h.send();
    h.hooks.beforeWrite = async (changes) => {
      const key = 'test/conversations/Convo1/';
      if (key in changes) await h.inner.write({ [key]: { count: 100 } }); // someone always writes first
    };
    runs = 0;
    const replies = await h.send({ locale: 'en-US' });
    expect(runs).to.equal(3);
    expect(texts(replies)).to.deep.equal([tFor('zh-TW')('common:error.storageUnavailable')]);
    expect(await h.stored()).to.equal(100);
  });

  it('a send handler the bot registers during the turn sees the replies before they are held, and is dropped with a retried attempt', async () => {
    const seen: string[] = [];
    let registrations = 0;
    const h = harness(async (ctx, bot) => {
      registrations++;
      ctx.onSendActivities(async (_ctx, activities, next) => {
        seen.push(...activities.map((a) => String(a.text)));
        // Like the Universal Action handler: take one out of the send.
        const captured = activities.findIndex((a) => a.text === 'captured');
        if (captured >= 0) activities.splice(captured, 1);
        return next();
      });
      await ctx.sendActivities([{ text: 'captured' }, { text: `count ${await bot.count(ctx)}` }]);
      await bot.setCount(ctx, (await bot.count(ctx)) + 1);
    });
    let interfered = false;
    h.hooks.beforeWrite = async (changes) => {
      if (!interfered && 'test/conversations/Convo1/' in changes) {
        interfered = true;
        await h.inner.write({ 'test/conversations/Convo1/': { count: 5 } });
      }
    };
    const replies = await h.send();
    expect(registrations).to.equal(2);
    expect(texts(replies)).to.deep.equal(['count 5']);
    // First attempt: seen once at send; second: once at send, and once more when released (passing through).
    expect(seen).to.deep.equal(['captured', 'count 0', 'captured', 'count 5', 'count 5']);
  });

  it('storage unreachable: the user is told to try again, the turn changes nothing, and it runs normally once storage is back', async () => {
    let runs = 0;
    const h = harness(async (ctx, bot) => {
      runs++;
      await ctx.sendActivity('hello');
      await bot.setCount(ctx, (await bot.count(ctx)) + 1);
    });
    await h.send();
    h.hooks.down = true;
    expect(texts(await h.send({ locale: 'zh-CN', id: 'a1' }))).to.deep.equal([tFor('zh-CN')('common:error.storageUnavailable')]);
    h.hooks.down = false;
    // Teams' retry of the same activity runs: no delivery record was left behind.
    expect(texts(await h.send({ id: 'a1' }))).to.deep.equal(['hello']);
    expect(runs).to.equal(2);
    expect(await h.stored()).to.equal(2);
  });

  it('lets other errors through to the adapter (a generic apology); nothing is saved, not even the delivery record, so a retry runs', async () => {
    let fail = true;
    const h = harness(async (ctx, bot) => {
      await ctx.sendActivity('before the bug');
      await bot.setCount(ctx, 1);
      if (fail) throw new TypeError('a bug');
    });
    const error = await h.send({ id: 'b1' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect(h.sent).to.deep.equal([]);
    fail = false;
    expect(texts(await h.send({ id: 'b1' }))).to.deep.equal(['before the bug']);
  });

  it('answers a duplicate invoke with 200 and nothing else; a Universal Action during an outage gets a message response', async () => {
    const h = harness(async (ctx) => {
      await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } } });
    });
    const invoke = { type: 'invoke', name: 'adaptiveCard/action', id: 'i1', value: { action: { type: 'Action.Execute', data: {} } } } as Partial<Activity>;
    const first = await h.send(invoke);
    expect(first.map((a) => a.type)).to.deep.equal(['invokeResponse']);
    const duplicate = await h.send(invoke);
    expect(duplicate.map((a) => [a.type, a.value])).to.deep.equal([['invokeResponse', { status: 200 }]]);
    h.hooks.down = true;
    const down = await h.send({ ...invoke, id: 'i2', locale: 'zh-TW' });
    expect(down.map((a) => (a.value as { body?: unknown }).body)).to.deep.equal([
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: tFor('zh-TW')('common:error.storageUnavailable') },
    ]);
  });

  it('refuses a turn when too many turns of its conversation are already waiting', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = harness(
      async (ctx) => {
        await gate;
        await ctx.sendActivity('done');
      },
      { maxQueuedPerConversation: 2 },
    );
    const running = [h.send(), h.send()];
    const refusedTurn = await h.send();
    expect(texts(refusedTurn)).to.deep.equal([tFor('en')('common:error.storageUnavailable')]);
    release();
    await Promise.all(running);
    expect(h.runner.queue.activeKeys).to.equal(0);
  });
});

describe('TurnRunner: replies lost between the save and the send', () => {
  /** A bot whose every turn counts and says so; a replay says where the count stands, from the saved state. */
  const counting = async (ctx: TurnContext, bot: CountingBot) => {
    const n = await bot.count(ctx);
    await ctx.sendActivity(`count ${n}`);
    await bot.setCount(ctx, n + 1);
  };
  const replayWith = async (ctx: TurnContext, bot: CountingBot) => void (await ctx.sendActivity(`replayed: count is ${await bot.count(ctx)}`));

  it("Teams' retry of a turn whose replies never left gets the current card again, once; a further retry gets nothing", async () => {
    const h = harness(counting, { replayWith });
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal(['count 0']);
    h.connector.lostSends = 1;
    expect(await h.send({ id: 'm2' }).catch((e: unknown) => e)).to.be.instanceOf(Error);
    expect(await h.stored()).to.equal(2); // saved, though its reply never left
    expect(texts(await h.send({ id: 'm2' }))).to.deep.equal(['replayed: count is 2']);
    expect(await h.stored()).to.equal(2); // a replay changes nothing
    expect(texts(await h.send({ id: 'm2' }))).to.deep.equal([]);
    expect(texts(await h.send({ id: 'm3' }))).to.deep.equal(['count 2']);
  });

  it('a retry of a turn whose replies did leave gets nothing (no duplicate)', async () => {
    let replays = 0;
    const h = harness(counting, { replayWith: async (ctx, bot) => (replays++, replayWith(ctx, bot)) });
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal(['count 0']);
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal([]);
    expect(replays).to.equal(0);
  });

  it('a retry of an older turn whose replies were lost gets nothing once a later turn was saved (its reply carries the current card)', async () => {
    const h = harness(counting, { replayWith, deliveries: new DeliveryLedger({ now: (() => { let t = 1_000_000; return () => (t += 2000); })() }) });
    h.connector.lostSends = 1;
    await h.send({ id: 'old' }).catch(() => {});
    expect(texts(await h.send({ id: 'new' }))).to.deep.equal(['count 1']);
    expect(texts(await h.send({ id: 'old' }))).to.deep.equal([]);
  });

  it('a turn that says nothing is recorded as sent in its one write: its retry gets nothing, and no second write is made', async () => {
    let replays = 0;
    const h = harness(async (ctx, bot) => bot.setCount(ctx, (await bot.count(ctx)) + 1), { replayWith: async () => void replays++ });
    await h.send({ id: 'quiet' });
    expect(h.hooks.writes).to.equal(1);
    await h.send({ id: 'quiet' });
    expect(replays).to.equal(0);
    expect(await h.stored()).to.equal(1);
  });

  it('when the record cannot be marked sent (storage fails after the send), the retry gets the card once more: at most one duplicate', async () => {
    const h = harness(counting, { replayWith });
    let writes = 0;
    h.hooks.beforeWrite = async () => {
      if (++writes === 2) throw refused(); // the second write of the turn: marking its replies sent
    };
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal(['count 0']);
    h.hooks.beforeWrite = async () => {};
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal(['replayed: count is 1']);
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal([]);
  });

  it('a retried invoke gets the replay as its invoke response, whether or not its first answer was confirmed', async () => {
    const answer = (value: string) => ({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value } } });
    const h = harness(
      async (ctx, bot) => {
        await bot.setCount(ctx, (await bot.count(ctx)) + 1);
        await ctx.sendActivity(answer('first answer'));
      },
      { replayWith: async (ctx, bot) => void (await ctx.sendActivity(answer(`replayed: count is ${await bot.count(ctx)}`))) },
    );
    const invoke = { type: 'invoke', name: 'adaptiveCard/action', id: 'i1', value: { action: { type: 'Action.Execute', data: {} } } } as Partial<Activity>;
    // The invoke's answer leaves with the HTTP response, after the save: lost if the process dies first.
    let writes = 0;
    h.hooks.beforeWrite = async () => {
      if (++writes === 2) throw refused(); // the record stays "unsent", as if the process had died
    };
    expect((await h.send(invoke)).map((a) => (a.value as { body: { value: string } }).body.value)).to.deep.equal(['first answer']);
    h.hooks.beforeWrite = async () => {};
    expect((await h.send(invoke)).map((a) => (a.value as { body: { value: string } }).body.value)).to.deep.equal(['replayed: count is 1']);
    // Answered in place every time: an invoke must get a card or a message, and it replaces the clicked card.
    expect((await h.send(invoke)).map((a) => (a.value as { body: { value: string } }).body.value)).to.deep.equal(['replayed: count is 1']);
    expect(await h.stored()).to.equal(1);
  });

  it('an invoke with a reply is saved in one write (its retry gets the current card whatever the record says), a message in two', async () => {
    const answer = (value: string) => ({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value } } });
    const h = harness(
      async (ctx, bot) => {
        await bot.setCount(ctx, (await bot.count(ctx)) + 1);
        await ctx.sendActivity(ctx.activity.type === 'invoke' ? answer('clicked') : 'typed');
      },
      { replayWith: async (ctx, bot) => void (await ctx.sendActivity(answer(`replayed: count is ${await bot.count(ctx)}`))) },
    );
    await h.send({ type: 'invoke', name: 'adaptiveCard/action', id: 'i1', value: { action: { type: 'Action.Execute', data: {} } } } as Partial<Activity>);
    expect(h.hooks.writes).to.equal(1);
    await h.send({ id: 'm1' });
    expect(h.hooks.writes).to.equal(3);
    // The invoke's retry: the current card, and no write (nothing to mark).
    const retried = await h.send({ type: 'invoke', name: 'adaptiveCard/action', id: 'i1', value: { action: { type: 'Action.Execute', data: {} } } } as Partial<Activity>);
    expect(retried.map((a) => (a.value as { body: { value: string } }).body.value)).to.deep.equal(['replayed: count is 2']);
    expect(h.hooks.writes).to.equal(3);
  });

  it('a turn whose only reply updates the clicked card is saved in one write, and its retry gets nothing (no second card)', async () => {
    let replays = 0;
    const h = harness(
      async (ctx, bot) => {
        await bot.setCount(ctx, (await bot.count(ctx)) + 1);
        await ctx.updateActivity({ type: 'message', id: 'clicked-card', text: 'next question' });
        if (ctx.activity.text === 'and say') await ctx.sendActivity('a new message too');
      },
      { replayWith: async () => void replays++ },
    );
    await h.send({ id: 'u1' });
    expect(h.hooks.writes).to.equal(1);
    await h.send({ id: 'u1' });
    expect(replays).to.equal(0);
    // With a new message as well, the record is marked sent by a second write once they left.
    await h.send({ id: 'u2', text: 'and say' });
    expect(h.hooks.writes).to.equal(3);
  });

  it('replies in the HTTP response (expectReplies) are saved in one write: a second one would come before the response leaves', async () => {
    const h = harness(counting, { replayWith });
    await h.send({ id: 'e1', deliveryMode: 'expectReplies' });
    expect(h.hooks.writes).to.equal(1);
    await h.send({ id: 'e2' });
    expect(h.hooks.writes).to.equal(3);
  });

  it('without a replay function, such a retry gets nothing (the earlier behaviour)', async () => {
    const h = harness(counting);
    h.connector.lostSends = 1;
    await h.send({ id: 'm1' }).catch(() => {});
    expect(texts(await h.send({ id: 'm1' }))).to.deep.equal([]);
  });
});
