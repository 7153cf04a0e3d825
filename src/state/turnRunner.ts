import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { resolveLocale, type Locale, type Translator } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { correlationIdOf } from '../turnContextKeys.js';
import { isEtagConflict } from '../storage/etags.js';
import { loadStates, saveStates, type KeyedBotState, type LoadedState } from './checkedState.js';
import { ConversationQueue, QueueFullError } from './conversationQueue.js';
import type { DeliveryLedger } from './deliveries.js';
import { ReplyBuffer } from './replyBuffer.js';
import type { RetentionPolicy } from './retention.js';
import { isStorageUnavailable, StorageUnavailableError } from './storageGuard.js';
import { snapshotTurn } from './turnSnapshot.js';
import { turnTelemetryOf } from '../telemetry/turnTelemetry.js';

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
  /** The user's language as far as the loaded state tells (the conversation's localeOf); else the client's. */
  localeOf?: (context: TurnContext) => Locale;
  logger: Logger;
  /** Attempts of one turn before giving up on eTag conflicts. Default 8. */
  maxAttempts?: number;
  /** Turns of one conversation allowed to wait in this instance. Default 50. */
  maxQueuedPerConversation?: number;
  /** Pause before attempt `attempt + 1`, after a conflict. Default: exponential with full jitter, ≤ 400 ms. */
  backoffMs?: (attempt: number) => number;
  /**
   * For a redelivered activity whose turn was saved but whose replies may not have left (the process died,
   * or Teams gave up waiting, between the save and the send), and for any redelivered invoke (an invoke
   * must be answered with something, and its answer replaces the clicked card in place): send the current
   * card of this user's check (its question, or its result) from the saved state, as a new message; for an
   * invoke, send it as the invoke response. It must not change state (nothing it changes is saved).
   * Without it, such a redelivery gets nothing (an invoke: a bare 200).
   */
  replay?: (context: TurnContext) => Promise<void>;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

const jitteredBackoff = (attempt: number) => Math.random() * Math.min(400, 25 * 2 ** attempt);

