import { TeamsActivityHandler, TurnContext, type BotState, type StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/index.js';

export interface BotDeps {
  mainDialog: MainDialog;
  dialogState: StatePropertyAccessor<DialogState>;
  states: readonly BotState[];
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

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    for (const state of this.deps.states) await state.saveChanges(context);
  }
}
