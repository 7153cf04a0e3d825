import { ActivityTypes, TeamsActivityHandler, TurnContext, type BotState, type InvokeResponse } from 'botbuilder';
import { ADAPTIVE_CARD_ACTION_INVOKE } from '../cards/actions.js';
import type { Conversation } from '../dialogs/index.js';
import type { TurnRunner } from './state/index.js';

export interface BotDeps {
  conversation: Pick<Conversation, 'turn'> & Partial<Pick<Conversation, 'uninstalled'>>;
  states: readonly BotState[];
  /**
   * Serializes, deduplicates and retries the turn, and saves its state eTag-checked (src/state); the app
   * always passes one. Without it (unit harnesses on TestAdapter) state is saved the plain botbuilder way.
   */
  turns?: TurnRunner;
}

/** Teams events in, conversation turns out. */
export class CspMoveBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    // Teams sends the user's locale on installationUpdate (not on conversationUpdate), so welcome from here.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deps.conversation.turn(context, { kind: 'install' });
      await next();
    });
    // Removed from the personal chat: reminders have nowhere to go (they'd meet a 403); stop them now.
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.deps.conversation.uninstalled?.(context);
      await next();
    });
  }

  /**
   * A message is one conversation turn. Overridden rather than registered with onMessage: that runs it inside
   * ActivityHandler's event chain (the 'Message' handlers, then the 'Dialog' event), which has nothing else to
   * run here and costs a stack of async frames on every turn.
   */
  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    // In group chats and channels the text starts with "<at>Bot</at>": strip it before reading.
    if (context.activity.text) {
      context.activity.text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text;
    }
    await this.deps.conversation.turn(context);
  }

  /**
   * Universal Actions (Action.Execute): the same turn as a card submit; the card that carries the check
   * forward comes back in the response and replaces the clicked card. Any shape of invoke gets a 200.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    return (await this.deps.conversation.turn(context))!;
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.turns) return this.deps.turns.run(context, () => this.dispatch(context));
    await this.dispatch(context);
    for (const state of this.deps.states) await state.saveChanges(context);
  }

  /**
   * A message (most turns) goes straight to its turn: ActivityHandler would reach the same onMessageActivity
   * through its 'Turn' event chain, where this bot registers nothing. Every other activity takes that way.
   */
  private dispatch(context: TurnContext): Promise<void> {
    return context.activity?.type === ActivityTypes.Message ? this.onMessageActivity(context) : super.run(context);
  }
}
