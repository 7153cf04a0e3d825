import type { TurnContext } from 'botbuilder';

// Symbols keep our per-turn values apart from botbuilder's own turnState entries.
export const CORRELATION_ID = Symbol('correlationId');

export function correlationIdOf(context: TurnContext): string | undefined {
  return context.turnState.get(CORRELATION_ID) as string | undefined;
}
