// Starts and stops the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground): a Teams-like
// client that runs offline with no Microsoft 365 account. Used by `npm run playground` and the e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
const LOOPBACK_ONLY = new URL('./loopbackOnly.mjs', import.meta.url).href;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: string;
  /** Asked-for port; the Playground picks a free one itself when this one is taken. */
  port: number;
  /** Where the Playground writes its log (it defaults to ./devTools/ in the working folder). */
  logFile: string;
  /** Let the Playground open the page in the desktop's browser (never in CI or without a display). */
  openBrowser?: boolean;
  /** Called with the process as soon as it is spawned (before it is ready). */
  onSpawn?: (child: ChildProcess) => void;
  /** Extra lines of its output, for diagnosis. */
  onOutput?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** The web UI and API, e.g. http://127.0.0.1:56150. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

export function startAgentsPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const child = spawn(
    process.execPath,
    [`--import=${LOOPBACK_ONLY}`, CLI, 'start', '-e', options.endpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      env: {
        ...process.env,
        ...(options.openBrowser ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  options.onSpawn?.(child);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return new Promise<RunningPlayground>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the Agents Playground did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output.slice(-2000)}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) options.onOutput?.(line);
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        const port = Number(listening[1]);
        resolve({ url: `http://127.0.0.1:${port}`, port, child, exited, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

/** Resolves once the Playground answers its own ping (its UI and API are then up). */
export async function waitForPlayground(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pong = await fetch(`${url}/_debug/ping`).then((r) => r.text(), () => '');
    if (pong === 'pong') return;
    if (Date.now() > deadline) throw new Error(`the Agents Playground at ${url} did not answer its ping`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

