/** Too many turns of one conversation are already waiting: the newest is refused rather than queued. */
export class QueueFullError extends Error {
  constructor(readonly key: string) {
    super('Too many turns waiting for this conversation.');
    this.name = 'QueueFullError';
  }
}

interface Lane {
  tail: Promise<void>;
  /** Turns running or waiting in this lane. */
  size: number;
}

/**
 * Runs tasks one at a time per key (a conversation), in arrival order, and different keys in parallel.
 * Bounded: at most `maxPerKey` tasks per key, running one included; a key's lane is dropped as soon as it
 * is idle, so the map holds only conversations with a turn in flight.
 */
export class ConversationQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly maxPerKey = 50) {}

  /** Keys with a task running or waiting (0 when idle: nothing is kept). */
  get activeKeys(): number {
    return this.lanes.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(key);
    if (lane && lane.size >= this.maxPerKey) return Promise.reject(new QueueFullError(key));
    if (!lane) {
      lane = { tail: Promise.resolve(), size: 0 };
      this.lanes.set(key, lane);
    }
    const current = lane;
    current.size++;
    const result = current.tail.then(task);
    const settled = () => {
      current.size--;
      if (current.size === 0 && this.lanes.get(key) === current) this.lanes.delete(key);
    };
    current.tail = result.then(settled, settled);
    return result;
  }
}
