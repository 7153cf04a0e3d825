// One bot (real HTTP server, real SQLite file) and one Agents Playground pointed at it, on free loopback
// ports, plus a client for the Playground's API. Every test gets its own, so no state leaks between them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgentsPlayground, waitForPlayground, type RunningPlayground } from '../../../scripts/agentsPlayground.js';
import { startApp, type RunningApp } from '../../support/server.js';
import { startLocaleProxy, type LocaleProxy } from './localeProxy.js';
import { PlaygroundClient } from './playgroundClient.js';
import { freePort } from '../../support/ports.js';

export { freePort };

export const TODAY = '2026-11-21';

export interface Stack {
  bot: RunningApp;
  playground: RunningPlayground;
  client: PlaygroundClient;
  close(): Promise<void>;
}


export interface StackOptions {
  /** The Teams client's display language the bot sees on every activity (default: the Playground's en-US). */
  clientLocale?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'csp-e2e-'));
  const bot = await startApp({ STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'state.db') }, { today: () => TODAY });
  let playground: RunningPlayground | undefined;
  let proxy: LocaleProxy | undefined;
  try {
    if (options.clientLocale) proxy = await startLocaleProxy(bot.url, options.clientLocale);
    const endpoint = `${proxy?.url ?? bot.url}/api/messages`;
    playground = await startAgentsPlayground({ endpoint, port: await freePort(), logFile: join(dir, 'playground.log') });
    await waitForPlayground(playground.url);
    const client = await PlaygroundClient.connect(playground.url);
    const running = playground;
    return {
      bot,
      playground,
      client,
      async close() {
        client.close();
        await running.stop();
        await proxy?.close();
        await bot.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await playground?.stop();
    await proxy?.close();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
