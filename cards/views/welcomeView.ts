import { commandButton, tr, type Button, type Translate } from './shared.js';

export interface WelcomeViewData {
  title: string;
  what: string;
  how: string;
  actions: Button[];
}

/** The first card a user sees: what the bot does in two lines, and where to go from here. */
export function welcomeView(t: Translate): WelcomeViewData {
  return {
    title: tr(t, 'cards:appName'),
    what: tr(t, 'cards:welcome.what'),
    how: tr(t, 'cards:welcome.how'),
    actions: [commandButton(t, 'start', 'positive'), commandButton(t, 'quick'), commandButton(t, 'help'), commandButton(t, 'language')],
  };
}
