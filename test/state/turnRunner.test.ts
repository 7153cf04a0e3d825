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
import { TURN_LOCALE } from '../../src/turnContextKeys.js';
import { tFor } from '../support/conversation.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

/** MemoryStorage with hooks: what happens just before a write, and switches for outages. */
function hookedStorage() {
  const inner = new MemoryStorage();
  const hooks = { beforeWrite: async (_changes: StoreItems) => {}, down: false, writes: 0, reads: 0 };
  const storage: Storage = {
    read: async (keys) => {
      if (hooks.down) throw refused();
      hooks.reads++;
      return inner.read(keys);
    },
    write: async (changes) => {
      if (hooks.down) throw refused();
      await hooks.beforeWrite(changes);
      hooks.writes++;
      return inner.write(changes);
    },
    delete: (keys) => inner.delete(keys),
  };
  return { inner, storage, hooks };
}

/** The runner around a small counting bot, on botbuilder's TestAdapter (replies go to a "connector" at once). */
function harness(logic: (context: TurnContext, bot: { count: (ctx: TurnContext) => Promise<number>; setCount: (ctx: TurnContext, n: number) => Promise<void> }) => Promise<void>, options: Partial<TurnRunnerOptions> = {}) {
  const { inner, storage: raw, hooks } = hookedStorage();
  const storage = guardStorage(raw);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const count = conversationState.createProperty<number>('count');
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
    ...options,
  });
  const sent: Array<Partial<Activity>> = [];
  const adapter = new (class extends TestAdapter {
    override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
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
  return { send, sent, hooks, inner, stored, runner };
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
      if (Object.keys(changes).some((k) => k.includes('/conversations/'))) sentAtWrite = h.sent.length;
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
    expect([h.hooks.reads, h.hooks.writes]).to.deep.equal([3, 3]);
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
        ctx.turnState.set(TURN_LOCALE, 'zh-TW');
        await ctx.sendActivity('never sent');
        await bot.setCount(ctx, (await bot.count(ctx)) + 1);
      },
      { maxAttempts: 3 },
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
