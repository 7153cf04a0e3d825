// Shared by the locale tests: every JSON file under locales/, read from disk when the tests load,
// so a namespace or language added later is covered without touching these tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));
export const SOURCE_LANGUAGE = 'en';
export const CHINESE = ['zh-CN', 'zh-TW'] as const;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface LocaleFile {
  lng: string;
  /** The namespace: the path under locales/<lng>/ without ".json" ("questions", or "sub/ns" if nested). */
  ns: string;
  /** locales/<lng>/<ns>.json, for messages. */
  name: string;
  data: Json;
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .filter((entry) => !entry.startsWith('.')) // editors' and atomic writers' temp files
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return jsonFilesUnder(path);
      return entry.endsWith('.json') ? [path] : [];
    });
}

/** Every locales/<lng>/**\/*.json, parsed. A file that is not valid JSON throws with its name. */
export function readLocaleFiles(): LocaleFile[] {
  return readdirSync(LOCALES_DIR)
    .filter((lng) => statSync(join(LOCALES_DIR, lng)).isDirectory())
    .sort()
    .flatMap((lng) =>
      jsonFilesUnder(join(LOCALES_DIR, lng)).map((path) => {
        const ns = relative(join(LOCALES_DIR, lng), path).split(sep).join('/').replace(/\.json$/, '');
        const name = `locales/${lng}/${ns}.json`;
        try {
          return { lng, ns, name, data: JSON.parse(readFileSync(path, 'utf8')) as Json };
        } catch (err) {
          throw new Error(`${name} is not valid JSON: ${(err as Error).message}`, { cause: err });
        }
      }),
    );
}

export const FILES = readLocaleFiles();
export const LANGUAGES = [...new Set(FILES.map((f) => f.lng))];
/** The namespaces the source language has: the reference for every other language. */
export const NAMESPACES = FILES.filter((f) => f.lng === SOURCE_LANGUAGE).map((f) => f.ns);

export function fileOf(lng: string, ns: string): LocaleFile | undefined {
  return FILES.find((f) => f.lng === lng && f.ns === ns);
}

/**
 * Leaf values by dotted key path. Objects are walked; anything else is a leaf: strings, and
 * arrays (the `words` synonym lists), which count as one leaf whatever their length.
 */
export function leaves(data: Json, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    if (prefix) out.set(prefix, data);
    return out;
  }
  for (const [key, value] of Object.entries(data)) {
    for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  }
  return out;
}

/** The text a leaf shows or accepts: the string itself, or each string of an array. */
export function textsOf(leaf: Json): string[] {
  if (typeof leaf === 'string') return [leaf];
  if (Array.isArray(leaf)) return leaf.filter((v): v is string => typeof v === 'string');
  return [];
}

// i18next (JSON v4) plural keys: key_one, key_other, key_ordinal_few ... Which suffixes a language
// needs comes from its plural rules: English has one/other, Chinese only other.
const PLURAL_KEY = /^(.*?)_(ordinal_)?(zero|one|two|few|many|other)$/;

function pluralCategories(lng: string, ordinal: boolean): string[] {
  return new Intl.PluralRules(lng, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
}

/**
 * The key paths a translation of `source` must have in `lng`, each mapped to the source key it
 * translates. Plain keys map to themselves; a plural group (the source has `<stem>_other`) maps
 * to the target language's own plural forms, each translating the source's `_other`.
 */
export function expectedKeys(sourceKeys: Iterable<string>, lng: string): Map<string, string> {
  const keys = new Set(sourceKeys);
  const out = new Map<string, string>();
  for (const key of keys) {
    const m = PLURAL_KEY.exec(key);
    const ordinal = m?.[2] ?? '';
    if (m && keys.has(`${m[1]}_${ordinal}other`)) {
      const other = `${m[1]}_${ordinal}other`;
      for (const category of pluralCategories(lng, ordinal !== '')) out.set(`${m[1]}_${ordinal}${category}`, other);
    } else {
      out.set(key, key);
    }
  }
  return out;
}

/** `{{param}}` interpolations (with any format or `-` prefix, whitespace-normalised). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(.+?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
}

/** `$t(key, options)` nestings, whitespace-normalised. One level of inner parentheses is allowed. */
export function nestingsOf(text: string): string[] {
  return [...text.matchAll(/\$t\(((?:[^()]|\([^()]*\))*)\)/g)].map((m) => `$t(${m[1]!.replace(/\s+/g, ' ').trim()})`);
}

/** Where in which file: "locales/zh-TW/questions.json › optionSets.role.other.words". */
export function at(file: LocaleFile, key: string): string {
  return `${file.name} › ${key}`;
}

/** Fails with one problem per line (and no diff noise) unless the list is empty. */
export function expectNone(problems: string[]): void {
  if (problems.length) expect.fail(`${problems.length} problem(s):\n${problems.join('\n')}`);
}
