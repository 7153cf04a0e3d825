// manifest/zh-cn.json and zh-tw.json: what Teams shows a Chinese-speaking partner in the app store,
// the app's About page and the command menu. Every localizable text of the manifest is translated,
// nothing else is there, and each file is written in its own script.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js';
import { LANGUAGE_NAMES } from '../../cards/views/languageView.js';
import { MANIFEST_DIR } from '../../scripts/icons.js';
import { buildManifest } from '../../scripts/appPackage.js';
import { createTranslator, type Locale } from '../../src/i18n/index.js';
import { localizationProblems } from './schemas.js';

const manifest = buildManifest('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
const translator = createTranslator();

const LANGUAGES: Array<{ tag: string; locale: Locale }> = [
  { tag: 'zh-cn', locale: 'zh-CN' },
  { tag: 'zh-tw', locale: 'zh-TW' },
];

/** Every text of the manifest a localization file may translate, by its localization key. */
function localizableTexts(): Map<string, string> {
  const texts = new Map<string, string>([
    ['name.short', (manifest.name as { short: string }).short],
    ['name.full', (manifest.name as { full: string }).full],
    ['description.short', (manifest.description as { short: string }).short],
    ['description.full', (manifest.description as { full: string }).full],
  ]);
  manifest.bots[0]!.commandLists?.forEach((list, i) =>
    list.commands.forEach((command, j) => {
      texts.set(`bots[0].commandLists[${i}].commands[${j}].title`, command.title);
      if (command.description) texts.set(`bots[0].commandLists[${i}].commands[${j}].description`, command.description);
    }),
  );
  return texts;
}

function readLocalization(tag: string): Record<string, string> {
  const entry = manifest.localizationInfo.additionalLanguages.find((l) => l.languageTag === tag)!;
  return JSON.parse(readFileSync(`${MANIFEST_DIR}${entry.file}`, 'utf8')) as Record<string, string>;
}

// Script checks character by character: a Traditional character in zh-CN, or a Simplified one in zh-TW,
// is a conversion leak. Language names are written in their own script everywhere, so they are left out.
const toSimplified = Converter({ from: 't', to: 'cn' });
const toTaiwan = Converter({ from: 'cn', to: 'tw' });
// Everyday Taiwan characters that OpenCC still maps to a variant (台 → 臺, 准 → 準 ...).
const TRADITIONAL_TOO = new Set(['台', '准', '干']);

function foreignScript(text: string, locale: Locale): string[] {
  const plain = Object.values(LANGUAGE_NAMES).reduce((s, name) => s.split(name).join(''), text);
  const chars = [...new Set(plain)].filter((c) => /\p{Script=Han}/u.test(c));
  return locale === 'zh-CN' ? chars.filter((c) => toSimplified(c) !== c) : chars.filter((c) => !TRADITIONAL_TOO.has(c) && toTaiwan(c) !== c);
}

describe('Teams manifest localization files', () => {
  const english = localizableTexts();

  it('the app is named as the bot names itself, in English', () => {
    expect(english.get('name.short')).to.equal(translator.t('en')('cards:appName'));
  });

  for (const { tag, locale } of LANGUAGES) {
    describe(`${tag}.json`, () => {
      const file = readLocalization(tag);
      const texts = Object.entries(file).filter(([k]) => k !== '$schema');

      it('validates against the localization schema bundled in @microsoft/app-manifest', () => {
        expect(file.$schema).to.equal('https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json');
        expect(localizationProblems(file)).to.deep.equal([]);
      });

      it('translates every localizable field of the manifest, and holds no other keys', () => {
        expect(texts.map(([k]) => k)).to.have.members([...english.keys()]);
      });

      it('every text is translated (not the English one) and fits where Teams shows it', () => {
        for (const [key, value] of texts) {
          expect(value.trim(), key).to.not.equal('');
          expect(value, key).to.not.equal(english.get(key));
          expect(value, key).to.match(/\p{Script=Han}/u);
          const limit = { 'name.short': 30, 'name.full': 100, 'description.short': 80, 'description.full': 4000 }[key] ?? (key.endsWith('.title') ? 32 : 128);
          expect(value.length, key).to.be.at.most(limit);
        }
      });

      it(`is written in ${locale === 'zh-CN' ? 'Simplified' : 'Traditional'} characters only`, () => {
        for (const [key, value] of texts) expect(foreignScript(value, locale), key).to.deep.equal([]);
      });

      it('names the app as the bot names itself in this language', () => {
        expect(file['name.short']).to.equal(translator.t(locale)('cards:appName'));
      });

      it('translates a command the same way in every scope', () => {
        const byEnglish = new Map<string, Set<string>>();
        for (const [key, value] of texts) {
          if (!key.endsWith('.title')) continue;
          const set = byEnglish.get(english.get(key)!) ?? new Set<string>();
          byEnglish.set(english.get(key)!, set.add(value));
        }
        for (const [command, titles] of byEnglish) expect([...titles], command).to.have.length(1);
      });
    });
  }

  it('the script check is real: it catches a character of the other script', () => {
    expect(foreignScript('开始檢查', 'zh-CN')).to.deep.equal(['檢']);
    expect(foreignScript('開始检查', 'zh-TW')).to.deep.equal(['检']);
    expect(foreignScript('切换语言：English、简体中文、繁體中文', 'zh-CN')).to.deep.equal([]);
  });
});
