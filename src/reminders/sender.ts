import type { ConversationReference, TurnContext } from 'botbuilder';
import type { CardAttachment } from '../../cards/render.js';
import type { MoveReply } from '../../dialogs/core/replies.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import type { Logger } from '../logger.js';
import type { MoveStore } from '../moves/moveStore.js';
import type { ReminderItem } from './reminderBook.js';
import type { Delivery, ReminderSender } from './scheduler.js';

/** The one adapter call a proactive send needs (botbuilder's CloudAdapter has it). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * Answers that say this user cannot be reached again by retrying: 403 (ConversationBlockedByUser,
 * BotNotInConversationRoster: blocked, or the bot removed) and 404 (ConversationNotFound).
 */
const FINAL_STATUSES = new Set([403, 404]);
const statusOf = (err: unknown): number | undefined => {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | null;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
};

/** A reminder as the conversation shows it (a click on its buttons comes back there as a move intent). */
export type ReminderReply = Extract<MoveReply, { kind: 'reminder' }>;

export interface ProactiveSenderOptions {
  adapter: ProactiveAdapter;
  /** The bot's app id ('' without one: local runs and tests). */
  appId: string;
  moves: MoveStore;
  /** The reminder card in the user's language, with its [Done] [Remind me tomorrow] [Open move] (dialogs/renderReply). */
  renderReminder: (locale: Locale, reply: ReminderReply) => CardAttachment;
  defaultLocale: Locale;
  logger: Logger;
}

/**
 * Sends a reminder into the conversation the user last tracked or opened a move in, with the stored reference
 * (its serviceUrl included), through the adapter's connector client — whose retry policy already backs off on
 * 429 and 5xx (src/http/connectorRetry.ts). A 403/404 forgets the reference: every reminder of the user stops
 * (reported `unreachable`, logged by the scheduler) until they talk to the bot again.
 */
export class ProactiveSender implements ReminderSender {
  constructor(private readonly o: ProactiveSenderOptions) {}

  async deliver(reminder: ReminderItem, late: boolean): Promise<Delivery> {
    const { moves } = this.o;
    const move = await moves.moveOf(reminder.user, reminder.move);
    if (!move || move.status !== 'open') return 'skipped';
    const steps = move.actions.filter((a) => reminder.steps.includes(a.key) && !move.ticked.includes(a.key));
    if (steps.length === 0) return 'skipped';
    const index = await moves.indexOf(reminder.user);
    if (!index?.reference?.conversation || !index.reference.serviceUrl) return 'unreachable';
    const locale = resolveLocale(index.locale, undefined, this.o.defaultLocale);
    const reply: ReminderReply = {
      kind: 'reminder',
      moveId: move.id,
      label: move.label,
      date: reminder.date,
      daysBefore: reminder.daysBefore,
      ...(late ? { late: true } : {}),
      steps,
      locale,
    };
    const { contentType, content } = this.o.renderReminder(locale, reply);
    const activity = { type: 'message', attachments: [{ contentType, content }] };
    let failure: unknown;
    // The adapter would hand an error thrown here to onTurnError (an apology to the user): catch it and decide here.
    await this.o.adapter.continueConversationAsync(this.o.appId, index.reference, async (context) => {
      try {
        // A new message, not a reply to the continuation event the adapter made up (POST …/activities, which
        // the Agents Playground's connector takes too).
        context.activity.id = undefined;
        await context.sendActivity(activity);
      } catch (err) {
        failure = err;
      }
    });
    if (failure === undefined) return 'sent';
    const status = statusOf(failure);
    if (status !== undefined && FINAL_STATUSES.has(status)) {
      this.o.logger.warn({ user: reminder.user, status }, 'reminders stop: the user blocked or removed the bot');
      await moves.dropReference(reminder.user);
      return 'unreachable';
    }
    throw failure;
  }
}
