import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createConversation } from '../../dialogs/index.js';
import { CspMoveBot } from '../../src/bot.js';
import { createTranslator, type Locale } from '../../src/i18n/index.js';
import type { SubmitData } from '../../cards/actions.js';
import { assertValidCard } from '../cards/cardChecks.js';

export const translator = createTranslator();
export const TODAY = '2026-11-21';

export type Card = Record<string, unknown>;

/** A partner in the United States, as the quick form and the guided check take their answers. */
export const US_PARTNER = { partnerRoles: 'adminAgent', partnerModel: 'directBill', partnerRegion: 'unitedStates' };
/** A US customer who bought direct from Microsoft, renewing 2027-03-31: a manual move with dated steps. */
export const US_DIRECT_CUSTOMER = {
  tenantRegion: 'unitedStates',
  purchaseChannel: 'adminCenter',
  activeSubscriptions: 'upTo150',
  renewalDate: '2027-03-31',
  resellerRelationship: 'no',
  offer: 'sameOfferSameCount',
};

/** The real bot (conversation dialog, state, rendering) on a botbuilder TestAdapter, with state on memory storage. */
export class TestConversation {
  readonly adapter: TestAdapter;
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
    const bot = new CspMoveBot({ conversation, states: conversation.states });
    this.adapter = new TestAdapter((context) => bot.run(context));
  }

  /** Sends one activity and returns every reply it produced. */
  async send(activity: Partial<Activity> | string): Promise<Array<Partial<Activity>>> {
    const base: Partial<Activity> = typeof activity === 'string' ? { type: 'message', text: activity } : { type: 'message', ...activity };
    await this.adapter.receiveActivity({ locale: this.locale, ...base } as Activity);
    const replies = this.adapter.activeQueue.splice(0) as Array<Partial<Activity>>;
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

export const lastCard = (replies: Array<Partial<Activity>>): Card => cardsOf(replies).at(-1)!;

/** A guided check by clicking, from [Start] to the result (or the blocked verdict): answers by question id, 'skip' skips. */
export async function guidedByClicking(conv: TestConversation, answers: Record<string, string>): Promise<Card> {
  let card = lastCard(await conv.submit({ action: 'command', command: 'start' }));
  for (let guard = 0; !isResultCard(card) && guard < 20; guard++) {
    const id = questionIdOf(card)!;
    const a = answers[id]!;
    card = lastCard(await conv.submit(a === 'skip' ? { action: 'answer', questionId: id, skip: true } : { action: 'answer', questionId: id, answer: a }));
  }
  return card;
}
