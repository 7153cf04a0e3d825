import { AutoSaveStateMiddleware, MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { createConversation } from '../../dialogs/index.js';
import { createTranslator, type Locale } from '../../src/i18n/index.js';
import type { SubmitData } from '../../cards/actions.js';
import { assertValidCard } from '../cards/cardChecks.js';

export const translator = createTranslator();
export const TODAY = '2026-11-21';

export type Card = Record<string, unknown>;

/** A DialogTestClient around the real MainDialog, with the bot's own state on memory storage. */
export class TestConversation {
  readonly client: DialogTestClient;
  readonly storage: Storage;
  locale: string;
  /** Everything the bot has sent, in order. */
  readonly transcript: Array<Partial<Activity>> = [];

  constructor(options: { locale: string; today?: string; storage?: Storage }) {
    this.locale = options.locale;
    this.storage = options.storage ?? new MemoryStorage();
    const conversation = createConversation({
      storage: this.storage,
      translator,
      defaultLocale: 'en',
      today: () => options.today ?? TODAY,
    });
    this.client = new DialogTestClient('msteams', conversation.mainDialog, undefined, [
      new AutoSaveStateMiddleware(...conversation.states),
    ]);
  }

  /** Sends one activity and returns every reply it produced. */
  async send(activity: Partial<Activity> | string): Promise<Array<Partial<Activity>>> {
    const base: Partial<Activity> = typeof activity === 'string' ? { type: 'message', text: activity } : { type: 'message', ...activity };
    const replies: Array<Partial<Activity>> = [];
    let reply = (await this.client.sendActivity({ locale: this.locale, ...base })) as Partial<Activity> | undefined;
    while (reply) {
      replies.push(reply);
      reply = this.client.getNextReply() as Partial<Activity> | undefined;
    }
    // Every card on every path must be one Teams can render: SDK, schema, no leftovers, size.
    for (const reply of replies) for (const a of reply.attachments ?? []) assertValidCard(a, `card after ${JSON.stringify(base).slice(0, 120)}`);
    this.transcript.push(...replies);
    return replies;
  }

  say(text: string) {
    return this.send({ text });
  }

  submit(value: SubmitData | Record<string, unknown>) {
    return this.send({ value });
  }
}

export function cardsOf(replies: Array<Partial<Activity>>): Card[] {
  return replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content as Card));
}

/** Every string a user can read on a card: texts, titles, fact values, choices. */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') {
      if (['text', 'title', 'value', 'placeholder', 'altText', 'label', 'errorMessage'].includes(key ?? '')) out.push(node);
    } else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (k !== 'data' && k !== 'url') walk(v, k);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Submit data object on a card. */
export function submitsOf(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' && o.data && typeof o.data === 'object') out.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export function urlsOf(card: unknown): string[] {
  return [...JSON.stringify(card).matchAll(/https:\/\/[^\s"')\]]+/g)].map((m) => m[0]);
}

/** The question a card asks (its answer buttons / Next carry the question id), or undefined. */
export function questionIdOf(card: unknown): string | undefined {
  return submitsOf(card).find((d) => d.action === 'answer')?.questionId as string | undefined;
}

export function isResultCard(card: unknown): boolean {
  const submits = submitsOf(card);
  return submits.some((d) => d.command === 'restart') && !submits.some((d) => d.action === 'answer');
}

export const tFor = (locale: Locale) => translator.t(locale);
