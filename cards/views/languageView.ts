import { LOCALES, type Locale } from '../../src/i18n/locale.js';
import { languageData, type SubmitData } from '../actions.js';
import { tr, type Button, type Translate } from './shared.js';

/** Each language's name in its own script: the same on every card, so not in the locale files. */
export const LANGUAGE_NAMES: { readonly [L in Locale]: string } = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

/** "English, 简体中文, 繁體中文" with the current language's list separator. */
export function languageList(t: Translate): string {
  return LOCALES.map((l) => LANGUAGE_NAMES[l]).join(tr(t, 'cards:listSeparator'));
}

export interface LanguageViewData {
  title: string;
  current: string;
  actions: Button[];
}

const CURRENT_MARK = '✓ ';

/** One button per language, each named in its own script, the current one marked; `data` says what a click does. */
export function languageButtons(current: Locale, data: (locale: Locale) => SubmitData): Button[] {
  return LOCALES.map((l) => ({
    title: l === current ? `${CURRENT_MARK}${LANGUAGE_NAMES[l]}` : LANGUAGE_NAMES[l],
    style: l === current ? 'positive' : 'default',
    data: data(l),
  }));
}

/** Three buttons, one per language, the current one marked. */
export function languageView(t: Translate, current: Locale): LanguageViewData {
  return {
    title: tr(t, 'cards:language.title'),
    current: tr(t, 'cards:language.current', { language: LANGUAGE_NAMES[current] }),
    actions: languageButtons(current, languageData),
  };
}
