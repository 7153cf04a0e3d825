import type { Activity } from 'botbuilder';
import { ADAPTIVE_CARD_ACTION_INVOKE, QUICK_FORM_FIELDS, SubmitDataSchema, type MoveSubmit, type QuickFormField } from '../cards/actions.js';
import { normalizeLocale, type Locale } from '../src/i18n/index.js';
import { normalizeTyped, resolveLanguageWord, type Command, type Lexicon } from './lexicon.js';
import { oneTypoAway } from './typo.js';

/** What the user meant this turn, whatever the activity looked like. The dialogs see only this. */
export type Intent =
  | { kind: 'command'; command: Command; locale?: Locale }
  | { kind: 'answer'; questionId: string; answer?: string; skip?: boolean }
  | { kind: 'quickForm'; fields: Partial<Record<QuickFormField, string>> }
  | { kind: 'change'; questionId?: string }
  | { kind: 'set'; questionId: string; answer: string }
  | { kind: 'text'; text: string }
  /** A click on a tracked move's card, or a reminder's (src/moves). */
  | ({ kind: 'move' } & Omit<MoveSubmit, 'action'>)
  | { kind: 'invalidSubmit' }
  | { kind: 'empty' };

export const MAX_TYPED_LENGTH = 500;

/** "language zh-TW", "語言 繁體中文": the command word followed by a language name. */
function languageWithArgument(text: string, lexicon: Lexicon, client: Locale | undefined): Intent | undefined {
  for (const [word, command] of lexicon.commands) {
    if (command !== 'language' || !text.startsWith(word)) continue;
    const rest = normalizeTyped(text.slice(word.length));
    const value = lexicon.languages.get(rest) ?? normalizeLocale(rest);
    const locale = value ? resolveLanguageWord(value, client) : undefined;
    if (locale) return { kind: 'command', command: 'language', locale };
  }
  return undefined;
}

export function intentFromText(raw: string, lexicon: Lexicon, clientLocale?: unknown): Intent {
  const text = normalizeTyped(raw.slice(0, MAX_TYPED_LENGTH));
  if (!text) return { kind: 'empty' };
  const client = normalizeLocale(clientLocale);
  const command = lexicon.commands.get(text);
  if (command) return { kind: 'command', command };
  const language = lexicon.languages.get(text);
  const locale = language ? resolveLanguageWord(language, client) : undefined;
  if (locale) return { kind: 'command', command: 'language', locale };
  const withArgument = languageWithArgument(text, lexicon, client);
  if (withArgument) return withArgument;
  // "strat over", "cancle", "帮肋": one typo away from exactly one command, and not an answer word of any question.
  if (!isAnswerWord(text, lexicon)) {
    const typo = oneTypoAway(text, lexicon.commands);
    if (typo) return { kind: 'command', command: typo };
  }
  return { kind: 'text', text: raw.slice(0, MAX_TYPED_LENGTH) };
}

function isAnswerWord(text: string, lexicon: Lexicon): boolean {
  if (lexicon.skipWords.has(text)) return true;
  for (const words of lexicon.options.values()) if (words.has(text)) return true;
  return false;
}

/** A card's data: an Action.Submit's message `value`, or an Action.Execute invoke's `value.action.data`. */
function cardData(activity: Partial<Activity>): { data: unknown } | undefined {
  if (activity.type === 'invoke') {
    if (activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return undefined;
    const action = (activity.value as { action?: { type?: unknown; data?: unknown } } | undefined)?.action;
    return { data: action?.type === 'Action.Execute' ? action.data : undefined };
  }
  return activity.value === undefined || activity.value === null ? undefined : { data: activity.value };
}

export function intentFromCard(value: unknown): Intent {
  const parsed = SubmitDataSchema.safeParse(value);
  if (!parsed.success) return { kind: 'invalidSubmit' };
  const data = parsed.data;
  switch (data.action) {
    case 'command':
      return { kind: 'command', command: data.command, locale: data.locale };
    case 'answer':
      return { kind: 'answer', questionId: data.questionId, answer: data.answer, skip: data.skip };
    case 'change':
      return { kind: 'change', questionId: data.questionId || undefined };
    case 'set':
      return { kind: 'set', questionId: data.questionId, answer: data.answer };
    case 'move': {
      const { action: _action, ...move } = data;
      return { kind: 'move', ...move };
    }
    case 'quickForm': {
      const fields: Partial<Record<QuickFormField, string>> = {};
      for (const f of QUICK_FORM_FIELDS) if (data[f]) fields[f] = data[f];
      return { kind: 'quickForm', fields };
    }
  }
}

/** A group chat or channel: everyone in it reads every reply (the customer may be among them). */
export const isSharedChat = (activity: Partial<Activity>): boolean => {
  const type = activity.conversation?.conversationType;
  return type !== undefined && type !== 'personal';
};

/** One place maps an activity (typed text, a card submit, a Universal Action invoke) to an intent. */
export function intentOf(activity: Partial<Activity>, lexicon: Lexicon): Intent {
  const card = cardData(activity);
  if (card) return intentFromCard(card.data);
  if (typeof activity.text === 'string') return intentFromText(activity.text, lexicon, activity.locale);
  return { kind: 'empty' };
}
