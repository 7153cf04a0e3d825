import type { Activity, Storage, StoreItems, TurnContext } from 'botbuilder';
import type { PipelinePolicyLike } from '../http/connectorRetry.js';
import type { Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Instruments } from './instruments.js';
import { telemetrySettings, type TelemetryEnv, type TelemetrySettings } from './settings.js';

export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The app's traces and metrics (OpenTelemetry, exported over OTLP/HTTP). It exists only when an OTLP endpoint
 * is configured: otherwise `createTelemetry` returns undefined, the app wraps nothing, and no OpenTelemetry
 * package is loaded. Nothing here ever fails or holds up a turn: before the SDK has loaded, or if it could
 * not, every wrapper passes straight through.
 */
export interface Telemetry {
  /** Loads the SDK and starts exporting. Never rejects: a failure is a warning and telemetry stays off. */
  start(): Promise<void>;
  /** Exports what is pending (for at most `timeoutMs`) and stops. Never rejects. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** Runs `run` (the adapter processing one activity) as a traced, measured turn; `logic` gets a TurnTelemetry in its turn state. */
  turn<T>(activity: Partial<Activity>, logic: TurnLogic, run: (logic: TurnLogic) => Promise<T>): Promise<T>;
  /** The storage, with each read, write and delete traced and timed. */
  wrapStorage(storage: Storage): Storage;
  /** The connector's retry policy, with each call traced and timed and each retry counted. */
  wrapConnectorPolicy(policy: PipelinePolicyLike): PipelinePolicyLike;
}

export interface TelemetryOptions {
  /** The parsed OTEL_* variables (the app's config holds them). */
  env: TelemetryEnv;
  version: string;
  defaultLocale: Locale;
  storageKind: string;
  logger: Logger;
}

/** How long shutdown waits for the last export: a dead collector must not hold the process. */
const SHUTDOWN_TIMEOUT_MS = 2000;

/** Logs what is wrong with the OTEL_* variables (one warning line), then returns the telemetry, or undefined when off. */
export function createTelemetry({ env, version, defaultLocale, storageKind, logger }: TelemetryOptions): Telemetry | undefined {
  const settings = telemetrySettings(env);
  const off = !settings.traces && !settings.metrics;
  if (settings.problems.length > 0) {
    const effect = off ? 'telemetry is off' : `exporting ${[settings.traces && 'traces', settings.metrics && 'metrics'].filter(Boolean).join(' and ')} only`;
    logger.warn({ problems: settings.problems }, `telemetry settings ignored: ${settings.problems.join('; ')} (${effect})`);
  }
  if (off) return undefined;
  return new LazyTelemetry(settings, { version, defaultLocale, storageKind, logger });
}

class LazyTelemetry implements Telemetry {
  private instruments?: Instruments;
  private stop?: () => Promise<void>;
  private starting?: Promise<void>;

  constructor(
    private readonly settings: TelemetrySettings,
    private readonly options: Omit<TelemetryOptions, 'env'>,
  ) {}

  start(): Promise<void> {
    this.starting ??= this.load().catch((err: unknown) => {
      this.options.logger.warn({ err }, 'telemetry could not start: the bot runs without it');
    });
    return this.starting;
  }

  private async load(): Promise<void> {
    const [{ startSdk }, { Instruments }] = await Promise.all([import('./sdk.js'), import('./instruments.js')]);
    const { logger, version, defaultLocale, storageKind } = this.options;
    const sdk = await startSdk(this.settings, version, logger);
    this.stop = () => sdk.shutdown();
    this.instruments = new Instruments({ tracer: sdk.tracer, meter: sdk.meter, defaultLocale, storageKind });
    const { traces, metrics } = this.settings;
    logger.info({ traces: traces?.url, metrics: metrics?.url, protocol: (traces ?? metrics)?.protocol }, 'telemetry on');
  }

  async shutdown(timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<void> {
    await this.starting;
    const stop = this.stop;
    this.instruments = undefined;
    this.stop = undefined;
    if (!stop) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      stop().then(() => false, () => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (gaveUp) this.options.logger.warn({ timeoutMs }, 'telemetry: the collector did not take the last export in time; it is dropped');
  }

  turn<T>(activity: Partial<Activity>, logic: TurnLogic, run: (logic: TurnLogic) => Promise<T>): Promise<T> {
    return this.instruments ? this.instruments.turn(activity, logic, run) : run(logic);
  }

  wrapStorage(storage: Storage): Storage {
    const call = <T>(operation: 'read' | 'write' | 'delete', items: number, op: () => Promise<T>): Promise<T> =>
      this.instruments ? this.instruments.storageCall(operation, items, op) : op();
    return {
      read: (keys: string[]) => call('read', keys.length, () => storage.read(keys)),
      write: (changes: StoreItems) => call('write', Object.keys(changes).length, () => storage.write(changes)),
      delete: (keys: string[]) => call('delete', keys.length, () => storage.delete(keys)),
    };
  }

  wrapConnectorPolicy(policy: PipelinePolicyLike): PipelinePolicyLike {
    const send = policy.sendRequest.bind(policy);
    return {
      name: policy.name,
      sendRequest: (request, next) => (this.instruments ? this.instruments.connectorCall(request, next, send) : send(request, next)),
    };
  }
}
