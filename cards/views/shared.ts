// Helpers every view model shares: translation to plain strings, escaping of foreign values, buttons.
import type { Translate } from '../../src/i18n/index.js';
import { commandData, type Command, type SubmitData } from '../actions.js';
import { escapeCardText } from '../escape.js';

export type { Translate };

export type Params = Record<string, string | number>;

export type ButtonStyle = 'default' | 'positive' | 'destructive';

/** One Action.Submit as the templates place it. */
export interface Button {
  title: string;
  style: ButtonStyle;
  data: SubmitData;
}

/** A translated string (keys carry their namespace: `cards:…`, `guidance:…`, `questions:…`). */
export function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return String(params ? t(key, params) : t(key));
}

/**
 * Values that did not come from our locale files are escaped before they are interpolated into
 * markdown-rendered text. Numbers pass as they are (i18next needs them for plurals).
 */
export function escapeParams(params: Params | undefined): Params | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? escapeCardText(v) : v]));
}

const COMMAND_TITLE_KEYS: { readonly [C in Command]: string } = {
  start: 'cards:button.start',
  help: 'cards:button.help',
  language: 'cards:button.language',
  restart: 'cards:button.startOver',
  back: 'cards:button.back',
  cancel: 'cards:button.cancel',
  quick: 'cards:button.quick',
  change: 'cards:button.change',
  share: 'customer:button.share',
  profile: 'cards:button.changeProfile',
  continue: 'cards:button.continueAnyway',
  sameCustomer: 'cards:button.sameCustomer',
  checklist: 'customer:button.checklist',
  track: 'moves:button.track',
  moves: 'moves:button.list',
  forget: 'moves:button.forget',
};

export function commandButton(t: Translate, command: Command, style: ButtonStyle = 'default'): Button {
  return { title: tr(t, COMMAND_TITLE_KEYS[command]), style, data: commandData(command) };
}
