// What the app records, on the SDK's tracer and meter (loaded only when telemetry is on). Span and metric
// names: ./names.ts. Every attribute value is from a fixed set or a count (./attributes.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Counter, type Histogram, type Meter, type Span, type Tracer } from '@opentelemetry/api';
import type { Activity, TurnContext } from 'botbuilder';
import type { Decision } from '../../dialogs/core/decide.js';
import type { PipelinePolicyLike } from '../http/connectorRetry.js';
import { resolveLocale, type Locale } from '../i18n/index.js';
import { correlationIdOf } from '../turnContextKeys.js';
import { activityTypeOf, connectorUrlTemplate, errorTypeOf, verdictOf } from './attributes.js';
import { ATTRS, METRICS, SPANS, type StorageOperation } from './names.js';
import { TURN_TELEMETRY, type TurnOutcome, type TurnTelemetry } from './turnTelemetry.js';

export type TurnLogic = (context: TurnContext) => Promise<void>;
type Send = PipelinePolicyLike['sendRequest'];

export interface InstrumentsOptions {
  tracer?: Tracer;
  meter?: Meter;
  defaultLocale: Locale;
  /** STORAGE: sqlite, memory or blob. */
  storageKind: string;
}

// Seconds, as OpenTelemetry's conventions measure durations; buckets from 0.5 ms (a SQLite read) to 10 s (the connector's retry budget).
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 15];
const STORAGE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** What one turn has told telemetry so far; read when its span ends. */
class TurnRecord implements TurnTelemetry {
  intentKind?: string;
  decision?: { value: Decision; today: string };
  said?: 'duplicate' | 'replayed' | 'storage-unavailable' | 'busy';
  cause?: unknown;
  error?: unknown;
  /** Read from the turn's state before the turn ends (botbuilder revokes the context once the turn is over). */
  correlationId?: string;

  intent(kind: string): void {
    this.intentKind = kind;
  }

  decided(decision: Decision, today: string): void {
    this.decision = { value: decision, today };
  }

  outcome(outcome: 'duplicate' | 'replayed' | 'storage-unavailable' | 'busy', cause?: unknown): void {
    this.said = outcome;
    this.cause = cause;
  }

  get final(): TurnOutcome {
    if (this.error !== undefined) return 'error';
    if (this.said === 'replayed') return 'duplicate';
    return this.said ?? 'ok';
  }
}

export class Instruments {
  private readonly turnScope = new AsyncLocalStorage<Span>();
  private readonly tracer?: Tracer;
  private readonly turns?: Counter;
  private readonly turnDuration?: Histogram;
  private readonly results?: Counter;
  private readonly storageDuration?: Histogram;
  private readonly storageUnavailable?: Counter;
  private readonly connectorDuration?: Histogram;
  private readonly connectorRetries?: Counter;
  private readonly duplicates?: Counter;

  constructor(private readonly options: InstrumentsOptions) {
    this.tracer = options.tracer;
    const meter = options.meter;
    if (!meter) return;
    this.turns = meter.createCounter(METRICS.turns, { unit: '{turn}', description: 'Activities processed, by outcome, activity type, intent and language' });
    this.turnDuration = meter.createHistogram(METRICS.turnDuration, { unit: 's', description: 'Time to process one activity, replies included', advice: { explicitBucketBoundaries: TURN_BUCKETS } });
    this.results = meter.createCounter(METRICS.results, { unit: '{result}', description: 'Result cards shown, by verdict' });
    this.storageDuration = meter.createHistogram(METRICS.storageDuration, { unit: 's', description: 'Time of one storage call, by operation', advice: { explicitBucketBoundaries: STORAGE_BUCKETS } });
    this.storageUnavailable = meter.createCounter(METRICS.storageUnavailableTurns, { unit: '{turn}', description: 'Turns answered "temporarily unavailable" because storage failed' });
    this.connectorDuration = meter.createHistogram(METRICS.connectorDuration, { unit: 's', description: 'Time of one call to the Bot Connector, retries included', advice: { explicitBucketBoundaries: TURN_BUCKETS } });
    this.connectorRetries = meter.createCounter(METRICS.connectorRetries, { unit: '{retry}', description: 'Connector calls tried again, by the status or error of the failed try' });
    this.duplicates = meter.createCounter(METRICS.duplicateDeliveries, { unit: '{delivery}', description: 'Activities delivered again by the channel: dropped, or answered with the current card' });
  }

  /** Runs `run` (the adapter's processing of one activity) inside the turn's span; `logic` gets the turn record in its state. */
  async turn<T>(activity: Partial<Activity>, logic: TurnLogic, run: (logic: TurnLogic) => Promise<T>): Promise<T> {
    const started = performance.now();
    const activityType = activityTypeOf(activity.type);
    const span = this.tracer?.startSpan(SPANS.turn, { kind: SpanKind.SERVER, attributes: { [ATTRS.activityType]: activityType } });
    const record = new TurnRecord();
    const traced: TurnLogic = async (context) => {
      context.turnState.set(TURN_TELEMETRY, record);
      try {
        await logic(context);
      } catch (err) {
        record.error = err;
        throw err;
      } finally {
        record.correlationId = correlationIdOf(context);
      }
    };
    try {
      return span ? await this.turnScope.run(span, () => run(traced)) : await run(traced);
    } catch (err) {
      record.error ??= err;
      throw err;
    } finally {
      try {
        this.endTurn(span, record, activity, activityType, started);
      } catch {
        // Telemetry never fails a turn: whatever could not be recorded is left out.
        span?.end();
      }
    }
  }

