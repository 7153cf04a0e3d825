import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { resolveLocale, type Locale, type Translator } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { correlationIdOf, TURN_LOCALE } from '../turnContextKeys.js';
import { loadStates, saveStates, type KeyedBotState } from './checkedState.js';
import { ConversationQueue, QueueFullError } from './conversationQueue.js';
import type { DeliveryLedger } from './deliveries.js';
import { ReplyBuffer } from './replyBuffer.js';
import type { RetentionPolicy } from './retention.js';
import { isStorageUnavailable, StorageUnavailableError } from './storageGuard.js';
import { snapshotTurn } from './turnSnapshot.js';

export interface TurnRunnerOptions {
  /** The bot's storage, wrapped by guardStorage (the states must use the same one). */
  storage: Storage;
  states: readonly KeyedBotState[];
  policy: RetentionPolicy;
  /** Records each processed activity in `ledgerState`, so that a redelivery is dropped. */
  deliveries: DeliveryLedger;
  /** One of `states`, keyed per user and conversation (a redelivery has the same key), saved by most turns anyway. */
  ledgerState: KeyedBotState;
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
  /** Attempts of one turn before giving up on eTag conflicts. Default 8. */
  maxAttempts?: number;
  /** Turns of one conversation allowed to wait in this instance. Default 50. */
  maxQueuedPerConversation?: number;
  /** Pause before attempt `attempt + 1`, after a conflict. Default: exponential with full jitter, ≤ 400 ms. */
  backoffMs?: (attempt: number) => number;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

const jitteredBackoff = (attempt: number) => Math.random() * Math.min(400, 25 * 2 ** attempt);

/**
 * Runs each turn so that state survives concurrency, redelivery and outages:
 * 1. turns of one conversation run one at a time in this instance (ConversationQueue);
 * 2. state is read fresh and written back eTag-checked; on a conflict (another instance wrote first) the
 *    whole turn runs again on the fresh state, its held replies discarded (ReplyBuffer), up to maxAttempts;
 * 3. a redelivered activity runs once, across instances: the turn's save records its activity id
 *    (DeliveryLedger), and a turn whose id is already recorded is dropped;
 * 4. replies leave only once the state they describe is saved;
 * 5. if storage is unreachable, or conflicts never stop, the user is told, in their language, that the
 *    service is briefly unavailable and their answers are kept; nothing was changed.
 * Other errors propagate to the adapter's onTurnError (a generic apology).
 */
export class TurnRunner {
  readonly queue: ConversationQueue;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(private readonly options: TurnRunnerOptions) {
    this.queue = new ConversationQueue(options.maxQueuedPerConversation ?? 50);
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? jitteredBackoff;
  }

  async run(context: TurnContext, logic: () => Promise<void>): Promise<void> {
    const { channelId, conversation } = context.activity;
    try {
      await this.queue.run(`${channelId}\n${conversation?.id ?? ''}`, () => this.runOnce(context, logic));
    } catch (err) {
      if (!(err instanceof QueueFullError)) throw err;
      this.options.logger.warn({ correlationId: correlationIdOf(context) }, 'turn refused: too many turns waiting for this conversation');
      await this.sayUnavailable(context);
    }
  }

  private async runOnce(context: TurnContext, logic: () => Promise<void>): Promise<void> {
    const { storage, states, policy, deliveries, ledgerState, logger } = this.options;
    const correlationId = correlationIdOf(context);
    const replies = new ReplyBuffer(context, (err) => logger.warn({ correlationId, err }, 'a held card update failed'));
    try {
      const start = snapshotTurn(context);
      const delivery = deliveries.idOf(context.activity);
      for (let attempt = 1; ; attempt++) {
        const loaded = await loadStates(context, storage, states, policy, ledgerState);
        const ledger = loaded.find((entry) => entry.state === ledgerState)?.object;
        if (ledger && deliveries.seen(ledger, delivery)) return await this.dropDuplicate(context, replies);
        await logic();
        const current = ledgerState.get(context) as Record<string, unknown> | undefined;
        if (ledger && current) deliveries.record(current, delivery);
        if ((await saveStates(context, storage, loaded, policy)) === 'saved') break;
        replies.discard();
        if (attempt >= this.maxAttempts) throw new StorageUnavailableError(new Error(`eTag conflict on all ${attempt} attempts`));
        logger.debug({ correlationId, attempt }, 'state changed under this turn: running it again on fresh state');
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
        start.restore();
      }
      await replies.release();
    } catch (err) {
      // Nothing was saved, not even the delivery record: a redelivery of this activity runs.
      replies.open();
      if (!isStorageUnavailable(err)) throw err;
      logger.warn({ correlationId, err: err.cause }, 'storage unavailable: turn not applied');
      await this.sayUnavailable(context);
    }
  }

  /** Already processed (Teams re-sent it, or another instance ran it meanwhile): say nothing, change nothing. */
  private async dropDuplicate(context: TurnContext, replies: ReplyBuffer): Promise<void> {
    this.options.logger.info({ correlationId: correlationIdOf(context), activityId: context.activity.id }, 'duplicate delivery ignored');
    replies.open();
    if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  }

  /** "Temporarily unavailable, your answers are kept" in the user's language (as far as we know it without storage). */
  private async sayUnavailable(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return;
    const locale = resolveLocale(activity.locale, context.turnState.get(TURN_LOCALE), this.options.defaultLocale);
    const text = this.options.translator.t(locale)('common:error.storageUnavailable');
    try {
      if (activity.type === ActivityTypes.Invoke) {
        // A Universal Action shows a message response in place of the card; other invokes just fail.
        const body = activity.name === ADAPTIVE_CARD_ACTION ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } : undefined;
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: body ? { status: 200, body } : { status: 503 } });
      } else {
        await context.sendActivity(text);
      }
    } catch (err) {
      this.options.logger.warn({ correlationId: correlationIdOf(context), err }, 'could not tell the user that storage is unavailable');
    }
  }
}
