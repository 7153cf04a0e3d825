// Drives a bot over HTTP as Teams would: each virtual partner has their own personal chat and clicks one
// card action at a time — Action.Submit as a message, Action.Execute as an `adaptiveCard/action` invoke —
// while `concurrency` partners are mid-turn. Every reply is checked against what the walker expects, so a
// fast wrong answer never counts as a turn.
import { Agent, request } from 'node:http';
import type { FakeConnector } from './fakeConnector.js';
import { inspectReplies, invokeResponseAsActivity, mismatch, type CardKind, type Transport } from './replies.js';
import { BENCH_LOCALES, ConversationWalker, seededRandom, type PlannedTurn } from './walker.js';

export type DeliveryMode = 'expectReplies' | 'connector';

export interface VirtualConversation {
  /** 'pool-17', 'fill-42': part of the conversation and user ids, so stored state can be traced back. */
  key: string;
  index: number;
  conversationId: string;
  userId: string;
  locale: string;
  walker: ConversationWalker;
  turns: number;
  /** Id of the last message that carried a card (known when replies go through the connector). */
  lastCardMessageId?: string;
}

/** Teams ids are long (a personal chat's conversation id ~130 characters, a user id ~85) and they are part of every storage key. */
const TEAMS_CONVERSATION_ID_LENGTH = 130;
const TEAMS_USER_ID_LENGTH = 85;

/** A Teams-long id with the bench key inside, so stored rows can be traced to their conversation. */
function teamsLikeId(prefix: string, key: string, length: number): string {
  const head = `${prefix}bench-${key}-`;
  return head + 'x'.repeat(Math.max(0, length - head.length));
}

export function makeConversation(group: string, index: number, today: string): VirtualConversation {
  const key = `${group}-${index}`;
  return {
    key,
    index,
    conversationId: teamsLikeId('a:', key, TEAMS_CONVERSATION_ID_LENGTH),
    userId: teamsLikeId('29:', key, TEAMS_USER_ID_LENGTH),
    locale: BENCH_LOCALES[index % BENCH_LOCALES.length]!,
    walker: new ConversationWalker(seededRandom(index + 1), today),
    turns: 0,
  };
}

/** A stable GUID-shaped AAD object id per partner. */
const aadObjectIdOf = (index: number): string => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** Which click a planned turn is: Start on the welcome card, an answer on a question card, Start over on a result. */
export type ClickKind = 'start' | 'answer' | 'restart';

export function clickKind(turn: PlannedTurn): ClickKind {
  if (turn.value.action === 'answer') return 'answer';
  return turn.value.action === 'command' && turn.value.command === 'start' ? 'start' : 'restart';
}

export interface ClickTransport {
  transport: Transport;
  verb?: string;
}

/** How each kind of click reaches the bot, as its cards declare (learned by probeTransports). */
export type Transports = Record<ClickKind, ClickTransport>;

