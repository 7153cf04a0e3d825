import type { TurnContext } from 'botbuilder';
import type { Decision } from '../../dialogs/core/decide.js';

/**
 * What the edge of a turn tells telemetry: the conversation host its intent and decision, the turn runner how
 * the turn ended when that was not "ok". Present in the turn's state only while telemetry is on, so each hook
 * is `turnTelemetryOf(context)?.…`: one map lookup when off. Nothing here imports OpenTelemetry.
 */
export interface TurnTelemetry {
  /** The conversation core's intent kind for this turn ('answer', 'command', 'text', 'resend', …). */
  intent(kind: string): void;
  /** The core's decision; a result or blocked card in it gives the turn its verdict. `today` as the core saw it. */
  decided(decision: Decision, today: string): void;
  /** How the turn ended, when not "ok" (an error is seen by telemetry itself). `cause` of a storage outage. */
  outcome(outcome: 'duplicate' | 'replayed' | 'storage-unavailable' | 'busy', cause?: unknown): void;
}

/**
 * ok: the turn ran and its replies left. duplicate: a redelivery, dropped (`replayed`: answered with the
 * current card again). storage-unavailable: the user was told to try again. busy: too many turns of this
 * conversation were waiting. error: the turn failed (the user got the generic apology, if anything).
 */
export type TurnOutcome = 'ok' | 'duplicate' | 'storage-unavailable' | 'busy' | 'error';

export const TURN_TELEMETRY = Symbol('turnTelemetry');

export function turnTelemetryOf(context: TurnContext): TurnTelemetry | undefined {
  return context.turnState.get(TURN_TELEMETRY) as TurnTelemetry | undefined;
}
