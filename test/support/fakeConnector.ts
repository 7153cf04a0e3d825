import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorReply {
  status: number;
  headers?: Record<string, string>;
  /**
   * Read the whole request, then reset the connection instead of answering. `status` says what the
   * connector did with it: below 300, it delivered the message and only the answer was lost.
   */
  reset?: boolean;
}

export interface ReceivedActivity {
  /** POST for a reply, PUT for an update of a card already sent. */
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  activity: Record<string, unknown>;
  /** The status the fake answered this request with. */
  answered: number;
}

export interface FakeConnector {
  /** serviceUrl to put on inbound activities so the bot posts its replies here. */
  serviceUrl: string;
  /** Every request the bot made, in order, with what we answered. */
  received: ReceivedActivity[];
  /** Only the requests the connector took (status below 300, answered or cut off): what the user would see. */
  delivered(): Array<Record<string, unknown>>;
  /** Answers to give, in order, before falling back to `otherwise` (default 200). */
  script: ConnectorReply[];
  otherwise: ConnectorReply;
  close(): Promise<void>;
}

/** The Bot Connector service, as far as a bot sees it: POST …/activities[/replyToId] replies, PUT …/activities/{id} updates. */
export async function startFakeConnector(): Promise<FakeConnector> {
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = fake.script.shift() ?? fake.otherwise;
      let activity: Record<string, unknown> = {};
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        // Recorded as empty: the test asserts on what arrived.
      }
      fake.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, activity, answered: reply.status });
      if (reply.reset) return void req.socket.resetAndDestroy();
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.status < 300 ? JSON.stringify({ id: `reply-${++seq}` }) : JSON.stringify({ error: { code: 'Throttled', message: 'try later' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeConnector = {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received: [],
    delivered: () => fake.received.filter((r) => r.answered < 300).map((r) => r.activity),
    script: [],
    otherwise: { status: 200 },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
