// Talks to the bot through the Agents Playground's own HTTP and WebSocket API, the way its web UI does:
// the Playground turns each call into a Teams-shaped activity for the bot, and pushes the bot's replies
// back over a WebSocket. A turn is over when the Playground logs the bot's HTTP answer to it.
import { actionWith, clickData, type Card, type CardAction } from './cardActions.js';

export interface BotMessage {
  id: string;
  conversationId: string;
  text?: string;
  /** The Adaptive Card of the message, if it has one (replaced when the bot updates the card in place). */
  card?: Card;
  /** When the Playground pushed it to the client first (epoch ms, this machine's real clock). */
  arrivedAt?: number;
  /**
   * The bot created it while the client had nothing in flight (no turn: no message, click or install waiting for
   * the bot's answer), so it answers nothing the test sent: a proactive message.
   */
  unsolicited?: boolean;
}

/** What the Playground's log says of a message the bot posted to its connector. */
export interface ConnectorDelivery {
  /** The HTTP status the Playground's mock connector answered the bot with. */
  statusCode: number;
  /** The posted activity's replyToId, if the bot sent one. */
  replyToId?: string;
}

export interface Turn {
  /** Messages the bot posted during the turn, in order. */
  created: BotMessage[];
  /** The clicked card's message, when the bot replaced the card in place (updated it, or answered an Action.Execute with it). */
  updated?: BotMessage;
  /** Every card that is new or changed: created ones first, then the updated one. */
  cards: Card[];
}

interface PlaygroundConfig {
  bot: { id: string; name: string };
  currentUser: { id: string; name: string };
  personalChat: { id: string };
  groupChats: Array<{ id: string; members: string[] }>;
}

interface LoggedActivity {
  id: string;
  from?: string;
  to?: string;
  messageId?: string;
  request?: { body?: { replyToId?: string } };
  response?: { statusCode: number; body?: { id?: string } };
}