/**
 * Runs each turn so that state survives concurrency, redelivery and outages:
 * 1. turns of one conversation run one at a time in this instance (ConversationQueue);
 * 2. state is read fresh and written back eTag-checked; on a conflict (another instance wrote first) the
 *    whole turn runs again on the fresh state, its held replies discarded (ReplyBuffer), up to maxAttempts;
 * 3. a redelivered activity runs once, across instances: the turn's save records its activity id
 *    (DeliveryLedger), "unsent" when it has replies to send; once they have left, a second small write marks
 *    it "sent". A redelivery whose record says sent gets nothing (an invoke: the current card, in place);
 *    one whose record is still unsent (the process died, or Teams gave up waiting, in between) gets the
 *    current card again (`replay`) — so a reply is not lost, and a card shows twice only if its replies left
 *    unconfirmed;
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
      turnTelemetryOf(context)?.outcome('busy');
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
      let unsent: { key: string; value: Record<string, unknown>; eTag: string | undefined } | undefined;
      for (let attempt = 1; ; attempt++) {
        const loaded = await loadStates(context, storage, states, policy, ledgerState);
        const ledgerEntry = loaded.find((entry) => entry.state === ledgerState);
        const ledger = ledgerEntry?.object;
        const status = ledger ? deliveries.statusOf(ledger, delivery) : 'new';
        const invoke = context.activity.type === ActivityTypes.Invoke;
        if (this.options.replay && (status === 'unsent' || (invoke && status !== 'new'))) return await this.replay(context, replies, ledgerEntry!, delivery, status);
        if (status !== 'new') return await this.dropDuplicate(context, replies, status);
        await logic();
        const current = ledgerState.get(context) as Record<string, unknown> | undefined;
        // Until its replies have left, the record asks a redelivery for the current card again. Some turns need no
        // second write to say they left:
        // - replies that travel in the HTTP response (an invoke's answer, expectReplies): the second write would
        //   come before the response leaves anyway, so it could confirm nothing; a redelivered invoke gets the
        //   current card whatever its record says (see above);
        // - a turn whose only reply updates the card that was clicked (most clicks): should that update be lost,
        //   the card still shows the question it showed, and a click on it shows the current one in its place,
        //   where a replay would add a second card to the chat.
        const inResponse = invoke || context.activity.deliveryMode === 'expectReplies';
        const sent = !replies.holding || (inResponse && this.options.replay !== undefined) || replies.holdingOnlyChanges;
        if (ledger && current) deliveries.record(current, delivery, { sent });
        const saved = await saveStates(context, storage, loaded, policy);
        if (saved.outcome === 'saved') {
          const written = ledgerEntry && saved.written[ledgerEntry.key];
          if (!sent && written && delivery !== undefined) unsent = { key: ledgerEntry.key, ...written };
          break;
        }
        replies.discard();
        if (attempt >= this.maxAttempts) throw new StorageUnavailableError(new Error(`eTag conflict on all ${attempt} attempts`));
        logger.debug({ correlationId, attempt }, 'state changed under this turn: running it again on fresh state');
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
        start.restore();
      }
      await replies.release();
      if (unsent) await this.markSent(context, unsent.key, delivery, unsent);
    } catch (err) {
      // Failed before the save: nothing was saved, not even the delivery record, so a redelivery runs. Failed
      // sending the replies: the record stays "unsent", so a redelivery gets the current card (replay).
      replies.open();
      if (!isStorageUnavailable(err)) throw err;
      logger.warn({ correlationId, err: err.cause }, 'storage unavailable: turn not applied');
      turnTelemetryOf(context)?.outcome('storage-unavailable', err.cause);
      await this.sayUnavailable(context);
    }
  }

  /**
   * Already processed and answered (Teams re-sent it, or another instance ran it meanwhile), or a later turn
   * carries the conversation on: say nothing, change nothing.
   */
  private async dropDuplicate(context: TurnContext, replies: ReplyBuffer, status: string): Promise<void> {
    this.options.logger.info({ correlationId: correlationIdOf(context), activityId: context.activity.id, status }, 'duplicate delivery ignored');
    turnTelemetryOf(context)?.outcome('duplicate');
    replies.open();
    if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  }

  /**
   * A redelivery of a turn that was saved but whose replies may not have left (or of any invoke): the user
   * gets the current card from the saved state (which the turn has just read), then an unsent record is
   * marked sent so that a further redelivery gets nothing. Nothing the replay changes is saved.
   */
  private async replay(context: TurnContext, replies: ReplyBuffer, ledger: LoadedState, delivery: string | undefined, status: string): Promise<void> {
    const correlationId = correlationIdOf(context);
    this.options.logger.info({ correlationId, activityId: context.activity.id }, 'redelivery of a turn whose replies may not have left: sending the current card again');
    turnTelemetryOf(context)?.outcome('replayed');
    await this.options.replay!(context);
    await replies.release();
    if (status === 'unsent') await this.markSent(context, ledger.key, delivery);
  }

  /**
   * The second, small write after the replies left: the ledger record of `delivery` stops asking for a
   * replay. With the item as just written and its new eTag (when the storage reports it) no read is needed;
   * otherwise, or when another turn wrote meanwhile, it is read fresh (3 tries). If it cannot be written,
   * the record stays "unsent": a redelivery would show the current card once more, nothing worse.
   */
  private async markSent(context: TurnContext, key: string, delivery: string | undefined, known?: { value: Record<string, unknown>; eTag: string | undefined }): Promise<void> {
    const { storage, deliveries, logger } = this.options;
    const correlationId = correlationIdOf(context);
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        let value: Record<string, unknown>;
        let eTag: unknown;
        if (attempt === 1 && known?.eTag !== undefined) ({ value, eTag } = { value: { ...known.value }, eTag: known.eTag });
        else {
          const item = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
          if (!item) return;
          ({ eTag, ...value } = item);
        }
        // Without the eTag it was read with, a write could replace a newer turn's state.
        if (typeof eTag !== 'string') return;
        if (!deliveries.markSent(value, delivery)) return;
        try {
          await storage.write({ [key]: { ...value, eTag } });
          return;
        } catch (err) {
          if (!isEtagConflict(err)) throw err;
        }
      }
      logger.warn({ correlationId }, 'replies sent, but the delivery record could not be marked: it changed under every try');
    } catch (err) {
      logger.warn({ correlationId, err }, 'replies sent, but the delivery record could not be marked');
    }
  }

  /** "Temporarily unavailable, your answers are kept" in the user's language (as far as we know it without storage). */
  private async sayUnavailable(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return;
    const locale = this.options.localeOf?.(context) ?? resolveLocale(activity.locale, undefined, this.options.defaultLocale);
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
