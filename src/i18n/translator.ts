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
  const fixed = new Map<Locale, Translate>(LOCALES.map((l) => [l, memoizePlain(instance.getFixedT(l), l)]));
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

/**
 * Resources never change after start-up, so a key looked up without options always gives the same
 * string: remember it (i18next copies its whole options object on every call, a measurable share of a turn).
 */
const MAX_MEMOIZED_KEYS = 5_000;

function memoizePlain(t: TFunction, locale: Locale): Translate {
  const plain = new Map<string, string>();
  const memo = ((key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string') return (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    let value = plain.get(key);
    if (value === undefined) {
      value = String(t(key));
      // Keys come from our code, so the set is finite; the bound only guards against a caller passing free text.
      if (plain.size < MAX_MEMOIZED_KEYS) plain.set(key, value);
    }
    return value;
  }) as unknown as Translate;
  return Object.assign(memo, { lng: locale });
}
