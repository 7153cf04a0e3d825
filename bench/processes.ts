// The processes the bench starts: spawn on a free loopback port, time the way to a healthy /healthz,
// read CPU time and RSS from /proc, and stop each one — also when the bench itself fails or is interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BenchChild {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  /** ms from spawn() to the first 200 from GET /healthz. */
  coldStartMs: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** A port nothing listens on right now (the child binds it a moment later; loopback only). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  name: string;
  /** Node flags and the script, e.g. ['--no-deprecation', 'dist/src/index.js']. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** stdout and stderr go here, so a chatty child never blocks on a full pipe and the runner reads nothing. */
  logFile: string;
  timeoutMs?: number;
}

export async function startChild(options: StartOptions): Promise<BenchChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    // A clean environment: a developer's exported MicrosoftAppId must not turn auth on in the bench.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    }),
  );

  const deadline = started + (options.timeoutMs ?? 15_000);
  let coldStartMs: number | undefined;
  while (coldStartMs === undefined) {
    if (exited) throw new Error(`${options.name} exited before it was healthy (see ${options.logFile}):\n${tail(options.logFile)}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not healthy within ${options.timeoutMs ?? 15_000} ms (see ${options.logFile})`);
    }
    if (await healthy(url)) coldStartMs = performance.now() - started;
    else await sleep(5);
  }

  return {
    name: options.name,
    pid: child.pid!,
    url,
    logFile: options.logFile,
    coldStartMs,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const killed = sleep(10_000).then(() => {
        if (!exited) child.kill('SIGKILL');
      });
      await Promise.race([exit, killed]);
      await exit;
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Last lines of a child's log, to explain a failure. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Kills whatever is still running (the runner's failure and Ctrl-C paths). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the bench targets (getconf CLK_TCK)

/** User + system CPU ms of a process, all threads (utime + stime in /proc/<pid>/stat); undefined off Linux. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Resident set size in MiB (VmRSS in /proc/<pid>/status); undefined off Linux. */
export function rssMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
