import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const APP_MAIN = fileURLToPath(new URL('./appMain.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The bot in a process of its own, so a test can SIGKILL it, measure its RSS, and see its event loop from outside. */
export interface ChildApp {
  url: string;
  pid: number;
  /** Its stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves once `count` lines of its stdout match `pattern` (rejects after `timeoutMs`). */
  waitForLines(pattern: RegExp, count: number, timeoutMs: number): Promise<string[]>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resident set size now, MiB (Linux /proc). */
  rssMiB(): number;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM and wait (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export async function startChildApp(env: Record<string, string>): Promise<ChildApp> {
  const child: ChildProcess = spawn(process.execPath, ['--import=tsx', '--no-deprecation', APP_MAIN], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before listening:\n${output}`));
    });
  });
  const matching = (pattern: RegExp) => output.split('\n').filter((line) => pattern.test(line));
  return {
    url,
    pid: child.pid!,
    output: () => output,
    waitForLines: (pattern, count, timeoutMs) =>
      new Promise<string[]>((resolve, reject) => {
        const check = () => {
          const lines = matching(pattern);
          if (lines.length < count) return false;
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve(lines);
          return true;
        };
        const timer = setTimeout(() => {
          child.stdout!.off('data', check);
          reject(new Error(`${matching(pattern).length} of ${count} lines matching ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        if (!check()) child.stdout!.on('data', check);
      }),
    exited,
    rssMiB: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    kill: (signal) => void child.kill(signal),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
