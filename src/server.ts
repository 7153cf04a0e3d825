import restify, { type Request, type Response, type Server } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import type { Activity, ActivityHandlerBase, InvokeResponse } from 'botbuilder';
import type { BotAdapter } from './adapter.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from './logger.js';
import { CORRELATION_ID } from './turnContextKeys.js';

export const MAX_BODY_BYTES = 256 * 1024;

/** The least an activity needs before we let botbuilder near it. */
const InboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(256),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  })
  .passthrough();

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

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function isNetworkFailure(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return NETWORK_CODES.has(e?.code ?? '') || NETWORK_CODES.has(e?.cause?.code ?? '');
}

export function createServer({ adapter, bot, logger, version, ready }: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'csp-move-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

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
      let turnStarted = false;
      try {
        const invoke: InvokeResponse | undefined = await adapter.handle(auth, parsed.data as unknown as Activity, async (context) => {
          turnStarted = true;
          context.turnState.set(CORRELATION_ID, correlationId);
          await bot.run(context);
        });
        if (invoke?.body !== undefined) res.json(invoke.status ?? 200, invoke.body);
        else res.send(invoke?.status ?? 200);
      } catch (err) {
        // Before the turn starts, only authentication can fail; after, onTurnError already spoke to the user.
        if (!turnStarted && isNetworkFailure(err)) {
          logger.warn({ correlationId, err }, 'authentication metadata unreachable');
          res.json(503, { error: 'unavailable' });
        } else if (!turnStarted || err instanceof AuthenticationError) {
          logger.info({ correlationId, reason: (err as Error)?.message }, 'request rejected: unauthorized');
          res.json(401, { error: 'unauthorized' });
        } else {
          logger.error({ correlationId, err }, 'turn failed after error handling');
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
