import i18next, { type TFunction } from 'i18next';
import { resources, NAMESPACES } from './resources.js';
import { LOCALES, type Locale } from './locale.js';

export type Translate = TFunction;

/**
 * One i18next instance for the process, initialised synchronously from bundled JSON.
 * Turns never call changeLanguage (it is global); they take a fixed t() per locale.
 */
export function createTranslator() {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  const fixed = new Map<Locale, Translate>(LOCALES.map((l) => [l, instance.getFixedT(l)]));
  return {
    t(locale: Locale): Translate {
      return fixed.get(locale)!;
    },
    has(locale: Locale, key: string): boolean {
      return instance.exists(key, { lng: locale });
    },
  };
}

export type Translator = ReturnType<typeof createTranslator>;
