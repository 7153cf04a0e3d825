import { ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import type { Logger } from '../logger.js';
import { REQUEST_ID_HEADER, watchRequest } from './requestLeft.js';

/**
 * How calls to the channel's connector are retried when it throttles (429, 412) or fails (5xx, dropped
 * connection). The stock pipeline retries 3 times and waits for any Retry-After however long, holding
 * the turn past Teams' 15 s window (Teams then re-sends the user's message). Ours is bounded in tries
 * and in total waiting, and its clock and dice are injectable so tests run without real delays.
 *
 * A POST (a new message, a reply, a new conversation) is not idempotent and the Bot Connector takes no
 * idempotency key, so it is repeated only when the failure says the connector did not take it (see
 * {@link safeToRepeat}); otherwise a message the connector did deliver would show twice.
 */
export interface RetryOptions {
  /** Tries per call, the first included. */
  maxAttempts: number;
  /** First backoff; doubles per try, capped at maxDelayMs, then jittered down to half. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: we give up at once. */
  maxRetryAfterMs: number;
  /** All the waiting one call may do, summed over its retries. */
  budgetMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 8_000,
  budgetMs: 10_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

/** Worth another try: throttled, timed out, or a server fault that may pass (not 501/505: those stay). */
const RETRY_STATUSES = new Set([408, 412, 429, 500, 502, 503, 504]);
/** The request never reached the connector, or the connection dropped: another try may get through. */
const RETRY_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET']);
/**
 * Answers that say the request was not acted on: 408, the server did not receive it whole; 412 and 429,
 * refused before processing (msteams-docs rate-limit.md asks to retry both). A 503 is such an answer
 * only with a Retry-After (the service is shedding load on purpose); without one, as 500, 502 and 504,
 * it may come from a gateway after the service took the request.
 */
const NOT_TAKEN_STATUSES = new Set([408, 412, 429]);
/** Failures to connect at all (refused, name lookup): nothing was sent. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
/** Methods whose repetition leaves the same result as one call (RFC 9110, 9.2.2): PUT replaces a card, it doesn't add one. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** What one failed attempt tells about whether the connector may have acted on it. */
export interface FailedAttempt {
  method: string;
  status?: number;
  /** The response carried a Retry-After we can read. */
  retryAfter?: boolean;
  code?: string;
  /** Whether the whole request was handed to the network; undefined when that could not be observed. */
  left?: boolean;
}

/**
 * True when another try cannot make the connector act twice: the method is idempotent, or the failure
 * shows the connector did not act on the request (an answer saying so, or a request that never left).
 * A POST whose outcome is unknown (500, 502, 504, 503 without Retry-After, a connection dropped after
 * the request was sent, or not observed) is not repeated: it may have been delivered.
 */
export function safeToRepeat(f: FailedAttempt): boolean {
  if (IDEMPOTENT_METHODS.has(f.method.toUpperCase())) return true;
  if (f.status !== undefined) return NOT_TAKEN_STATUSES.has(f.status) || (f.status === 503 && f.retryAfter === true);
  return NOT_CONNECTED_CODES.has(f.code ?? '') || f.left === false;
}

/** Retry-After is whole seconds or an HTTP date; anything else is ignored (plain backoff applies). */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  // An IMF-fixdate ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse alone would also take "1.5" as a date.
  if (!/^[A-Za-z]{3}, /.test(v)) return undefined;
  const date = Date.parse(v);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Milliseconds to wait before try `attempt + 1`, or undefined to give up. Retry-After is honoured (plus a
 * little jitter so throttled conversations don't all come back at once); otherwise exponential backoff
 * with "equal jitter": a random point in the upper half of the current step.
 */
export function nextDelay(attempt: number, waitedMs: number, retryAfterMs: number | undefined, o: RetryOptions): number | undefined {
  if (attempt >= o.maxAttempts) return undefined;
  let delay: number;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > o.maxRetryAfterMs) return undefined;
    delay = retryAfterMs + Math.floor(o.random() * (o.baseDelayMs / 2));
  } else {
    const step = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
    delay = Math.floor(step / 2 + o.random() * (step / 2));
  }
  return waitedMs + delay > o.budgetMs ? undefined : delay;
}

/**
 * Thrown when a reply was not confirmed delivered: refused after every try, or (maybeDelivered) failed in
 * a way that leaves open whether the connector delivered it, and so was not repeated.
 */
export class ReplyNotDelivered extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly code: string | undefined,
    readonly attempts: number,
    readonly maybeDelivered = false,
  ) {
    const cause = statusCode ? ` (HTTP ${statusCode})` : code ? ` (${code})` : '';
    super(maybeDelivered ? `reply not confirmed after ${attempts} attempt(s), not repeated: it may have been delivered${cause}` : `reply not delivered after ${attempts} attempt(s)${cause}`);
    this.name = 'ReplyNotDelivered';
  }
}

