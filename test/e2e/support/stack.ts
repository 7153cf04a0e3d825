// One bot (real HTTP server, real SQLite file) and one Agents Playground pointed at it, on free loopback
// ports, plus a client for the Playground's API. Every test gets its own, so no state leaks between them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgentsPlayground, waitForPlayground, type RunningPlayground } from '../../../scripts/agentsPlayground.js';
import { startApp, type RunningApp } from '../../support/server.js';
import { createLogger } from '../../../src/logger.js';
import { startLocaleProxy, type LocaleProxy } from './localeProxy.js';
import { PlaygroundClient } from './playgroundClient.js';
import { freePort } from '../../support/ports.js';

export { freePort };

export const TODAY = '2026-11-21';

export interface Stack {
  /** The running bot (a new one after restartBot). */
  bot: RunningApp;
  playground: RunningPlayground;
  client: PlaygroundClient;
  /** The bot's log lines (JSON), when the stack was started with a logLevel. */
  botLog: string[];
  /**
   * Stops the bot and starts a new one on the same SQLite file, with `env` over the stack's env (e.g. CLOCK_OFFSET),
   * while the Playground keeps running: the Playground reaches the new bot through the same relay (stack option
   * `restartable`, or a clientLocale), so its conversations and its connector (the stored serviceUrl) stay valid.
   */
  restartBot(env?: Record<string, string>): Promise<RunningApp>;
  close(): Promise<void>;
}


export interface StackOptions {
  /** The Teams client's display language the bot sees on every activity (default: the Playground's en-US). */
  clientLocale?: string;
  /** The bot's own clock (shifted by CLOCK_OFFSET if set) instead of today pinned to TODAY. */
  realClock?: boolean;
  /** More configuration for the bot (e.g. REMINDER_SCAN_SECONDS). */
  env?: Record<string, string>;
  /** The Playground reaches the bot through a relay, so that restartBot can replace the bot behind it. */
  restartable?: boolean;
  /** Keep the bot's log at this level in `botLog` (default: silent). */
  logLevel?: 'info' | 'debug' | 'warn';
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'csp-e2e-'));
  const botLog: string[] = [];
  const launch = (env: Record<string, string> = {}) =>
    startApp(
      { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db'), ...options.env, ...env },
      {
        ...(options.realClock ? {} : { today: () => TODAY }),
        ...(options.logLevel ? { logger: createLogger(options.logLevel, { write: (line: string) => void botLog.push(line) }) } : {}),
      },
    );
  let bot = await launch();
  let playground: RunningPlayground | undefined;
  let proxy: LocaleProxy | undefined;
  try {
    if (options.clientLocale || options.restartable) proxy = await startLocaleProxy(bot.url, options.clientLocale);
    const endpoint = `${proxy?.url ?? bot.url}/api/messages`;
    playground = await startAgentsPlayground({ endpoint, port: await freePort(), logFile: join(dir, 'playground.log') });
    await waitForPlayground(playground.url);
    const client = await PlaygroundClient.connect(playground.url);
    const running = playground;
    const relay = proxy;
    const stack: Stack = {
      bot,
      playground,
      client,
      botLog,
      async restartBot(env = {}) {
        if (!relay) throw new Error('start the stack with restartable: true (or a clientLocale) to restart its bot');
        await stack.bot.close();
        stack.bot = bot = await launch(env);
        relay.retarget(bot.url);
        return bot;
      },
      async close() {
        client.close();
        await running.stop();
        await proxy?.close();
        await stack.bot.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (err) {
    await playground?.stop();
    await proxy?.close();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
