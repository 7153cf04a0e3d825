import { PrivateConversationState, UserState, type Storage } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Locale, Translator } from '../src/i18n/index.js';
import { buildLexicon } from './lexicon.js';
import { MainDialog } from './mainDialog.js';
import type { CheckState, UserProfile } from './state.js';

export { MainDialog, MAIN_DIALOG } from './mainDialog.js';
export { GuidedCheckDialog, GUIDED_CHECK_DIALOG } from './guidedCheckDialog.js';
export type { CheckState, UserProfile, DialogDeps } from './state.js';

export interface ConversationDeps {
  storage: Storage;
  translator: Translator;
  defaultLocale: Locale;
  today?: () => string;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/**
 * State and dialogs for every conversation. Dialog stack and answers are kept per user per
 * conversation (PrivateConversationState), so two partners in one group chat don't share a check.
 */
export function createConversation({ storage, translator, defaultLocale, today = isoToday }: ConversationDeps) {
  const userState = new UserState(storage);
  const checkState = new PrivateConversationState(storage);
  const deps = {
    translator,
    lexicon: buildLexicon(),
    profile: userState.createProperty<UserProfile>('profile'),
    check: checkState.createProperty<CheckState | undefined>('check'),
    today,
    defaultLocale,
  };
  return {
    mainDialog: new MainDialog(deps),
    dialogState: checkState.createProperty<DialogState>('dialogState'),
    states: [userState, checkState] as const,
    /** Where the turn runner records processed activity ids: per user per conversation, saved on most turns. */
    ledgerState: checkState,
    deps,
  };
}