/** True for a ReplyNotDelivered, also when botbuilder-dialogs wrapped it in a DialogContextError. */
export function isReplyNotDelivered(err: unknown): boolean {
  for (let e = err as { error?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ReplyNotDelivered) return true;
    e = (e.error ?? e.cause) as typeof e;
  }
  return false;
}

// The slice of @azure/core-rest-pipeline's policy contract this policy uses (botbuilder keeps the pipeline private).
interface RequestLike {
  url: string;
  method: string;
  requestId: string;
  headers: { get(name: string): string | undefined; set(name: string, value: string): void };
}
interface ResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}
export interface PipelinePolicyLike {
  name: string;
  sendRequest(request: RequestLike, next: (request: RequestLike) => Promise<ResponseLike>): Promise<ResponseLike>;
}
interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: PipelinePolicyLike, options?: { phase?: 'Retry' }): void;
}

export function connectorRetryPolicy(options: RetryOptions, logger: Logger): PipelinePolicyLike {
  return {
    name: 'cspConnectorRetry',
    async sendRequest(request, next) {
      let waited = 0;
      // The id that lets requestLeft.ts find this request's socket-level fate (Azure clients usually set it already).
      const requestId = request.headers.get(REQUEST_ID_HEADER) ?? request.requestId;
      request.headers.set(REQUEST_ID_HEADER, requestId);
      for (let attempt = 1; ; attempt++) {
        let response: ResponseLike | undefined;
        let code: string | undefined;
        const watch = watchRequest(requestId);
        try {
          response = await next(request);
          if (!RETRY_STATUSES.has(response.status)) return response;
        } catch (err) {
          code = (err as { code?: string }).code;
          if (!RETRY_CODES.has(code ?? '')) throw err;
        } finally {
          watch.stop();
        }
        const status = response?.status;
        const retryAfter = response ? parseRetryAfter(response.headers.get('retry-after'), options.now()) : undefined;
        // The client is shared by turns, so the log names the call (its path holds the conversation and the
        // activity replied to), not the turn's correlation id.
        const { host, pathname: path } = new URL(request.url);
        const left = watch.seen ? watch.left : undefined;
        if (!safeToRepeat({ method: request.method, status, retryAfter: retryAfter !== undefined, code, left })) {
          logger.warn({ host, path, method: request.method, status, code, attempts: attempt, waitedMs: waited }, 'connector call failed: not repeated, it may have been delivered');
          throw new ReplyNotDelivered(status, code, attempt, true);
        }
        const delay = nextDelay(attempt, waited, retryAfter, options);
        if (delay === undefined) {
          logger.warn({ host, path, method: request.method, status, code, attempts: attempt, waitedMs: waited, retryAfterMs: retryAfter }, 'connector call failed: giving up');
          throw new ReplyNotDelivered(status, code, attempt);
        }
        logger.info({ host, path, method: request.method, status, code, attempt, delayMs: delay, retryAfterMs: retryAfter }, 'connector call failed: retrying');
        await options.sleep(delay);
        waited += delay;
      }
    },
  };
}

/**
 * Hands out one ConnectorClient per app identity, service URL and audience, made by botbuilder's factory with
 * our retry policy in place of the stock one, and reused across turns. Making a client builds a whole HTTP
 * pipeline (half as costly as the rest of a turn, measured by `npm run bench`); Teams uses a handful of
 * service URLs. Tokens are still fetched and refreshed per request by the client's credentials. Bounded:
 * the least recently used client goes when `max` is reached.
 */
export class ConnectorClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    private readonly policy: PipelinePolicyLike,
    private readonly max = 64,
  ) {}

  /** A factory for one turn: `identity` names the app the inner factory acts as (its clients differ per app). */
  factoryFor(identity: string, inner: ConnectorFactory): ConnectorFactory {
    return new CachingConnectorFactory(this, identity, inner);
  }

  get(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const cached = this.clients.get(key);
    if (cached) {
      this.clients.delete(key); // re-inserted: Map order is recency
      this.clients.set(key, cached);
      return cached;
    }
    const made = make().then((client) => withPolicy(client, this.policy));
    made.catch(() => this.clients.get(key) === made && this.clients.delete(key));
    this.clients.set(key, made);
    if (this.clients.size > this.max) this.clients.delete(this.clients.keys().next().value as string);
    return made;
  }

  get size(): number {
    return this.clients.size;
  }
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly cache: ConnectorClientCache,
    private readonly identity: string,
    private readonly inner: ConnectorFactory,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.identity}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

function withPolicy(client: ConnectorClient, policy: PipelinePolicyLike): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline) throw new Error('ConnectorClient without a request pipeline: botbuilder changed, see src/http/connectorRetry.ts');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy(policy, { phase: 'Retry' });
  return client;
}
