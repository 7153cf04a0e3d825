import type { Storage } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import pkg from '../package.json' with { type: 'json' };
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createTranslator } from './i18n/index.js';
import { createAdapter } from './adapter.js';
import { CspMoveBot } from './bot.js';
import { createConversation } from '../dialogs/index.js';
import { createServer } from './server.js';
import { createStorage } from './storage/createStorage.js';

export interface AppOverrides {
  logger?: Logger;
  /** Replaces the configured storage (tests inject failing or shared stores). */
  storage?: { storage: Storage; close(): Promise<void>; ping(): Promise<boolean> };
  authSettings?: Record<string, string>;
  /** Pins today's date (YYYY-MM-DD) for tests. */
  today?: () => string;
}

export interface App {
  listen(): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  logger: Logger;
}

/** Wires config → storage → adapter → bot → HTTP. Nothing here runs until listen(). */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const store = overrides.storage ?? createStorage(config);
  const translator = createTranslator();
  const adapter = createAdapter({ config, logger, translator, authSettings: overrides.authSettings });
  const conversation = createConversation({ storage: store.storage, translator, defaultLocale: config.DEFAULT_LOCALE, today: overrides.today });
  const bot = new CspMoveBot(conversation);
  const { server, drain } = createServer({ adapter, bot, logger, version: pkg.version, ready: () => store.ping() });
  let closing: Promise<void> | undefined;

  return {
    logger,
    async listen() {
      // Opening storage up front creates the SQLite file and surfaces a bad path before the first user does.
      if (!(await store.ping())) logger.warn({ storage: config.STORAGE }, 'storage is not reachable yet');
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
      logger.info({ port, storage: config.STORAGE, version: pkg.version }, 'listening');
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
        await store.close();
        logger.info('stopped');
      })();
      return closing;
    },
  };
}
