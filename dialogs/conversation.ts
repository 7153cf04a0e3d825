import {
  ActivityTypes,
  PrivateConversationState,
  UserState,
  type Activity,
  type InvokeResponse,
  TurnContext,
  type Storage,
} from 'botbuilder';
import { DialogSet, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { ADAPTIVE_CARD_ACTION_INVOKE } from '../cards/actions.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render.js';
import { resolveLocale, type Locale, type Translator } from '../src/i18n/index.js';
import { turnTelemetryOf } from '../src/telemetry/turnTelemetry.js';
import { ConversationDialog, CONVERSATION_DIALOG } from './conversationDialog.js';
import type { Decision, TurnIntent } from './core/decide.js';
import { IN_PLACE_REPLIES } from './core/replies.js';
import { readProfile, type CheckState, type UserProfile } from './core/state.js';
import { buildLexicon } from './lexicon.js';
import { intentOf, isSharedChat } from './intent.js';
import { renderReply } from './renderReply.js';
import { CachedProperty } from './cachedProperty.js';
import { presentMove } from './core/moves.js';
import { runMoveEffect, type MoveServices } from './moveEffects.js';
import { MoveStore, userKeyOf, type UserRef } from '../src/moves/index.js';
import { ReminderBook } from '../src/reminders/index.js';
import { retentionPolicy, type RetentionPolicy } from '../src/state/retention.js';

export interface ConversationDeps {
  storage: Storage;
  translator: Translator;
  defaultLocale: Locale;
  today?: () => string;
  /** Tracked moves and their reminders; by default over `storage` with `policy`. */
  moves?: MoveServices;
  /** Retention of what the conversation keeps outside its turn state (tracked moves). Default: 30 days. */
  policy?: RetentionPolicy;
}

/** Who a move belongs to: the Entra object id where Teams gives one (the same person in every chat), else the channel's id. */
const userOf = (activity: Activity): UserRef => ({ channelId: activity.channelId, userId: activity.from?.aadObjectId ?? activity.from?.id ?? '' });

const DAY_MS = 86_400_000;
let today_ = { day: '', until: 0 };
/** Today in UTC (YYYY-MM-DD), worked out once a day: a turn asks several times and toISOString is not free. */
const isoToday = (): string => {
  const now = Date.now();
  if (now >= today_.until) today_ = { day: new Date(now).toISOString().slice(0, 10), until: (Math.floor(now / DAY_MS) + 1) * DAY_MS };
  return today_.day;
};

/** The dialog stack lives for one turn only: the core keeps its position in the check, so nothing else is stored. */
function turnScopedDialogState() {
  const key = Symbol('dialogState');
  return {
    get: async (context: TurnContext, fallback?: DialogState) => {
      if (!context.turnState.has(key) && fallback !== undefined) context.turnState.set(key, fallback);
      return context.turnState.get(key) as DialogState;
    },
    set: async (context: TurnContext, value: DialogState) => void context.turnState.set(key, value),
    delete: async (context: TurnContext) => void context.turnState.delete(key),
  };
}

/**
 * Updates a message the user clicked; if the channel refuses (the message is gone, or too old to edit), the card is
 * sent as a new message instead. Updates leave only once the turn is saved (src/state/replyBuffer.ts): the fallback
 * runs then, as a step of the update.
 */
async function updateOrSend(context: TurnContext, activity: Partial<Activity>): Promise<void> {
  context.onUpdateActivity(async (ctx, updated, next) => {
    if (updated.id !== activity.id) return next();
    try {
      await next();
    } catch {
      await ctx.sendActivity({ attachments: updated.attachments });
    }
  });
  await context.updateActivity(activity);
}

/**
 * Every conversation: the user's profile (per user) and check (per user per conversation, so two partners in
 * one group chat don't share one), the dialog that decides each turn, and the host that applies a decision:
 * it writes the state (saved eTag-checked by the turn runner before any reply leaves), renders the replies
 * in the turn's language and sends them; a Universal Action gets its card back in the invoke response.
 */
export function createConversation({ storage, translator, defaultLocale, today = isoToday, moves, policy = retentionPolicy(30 * DAY_MS) }: ConversationDeps) {
  const moveServices: MoveServices = moves ?? defaultMoveServices(storage, policy);
  // The forget card says how long checks left in other chats are kept.
  const rendering = { stateTtlDays: Math.round(policy.ttlMs / DAY_MS) };
  const userState = new UserState(storage);
  const checkState = new PrivateConversationState(storage);
  const profile = new CachedProperty<UserProfile>(userState, 'profile');
  const check = new CachedProperty<CheckState>(checkState, 'check');
  const dialogs = new DialogSet(turnScopedDialogState());
  const lexicon = buildLexicon();
  dialogs.add(new ConversationDialog({ lexicon, profile, check, today, defaultLocale }));

  // botbuilder-dialogs rebuilds its memory scopes (stateless objects) for every turn unless the turn state has them
  // under this key: the first turn's are handed to every later one.
  const DIALOG_MEMORY = 'DialogStateManagerConfiguration';
  let memory: DialogStateManagerConfiguration | undefined;
  async function decideTurn(context: TurnContext, intent?: TurnIntent): Promise<Decision> {
    if (memory && !context.turnState.has(DIALOG_MEMORY)) context.turnState.set(DIALOG_MEMORY, memory);
    const dc = await dialogs.createContext(context);
    memory ??= dc.state.configuration;
    const result = await dc.beginDialog(CONVERSATION_DIALOG, intent ? { intent } : undefined);
    return result.result as Decision;
  }

  async function apply(context: TurnContext, decision: Decision): Promise<InvokeResponse | undefined> {
    await profile.set(context, decision.profile);
    if (decision.check) await check.set(context, decision.check);
    else await check.delete(context);

    const t = translator.t(decision.locale);
    const day = today();
    turnTelemetryOf(context)?.decided(decision, day);
    const { activity } = context;
    const invoke = activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION_INVOKE;
    const replies = [...decision.replies];
    // In a group chat or channel the clicked card may be another member's, and what replaces it there replaces it
    // for everyone: a click there changes only the clicker's check, and their next card comes as a new message.
    const shared = isSharedChat(activity);
    let clickedCard = decision.inPlace;
    if (decision.effect) {
      // Reminders go to a personal chat only: a group chat may include the customer.
      const reference = shared ? undefined : TurnContext.getConversationReference(activity);
      const outcome = await runMoveEffect(moveServices, decision.effect, { user: userOf(activity as Activity), reference, locale: decision.locale, today: day });
      const presented = presentMove(decision.effect, outcome, day, decision.locale);
      replies.push(...presented.replies);
      if (presented.inPlace) clickedCard = presented.inPlace;
    }
    // Only cards of the check were sent with Action.Execute (before every click became Action.Submit): whatever
    // such a click leads to, the card that carries the check forward replaces it, as it did then.
    if (invoke && !clickedCard && replies.length > 0 && IN_PLACE_REPLIES.has(replies.at(-1)!.kind)) clickedCard = replies.pop();
    // Where that card goes: an Action.Execute's invoke response; for an Action.Submit (every client, Teams mobile
    // included) an update of the clicked message; else (a group chat, replies in the HTTP response) a new message,
    // as it does when the update is refused.
    const inResponse = !shared && invoke ? clickedCard : undefined;
    const update = !shared && !invoke && activity.replyToId && activity.deliveryMode !== 'expectReplies' ? clickedCard : undefined;
    if (clickedCard && !inResponse && !update) replies.push(clickedCard);
    for (const reply of replies) {
      const { card, text } = renderReply(t, reply, day, rendering);
      // Markdown with hard breaks (renderReply writes them): sent as 'plain', the Agents Playground runs the lines together.
      await context.sendActivity(text ? { text, textFormat: 'markdown', attachments: [card as never] } : { attachments: [card as never] });
    }
    if (update) await updateOrSend(context, { type: ActivityTypes.Message, id: activity.replyToId, attachments: [renderReply(t, update, day, rendering).card as never] });
    if (!invoke) return undefined;
    // A Universal Action (a card sent before every click became Action.Submit): the card comes back in the response.
    const value = inResponse
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: renderReply(t, inResponse, day, rendering).card.content }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: String(t('common:notice.done')) };
    return { status: 200, body: value };
  }

  return {
    states: [userState, checkState] as const,
    /**
     * The language this turn speaks, for whoever must tell the user something went wrong: the user's choice from
     * the profile as the turn runner loaded it (this turn's switch included), else the Teams client's. Reads only
     * what is already loaded: it works when storage is down.
     */
    localeOf(context: TurnContext): Locale {
      const loaded = userState.get(context) as { profile?: unknown } | undefined;
      return resolveLocale(context.activity.locale, readProfile(loaded?.profile).locale, defaultLocale);
    },
    /** Where the turn runner records processed activity ids: per user per conversation, saved on most turns. */
    ledgerState: checkState,
    /** One turn: decide (the dialog), then apply. Returns the invoke response for a Universal Action. */
    async turn(context: TurnContext, intent?: TurnIntent): Promise<InvokeResponse | undefined> {
      return apply(context, await decideTurn(context, intent));
    },
    /** The app was removed from a personal chat: its user's reminders stop (their moves stay until they come back or expire). */
    async uninstalled(context: TurnContext): Promise<void> {
      if (isSharedChat(context.activity)) return;
      await moveServices.store.dropReference(userKeyOf(userOf(context.activity as Activity)));
    },
    /**
     * For a retried activity whose turn was saved but whose replies may not have left: the card the user should
     * see now, from the saved state, sent again (an invoke gets it as its response). Changes nothing.
     */
    async replay(context: TurnContext): Promise<InvokeResponse | undefined> {
      // A click on a move's card did its work in the move store, not in this state: run again (every move
      // effect is idempotent), it shows the move as it now is.
      const intent = intentOf(context.activity, lexicon);
      return apply(context, await decideTurn(context, intent.kind === 'move' ? intent : { kind: 'resend' }));
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;

function defaultMoveServices(storage: Storage, policy: RetentionPolicy): MoveServices {
  const book = new ReminderBook({ storage, policy });
  return { store: new MoveStore({ storage, policy, reminders: book }), book };
}
export type { Activity };
