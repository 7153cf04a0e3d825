import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Milliseconds each of `count` GET /healthz took, one after another `everyMs` apart. */
export async function healthzLatencies(url: string, count: number, everyMs = 50): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`);
    await res.text();
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    out.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return out;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Polls /readyz until it answers `status` (or `withinMs` pass); resolves with how long that took, or undefined. */
export async function readyzBecomes(url: string, status: number, withinMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(withinMs) }).catch(() => undefined);
    if (res?.status === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

const LOCK_HOLDER = fileURLToPath(new URL('./lockHolder.ts', import.meta.url));

/** Another process holding the SQLite file's write lock until `release()`. */
export async function holdSqliteLock(path: string): Promise<{ release(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import=tsx', '--no-deprecation', LOCK_HOLDER, path], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no lock within 20 s: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('LOCKED')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return {
    async release() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
