// A local stand-in for the Bot Connector service: the bot posts its replies here (serviceUrl) instead of
// to Microsoft. It answers as the real one does ({ id }) and keeps each conversation's replies until the
// load driver takes them to check what the turn said. Loopback only; no app id, so no token is involved.
import { createServer, type Server, type ServerResponse } from 'node:http';

export interface FakeConnector {
  serviceUrl: string;
  /** Replies posted, and cards updated, for the conversation since the last take(), in order. */
  take(conversationId: string): unknown[];
  /** Activities posted so far. */
  readonly posted: number;
  /** Card updates (PUT …/activities/{id}) so far. */
  readonly updated: number;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const replies = new Map<string, unknown[]>();
  let posted = 0;
  let updated = 0;
  let nextId = 0;
  // restify (loaded in the same process by the tests) patches ServerResponse.writeHead to return nothing: don't chain.
  const reply = (res: ServerResponse, status: number, body?: string) => {
    if (body === undefined) res.writeHead(status);
    else res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // POST /v3/conversations/{conversationId}/activities[/{replyToId}] sends; PUT …/activities/{id} updates a card.
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      const update = match !== null && req.method === 'PUT' && match[2] !== undefined;
      if (!match || (req.method !== 'POST' && !update)) {
        reply(res, 404);
        return;
      }
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        reply(res, 400);
        return;
      }
      const conversationId = decodeURIComponent(match[1]!);
      // The id Teams gives the message: a later submit on its card carries it as replyToId. An updated card
      // keeps its message's id, and is what the user sees next (the turn's last card).
      activity.id = update ? decodeURIComponent(match[2]!) : `reply-${++nextId}`;
      const list = replies.get(conversationId);
      if (list) list.push(activity);
      else replies.set(conversationId, [activity]);
      if (update) updated += 1;
      else posted += 1;
      reply(res, 200, JSON.stringify({ id: activity.id }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    take(conversationId) {
      const list = replies.get(conversationId) ?? [];
      replies.delete(conversationId);
      return list;
    },
    get posted() {
      return posted;
    },
    get updated() {
      return updated;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