  private endTurn(span: Span | undefined, record: TurnRecord, activity: Partial<Activity>, activityType: string, started: number): void {
    const seconds = (performance.now() - started) / 1000;
    const outcome = record.final;
    // The language the conversation answered in (the user's choice, else their client's); without a decision, the client's.
    const locale = record.decision?.value.locale ?? resolveLocale(activity.locale, undefined, this.options.defaultLocale);
    let verdict: string | undefined;
    try {
      verdict = outcome === 'ok' && record.decision ? verdictOf(record.decision.value, record.decision.today) : undefined;
    } catch {
      // Answers the engine can't read (they came from the core, so a bug there): the turn is still recorded, without a verdict.
    }
    const attributes: Attributes = { [ATTRS.outcome]: outcome, [ATTRS.activityType]: activityType, [ATTRS.locale]: locale };
    if (record.intentKind) attributes[ATTRS.intent] = record.intentKind;
    if (span) {
      span.setAttributes(attributes);
      if (verdict) span.setAttribute(ATTRS.verdict, verdict);
      if (record.correlationId) span.setAttribute(ATTRS.correlationId, record.correlationId);
      if (record.error !== undefined) span.setAttribute(ATTRS.errorType, errorTypeOf(record.error));
      // No status description: an error's message can hold a storage key or a URL.
      if (outcome === 'error' || outcome === 'storage-unavailable' || outcome === 'busy') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    this.turns?.add(1, attributes);
    this.turnDuration?.record(seconds, { [ATTRS.outcome]: outcome, [ATTRS.activityType]: activityType });
    if (verdict) this.results?.add(1, { [ATTRS.verdict]: verdict });
    if (record.said === 'duplicate' || record.said === 'replayed') this.duplicates?.add(1, { [ATTRS.duplicateHandling]: record.said === 'duplicate' ? 'dropped' : 'replayed' });
    if (record.said === 'storage-unavailable') this.storageUnavailable?.add(1, { [ATTRS.errorType]: errorTypeOf(record.cause) });
  }

  /** One storage call: a child span of the turn under way, and its latency. */
  async storageCall<T>(operation: StorageOperation, items: number, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const attributes: Attributes = { [ATTRS.storageOperation]: operation, [ATTRS.storageKind]: this.options.storageKind };
    const span = this.childSpan(SPANS.storage(operation), SpanKind.INTERNAL, { ...attributes, [ATTRS.storageItems]: items });
    try {
      return await call();
    } catch (err) {
      const errorType = errorTypeOf(err);
      attributes[ATTRS.errorType] = errorType;
      span?.setAttribute(ATTRS.errorType, errorType);
      span?.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span?.end();
      this.storageDuration?.record((performance.now() - started) / 1000, attributes);
    }
  }

  /**
   * One call to the Bot Connector through the retry policy `send`: an HTTP client span (named and attributed
   * as OpenTelemetry's HTTP conventions say, with the path as a template: no conversation or activity id),
   * each retry counted with the status or error of the try that failed.
   */
  async connectorCall(request: Parameters<Send>[0], next: Parameters<Send>[1], send: Send): Promise<Awaited<ReturnType<Send>>> {
    const started = performance.now();
    // An address we can't read is the pipeline's to refuse: telemetry just stays out of the way (URL.parse needs Node 22).
    if (!URL.canParse(request.url)) return send(request, next);
    const url = new URL(request.url);
    const template = connectorUrlTemplate(url.pathname);
    const method = request.method.toUpperCase();
    const attributes: Attributes = { [ATTRS.httpMethod]: method, [ATTRS.serverAddress]: url.hostname };
    const span = this.childSpan(template ? `${method} ${template}` : method, SpanKind.CLIENT, {
      ...attributes,
      [ATTRS.serverPort]: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      ...(template ? { [ATTRS.urlTemplate]: template } : {}),
    });
    let tries = 0;
    let lastTry: Attributes = {};
    const counted: typeof next = async (req) => {
      if (tries > 0) {
        this.connectorRetries?.add(1, lastTry);
        span?.addEvent('retry', lastTry);
      }
      tries++;
      try {
        const response = await next(req);
        lastTry = { [ATTRS.httpStatus]: response.status };
        return response;
      } catch (err) {
        lastTry = { [ATTRS.errorType]: errorTypeOf(err) };
        throw err;
      }
    };
    try {
      const response = await send(request, counted);
      attributes[ATTRS.httpStatus] = response.status;
      if (response.status >= 400) attributes[ATTRS.errorType] = String(response.status);
      return response;
    } catch (err) {
      // Given up on (ReplyNotDelivered) after an answer: the answer's status, as the HTTP conventions name errors.
      const status = (err as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number') attributes[ATTRS.httpStatus] = status;
      attributes[ATTRS.errorType] = typeof status === 'number' ? String(status) : errorTypeOf(err);
      throw err;
    } finally {
      if (span) {
        span.setAttributes(attributes);
        if (tries > 1) span.setAttribute(ATTRS.httpResendCount, tries - 1);
        if (attributes[ATTRS.errorType]) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      this.connectorDuration?.record((performance.now() - started) / 1000, attributes);
    }
  }

  /** A span under the turn under way (found through async context), or a root span outside any turn. */
  private childSpan(name: string, kind: SpanKind, attributes: Attributes): Span | undefined {
    if (!this.tracer) return undefined;
    const turn = this.turnScope.getStore();
    return this.tracer.startSpan(name, { kind, attributes }, turn ? trace.setSpan(ROOT_CONTEXT, turn) : ROOT_CONTEXT);
  }
}
