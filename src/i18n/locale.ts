import { LRUCache } from 'lru-cache';

/** The languages the bot speaks. Their strings live in locales/<lng>/; the config only picks the default. */
export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;

export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

// A turn asks several times, and clients send a handful of tags: each is worked out once ('none': not one we speak).
const normalized = new LRUCache<string, Locale | 'none'>({ max: 64 });

/**
 * Maps a BCP 47 tag as Teams sends it (any case, `_` or `-`) to a supported locale,
 * or undefined when we don't speak it. A script subtag (Hans/Hant) beats the region.
 */
export function normalizeLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  if (tag.length > 64) return readTag(tag);
  let locale = normalized.get(tag);
  if (locale === undefined) normalized.set(tag, (locale = readTag(tag) ?? 'none'));
  return locale === 'none' ? undefined : locale;
}

function readTag(tag: string): Locale | undefined {
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  const [language, ...rest] = parts;
  if (language === 'en') return 'en';
  if (language !== 'zh') return undefined;
  if (rest.includes('hant')) return 'zh-TW';
  if (rest.includes('hans')) return 'zh-CN';
  // Traditional script is written in Taiwan, Hong Kong and Macao; everywhere else Simplified.
  return rest.some((p) => TRADITIONAL_REGIONS.has(p)) ? 'zh-TW' : 'zh-CN';
}

/** The user's stored choice wins; then the Teams client locale; then English. */
export function resolveLocale(activityLocale: unknown, storedPreference?: unknown, fallback: Locale = 'en'): Locale {
  if (isLocale(storedPreference)) return storedPreference;
  return normalizeLocale(activityLocale) ?? fallback;
}
