import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { expect } from 'chai';
import { nextQuestion, type Answers } from '../../../dialogs/questions.js';
import type { CheckState, UserProfile } from '../../../dialogs/core/state.js';
import type { Locale } from '../../../src/i18n/index.js';
import { teamsActivity } from '../../support/activity.js';
import { questionIdOf, isResultCard, tFor, textOf } from '../../support/conversation.js';
import { postJson } from '../../support/server.js';
import { TAIWAN_INDIRECT } from '../../support/cases.js';

/** One valid click per question, along a partner-transfer path. */
export const CLICKS: Record<string, string> = TAIWAN_INDIRECT;

/** The day the apps in these tests run on. */
export const TODAY = '2026-11-21';

/** The questions the guided check asks, in order, when every answer is the one in CLICKS. */
export function clickPath(): string[] {
  const answers: Record<string, string> = {};
  const path: string[] = [];
  for (let q = nextQuestion({}, TODAY); q; q = nextQuestion(answers as Answers, TODAY)) {
    const answer = CLICKS[q.id];
    if (answer === undefined) throw new Error(`CLICKS has no answer for question ${q.id}`);
    path.push(q.id);
    answers[q.id] = answer;
  }
  return path;
}

export const answerSubmit = (questionId: string) => ({ action: 'answer', questionId, answer: CLICKS[questionId] });

export interface Reply {
  status: number;
  /** Every activity the bot sent back (expectReplies). */
  activities: Array<{ type?: string; text?: string; attachments?: Array<{ content: Record<string, unknown> }> }>;
  cards: Array<Record<string, unknown>>;
  texts: string[];
  /** The question the last card asks ('result' for the result card, undefined for none). */
  asks: string | undefined;
}

/** One partner in one Teams personal chat, talking to whichever instance a request is sent to. */
export class Chat {
  readonly conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
  readonly from = { id: `29:${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() };

  constructor(readonly locale: Locale = 'en') {}

  /** The activity Teams would POST (a fresh id unless one is given: a redelivery reuses it). */
  activity(input: { text?: string; value?: unknown; id?: string }): Record<string, unknown> {
    return teamsActivity({ conversation: this.conversation, from: this.from, locale: this.locale, text: '', ...input, ...(input.id ? {} : { id: randomUUID() }) });
  }

  async post(url: string, activity: Record<string, unknown>): Promise<Reply> {
    const res = await postJson(`${url}/api/messages`, activity);
    const activities = ((res.json?.activities ?? []) as Reply['activities']).filter((a) => a.type === 'message');
    const cards = activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content));
    const last = cards.at(-1);
    return {
      status: res.status,
      activities,
      cards,
      texts: activities.map((a) => a.text ?? '').filter(Boolean),
      asks: last === undefined ? undefined : isResultCard(last) ? 'result' : questionIdOf(last),
    };
  }

  send(url: string, input: { text?: string; value?: unknown; id?: string }): Promise<Reply> {
    return this.post(url, this.activity(input));
  }

  /** Welcome, then start the check: resolves once the first question is asked. */
  async begin(url: string): Promise<Reply> {
    const welcome = await this.send(url, { text: 'hi' });
    expect(welcome.status).to.equal(200);
    const first = await this.send(url, { value: { action: 'command', command: 'start' } });
    expect(first.asks).to.equal(clickPath()[0]);
    return first;
  }

  answer(url: string, questionId: string): Promise<Reply> {
    return this.send(url, { value: answerSubmit(questionId) });
  }

  /** The key PrivateConversationState stores this partner's check under. */
  get stateKey(): string {
    return `msteams/conversations/${this.conversation.id}/users/${this.from.id}/`;
  }

  /** The check as stored, read straight from the storage. */
  async storedCheck(storage: Storage): Promise<CheckState | undefined> {
    const item = (await storage.read([this.stateKey]))[this.stateKey] as { check?: CheckState } | undefined;
    return item?.check;
  }

  /** Every stored answer of this user's check, the partner's own (kept in the user's profile) included. */
  async storedAnswers(storage: Storage): Promise<Record<string, unknown>> {
    const userKey = `msteams/users/${this.from.id}/`;
    const items = await storage.read([this.stateKey, userKey]);
    const check = (items[this.stateKey] as { check?: CheckState } | undefined)?.check;
    const profile = (items[userKey] as { profile?: UserProfile } | undefined)?.profile;
    return { ...profile?.partner, ...check?.answers };
  }
}

/** True when the card says the answer came from a card that is no longer current (the answer was not taken). */
export function saysOutOfDate(reply: Reply, locale: Locale = 'en'): boolean {
  return reply.cards.some((c) => textOf(c).includes(tFor(locale)('cards:question.hint.outOfDate')));
}

export const unavailableText = (locale: Locale) => tFor(locale)('common:error.storageUnavailable');
