import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, ActivityHandlerBase, InvokeResponse } from 'botbuilder';
import type { BotAdapter } from './adapter.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';
import { CORRELATION_ID } from './turnContextKeys.js';
import { AuthFailure } from './auth/authFailure.js';
import { InboundActivity } from './http/inboundActivity.js';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: BotAdapter;
  bot: ActivityHandlerBase;
  logger: Logger;
  version: string;
  ready: () => Promise<boolean>;
}

export interface BotServer {
  server: Server;
  /** Resolves once every request that was already running has finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createServer({ adapter, bot, logger, version, ready }: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'csp-move-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

  // The Bot Connector posts plain JSON. A compressed body is refused before anything reads it: restify's
  // gunzip stream crashed the process on a corrupt body, and inflated past the size limit before auth.
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (req.method === 'POST' && encoding !== 'identity' && encoding !== '') {
      res.setHeader('connection', 'close');
      res.json(415, { error: 'unsupported_media_type' });
      return next(false);
    }
    return next();
  });

  // @types/restify lags restify 11: jsonBodyParser passes maxBodySize to its body reader.
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions));

  // Whatever went wrong, the caller gets a status and a fixed word, never our internals.
  server.on('restifyError', (_req: Request, _res: Response, err: { statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    err.toJSON = () => ({ error: status === 413 ? 'payload_too_large' : status >= 500 ? 'internal_error' : 'bad_request' });
    cb();
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok', version });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ok = await ready().catch(() => false);
    res.json(ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight += 1;
    const correlationId = randomUUID();
    try {
      if (!req.is('application/json')) return void res.json(415, { error: 'unsupported_media_type' });
      const parsed = InboundActivity.safeParse(req.body);
      if (!parsed.success) return void res.json(400, { error: 'bad_request' });

      const auth = String(req.headers.authorization ?? '');
      const log = logger.child({ correlationId });
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
        // The caller learns only 401 or 503, never which check failed; our log keeps the reason.
        if (err instanceof AuthFailure && err.kind === 'unavailable') {
          log.warn({ reason: err.reason }, 'request refused: channel signing keys unavailable');
          res.json(503, { error: 'unavailable' });
        } else if (err instanceof AuthFailure) {
          log.info({ reason: err.reason }, 'request rejected: unauthorized');
          res.json(401, { error: 'unauthorized' });
        } else {
          // onTurnError handles turn failures; reaching here means the turn could not even be set up.
          log.error({ err }, 'turn failed outside error handling');
          res.json(500, { error: 'internal_error' });
        }
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
