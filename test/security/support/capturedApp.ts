import { Writable } from 'node:stream';
import { createApp, type App, type AppOverrides } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';

export interface CapturedApp {
  app: App;
  url: string;
  /** Every log line the app wrote, as written (JSON text). */
  lines: string[];
  /** Parsed log records. */
  records(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The real app on a loopback port with its own configured logger (redaction included) writing into
 * memory, so tests read exactly what an operator's log would hold.
 */
export async function startCapturedApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<CapturedApp> {
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'trace', ...env });
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = createApp(config, { ...overrides, logDestination });
  const { url } = await app.listen();
  return {
    app,
    url,
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    close: () => app.close(),
  };
}

/** A retry clock that never sleeps: records each wait instead, and rolls the dice from a fixed value. */
export function recordingRetry(random = 0.5) {
  const sleeps: number[] = [];
  return { sleeps, options: { sleep: async (ms: number) => void sleeps.push(ms), random: () => random } };
}
