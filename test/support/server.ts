import { MemoryStorage, type Storage } from 'botbuilder';
import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** The real HTTP server on a random loopback port, memory storage unless told otherwise. */
export async function startApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningApp> {
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env });
  const app = createApp(config, { logger: createLogger('silent'), ...overrides });
  const { url } = await app.listen();
  return { app, url, close: () => app.close() };
}

/**
 * Wraps a storage and counts calls, to prove whether a turn ran at all. The reminder scheduler's scans (keys under
 * `reminders/`, which every instance reads on its own clock) are not turns and are not counted.
 */
export function countingStorage(inner: Storage = new MemoryStorage()) {
  const calls = { read: 0, write: 0, delete: 0 };
  const scheduler = (keys: string[]) => keys.length > 0 && keys.every((k) => k.startsWith('reminders/'));
  const storage: Storage = {
    read: (keys) => {
      if (!scheduler(keys)) calls.read++;
      return inner.read(keys);
    },
    write: (changes) => {
      if (!scheduler(Object.keys(changes))) calls.write++;
      return inner.write(changes);
    },
    delete: (keys) => {
      if (!scheduler(keys)) calls.delete++;
      return inner.delete(keys);
    },
  };
  return { storage, calls, close: async () => {}, ping: async () => true };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json: json as Record<string, unknown> | undefined, headers: res.headers };
}
