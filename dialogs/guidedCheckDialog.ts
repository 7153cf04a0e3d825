import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  DialogReason,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { renderQuestionCard, renderResultCard } from '../cards/index.js';
import { nextQuestion, parseAnswer, relevantQuestions, type Question } from './questions.js';
import { guidanceFor } from './result.js';
import { readTypedAnswer } from './typedAnswer.js';
import { turnOf } from './turn.js';
import { answerText, newCheck, readCheck, type CheckState, type DialogDeps } from './state.js';

export const GUIDED_CHECK_DIALOG = 'guidedCheckDialog';
const QUESTION_LOOP = 'guidedCheckDialog.questionLoop';

interface LoopOptions {
  hint?: 'invalid' | 'outOfDate';
}

/**
 * One question per card, in catalogue order, skipping what earlier answers make moot.
 * Answers live in CheckState (not dialog state), so Back, language switches and restarts
 * of this dialog pick up exactly where the user is.
 */
export class GuidedCheckDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(GUIDED_CHECK_DIALOG);
    this.addDialog(new WaterfallDialog(QUESTION_LOOP, [this.ask.bind(this), this.store.bind(this)]));
    this.initialDialogId = QUESTION_LOOP;
  }

  /** Waterfalls only move on message activities; a click on an Action.Execute arrives as an invoke. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const active = innerDc.activeDialog && innerDc.findDialog(innerDc.activeDialog.id);
    if (innerDc.context.activity.type === ActivityTypes.Invoke && active) {
      return active.resumeDialog(innerDc, DialogReason.continueCalled);
    }
    return super.onContinueDialog(innerDc);
  }

  private async checkOf(step: WaterfallStepContext): Promise<CheckState> {
    return readCheck(await this.deps.check.get(step.context)) ?? newCheck();
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const check = await this.checkOf(step);
    const { t } = await turnOf(step.context, this.deps);
    const today = this.deps.today();
    const question = nextQuestion(check.answers, today, check.skipped);
    if (!question) return this.finish(step, check);
    const asked = relevantQuestions(check.answers, today);
    await step.context.sendActivity({
      attachments: [
        renderQuestionCard(t, {
          question,
          step: asked.indexOf(question) + 1,
          total: asked.length,
          selected: answerText(check.previous?.[question.id]),
          hint: (step.options as LoopOptions | undefined)?.hint,
          canGoBack: check.history.length > 0,
        }),
      ],
    });
    return ComponentDialog.EndOfTurn;
  }

  private async store(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const check = await this.checkOf(step);
    const { intent } = await turnOf(step.context, this.deps);
    const question = nextQuestion(check.answers, this.deps.today(), check.skipped);
    if (!question) return this.finish(step, check);

    let value: unknown;
    let skip = false;
    if (intent.kind === 'answer') {
      if (intent.questionId !== question.id) return step.replaceDialog(QUESTION_LOOP, { hint: 'outOfDate' });
      skip = intent.skip === true;
      value = intent.answer;
    } else if (intent.kind === 'text') {
      const typed = readTypedAnswer(question, intent.text, this.deps.lexicon);
      skip = typed !== undefined && 'skip' in typed;
      value = typed && 'value' in typed ? typed.value : undefined;
    }

    if (skip && question.optional) {
      check.skipped.push(question.id);
    } else {
      const parsed = value === undefined ? undefined : parseAnswer(question, value);
      if (skip || parsed === undefined) return step.replaceDialog(QUESTION_LOOP, { hint: 'invalid' });
      (check.answers as Record<string, unknown>)[question.id] = parsed;
    }
    check.history.push(question.id);
    await this.deps.check.set(step.context, check);
    await this.freezeAnsweredCard(step, question, check, skip ? undefined : answerText(check.answers[question.id]));
    return step.replaceDialog(QUESTION_LOOP);
  }

  /**
   * A card answered with Action.Submit stays in the chat: turn it into a record of the answer with no
   * live buttons. (Action.Execute replaces the card in place instead.) Best effort: a failed update
   * must not cost the answer.
   */
  private async freezeAnsweredCard(step: WaterfallStepContext, question: Question, check: CheckState, answer: string | undefined) {
    const { activity } = step.context;
    if (activity.type !== 'message' || !activity.replyToId || activity.value === undefined) return;
    if (activity.deliveryMode === 'expectReplies') return;
    const { t } = await turnOf(step.context, this.deps);
    const asked = relevantQuestions(check.answers, this.deps.today());
    const card = renderQuestionCard(t, {
      question,
      step: Math.max(1, asked.indexOf(question) + 1),
      total: asked.length,
      canGoBack: false,
      answered: answer ?? t('cards:change.skipped'),
    });
    try {
      await step.context.updateActivity({ type: 'message', id: activity.replyToId, attachments: [card as never] });
    } catch {
      // The channel may not allow updates (or the card is gone): the next question still follows.
    }
  }

  private async finish(step: WaterfallStepContext, check: CheckState): Promise<DialogTurnResult> {
    const { t } = await turnOf(step.context, this.deps);
    await step.context.sendActivity({ attachments: [renderResultCard(t, guidanceFor(check.answers, this.deps.today()))] });
    await this.deps.check.set(step.context, { ...check, status: 'done' });
    return step.endDialog();
  }
}
