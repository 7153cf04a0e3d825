// Replies as data → what Teams shows, in the turn's language. The one place the conversation's decisions
// meet cards/: the edge calls it after the state is saved.
import {
  renderChangeAnswerCard,
  renderFaqAnswerCard,
  renderHelpCard,
  renderLanguageCard,
  renderNoticeCard,
  renderQuestionCard,
  renderQuickFormCard,
  renderResultCard,
  renderChecklist,
  renderCustomerMessage,
  renderUnderstoodCard,
  renderWelcomeCard,
  renderTrackLabelCard,
  renderMoveCard,
  renderMoveListCard,
  renderForgetCard,
  renderReminderCard,
  type CardAttachment,
  type Translate,
} from '../cards/index.js';
import { urgentActions } from '../src/moves/fromGuidance.js';
import type { Locale, Translator } from '../src/i18n/index.js';
import { partnerLineOf } from '../cards/views/questionView.js';
import { answerLabel } from '../cards/index.js';
import { QUESTIONS, isProfileQuestion, isRelevant, questionById, type Answers, type QuestionId } from './questions.js';
import { answerText } from './core/state.js';
import { QUICK_FORM_QUESTIONS } from './quickForm.js';
import { guidanceFor, withProbes } from './core/flow.js';
import type { MoveReply, Reply, SharedResult } from './core/replies.js';

/** The answer that blocks: the one [Change that answer] reopens. */
function blockingQuestion(reply: Extract<Reply, { kind: 'blocked' }>): QuestionId {
  if (reply.answers.tenantCloud === 'vianet') return 'tenantCloud';
  return 'tenantRegion';
}

export interface Rendered {
  card: CardAttachment;
  /** Message text sent with the card: markdown whose every line ends in a hard break (the share replies: copyable as is). */
  text?: string;
}

/** What the cards need from the bot's configuration. */
export interface RenderOptions {
  /** config.STATE_TTL_DAYS: the forget card says when checks left in other chats go. Default: the config's default. */
  stateTtlDays?: number;
}

/** config.ts's default STATE_TTL_DAYS, for callers that don't pass the configured one. */
const DEFAULT_STATE_TTL_DAYS = 30;

export function renderReply(t: Translate, reply: Reply, today: string, options: RenderOptions = {}): Rendered {
  switch (reply.kind) {
    case 'welcome':
      return { card: renderWelcomeCard(t) };
    case 'notice':
      return { card: renderNoticeCard(t, { textKey: reply.textKey, actions: reply.actions, params: reply.params }) };
    case 'help':
      return { card: renderHelpCard(t, { inCheck: reply.inCheck }) };
    case 'language':
      return { card: renderLanguageCard(t, reply.current) };
    case 'question':
      return {
        card: renderQuestionCard(t, {
          question: questionById(reply.questionId)!,
          step: reply.step,
          total: reply.total,
          selected: reply.selected,
          hint: reply.hint,
          canGoBack: reply.canGoBack,
          ...(reply.partner ? { partner: partnerLineOf(t, reply.partner) } : {}),
          ...(reply.suggested ? { suggested: reply.suggested } : {}),
        }),
      };
    case 'result':
      return {
        card: renderResultCard(t, guidanceFor(reply.answers, today, reply.continueAnyway), { ...assumed(reply), recap: recapOf(t, reply.answers, today) }),
      };
    case 'blocked':
      return { card: renderResultCard(t, guidanceFor(withProbes(reply.answers), today), { early: { changeQuestionId: blockingQuestion(reply) } }) };
    case 'quickForm':
      return {
        card: renderQuickFormCard(t, {
          questions: reply.withoutProfile ? QUICK_FORM_QUESTIONS.filter((q) => !isProfileQuestion(q.id as QuestionId)) : QUICK_FORM_QUESTIONS,
          values: reply.values,
          missing: reply.missing,
          offerSameCustomer: reply.offerSameCustomer,
        }),
      };
    case 'changeAnswer':
      return {
        card: renderChangeAnswerCard(t, {
          answered: reply.answered.map(({ questionId, answer }) => ({ question: QUESTIONS.find((q) => q.id === questionId)!, answer })),
        }),
      };
    case 'faq':
      return {
        card: renderFaqAnswerCard(t, reply.topic, { inCheck: reply.inCheck, ...(reply.answers ? { situation: { answers: reply.answers, today } } : {}) }),
      };
    case 'understood': {
      const q = (id: QuestionId) => questionById(id)!;
      return {
        card: renderUnderstoodCard(t, {
          found: reply.found.map((f) => ({ question: q(f.questionId), answer: f.answer })),
          conflicts: reply.conflicts.map((c) => ({ question: q(c.questionId), was: c.was, now: c.now })),
          unreadable: reply.unreadable.map((u) => ({ question: q(u.questionId), text: u.text })),
        }),
      };
    }
    case 'customerMessage':
      return renderCustomerMessage(t, sharedGuidance(reply, today), today, reply.language);
    case 'checklist':
      return renderChecklist(t, sharedGuidance(reply, today), today);
    case 'trackLabel':
    case 'move':
    case 'moveList':
    case 'forgetConfirm':
    case 'reminder':
      return { card: renderMoveReply(t, reply, today, options) };
  }
}

