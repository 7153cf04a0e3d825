// Every language has every string English has, with the same interpolations, and no English left over.
import { expect } from 'chai';
import {
  CHINESE,
  FILES,
  LANGUAGES,
  NAMESPACES,
  SOURCE_LANGUAGE,
  at,
  expectNone,
  expectedKeys,
  fileOf,
  leaves,
  nestingsOf,
  placeholdersOf,
  textsOf,
  type Json,
  type LocaleFile,
} from './localeFiles.js';

const TARGETS = LANGUAGES.filter((lng) => lng !== SOURCE_LANGUAGE);

/**
 * Proper names that stay in Latin script in the Chinese locales (Microsoft's own zh-CN / zh-TW docs
 * keep them). Everything else in Latin letters is untranslated English: "Partner Center" must be
 * 合作伙伴中心 / 合作夥伴中心, "Sales agent" 销售代理 / 銷售代理人, and so on.
 * Longer names first, so "Microsoft 365" is removed before "Microsoft".
 */
const LATIN_PROPER_NAMES = [
  'Microsoft 365', // product
  'Office 365', // product
  'Microsoft Entra',
  'Microsoft',
  'Azure',
  'Teams',
  'Open License', // licensing program name, kept in Latin in Microsoft's zh docs
  'Open Value', // licensing program name, likewise
  'MPSA', // Microsoft Products and Services Agreement, likewise
  'Web Direct', // channel name as current docs write it
  '21Vianet', // operator of Microsoft 365 in mainland China (世纪互联 is also fine)
  'CSP', // Cloud Solution Provider
  'GDAP',
  'DAP',
  'NCE', // New Commerce
  'EA', // Enterprise Agreement
  'ID', // 租户 ID / 租用戶 ID
  'English', // the language's own name, as the language picker shows it
  'YYYY-MM-DD', // date format hint
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PROPER_NAMES = new RegExp(
  `(?<![A-Za-z0-9])(?:${LATIN_PROPER_NAMES.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`,
  'gi',
);

/** The Latin-script words left once interpolations, nestings, URLs and allowed proper names are removed. */
function englishIn(text: string): string[] {
  const rest = text
    .replace(/\{\{.*?\}\}/g, ' ')
    .replace(/\$t\((?:[^()]|\([^()]*\))*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(PROPER_NAMES, ' ');
  return rest.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function kindOf(leaf: Json): string {
  if (typeof leaf === 'string') return 'string';
  if (Array.isArray(leaf)) return leaf.every((v) => typeof v === 'string') ? 'string[]' : 'array of non-strings';
  return leaf === null ? 'null' : typeof leaf;
}

/** Why a plural form English has can be extra: the target language's plural rules never select it. */
function pluralNote(extra: string[], lng: string): string {
  if (!extra.some((k) => /_(zero|one|two|few|many)$/.test(k))) return '';
  const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.join(', ');
  return ` (${lng} plural forms are: ${forms}; i18next never reads the others for ${lng})`;
}

function referenceOf(file: LocaleFile): Map<string, Json> | undefined {
  const source = fileOf(SOURCE_LANGUAGE, file.ns);
  return source ? leaves(source.data) : undefined;
}

describe('locale files', () => {
  it('every language has a file for each English namespace, and no namespace English lacks', () => {
    const problems: string[] = [];
    for (const lng of TARGETS) {
      for (const ns of NAMESPACES) if (!fileOf(lng, ns)) problems.push(`missing locales/${lng}/${ns}.json`);
      for (const f of FILES.filter((x) => x.lng === lng && !NAMESPACES.includes(x.ns))) {
        problems.push(`${f.name} has no locales/${SOURCE_LANGUAGE}/${f.ns}.json`);
      }
    }
    expectNone(problems);
  });

  for (const file of FILES) {
    it(`${file.name}: every value is a non-empty string or a non-empty list of non-empty strings`, () => {
      const problems: string[] = [];
      if (file.data === null || typeof file.data !== 'object' || Array.isArray(file.data)) {
        problems.push(`${file.name}: top level must be an object`);
      }
      for (const [key, leaf] of leaves(file.data)) {
        const kind = kindOf(leaf);
        if (kind !== 'string' && kind !== 'string[]') problems.push(`${at(file, key)}: ${kind}`);
        else if (textsOf(leaf).length === 0) problems.push(`${at(file, key)}: empty list`);
        else if (textsOf(leaf).some((s) => s.trim() === '')) problems.push(`${at(file, key)}: empty text`);
      }
      expectNone(problems);
    });
  }
});

describe('locale key parity with English', () => {
  for (const ns of NAMESPACES) {
    const source = fileOf(SOURCE_LANGUAGE, ns)!;
    const sourceLeaves = leaves(source.data);
    for (const lng of TARGETS) {
      it(`locales/${lng}/${ns}.json has exactly the key paths of ${source.name}`, () => {
        const target = fileOf(lng, ns);
        expect(target, `locales/${lng}/${ns}.json is missing`).to.not.equal(undefined);
        const actual = leaves(target!.data);
        const expected = expectedKeys(sourceLeaves.keys(), lng);
        const missing = [...expected.keys()].filter((k) => !actual.has(k));
        const extra = [...actual.keys()].filter((k) => !expected.has(k));
        const wrongKind = [...expected]
          .filter(([k, src]) => actual.has(k) && kindOf(actual.get(k)!) !== kindOf(sourceLeaves.get(src)!))
          .map(([k, src]) => `${k} (${kindOf(actual.get(k)!)}, English has ${kindOf(sourceLeaves.get(src)!)})`);
        const report =
          actual.size === 0
            ? [`${target!.name} has no keys yet: all ${expected.size} of ${source.name} are missing`]
            : [
                missing.length ? `${target!.name}: missing ${missing.length}: ${missing.join(', ')}` : '',
                extra.length ? `${target!.name}: extra ${extra.length}: ${extra.join(', ')}${pluralNote(extra, lng)}` : '',
                wrongKind.length ? `${target!.name}: wrong kind: ${wrongKind.join(', ')}` : '',
              ].filter(Boolean);
        expectNone(report);
      });
    }
  }
});

describe('locale interpolation parity with English', () => {
  for (const file of FILES.filter((f) => f.lng !== SOURCE_LANGUAGE)) {
    it(`${file.name} uses the same {{params}} and $t() nestings as English in every string`, () => {
      const reference = referenceOf(file);
      if (!reference) return; // reported by the namespace test
      const expected = expectedKeys(reference.keys(), file.lng);
      const problems: string[] = [];
      for (const [key, leaf] of leaves(file.data)) {
        const src = expected.get(key);
        if (src === undefined) continue; // an extra key: reported by the key parity test
        const en = textsOf(reference.get(src)!).join('\n');
        const here = textsOf(leaf).join('\n');
        const want = { params: sorted(placeholdersOf(en)), nestings: sorted(nestingsOf(en)) };
        const got = { params: sorted(placeholdersOf(here)), nestings: sorted(nestingsOf(here)) };
        if (JSON.stringify(want) !== JSON.stringify(got)) {
          problems.push(`${at(file, key)}: English has ${JSON.stringify(want)}, this has ${JSON.stringify(got)}`);
        }
      }
      expectNone(problems);
    });
  }
});

describe('no English left in the Chinese locales', () => {
  for (const file of FILES.filter((f) => (CHINESE as readonly string[]).includes(f.lng))) {
    it(`${file.name}: no string is a copy of the English one`, () => {
      const reference = referenceOf(file);
      if (!reference) return;
      const expected = expectedKeys(reference.keys(), file.lng);
      const problems: string[] = [];
      for (const [key, leaf] of leaves(file.data)) {
        const src = expected.get(key);
        if (src === undefined) continue;
        const en = new Set(textsOf(reference.get(src)!).map((s) => s.trim().toLowerCase()));
        for (const text of textsOf(leaf)) {
          if (en.has(text.trim().toLowerCase()) && englishIn(text).length > 0) {
            problems.push(`${at(file, key)}: ${JSON.stringify(text)} is the English text`);
          }
        }
      }
      expectNone(problems);
    });

    it(`${file.name}: Latin script only for allowed proper names (Microsoft 365, CSP, GDAP ...)`, () => {
      const problems: string[] = [];
      for (const [key, leaf] of leaves(file.data)) {
        for (const text of textsOf(leaf)) {
          const words = englishIn(text);
          if (words.length) problems.push(`${at(file, key)}: ${JSON.stringify(text)} has ${sorted(words).join(', ')}`);
        }
      }
      expectNone(problems);
    });
  }
});