/** The activity Teams posts for a click on one of our cards in a personal chat. */
export function clickActivity(
  conversation: VirtualConversation,
  turn: PlannedTurn,
  via: ClickTransport,
  mode: DeliveryMode,
  serviceUrl: string,
): Record<string, unknown> {
  const base = {
    id: `${conversation.key}-${conversation.turns}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: conversation.userId, name: 'Partner', aadObjectId: aadObjectIdOf(conversation.index) },
    recipient: { id: '28:bench-bot', name: 'CSP Move Assistant' },
    conversation: { id: conversation.conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    locale: conversation.locale,
    ...(conversation.lastCardMessageId ? { replyToId: conversation.lastCardMessageId } : {}),
  };
  if (via.transport === 'invoke') {
    return {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: via.verb ?? turn.value.action, data: turn.value }, trigger: 'manual' },
    };
  }
  return { ...base, type: 'message', value: turn.value, ...(mode === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}) };
}

export const newAgent = (concurrency: number): Agent => new Agent({ keepAlive: true, maxSockets: concurrency, keepAliveMsecs: 10_000 });

function post(agent: Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

interface TurnTarget {
  url: URL;
  agent: Agent;
  mode: DeliveryMode;
  connector: FakeConnector;
}

type TurnOutcome = { ok: true; latencyMs: number; activities: Array<Record<string, unknown>> } | { ok: false; problem: string };

/** One click and everything the bot answered: the HTTP body (expectReplies, invoke response) and what it posted to the connector. */
async function click(target: TurnTarget, conversation: VirtualConversation, turn: PlannedTurn, via: ClickTransport): Promise<TurnOutcome> {
  const body = JSON.stringify(clickActivity(conversation, turn, via, target.mode, target.connector.serviceUrl));
  conversation.turns += 1;
  target.connector.take(conversation.conversationId); // drop leftovers of a failed turn
  const t0 = performance.now();
  let res: { status: number; text: string };
  try {
    res = await post(target.agent, target.url, body);
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
  const latencyMs = performance.now() - t0;
  if (res.status !== 200) return { ok: false, problem: `HTTP ${res.status} ${res.text.slice(0, 120)}` };
  // The adapter posts out-of-band replies to the connector before it answers the request.
  const activities = target.connector.take(conversation.conversationId) as Array<Record<string, unknown>>;
  if (res.text !== '') {
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      return { ok: false, problem: 'the response body is not JSON' };
    }
    if (via.transport === 'invoke') {
      const reply = invokeResponseAsActivity(json);
      if (!reply) return { ok: false, problem: `unexpected invoke response ${res.text.slice(0, 120)}` };
      activities.push(reply as Record<string, unknown>);
    } else {
      activities.push(...(((json as { activities?: unknown[] }).activities ?? []) as Array<Record<string, unknown>>));
    }
  }
  return { ok: true, latencyMs, activities };
}

/** The transport the last card declares for the click the walker makes next. */
function nextClick(last: CardKind | undefined): { kind: ClickKind; via: ClickTransport } | undefined {
  if (last?.kind === 'question') return { kind: 'answer', via: { transport: last.answerVia.transport, verb: last.answerVia.verb } };
  if (last?.kind === 'result') return { kind: 'restart', via: { transport: last.restartVia.transport, verb: last.restartVia.verb } };
  return undefined;
}

/**
 * Walks one conversation through a whole check and a restart, clicking what each card offers, and returns
 * how each kind of click travels. The welcome card arrives with the install, before any turn: Start is a
 * message (Action.Submit) unless the bot's cards say otherwise later.
 */
export async function probeTransports(url: string, connector: FakeConnector, today: string): Promise<Transports> {
  const conversation = makeConversation('probe', 0, today);
  const agent = newAgent(1);
  const target: TurnTarget = { url: new URL(url), agent, mode: 'expectReplies', connector };
  const learned: Partial<Transports> = { start: { transport: 'message' } };
  let via: ClickTransport = learned.start!;
  try {
    for (let i = 0; i < 40 && !learned.restart; i++) {
      const turn = conversation.walker.plan();
      const outcome = await click(target, conversation, turn, via);
      if (!outcome.ok) throw new Error(`probe turn ${i}: ${outcome.problem}`);
      const replies = inspectReplies(outcome.activities);
      const problem = mismatch(replies, turn.expect);
      if (problem) throw new Error(`probe turn ${i}: ${problem}`);
      conversation.walker.advance();
      const next = nextClick(replies.last)!;
      learned[next.kind] ??= next.via;
      via = next.via;
    }
  } finally {
    agent.destroy();
  }
  if (!learned.answer || !learned.restart) throw new Error('probe: the walk never reached a result card');
  return learned as Transports;
}

export interface PhaseOptions {
  /** http://127.0.0.1:PORT/api/messages */
  url: string;
  /** Taken in order; with `reuse` each goes back to the end of the queue after its turn. */
  conversations: VirtualConversation[];
  reuse: boolean;
  concurrency: number;
  /** Stop starting turns after this long… */
  durationMs?: number;
  /** …or after this many turns… */
  maxTurns?: number;
  /** …or once a conversation has had this many turns (it then leaves the queue). */
  turnsPerConversation?: (conversation: VirtualConversation) => number;
  mode: DeliveryMode;
  connector: FakeConnector;
  transports: Transports;
  /** 'guided': the reply must be the card the walker expects, clickable as `transports` says; 'echo': any text reply. */
  check: 'guided' | 'echo';
  agent: Agent;
}

export interface PhaseResult {
  turns: number;
  errors: number;
  /** The first few failures, for the report. */
  errorSamples: string[];
  elapsedMs: number;
  latenciesMs: number[];
  cards: number;
  maxCardBytes: number;
  /** Result cards received (completed checks). */
  results: number;
  /** Turns per click kind. */
  clicks: Record<ClickKind, number>;
}

/**
 * Opens `count` keep-alive connections (GET /healthz) before the clock starts. A bot busy with turns
 * accepts a burst of new connections slowly (seen here: 100 connections accepted over up to 3 s, for the
 * echo bot as well), which would time connection set-up, not turns; Teams' connector keeps its connections.
 */
export async function preconnect(agent: Agent, url: string, count: number): Promise<void> {
  const target = new URL('/healthz', url);
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'GET' }, (res) => {
            res.resume();
            res.on('end', () => resolve());
          });
          req.on('error', reject);
          req.end();
        }),
    ),
  );
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const target: TurnTarget = { url: new URL(options.url), agent: options.agent, mode: options.mode, connector: options.connector };
  const limit = options.turnsPerConversation;
  const queue = options.conversations.filter((c) => !limit || c.turns < limit(c));
  const result: PhaseResult = {
    turns: 0,
    errors: 0,
    errorSamples: [],
    elapsedMs: 0,
    latenciesMs: [],
    cards: 0,
    maxCardBytes: 0,
    results: 0,
    clicks: { start: 0, answer: 0, restart: 0 },
  };
  const started = performance.now();
  const endAt = options.durationMs === undefined ? Infinity : started + options.durationMs;
  let begun = 0;
  const fail = (conversation: VirtualConversation, message: string) => {
    result.errors += 1;
    if (result.errorSamples.length < 5) result.errorSamples.push(`${conversation.key} turn ${conversation.turns}: ${message}`);
    conversation.walker.resync();
  };

  const turn = async (conversation: VirtualConversation) => {
    const planned = conversation.walker.plan();
    const kind = clickKind(planned);
    const outcome = await click(target, conversation, planned, options.transports[kind]);
    if (!outcome.ok) return fail(conversation, outcome.problem);
    const replies = inspectReplies(outcome.activities);
    if (options.check === 'echo') {
      if (!replies.hasText) return fail(conversation, 'no echo in the reply');
    } else {
      const problem = mismatch(replies, planned.expect);
      if (problem) return fail(conversation, problem);
      const next = nextClick(replies.last)!;
      const expected = options.transports[next.kind].transport;
      if (next.via.transport !== expected) return fail(conversation, `the ${next.kind} action travels as ${next.via.transport}, the bench sends ${expected}`);
      if (planned.expect.kind === 'result') result.results += 1;
    }
    for (const bytes of replies.cardBytes) result.maxCardBytes = Math.max(result.maxCardBytes, bytes);
    result.cards += replies.cardBytes.length;
    // Teams puts the id of the message whose card was clicked in replyToId (the bot may update that card).
    // An invoke's card replaces the clicked one in place, so that message id stays.
    if (options.transports[kind].transport === 'message') {
      const withCard = [...outcome.activities].reverse().find((a) => Array.isArray(a.attachments) && a.attachments.length > 0);
      conversation.lastCardMessageId = typeof withCard?.id === 'string' ? withCard.id : undefined;
    }
    conversation.walker.advance();
    result.clicks[kind] += 1;
    result.turns += 1;
    result.latenciesMs.push(outcome.latencyMs);
  };

  const worker = async () => {
    while (performance.now() < endAt && begun < (options.maxTurns ?? Infinity)) {
      const conversation = queue.shift();
      if (!conversation) return; // every conversation is mid-turn or used up
      begun += 1;
      await turn(conversation);
      if (options.reuse && (!limit || conversation.turns < limit(conversation))) queue.push(conversation);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.elapsedMs = performance.now() - started;
  return result;
}
