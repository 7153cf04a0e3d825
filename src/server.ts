import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, ActivityHandlerBase, InvokeResponse } from 'botbuilder';
import type { Socket } from 'node:net';
import type { BotAdapter } from './adapter.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';
import { CORRELATION_ID } from './turnContextKeys.js';
import { AuthFailure } from './auth/authFailure.js';
import { InboundActivity } from './http/inboundActivity.js';
import { discardBody, readBody } from './http/requestBody.js';

export const MAX_BODY_BYTES = 256 * 1024;

/** How much of a refused request's body is read and thrown away so that the client gets our answer (see discardBody). */
const DISCARD_BYTES = 1024 * 1024;

export interface ServerLimits {
  /** Connections accepted at once; more are refused at accept (Node's `server.maxConnections`). */
  maxConnections: number;
  /**
   * A request's headers must arrive within this time (from the connection, or from the previous answer on a
   * kept-alive connection), and then its body within the same time again; otherwise the connection is cut.
   */
  requestTimeoutMs: number;
  /** How long `/readyz` reuses its last storage check. */
  readyCacheMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxConnections: 512, requestTimeoutMs: 10_000, readyCacheMs: 2000 };

export interface ServerDeps {
  adapter: BotAdapter;
  bot: ActivityHandlerBase;
  logger: Logger;
  version: string;
  ready: () => Promise<boolean>;
  limits?: Partial<ServerLimits>;
}

export interface BotServer {
  server: Server;
  /** Resolves once every request that was already running has finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createServer({ adapter, bot, logger, version, ready, limits: overrides }: ServerDeps): BotServer {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...overrides };
  const server = restify.createServer({ name: 'csp-move-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

  guardConnections(server, limits, logger);

  // Whatever went wrong, the caller gets a status and a fixed word, never our internals.
  server.on('restifyError', (_req: Request, _res: Response, err: { statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    err.toJSON = () => ({ error: status === 413 ? 'payload_too_large' : status >= 500 ? 'internal_error' : 'bad_request' });
    cb();
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok', version });
  });

  // Anyone may ask, as often as they like: the storage is checked at most once per readyCacheMs.
  const readiness = cachedCheck(() => ready().catch(() => false), limits.readyCacheMs);
  server.get('/readyz', async (_req: Request, res: Response) => {
    const ok = await readiness();
    res.json(ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
  });

  /** An answer given before the body was read: the rest of the body is discarded (bounded), then the connection is reused or cut. */
  const refuse = (req: Request, res: Response, status: number, error: string) => {
    res.json(status, { error });
    discardBody(req, DISCARD_BYTES, limits.requestTimeoutMs);
  };

  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight += 1;
    const correlationId = randomUUID();
    // Made only when there is something to say: most requests log nothing here, and a pino child (bindings
    // serialized through the redaction rules) is a measurable part of a turn.
    let child: Logger | undefined;
    const log = () => (child ??= logger.child({ correlationId }));
    try {
      // Who is calling comes first: without a channel token, nothing of the body is read, inflated or parsed.
      const auth = String(req.headers.authorization ?? '');
      try {
        await adapter.authenticateHeader(auth);
      } catch (err) {
        const [status, error] = authRefusal(err, log());
        return void refuse(req, res, status, error);
      }
      // The Bot Connector posts plain JSON. A compressed body is refused unread: restify's gunzip stream
      // crashed the process on a corrupt body, and inflated past the size limit.
      const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (encoding !== 'identity' && encoding !== '') return void refuse(req, res, 415, 'unsupported_media_type');
      if (!req.is('application/json')) return void refuse(req, res, 415, 'unsupported_media_type');

      const body = await readBody(req, MAX_BODY_BYTES, limits.requestTimeoutMs);
      if (body.kind === 'gone') return;
      if (body.kind === 'tooLarge') return void refuse(req, res, 413, 'payload_too_large');
      if (body.kind === 'timeout') {
        log().info('request refused: body not received in time');
        res.setHeader('connection', 'close');
        return void res.json(408, { error: 'request_timeout' });
      }
      if (body.kind === 'notUtf8') return void res.json(400, { error: 'bad_request' });
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return void res.json(400, { error: 'bad_request' });
      }
      const parsed = InboundActivity.safeParse(json);
      if (!parsed.success) return void res.json(400, { error: 'bad_request' });

