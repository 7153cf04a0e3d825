import {
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type BotState,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import { ADAPTIVE_CARD_ACTION_INVOKE } from '../cards/actions.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, IN_PLACE_CARDS, type CardName } from '../cards/render.js';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/index.js';
import type { TurnRunner } from './state/index.js';

export interface BotDeps {
  mainDialog: MainDialog;
  dialogState: StatePropertyAccessor<DialogState>;
  states: readonly BotState[];
  /**
   * Serializes, deduplicates and retries the turn, and saves its state eTag-checked (src/state); the app
   * always passes one. Without it (unit harnesses on TestAdapter) state is saved the plain botbuilder way.
   */
  turns?: TurnRunner;
}

/** Teams events in, dialog turns out. Everything a user says goes through MainDialog. */
export class CspMoveBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    // Teams sends the user's locale on installationUpdate (not on conversationUpdate), so welcome from here.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deps.mainDialog.greet(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      // In group chats and channels the text starts with "<at>Bot</at>": strip it before reading.
      if (context.activity.text) {
        context.activity.text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text;
      }
      await this.deps.mainDialog.run(context, this.deps.dialogState);
      await next();
    });
  }

  /**
   * Universal Actions (Action.Execute): the same dialog turn as a card submit, but the last card it
   * produces replaces the clicked card in place, so a check is one live card moving forward. Any
   * shape of invoke gets a 200 with a card or a message (never an error the user cannot act on).
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const cards: Array<Partial<Activity>> = [];
    let capturing = true;
    context.onSendActivities(async (_ctx, activities, next) => {
      if (capturing) {
        cards.push(...activities.filter(isCardOnly));
        const rest = activities.filter((a) => !isCardOnly(a));
        activities.splice(0, activities.length, ...rest);
        // Adapters refuse an empty send: when every activity was a captured card, nothing goes out now.
        if (activities.length === 0) return [];
      }
      return next();
    });
    await this.deps.mainDialog.run(context, this.deps.dialogState);
    capturing = false;
    // Only a card that carries this user's check forward may replace the clicked one: in a group chat
    // the clicked card may be someone else's, and a welcome or notice must not overwrite it for everyone.
    const last = cards.length > 0 && IN_PLACE_CARDS.has(cards.at(-1)!.attachments![0]!.name as CardName) ? cards.pop() : undefined;
    if (cards.length > 0) await context.sendActivities(cards);
    const value = last
      ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: last.attachments![0]!.content }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: this.deps.mainDialog.doneText(context) };
    return { status: 200, body: value };
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.turns) return this.deps.turns.run(context, () => super.run(context));
    await super.run(context);
    for (const state of this.deps.states) await state.saveChanges(context);
  }
}

function isCardOnly(activity: Partial<Activity>): boolean {
  return (
    activity.type === 'message' &&
    !activity.text &&
    activity.attachments?.length === 1 &&
    activity.attachments[0]!.contentType === ADAPTIVE_CARD_CONTENT_TYPE
  );
}
