import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../src/i18n/index.js';
import { renderHelpCard, renderLanguageCard, renderNoticeCard, renderWelcomeCard } from '../cards/index.js';
import { GuidedCheckDialog, GUIDED_CHECK_DIALOG } from './guidedCheckDialog.js';
import { isRelevant, questionById } from './questions.js';
import { newCheck, type CheckState, type DialogDeps } from './state.js';
import { clientLocaleUnsupported, switchTurnLocale, turnOf, type Turn } from './turn.js';

export const MAIN_DIALOG = 'mainDialog';

const WAITING: DialogTurnResult = { status: DialogTurnStatus.waiting };

/**
 * The root of every conversation. Commands and interruptions (help, cancel, start over, back,
 * language) are handled here, once, whatever question is open; everything else goes to the check.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new GuidedCheckDialog(deps));
  }

  /** Runs one turn against the dialog stack held in `dialogState`. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const set = new DialogSet(dialogState);
    set.add(this);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** Install or first contact outside a message turn: welcome once, in the user's language. */
  async greet(context: TurnContext): Promise<void> {
    await this.welcomeIfNew(context, await turnOf(context, this.deps));
  }

  protected override onBeginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.route(dc);
  }

  protected override onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.route(dc);
  }

  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const turn = await turnOf(dc.context, this.deps);
    const firstContact = await this.welcomeIfNew(dc.context, turn);
    const check = await this.deps.check.get(dc.context);
    const active = check?.status === 'active';
    const { intent } = turn;

    if (intent.kind === 'command') {
      switch (intent.command) {
        case 'help':
          await this.send(dc, renderHelpCard(turn.t, { inCheck: active }));
          return active ? this.resume(dc) : WAITING;
        case 'language':
          return intent.locale ? this.switchLanguage(dc, intent.locale, active) : this.send(dc, renderLanguageCard(turn.t, turn.locale));
        case 'cancel':
          await this.deps.check.delete(dc.context);
          await dc.cancelAllDialogs();
          return this.notice(dc, 'common:notice.cancelled', ['start', 'help']);
        case 'restart':
          return this.startCheck(dc);
        case 'start':
          if (!active) return this.startCheck(dc);
          await this.notice(dc, 'common:notice.resumeCheck');
          return this.resume(dc);
        case 'back':
          return this.back(dc, check);
      }
    }

    if (active) return this.resume(dc, dc.activeDialog !== undefined);
    if (firstContact) return WAITING;
    if (intent.kind === 'answer') return this.notice(dc, 'common:notice.outOfDate', ['start', 'help']);
    return this.notice(dc, 'common:notice.notUnderstood', ['start', 'help']);
  }

  /** Continues the open check; when the dialog stack lost it (or must re-ask), starts it again from the stored answers. */
  private async resume(dc: DialogContext, continueActive = false): Promise<DialogTurnResult> {
    if (continueActive) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return WAITING;
    }
    await dc.cancelAllDialogs();
    await dc.beginDialog(GUIDED_CHECK_DIALOG);
    return WAITING;
  }

  private async startCheck(dc: DialogContext): Promise<DialogTurnResult> {
    await this.deps.check.set(dc.context, newCheck());
    return this.resume(dc);
  }

  /** Reopens the last answered question that still applies, keeping every other answer. */
  private async back(dc: DialogContext, check: CheckState | undefined): Promise<DialogTurnResult> {
    if (!check) return this.notice(dc, 'common:notice.notUnderstood', ['start', 'help']);
    const answers = check.answers as Record<string, unknown>;
    let reopened = false;
    while (check.history.length > 0 && !reopened) {
      const id = check.history.pop()!;
      const question = questionById(id);
      reopened = question !== undefined && isRelevant(question, check.answers);
      check.previous = { ...check.previous, [id]: answers[id] };
      delete answers[id];
      check.skipped = check.skipped.filter((s) => s !== id);
    }
    if (!reopened) await this.notice(dc, 'common:notice.firstQuestion');
    await this.deps.check.set(dc.context, { ...check, status: 'active' });
    return this.resume(dc);
  }

  private async switchLanguage(dc: DialogContext, locale: Locale, active: boolean): Promise<DialogTurnResult> {
    const turn = await turnOf(dc.context, this.deps);
    await this.deps.profile.set(dc.context, { ...turn.profile, locale });
    switchTurnLocale(dc.context, this.deps, locale);
    await this.notice(dc, 'common:notice.languageChanged');
    return active ? this.resume(dc) : WAITING;
  }

  /** The welcome card the first time we hear from a user, and a one-time note when we can't speak their Teams language. */
  private async welcomeIfNew(context: TurnContext, turn: Turn): Promise<boolean> {
    let first = false;
    if (!turn.profile.welcomed) {
      await context.sendActivity({ attachments: [renderWelcomeCard(turn.t)] });
      turn.profile.welcomed = first = true;
    }
    if (clientLocaleUnsupported(context, turn.profile) && !turn.profile.unsupportedLocaleNoted) {
      await context.sendActivity({ attachments: [renderNoticeCard(turn.t, { textKey: 'common:notice.unsupportedLocale', actions: ['language'] })] });
      turn.profile.unsupportedLocaleNoted = true;
    }
    await this.deps.profile.set(context, turn.profile);
    return first;
  }

  private async notice(dc: DialogContext, textKey: string, actions: Array<'start' | 'help' | 'language' | 'restart'> = []) {
    const { t } = await turnOf(dc.context, this.deps);
    return this.send(dc, renderNoticeCard(t, { textKey, actions }));
  }

  private async send(dc: DialogContext, attachment: object): Promise<DialogTurnResult> {
    await dc.context.sendActivity({ attachments: [attachment as never] });
    return WAITING;
  }
}
