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
import {
  renderChangeAnswerCard,
  renderFaqAnswerCard,
  renderHelpCard,
  renderLanguageCard,
  renderNoticeCard,
  renderQuickFormCard,
  renderResultCard,
  renderShare,
  renderWelcomeCard,
  type NoticeAction,
} from '../cards/index.js';
import type { QuickFormField } from '../cards/actions.js';
import { answerFreeText, looksLikeQuestion } from '../src/faq/index.js';
import { guidanceFor } from './result.js';
import { readTypedAnswer } from './typedAnswer.js';
import { QUICK_FORM_QUESTIONS, readQuickForm } from './quickForm.js';
import { GuidedCheckDialog, GUIDED_CHECK_DIALOG } from './guidedCheckDialog.js';
import { isRelevant, nextQuestion, questionById, type QuestionId } from './questions.js';
import { answerText, newCheck, readCheck, type CheckState, type DialogDeps } from './state.js';
import { cachedTurn, clientLocaleUnsupported, switchTurnLocale, turnOf, type Turn } from './turn.js';

export const MAIN_DIALOG = 'mainDialog';

/** The quick form opens with the last check's answers filled in, so a partner can adjust rather than retype. */
const formValues = (check: CheckState | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(check?.answers ?? {})
      .map(([k, v]) => [k, answerText(v)])
      .filter((e): e is [string, string] => e[1] !== undefined),
  );

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

  /** A short acknowledgement for a card action whose turn produced no card to show in its place. */
  doneText(context: TurnContext): string {
    const t = cachedTurn(context)?.t ?? this.deps.translator.t(this.deps.defaultLocale);
    return String(t('common:notice.done'));
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
    const check = readCheck(await this.deps.check.get(dc.context));
    // A result saved by an earlier version may miss an answer this version asks: the check picks up there.
    if (check?.status === 'done' && nextQuestion(check.answers, this.deps.today(), check.skipped)) {
      check.status = 'active';
      await this.deps.check.set(dc.context, check);
    }
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
        case 'quick':
          return this.send(dc, renderQuickFormCard(turn.t, { questions: QUICK_FORM_QUESTIONS, values: formValues(check), missing: [] }));
        case 'change':
          return this.offerChange(dc, check);
        case 'share':
          return this.share(dc, check);
      }
    }
    if (intent.kind === 'quickForm') return this.quickForm(dc, intent.fields);
    if (intent.kind === 'change') return this.change(dc, check, intent.questionId);

    if (intent.kind === 'text' && (await this.answeredQuestion(dc, intent.text, check))) {
      return active ? this.resume(dc) : WAITING;
    }
    if (active) return this.resume(dc, dc.activeDialog !== undefined);
    if (firstContact) return WAITING;
    if (intent.kind === 'answer') return this.notice(dc, 'common:notice.outOfDate', ['start', 'help']);
    if (intent.kind === 'text') return this.notice(dc, 'faq:notSure', ['start', 'quick', 'help']);
    return this.notice(dc, 'common:notice.notUnderstood', ['start', 'quick', 'help']);
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

  /**
   * A typed question ("can the customer get a refund?") gets its answer; during a check only when the
   * text is not an answer to the open question, and the check then carries on at the same question.
   */
  private async answeredQuestion(dc: DialogContext, text: string, check: CheckState | undefined): Promise<boolean> {
    const open = check ? nextQuestion(check.answers, this.deps.today(), check.skipped) : undefined;
    const answers = (partial: boolean) => open !== undefined && readTypedAnswer(open, text, this.deps.lexicon, { partial }) !== undefined;
    // An exact answer wins; a sentence that reads as a question beats an answer word it happens to contain.
    if (answers(false)) return false;
    const match = looksLikeQuestion(text) || !answers(true) ? answerFreeText(text) : undefined;
    if (!match) return false;
    const { t } = await turnOf(dc.context, this.deps);
    // What the open check already knows picks the answer's variant (a transfer, a date already passed …).
    const situation = check ? { answers: check.answers, today: this.deps.today() } : undefined;
    await this.send(dc, renderFaqAnswerCard(t, match.topic, { inCheck: open !== undefined, situation }));
    return true;
  }

  /** One submit, the full result; anything missing is marked on the same form with the entered values kept. */
  private async quickForm(dc: DialogContext, fields: Partial<Record<QuickFormField, string>>): Promise<DialogTurnResult> {
    const { t } = await turnOf(dc.context, this.deps);
    const { answers, missing, asked } = readQuickForm(fields, this.deps.today());
    if (missing.length > 0) {
      return this.send(dc, renderQuickFormCard(t, { questions: QUICK_FORM_QUESTIONS, values: fields, missing }));
    }
    const skipped = asked.filter((id) => answers[id] === undefined);
    await dc.cancelAllDialogs();
    await this.deps.check.set(dc.context, { status: 'done', answers, history: asked, skipped });
    return this.send(dc, renderResultCard(t, guidanceFor(answers, this.deps.today())));
  }

  /** "Which answer?": the questions the last check asked, each with its answer. */
  private async offerChange(dc: DialogContext, check: CheckState | undefined): Promise<DialogTurnResult> {
    if (!check || check.history.length === 0) return this.notice(dc, 'common:notice.noCheckYet', ['start', 'quick']);
    const { t } = await turnOf(dc.context, this.deps);
    const answered = check.history
      .map((id) => questionById(id))
      .filter((q) => q !== undefined && isRelevant(q, check.answers, this.deps.today()))
      .map((question) => ({ question: question!, answer: answerText(check.answers[question!.id]) }));
    return this.send(dc, renderChangeAnswerCard(t, { answered }));
  }

  /** Reopens one question with its answer pre-selected; every other answer stays, so the check ends right after. */
  private async change(dc: DialogContext, check: CheckState | undefined, questionId: string | undefined): Promise<DialogTurnResult> {
    const question = questionId ? questionById(questionId) : undefined;
    if (!check || !question || !check.history.includes(question.id)) return this.offerChange(dc, check);
    const answers = check.answers as Record<string, unknown>;
    const id: QuestionId = question.id;
    await this.deps.check.set(dc.context, {
      status: 'active',
      answers: Object.fromEntries(Object.entries(answers).filter(([k]) => k !== id)),
      history: check.history.filter((h) => h !== id),
      skipped: check.skipped.filter((h) => h !== id),
      previous: { ...check.previous, [id]: answers[id] },
    });
    return this.resume(dc);
  }

  /** The outcome in writing: copyable plain text, and a mailto: link with subject and body. */
  private async share(dc: DialogContext, check: CheckState | undefined): Promise<DialogTurnResult> {
    if (check?.status !== 'done') return this.notice(dc, 'common:notice.noCheckYet', ['start', 'quick']);
    const { t } = await turnOf(dc.context, this.deps);
    const today = this.deps.today();
    const { text, card } = renderShare(t, guidanceFor(check.answers, today), today);
    await dc.context.sendActivity({ text, textFormat: 'plain', attachments: [card as never] });
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
      reopened = question !== undefined && isRelevant(question, check.answers, this.deps.today());
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
    if (active) {
      await this.notice(dc, 'common:notice.languageChanged');
      return this.resume(dc);
    }
    return this.notice(dc, 'common:notice.languageChanged', ['start', 'quick']);
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

  private async notice(dc: DialogContext, textKey: string, actions: NoticeAction[] = []) {
    const { t } = await turnOf(dc.context, this.deps);
    return this.send(dc, renderNoticeCard(t, { textKey, actions }));
  }

  private async send(dc: DialogContext, attachment: object): Promise<DialogTurnResult> {
    await dc.context.sendActivity({ attachments: [attachment as never] });
    return WAITING;
  }
}
