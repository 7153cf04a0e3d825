import { ActivityTypes, type Storage } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { DestinationStream } from 'pino';
import type { AddressInfo } from 'node:net';
import pkg from '../package.json' with { type: 'json' };
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createTranslator } from './i18n/index.js';
import { createAdapter } from './adapter.js';
import type { RetryOptions } from './http/connectorRetry.js';
import { CspMoveBot } from './bot.js';
import { createConversation } from '../dialogs/index.js';
import { reminderRenderer } from '../dialogs/renderReply.js';
import { createServer } from './server.js';
import { MoveStore } from './moves/index.js';
import { ProactiveSender, ReminderBook, ReminderScheduler, type ScanReport, type SchedulerOptions } from './reminders/index.js';
import { createStorage, type StorageHandle } from './storage/createStorage.js';
import { createTelemetry } from './telemetry/index.js';
import { DAY_MS, DELIVERY_TTL_MS, DeliveryLedger, RetentionSweeper, TurnRunner, guardStorage, retentionPolicy, type TurnRunnerOptions } from './state/index.js';

export interface AppOverrides {
  logger?: Logger;
  /** Replaces the configured storage (tests inject failing or shared stores). */
  storage?: { storage: Storage; close(): Promise<void>; ping(): Promise<boolean>; deleteWrittenBefore?: StorageHandle['deleteWrittenBefore'] };
  /** The clock (epoch ms) for state retention, the delivery ledger and SQLite write times — tests move it forward. */
  now?: () => number;
  authSettings?: Record<string, string>;
  /** Outbound credentials (tests: no token fetch from the internet) and retry timing (tests: no real sleeps). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  connectorRetry?: Partial<RetryOptions>;
  /** Where the configured logger writes (tests capture lines to prove redaction); ignored when `logger` is given. */
  logDestination?: DestinationStream;
  /** Pins today's date (YYYY-MM-DD) for tests. */
  today?: () => string;
  /**
   * What a redelivery gets when its turn was saved but its replies may not have left (TurnRunnerOptions.replay).
   * Tests pass one that sends a card they can recognise.
   */
  replay?: TurnRunnerOptions['replay'];
  /** Reminder scheduling (tests: an instance id, a claim timeout). */
  reminders?: Partial<Pick<SchedulerOptions, 'instanceId' | 'claimTimeoutMs' | 'lateAfterMs' | 'intervalMs'>>;
}

export interface App {
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  /** Deletes expired state now (also done hourly while listening). */
  sweepExpired(): Promise<{ state: number }>;
  /** Sends the reminders due now (also done every REMINDER_SCAN_SECONDS while listening). */
  scanReminders(): Promise<ScanReport>;
  logger: Logger;
}

/** Wires config → storage → adapter → bot → HTTP. Nothing here runs until listen(). */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const secrets = [config.MicrosoftAppPassword, config.BLOB_CONNECTION_STRING].filter((s): s is string => Boolean(s));
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, overrides.logDestination, secrets);
  // CLOCK_OFFSET (local runs): the whole bot lives that far ahead, so a reminder months away can be seen today.
  const offset = config.CLOCK_OFFSET;
  const now = overrides.now ?? (offset !== 0 ? () => Date.now() + offset : Date.now);
  const today = overrides.today ?? (offset !== 0 ? () => new Date(now()).toISOString().slice(0, 10) : undefined);
  const store = overrides.storage ?? createStorage(config, { sqlite: { now }, blob: { now } });
  // Undefined unless an OTLP endpoint is configured: then nothing below is wrapped.
  const telemetry = createTelemetry({ env: config, version: pkg.version, defaultLocale: config.DEFAULT_LOCALE, storageKind: config.STORAGE, logger });
  // Outages surface as one error type wherever they happen in a turn (src/state/storageGuard.ts).
  const storage = guardStorage(telemetry?.wrapStorage(store.storage) ?? store.storage);
  const translator = createTranslator();
  const policy = retentionPolicy(config.STATE_TTL_DAYS * DAY_MS, now);
  const book = new ReminderBook({ storage, policy });
  const moves = new MoveStore({ storage, policy, reminders: book });
  const conversation = createConversation({ storage, translator, defaultLocale: config.DEFAULT_LOCALE, today, moves: { store: moves, book }, policy });
  const adapter = createAdapter({
    config,
    logger,
    translator,
    authSettings: overrides.authSettings,
    credentialsFactory: overrides.credentialsFactory,
    retry: overrides.connectorRetry,
    localeOf: conversation.localeOf,
    telemetry,
  });
  const turns = new TurnRunner({
    storage,
    states: conversation.states,
    policy,
    deliveries: new DeliveryLedger({ ttlMs: DELIVERY_TTL_MS, now }),
    ledgerState: conversation.ledgerState,
    translator,
    defaultLocale: config.DEFAULT_LOCALE,
    localeOf: conversation.localeOf,
    logger,
    // The current card from the saved state; a Universal Action gets it as its invoke response.
    replay:
      overrides.replay ??
      (async (context) => {
        const response = await conversation.replay(context);
        if (response) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
      }),
  });
  const sweeper = new RetentionSweeper({ store, policy, logger });
  const scheduler = new ReminderScheduler({
    storage,
    policy,
    book,
    sender: new ProactiveSender({ adapter, appId: config.MicrosoftAppId ?? '', moves, renderReminder: reminderRenderer(translator), defaultLocale: config.DEFAULT_LOCALE, logger }),
    logger,
    intervalMs: config.REMINDER_SCAN_SECONDS * 1000,
    ...overrides.reminders,
  });
  const bot = new CspMoveBot({ conversation, states: conversation.states, turns });
  const { server, drain } = createServer({
    adapter,
    bot,
    logger,
    version: pkg.version,
    ready: () => store.ping(),
    limits: { maxConnections: config.MAX_CONNECTIONS, requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS },
  });
  let closing: Promise<void> | undefined;

  return {
    logger,
    sweepExpired: () => sweeper.sweepNow(),
    scanReminders: () => scheduler.scanNow(),
    async listen() {
      // Opening storage up front creates the SQLite file and surfaces a bad path before the first user does.
      if (!(await store.ping())) logger.warn({ storage: config.STORAGE }, 'storage is not reachable yet');
      await telemetry?.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
      logger.info({ port, storage: config.STORAGE, version: pkg.version }, 'listening');
      sweeper.start();
      if (offset !== 0) logger.warn({ clock: new Date(now()).toISOString() }, 'CLOCK_OFFSET is set: dates, reminders and retention run on a shifted clock (for local runs only)');
      scheduler.start();
      return { port, url: `http://${host}:${port}` };
    },
    close() {
      // Stop accepting, let running turns finish, then release storage — once, however often asked.
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const drained = await drain(10_000);
        if (!drained) logger.warn('shutdown: turns still running after 10 s');
        // Keep-alive sockets would hold close() open until the client gives up on them.
        server.server.closeIdleConnections();
        await stopped;
        await sweeper.stop();
        await scheduler.stop();
        await store.close();
        await telemetry?.shutdown();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
