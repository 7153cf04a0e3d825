import { randomUUID } from 'node:crypto';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Locale } from '../src/i18n/index.js';
import { decideOwned, type Decision, type TurnIntent } from './core/decide.js';
import { readCheck, readProfile, type CheckState, type UserProfile } from './core/state.js';
import { intentOf, isSharedChat } from './intent.js';
import type { StateProperty } from './cachedProperty.js';
import type { Lexicon } from './lexicon.js';
import { turnTelemetryOf } from '../src/telemetry/turnTelemetry.js';

export const CONVERSATION_DIALOG = 'conversation';

export interface ConversationDialogDeps {
  lexicon: Lexicon;
  profile: StateProperty<UserProfile>;
  check: StateProperty<CheckState>;
  /** Today's date as YYYY-MM-DD (injected so tests can pin it). */
  today: () => string;
  defaultLocale: Locale;
}

/**
 * The one Bot Framework dialog of the conversation. Each turn it maps the activity to an intent, reads the
 * user's profile and check, and asks the pure core what to do; the decision is its result. No step sends,
 * saves or renders anything: the host applies the decision (dialogs/conversation.ts).
 */
export class ConversationDialog extends Dialog<{ intent?: TurnIntent }> {
  constructor(private readonly deps: ConversationDialogDeps) {
    super(CONVERSATION_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { intent?: TurnIntent }): Promise<DialogTurnResult<Decision>> {
    const { context } = dc;
    const { deps } = this;
    const intent = options?.intent ?? intentOf(context.activity, deps.lexicon);
    turnTelemetryOf(context)?.intent(intent.kind);
    // readCheck and readProfile made these for this call alone: decide may work on them in place.
    const decision = decideOwned({
      intent,
      check: readCheck(await deps.check.get(context)),
      profile: readProfile(await deps.profile.get(context)),
      today: deps.today(),
      clientLocale: context.activity.locale,
      defaultLocale: deps.defaultLocale,
      lexicon: deps.lexicon,
      // Names a check started this turn (randomness stays out of the pure core).
      // randomUUID draws from a buffered pool; randomBytes would ask the OS every turn. 12 hex digits name one user's checks apart.
      checkId: randomUUID().slice(0, 13).replace('-', ''),
      shared: isSharedChat(context.activity),
    });
    return dc.endDialog(decision);
  }
}