      try {
        const invoke: InvokeResponse | undefined = await adapter.handle(
          auth,
          parsed.data as unknown as Activity,
          async (context) => {
            context.turnState.set(CORRELATION_ID, correlationId);
            await bot.run(context);
          },
        );
        // An invoke the bot doesn't implement (botbuilder's 501) is the client's oddity, not our fault:
        // Teams shows the same either way, and 5xx stays reserved for our own failures.
        if (invoke?.status === 501 && invoke.body === undefined) res.send(200);
        else if (invoke?.body !== undefined) res.json(invoke.status ?? 200, invoke.body);
        else res.send(invoke?.status ?? 200);
      } catch (err) {
        if (err instanceof AuthFailure) {
          const [status, error] = authRefusal(err, log());
          return void res.json(status, { error });
        }
        // onTurnError handles turn failures; reaching here means the turn could not even be set up.
        log().error({ err }, 'turn failed outside error handling');
        res.json(500, { error: 'internal_error' });
      }
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  return {
    server,
    drain(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}

/** The caller learns only 401 or 503, never which check failed; our log keeps the reason. */
function authRefusal(err: unknown, log: Logger): [status: number, error: string] {
  if (err instanceof AuthFailure && err.kind === 'unavailable') {
    log.warn({ reason: err.reason }, 'request refused: channel signing keys unavailable');
    return [503, 'unavailable'];
  }
  if (err instanceof AuthFailure) {
    log.info({ reason: err.reason }, 'request rejected: unauthorized');
    return [401, 'unauthorized'];
  }
  throw err;
}

/**
 * Bounds what one instance gives to connections that do not behave: at most `maxConnections` at once, and
 * a deadline for each request's headers. Node's own `headersTimeout`/`requestTimeout` are set too, but
 * Node checks them only every 30 s; the timer here cuts a connection that has not sent a complete request
 * head within `requestTimeoutMs` of connecting (or of our previous answer on it) on time.
 */
function guardConnections(server: Server, limits: ServerLimits, logger: Logger): void {
  const http = server.server;
  http.maxConnections = limits.maxConnections;
  http.headersTimeout = limits.requestTimeoutMs;
  // requestTimeout covers headers and body together (the body has its own deadline in readBody).
  http.requestTimeout = 2 * limits.requestTimeoutMs;
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  const expect = (socket: Socket) => {
    clearTimeout(waiting.get(socket));
    const timer = setTimeout(() => socket.destroy(), limits.requestTimeoutMs);
    timer.unref();
    waiting.set(socket, timer);
  };
  http.on('connection', (socket: Socket) => {
    expect(socket);
    socket.once('close', () => clearTimeout(waiting.get(socket)));
  });
  http.prependListener('request', (req, res) => {
    const socket = req.socket;
    clearTimeout(waiting.get(socket));
    // Once answered, a kept-alive connection owes us the next request head within the deadline again.
    res.once('finish', () => {
      if (!socket.destroyed) expect(socket);
    });
  });
  let lastDropWarning = 0;
  http.on('drop', () => {
    const now = Date.now();
    if (now - lastDropWarning < 10_000) return;
    lastDropWarning = now;
    logger.warn({ maxConnections: limits.maxConnections }, 'connections refused: MAX_CONNECTIONS reached');
  });
}

/** `check()` at most once per `ttlMs`; callers meanwhile share the last answer, or the check under way. */
function cachedCheck(check: () => Promise<boolean>, ttlMs: number): () => Promise<boolean> {
  let last: { at: number; ok: Promise<boolean> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) {
      const ok = check();
      const entry = { at: now, ok };
      last = entry;
      // Time the cache from the answer, so a slow check is not repeated by every caller that waited on it.
      void ok.then(() => {
        if (last === entry) entry.at = Date.now();
      });
    }
    return last.ok;
  };
}
