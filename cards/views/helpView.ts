import type { Command } from '../actions.js';
import { languageList } from './languageView.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

export interface HelpViewData {
  title: string;
  what: string;
  /** '' outside a guided check. */
  inCheck: string;
  commandsTitle: string;
  commands: Array<{ word: string; does: string }>;
  actions: Button[];
}

/** The order commands are listed in on the help card. */
const LISTED: readonly Command[] = ['help', 'start', 'quick', 'back', 'change', 'share', 'track', 'moves', 'cancel', 'restart', 'language', 'forget'];

/** The first of the words the typed-answer parser accepts for a command (locales/<lng>/common.json). */
export function commandWord(t: Translate, command: Command): string {
  const words: unknown = t(`common:commands.${command}.words`, { returnObjects: true });
  return Array.isArray(words) && typeof words[0] === 'string' ? words[0] : tr(t, `common:commands.${command}.words`);
}

/** What the bot does and the words a user can type, in the user's language. */
export function helpView(t: Translate, options: { inCheck: boolean }): HelpViewData {
  const languages = languageList(t);
  return {
    title: tr(t, 'cards:help.title'),
    what: tr(t, 'cards:help.what'),
    inCheck: options.inCheck ? tr(t, 'cards:help.inCheck') : '',
    commandsTitle: tr(t, 'cards:help.commandsTitle'),
    commands: LISTED.map((c) => ({ word: commandWord(t, c), does: tr(t, `cards:help.command.${c}`, { languages }) })),
    // Inside a check, "start" would throw the answers away silently: offer an explicit start over instead.
    actions: [
      options.inCheck ? commandButton(t, 'restart') : commandButton(t, 'start', 'positive'),
      ...(options.inCheck ? [] : [commandButton(t, 'quick')]),
      commandButton(t, 'language'),
    ],
  };
}
