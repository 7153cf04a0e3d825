import type { Logger } from '../logger.js';

/** Stamped on every state item the bot writes: when the conversation (or user) was last active, epoch ms. */
export const LAST_ACTIVE = 'lastActiveAt';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface RetentionPolicy {
  /** State idle this long is gone: read as empty, and deleted by the sweep. */
  ttlMs: number;
  /** A turn that changes nothing still refreshes a stamp older than this, so idle means "no turns", not "no changes". */
  touchMs: number;
  now: () => number;
}

export function retentionPolicy(ttlMs: number, now: () => number = Date.now): RetentionPolicy {
  return { ttlMs, touchMs: Math.min(HOUR_MS, ttlMs / 10), now };
}

/** What the sweep needs of a storage (createStorage's handle has it for SQLite and Blob). */
export interface Sweepable {
  deleteWrittenBefore?(cutoffMs: number, prefix?: string): Promise<number>;
}

export interface SweeperOptions {
  store: Sweepable;
  policy: RetentionPolicy;
  logger: Logger;
  intervalMs?: number;
}

/**
 * Deletes expired state from storage so it does not grow without bound: everything not written for the
 * state TTL. Reading already treats expired state as empty (see
 * checkedState.ts); this frees the space. Every instance sweeps; the deletes are idempotent.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<{ state: number }> | undefined;

  constructor(private readonly options: SweeperOptions) {}

  /** Sweeps now (in the background) and then every `intervalMs` (default 1 h). No-op for storages that cannot sweep. */
  start(): void {
    if (!this.options.store.deleteWrittenBefore || this.timer) return;
    const tick = () => void this.sweepNow().catch((err: unknown) => this.options.logger.warn({ err }, 'retention sweep failed'));
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? HOUR_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress, at most `waitMs` (a store that hangs must not hold up shutdown). */
  async stop(waitMs = 5000): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const running = this.running;
    if (!running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  /** One sweep (a second call while one runs joins it). Returns how many items it deleted. */
  sweepNow(): Promise<{ state: number }> {
    if (this.running) return this.running;
    const run = (async () => {
      const { store, policy, logger } = this.options;
      if (!store.deleteWrittenBefore) return { state: 0 };
      const result = { state: await store.deleteWrittenBefore(policy.now() - policy.ttlMs, '') };
      if (result.state > 0) logger.info(result, 'retention: deleted expired items');
      return result;
    })();
    this.running = run.finally(() => (this.running = undefined));
    return this.running;
  }
}
