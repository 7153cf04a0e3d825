import i18next, { type TFunction } from 'i18next';
import { LRUCache } from 'lru-cache';
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
 * Resources never change after start-up, so a key looked up with the same options always gives the same
 * string: remember it. i18next copies its whole options object and runs its interpolation on every call;
 * a result card asks for ~60 strings, together a fifth of a turn's CPU (measured in npm run bench).
 * Only options made of plain values (and valid Dates) are remembered (a caller passing objects gets i18next every time).
 * Bounded per language: the 20,000 most recently used (dates and counts in params vary).
 */

// A valid Date is a value too (the result card's "since" badges and sources line pass one): JSON writes it as
// its ISO time, so two calls with the same instant share a key. An invalid one (JSON null) is not remembered.
const plainValue = (v: unknown): boolean =>
  v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (v instanceof Date && !Number.isNaN(v.getTime()));

/** The memo key for a call, or undefined when the call must go to i18next each time. */
function memoKey(key: unknown, rest: unknown[]): string | undefined {
  if (typeof key !== 'string') return undefined;
  if (rest.length === 0) return key;
  const options = rest[0];
  if (rest.length > 1 || typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  for (const v of Object.values(options)) if (!plainValue(v)) return undefined;
  return `${key}\u0000${JSON.stringify(options)}`;
}

function memoizePlain(t: TFunction, locale: Locale): Translate {
  const memo = new LRUCache<string, string>({ max: 20_000 });
  const translate = ((key: unknown, ...rest: unknown[]) => {
    const memoKeyOf = memoKey(key, rest);
    if (memoKeyOf === undefined) return (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    const known = memo.get(memoKeyOf);
    if (known !== undefined) return known;
    const value = (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    // Strings only: `returnObjects` gives a fresh array or object the caller may keep.
    if (typeof value === 'string') memo.set(memoKeyOf, value);
    return value;
  }) as unknown as Translate;
  return Object.assign(translate, { lng: locale });
}
