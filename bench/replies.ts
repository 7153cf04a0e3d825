// What came back from one turn: the cards, their sizes as Teams counts them, what the last card asks,
// and how Teams would send the next click on it (an Action.Submit message or an Action.Execute invoke).
import type { Expectation } from './walker.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const ACTIVITY_MESSAGE = 'application/vnd.microsoft.activity.message';

/** Teams counts a message's size in UTF-16 code units × 2. */
export const utf16Bytes = (json: string): number => json.length * 2;

/** How a click reaches the bot: Action.Submit posts a message, Action.Execute an `adaptiveCard/action` invoke. */
export type Transport = 'message' | 'invoke';

export interface CardAction {
  transport: Transport;
  verb?: string;
  data: Record<string, unknown>;
}

export type CardKind =
  /** `hinted`: the card carries an Attention line (the bot refused the last answer and asks again). */
  | { kind: 'question'; questionId: string; hinted: boolean; answerVia: CardAction }
  | { kind: 'result'; restartVia: CardAction }
  | { kind: 'other' };

interface ActivityLike {
  type?: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
}

export interface TurnReplies {
  messages: number;
  /** UTF-16 bytes of each Adaptive Card's JSON, in reply order. */
  cardBytes: number[];
  /** What the last card of the turn is, or undefined when no card came back. */
  last: CardKind | undefined;
  /** True when some message carried text (the echo bot's replies). */
  hasText: boolean;
}

/**
 * Every Action.Submit / Action.Execute with data, in document order. A `fallback` is what clients without
 * Universal Actions render; Teams renders the primary action, so fallbacks are skipped.
 */
export function actionsOf(node: unknown, out: CardAction[] = []): CardAction[] {
  if (Array.isArray(node)) {
    for (const n of node) actionsOf(n, out);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ((o.type === 'Action.Submit' || o.type === 'Action.Execute') && o.data && typeof o.data === 'object') {
      out.push({
        transport: o.type === 'Action.Execute' ? 'invoke' : 'message',
        verb: typeof o.verb === 'string' ? o.verb : undefined,
        data: o.data as Record<string, unknown>,
      });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && v && typeof v === 'object') actionsOf(v, out);
  }
  return out;
}

function hasAttentionText(card: unknown): boolean {
  const body = (card as { body?: unknown }).body;
  return Array.isArray(body) && body.some((b) => (b as Record<string, unknown>)?.type === 'TextBlock' && (b as Record<string, unknown>).color === 'Attention');
}

/** A question card's actions answer one question; a result card offers Start over and answers none. */
export function classifyCard(card: unknown): CardKind {
  const actions = actionsOf(card);
  const answer = actions.find((a) => a.data.action === 'answer' && typeof a.data.questionId === 'string');
  if (answer) return { kind: 'question', questionId: answer.data.questionId as string, hinted: hasAttentionText(card), answerVia: answer };
  const restart = actions.find((a) => a.data.action === 'command' && a.data.command === 'restart');
  if (restart) return { kind: 'result', restartVia: restart };
  return { kind: 'other' };
}

export function inspectReplies(activities: readonly unknown[]): TurnReplies {
  const out: TurnReplies = { messages: 0, cardBytes: [], last: undefined, hasText: false };
  for (const raw of activities) {
    const activity = raw as ActivityLike;
    if (activity.type !== 'message') continue;
    out.messages += 1;
    if (typeof activity.text === 'string' && activity.text !== '') out.hasText = true;
    for (const attachment of activity.attachments ?? []) {
      if (attachment.contentType !== ADAPTIVE_CARD) continue;
      out.cardBytes.push(utf16Bytes(JSON.stringify(attachment.content)));
      out.last = classifyCard(attachment.content);
    }
  }
  return out;
}

/**
 * The body of an `adaptiveCard/action` invoke response as a message: the card that replaces the clicked
 * one (type …card.adaptive), or a short text (type …activity.message). undefined for anything else.
 */
export function invokeResponseAsActivity(body: unknown): ActivityLike | undefined {
  const b = body as { statusCode?: unknown; type?: unknown; value?: unknown } | undefined;
  if (!b || b.statusCode !== 200) return undefined;
  if (b.type === ADAPTIVE_CARD) return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: b.value }] };
  if (b.type === ACTIVITY_MESSAGE && typeof b.value === 'string') return { type: 'message', text: b.value };
  return undefined;
}

/** '' when the reply is what the walker expected, else what went wrong (for the error summary). */
export function mismatch(replies: TurnReplies, expect: Expectation): string {
  const last = replies.last;
  if (!last) return replies.messages === 0 ? 'no reply' : 'no card in the reply';
  if (expect.kind === 'result') return last.kind === 'result' ? '' : `expected the result card, got ${describe(last)}`;
  if (last.kind === 'question' && last.questionId === expect.questionId) return last.hinted ? `question ${expect.questionId} asked again with a hint` : '';
  return `expected question ${expect.questionId}, got ${describe(last)}`;
}

function describe(kind: CardKind): string {
  if (kind.kind === 'question') return `question ${kind.questionId}`;
  return kind.kind === 'result' ? 'the result card' : 'a card that asks nothing';
}