const TURN_TIMEOUT_MS = 20_000;
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot open ${url}`)), { once: true });
  });
}

export class PlaygroundClient {
  readonly messages = new Map<string, BotMessage>();
  /** Activities the Playground delivered to the bot and got an answer for (its log), by log id. */
  private readonly answered = new Set<string>();
  /** The bot's posts to the Playground's connector, by the message id the connector gave them. */
  readonly deliveries = new Map<string, ConnectorDelivery>();
  private waiters: Array<() => void> = [];
  private sockets: WebSocket[] = [];
  /** Turns started and not yet answered (see BotMessage.unsolicited). */
  private inFlight = 0;

  private constructor(
    readonly url: string,
    readonly config: PlaygroundConfig,
  ) {}

  static async connect(url: string): Promise<PlaygroundClient> {
    const res = await fetch(`${url}/_internal/v1/config`);
    const { config } = (await res.json()) as { config: PlaygroundConfig };
    const client = new PlaygroundClient(url, config);
    const ws = url.replace(/^http/, 'ws');
    const conversation = await openSocket(`${ws}/_ws_conversation/v1/conversations/stream`);
    conversation.addEventListener('message', (e) => client.onConversationEvent(String(e.data)));
    const log = await openSocket(`${ws}/_ws/log/stream`);
    log.addEventListener('message', (e) => client.onLogEvent(String(e.data)));
    client.sockets = [conversation, log];
    return client;
  }

  get personalChatId(): string {
    return this.config.personalChat.id;
  }

  get userId(): string {
    return this.config.currentUser.id;
  }

  close(): void {
    for (const ws of this.sockets) ws.close();
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private onConversationEvent(raw: string): void {
    const event = JSON.parse(raw) as {
      action: string;
      actionConversationId: string;
      message?: { messageId: string; from?: { id: string }; text?: string; attachments?: Array<{ contentType: string; content: Card }> };
    };
    const m = event.message;
    if (!m || m.from?.id !== this.config.bot.id) return;
    if (event.action !== 'createMessage' && event.action !== 'updateMessage') return;
    const card = m.attachments?.find((a) => a.contentType === CARD_TYPE)?.content;
    const previous = this.messages.get(m.messageId);
    const first = previous ? { arrivedAt: previous.arrivedAt, unsolicited: previous.unsolicited } : { arrivedAt: Date.now(), unsolicited: this.inFlight === 0 };
    this.messages.set(m.messageId, { id: m.messageId, conversationId: event.actionConversationId, text: m.text, card, ...first });
    this.notify();
  }

  private onLogEvent(raw: string): void {
    const event = JSON.parse(raw) as { logAction: string; log?: LoggedActivity };
    const log = event.log;
    if (event.logAction === 'appendLog' && log?.to === 'User Application' && log.response) {
      this.answered.add(log.id);
      this.notify();
    }
    if (event.logAction === 'appendLog' && log?.from === 'User Application' && log.response) {
      const id = log.response.body?.id ?? log.messageId;
      if (id) this.deliveries.set(id, { statusCode: log.response.statusCode, ...(log.request?.body?.replyToId ? { replyToId: log.request.body.replyToId } : {}) });
      this.notify();
    }
  }

  /** Waits until a message the bot sent matches (one already here counts); throws after `timeoutMs`. */
  async waitForMessage(matches: (m: BotMessage) => boolean, timeoutMs = TURN_TIMEOUT_MS): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.messages.values()].find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such message from the bot within ${timeoutMs} ms`);
      await this.nextEvent(200);
    }
  }

  /** What the Playground's log says of the bot's post of this message, once it has logged it. */
  async waitForDelivery(messageId: string, timeoutMs = 5000): Promise<ConnectorDelivery> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.deliveries.get(messageId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the Playground logged no post of message ${messageId} within ${timeoutMs} ms`);
      await this.nextEvent(200);
    }
  }

  /** Messages the bot created while nothing was in flight (proactive ones), in order of arrival. */
  get unsolicited(): BotMessage[] {
    return [...this.messages.values()].filter((m) => m.unsolicited);
  }

  private nextEvent(maxMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Runs `act` and waits until the bot has answered `activities` more activities; returns what changed. */
  async turn(act: () => Promise<Card | undefined | void>, activities = 1, clicked?: string): Promise<Turn> {
    const before = new Map(this.messages);
    const target = this.answered.size + activities;
    this.inFlight++;
    let replaced: Card | undefined | void;
    try {
      replaced = await act();
      const deadline = Date.now() + TURN_TIMEOUT_MS;
      while (this.answered.size < target) {
        if (Date.now() > deadline) throw new Error(`the bot did not answer within ${TURN_TIMEOUT_MS} ms`);
        await this.nextEvent(200);
      }
    } finally {
      this.inFlight--;
    }
    const created = [...this.messages.values()].filter((m) => !before.has(m.id));
    let updated: BotMessage | undefined;
    if (clicked && replaced) {
      // Action.Execute: the card came back in the invoke response.
      updated = { ...this.messages.get(clicked)!, card: replaced };
      this.messages.set(clicked, updated);
    } else {
      // Action.Submit: the bot updated a message it had sent (the clicked one) through the connector.
      updated = [...this.messages.values()].find((m) => before.has(m.id) && before.get(m.id) !== m);
    }
    const cards = [...created.map((m) => m.card), updated?.card].filter((c): c is Card => c !== undefined);
    return { created, updated, cards };
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Opening the app: Teams sends installationUpdate and conversationUpdate (members added). */
  install(conversationId = this.personalChatId): Promise<Turn> {
    return this.turn(async () => void (await this.post(`/_debug/conversation/${conversationId}/installation`, {})), 2);
  }

  /** Types a message and presses Send. */
  say(text: string, options: { conversationId?: string; from?: string; mentionBot?: boolean } = {}): Promise<Turn> {
    const mention = `<at>${this.config.bot.name}</at>`;
    const body = {
      from: { id: options.from ?? this.userId },
      text: options.mentionBot ? `${mention} ${text}` : text,
      textFormat: 'plain',
      ...(options.mentionBot ? { mentions: [{ mentioned: { id: this.config.bot.id }, text: mention }] } : {}),
    };
    return this.turn(async () => void (await this.post(`/_conversation/v1/conversations/${options.conversationId ?? this.personalChatId}/messages`, body)));
  }

  /**
   * Clicks an action on a message's card, with `entered` typed into the card's inputs first.
   * The action is found by the fields of its data, e.g. { command: 'start' } or { answer: 'taiwan' }.
   */
  click(message: BotMessage, fields: Record<string, unknown>, entered: Record<string, string> = {}, from = this.userId): Promise<Turn> {
    const card = message.card;
    if (!card) throw new Error(`message ${message.id} has no card`);
    const action: CardAction | undefined = actionWith(card, fields);
    if (!action) throw new Error(`no action with ${JSON.stringify(fields)} on the card`);
    const data = clickData(card, action, entered);
    const conversation = { id: message.conversationId };
    if (action.type === 'Action.Execute') {
      const value = { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data }, trigger: 'manual' };
      return this.turn(
        async () => {
          const response = (await this.post('/_conversation/v1/invoke', { name: 'adaptiveCard/action', value, from: { id: from }, conversation, replyToId: message.id })) as
            | { type?: string; value?: unknown }
            | undefined;
          return response?.type === CARD_TYPE ? (response.value as Card) : undefined;
        },
        1,
        message.id,
      );
    }
    return this.turn(async () => void (await this.post('/_conversation/v1/submit', { conversation, from: { id: from }, replyToId: message.id, value: data })));
  }

  /** The message that holds this card object (cards are compared by identity, then by content). */
  messageOf(card: Card): BotMessage {
    const all = [...this.messages.values()];
    const found = all.find((m) => m.card === card) ?? all.find((m) => JSON.stringify(m.card) === JSON.stringify(card));
    if (!found) throw new Error('card not found among the bot messages');
    return found;
  }
}
