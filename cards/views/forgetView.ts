import { moveData } from '../actions.js';
import { tr, type Button, type Translate } from './shared.js';

export interface ForgetInput {
  /** How long an unused check is kept (the bot's STATE_TTL_DAYS): checks in other chats go after that. */
  stateTtlDays: number;
}

export interface ForgetViewData {
  title: string;
  text: string;
  actions: Button[];
}

/** `forget`: everything that will be deleted, then [Delete everything] or [Keep] (back to the moves, nothing deleted). */
export function forgetView(t: Translate, input: ForgetInput): ForgetViewData {
  return {
    title: tr(t, 'moves:forget.title'),
    text: tr(t, 'moves:forget.text', { count: input.stateTtlDays }),
    actions: [
      { title: tr(t, 'moves:button.deleteEverything'), style: 'destructive', data: moveData('confirmForget') },
      { title: tr(t, 'moves:button.keep'), style: 'default', data: moveData('list') },
    ],
  };
}