/** The cards of tracked moves: each reply mapped to its card's input (cards/ knows no dialogs). */
export function renderMoveReply(t: Translate, reply: MoveReply, today: string, options: RenderOptions = {}): CardAttachment {
  switch (reply.kind) {
    case 'trackLabel':
      return renderTrackLabelCard(t, { key: reply.key, ...(reply.problem ? { problem: reply.problem } : {}) });
    case 'move':
      return renderMoveCard(t, {
        move: reply.move,
        // A move tracked (or recomputed) with dates already past: this is where the partner hears it.
        urgent: urgentActions(reply.move, today),
        ...(reply.banner ? { banner: reply.banner } : {}),
        ...(reply.confirmDelete ? { confirmDelete: true } : {}),
      });
    case 'moveList':
      return renderMoveListCard(t, { moves: reply.moves, closed: reply.closed, includeClosed: reply.includeClosed });
    case 'forgetConfirm':
      return renderForgetCard(t, { stateTtlDays: options.stateTtlDays ?? DEFAULT_STATE_TTL_DAYS });
    case 'reminder': {
      const { kind: _kind, ...input } = reply;
      return renderReminderCard(t, input);
    }
  }
}

/** What src/reminders' ProactiveSender renders a reminder with: its card in the user's language, buttons included. */
export const reminderRenderer =
  (translator: Translator) =>
  (locale: Locale, { kind: _kind, ...input }: Extract<MoveReply, { kind: 'reminder' }>): CardAttachment =>
    renderReminderCard(translator.t(locale), input);

/** The guidance the partner saw: the blocked verdict reads unanswered questions as "not sure", as the blocked card does. */
const sharedGuidance = (reply: SharedResult, today: string) =>
  reply.blocked ? guidanceFor(withProbes(reply.answers), today) : guidanceFor(reply.answers, today, reply.continueAnyway);

/** This customer's answers in one line, as the partner gave them ("Europe · Direct (admin center) · 2027-01-31 …"). */
function recapOf(t: Translate, answers: Answers, today: string): string {
  const parts: string[] = [];
  for (const q of QUESTIONS) {
    const value = answerText(answers[q.id]);
    if (isProfileQuestion(q.id) || value === undefined || !isRelevant(q, answers, today)) continue;
    const label = answerLabel(t, q, value);
    // "Yes" or "No" alone says nothing: name the question.
    parts.push(q.optionSet === 'yesNo' ? String(t('cards:change.item', { question: t(`questions:${q.id}.short`), answer: label })) : label);
  }
  return parts.length > 0 ? String(t('cards:result.recap', { answers: parts.join(' · ') })) : '';
}

/** "Continue anyway": the result reads as if from a CSP location in the tenant's market, and says so. */
const assumed = (reply: Extract<Reply, { kind: 'result' }>) =>
  reply.continueAnyway && reply.answers.tenantRegion ? { assumedMarket: reply.answers.tenantRegion } : undefined;
