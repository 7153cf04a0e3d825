import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { normalizeLocale, resolveLocale, type Locale } from '../src/i18n/index.js';
import { TURN_LOCALE } from '../src/turnContextKeys.js';
import { intentOf, type Intent } from './intent.js';
import type { DialogDeps, UserProfile } from './state.js';

export interface Turn {
  locale: Locale;
  t: TFunction;
  intent: Intent;
  profile: UserProfile;
}

const TURN = Symbol('turn');

/** The turn as already read this turn, if it was. */
export function cachedTurn(context: TurnContext): Turn | undefined {
  return context.turnState.get(TURN) as Turn | undefined;
}

/** Reads the turn once (locale, intent, profile) so every dialog on the stack sees the same view of it. */
export async function turnOf(context: TurnContext, deps: DialogDeps): Promise<Turn> {
  const cached = context.turnState.get(TURN) as Turn | undefined;
  if (cached) return cached;
  const profile = await deps.profile.get(context, {});
  const locale = resolveLocale(context.activity.locale, profile.locale, deps.defaultLocale);
  const turn: Turn = { locale, t: deps.translator.t(locale), intent: intentOf(context.activity, deps.lexicon), profile };
  context.turnState.set(TURN, turn);
  context.turnState.set(TURN_LOCALE, locale);
  return turn;
}

/** After a language switch the rest of the turn speaks the new language. */
export function switchTurnLocale(context: TurnContext, deps: DialogDeps, locale: Locale): Turn {
  const turn = context.turnState.get(TURN) as Turn;
  turn.locale = locale;
  turn.t = deps.translator.t(locale);
  context.turnState.set(TURN_LOCALE, locale);
  return turn;
}

/** True when Teams told us a language we don't speak and the user hasn't picked one. */
export function clientLocaleUnsupported(context: TurnContext, profile: UserProfile): boolean {
  const tag = context.activity.locale;
  return !profile.locale && typeof tag === 'string' && tag.trim() !== '' && normalizeLocale(tag) === undefined;
}
