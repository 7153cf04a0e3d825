import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** What the conversation needs of a state property: read, write, remove. */
export interface StateProperty<T> {
  get(context: TurnContext): Promise<T | undefined>;
  set(context: TurnContext, value: T): Promise<void>;
  delete(context: TurnContext): Promise<void>;
}

/**
 * A property of a BotState, read and written on the object BotState caches for the turn when the turn has it
 * already — the turn runner loads every state before the turn (src/state/turnRunner.ts) — as botbuilder's own
 * accessor would after its load, minus that load's async steps on every call. A turn whose state is not loaded
 * yet (a harness without the runner) goes through botbuilder's accessor, which loads it first.
 */
export class CachedProperty<T> implements StateProperty<T> {
  private readonly accessor: StatePropertyAccessor<T>;

  constructor(
    private readonly state: BotState,
    readonly name: string,
  ) {
    this.accessor = state.createProperty<T>(name);
  }

  async get(context: TurnContext): Promise<T | undefined> {
    const cached = this.cached(context);
    return cached ? (cached[this.name] as T | undefined) : this.accessor.get(context);
  }

  async set(context: TurnContext, value: T): Promise<void> {
    const cached = this.cached(context);
    if (cached) cached[this.name] = value;
    else await this.accessor.set(context, value);
  }

  async delete(context: TurnContext): Promise<void> {
    const cached = this.cached(context);
    if (cached) delete cached[this.name];
    else await this.accessor.delete(context);
  }

  private cached(context: TurnContext): Record<string, unknown> | undefined {
    const object: unknown = this.state.get(context);
    return typeof object === 'object' && object !== null ? (object as Record<string, unknown>) : undefined;
  }
}
