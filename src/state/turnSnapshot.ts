import type { TurnContext } from 'botbuilder';

/**
 * What a turn looked like before its first attempt, so a retry starts from the same place: the turn-state
 * entries the adapter set (everything the bot, dialogs and BotState cached later is dropped) and the
 * activity as received (the bot edits it in place, e.g. strips the @mention).
 */
export function snapshotTurn(context: TurnContext): { restore(): void } {
  const entries = [...context.turnState.entries()];
  // Shallow: the bot only replaces top-level fields (the @mention stripped from `text`), never edits nested ones.
  const activity = { ...context.activity };
  return {
    restore() {
      context.turnState.clear();
      for (const [key, value] of entries) context.turnState.set(key, value);
      const live = context.activity as unknown as Record<string, unknown>;
      for (const key of Object.keys(live)) delete live[key];
      Object.assign(live, activity);
    },
  };
}
