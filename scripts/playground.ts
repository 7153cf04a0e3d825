// npm run playground: chat with the bot on this machine, offline, without a Microsoft 365 tenant.
// Builds the bot if its sources changed, starts it (PORT, state in SQLITE_PATH) and the Microsoft 365
// Agents Playground pointed at it (PLAYGROUND_PORT), prints the URL to open, and stops both on Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ConfigError, loadDotEnv, parseConfig, type Config } from '../src/config.js';
import { startAgentsPlayground, waitForPlayground, type RunningPlayground } from './agentsPlayground.js';

const require = createRequire(import.meta.url);
const ENTRY = 'dist/src/index.js';
const SOURCES = ['src', 'dialogs', 'cards', 'locales', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
const DEFAULT_PLAYGROUND_PORT = 56150;

const say = (line: string) => process.stdout.write(`${line}\n`);
function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Runs `tsc -p tsconfig.build.json` when dist/ is missing or older than a source file. */
function buildIfNeeded(): void {
  const built = existsSync(ENTRY) ? statSync(ENTRY).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestChange))) return;
  say('Building the bot (tsc)...');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) fail('The build failed: fix the errors above, then run npm run playground again.');
}

function playgroundPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PLAYGROUND_PORT;
  const port = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail('Configuration error: PLAYGROUND_PORT must be a whole number from 1 to 65535');
  return port;
}

/** Resolves with the bot's messaging endpoint once `node dist/src/index.js` says it listens. */
function botListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      // The bot's own log lines (warnings and errors by default) still reach the terminal; its
      // "listening" line is said again below with the Playground's URL.
      const logs = text.split('\n').filter((line) => line && !line.includes('listening on http'));
      if (logs.length > 0) process.stdout.write(`${logs.join('\n')}\n`);
      const listening = /listening on (http:\/\/\S+\/api\/messages)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the bot stopped before it was ready (exit code ${code})`)));
  });
}

loadDotEnv();
const env = { ...process.env, ...localBot(process.env) };
// Check the configuration here too, so a bad value stops us with the bot's own one-line message.
let config: Config;
try {
  config = parseConfig(env);
} catch (err) {
  fail(`Configuration error: ${err instanceof ConfigError ? err.message : (err as Error).message}`);
}
const port = playgroundPort(process.env.PLAYGROUND_PORT);
const stateIn = { sqlite: `SQLite file ${config.SQLITE_PATH}`, blob: `Azure Blob container ${config.BLOB_CONTAINER}`, memory: 'memory only' }[config.STORAGE];

/**
 * The Playground cannot get Bot Framework tokens offline, so the bot it talks to runs without an app id
 * (no authentication), and listens on this machine only unless HOST says otherwise.
 */
function localBot(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: '',
    MicrosoftAppTenantId: '',
    HOST: env.HOST || '127.0.0.1',
    LOG_LEVEL: env.LOG_LEVEL || 'warn',
  };
}

/** A browser can only open for a person at a desktop: not in CI, not over SSH without a display. */
function canOpenBrowser(): boolean {
  if (process.env.CI) return false;
  return process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** True when something already listens where the bot would (the bot itself would only print a stack trace). */
function portTaken(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

if (await portTaken(config.PORT, config.HOST)) fail(`Port ${config.PORT} is in use: stop what uses it, or set PORT to a free port.`);
if (process.env.MicrosoftAppId) say('Note: MicrosoftAppId is ignored here; the Playground talks to the bot without authentication.');
buildIfNeeded();

let bot: ChildProcess | undefined;
let playground: RunningPlayground | undefined;
// Known from the moment it is spawned, so a Ctrl-C while it starts still stops it.
let playgroundChild: ChildProcess | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    const botGone = bot && bot.exitCode === null && bot.signalCode === null ? new Promise((r) => bot!.once('exit', r)) : Promise.resolve();
    bot?.kill('SIGTERM');
    if (!playground) playgroundChild?.kill('SIGTERM');
    await Promise.all([playground?.stop(), botGone]);
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say('\nStopping the bot and the Agents Playground...');
    void stopAll(0);
  });
}
// Whatever ends this process, the children go with it.
process.on('exit', () => {
  bot?.kill('SIGTERM');
  playgroundChild?.kill('SIGTERM');
});
// `npm run` starts us through a shell; a SIGTERM to npm ends npm and that shell but not us. When our
// parent goes away, nobody is left to press Ctrl-C: stop as if asked.
const parent = process.ppid;
setInterval(() => {
  if (!stopping && process.ppid !== parent) void stopAll(0);
}, 500).unref();

try {
  bot = spawn(process.execPath, ['--no-deprecation', ENTRY], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await botListening(bot);
  bot.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`The bot stopped (exit code ${code}); stopping the Agents Playground.\n`);
      void stopAll(1);
    }
  });
  mkdirSync('data', { recursive: true });
  playground = await startAgentsPlayground({
    endpoint,
    port,
    openBrowser: canOpenBrowser(),
    onSpawn: (child) => (playgroundChild = child),
    logFile: join('data', 'agentsplayground.log'),
    onOutput: (line) => {
      if (/error/i.test(line)) process.stderr.write(`[playground] ${line}\n`);
    },
  });
  void playground.exited.then((code) => {
    if (!stopping) {
      process.stderr.write(`The Agents Playground stopped (${code}); stopping the bot.\n`);
      void stopAll(1);
    }
  });
  await waitForPlayground(playground.url);
  if (playground.port !== port) say(`Port ${port} is taken; the Agents Playground uses ${playground.port} instead.`);
  say(`The bot is running at ${endpoint} (state: ${stateIn}).`);
  say(`Open the Agents Playground and chat with it: ${playground.url}`);
  say('Press Ctrl-C to stop both.');
} catch (err) {
  // A Ctrl-C while starting ends the children too; that stop is already under way.
  if (!stopping) {
    process.stderr.write(`Could not start: ${(err as Error).message}\n`);
    await stopAll(1);
  }
}
