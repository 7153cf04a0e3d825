import { expect } from 'chai';
import { normalizeLocale, resolveLocale } from '../src/i18n/index.js';

describe('resolveLocale', () => {
  const table: Array<[unknown, string | undefined]> = [
    ['en', 'en'], ['en-US', 'en'], ['en-gb', 'en'], ['EN_AU', 'en'],
    ['zh-CN', 'zh-CN'], ['zh-cn', 'zh-CN'], ['zh_CN', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['zh-hans-cn', 'zh-CN'],
    ['zh-SG', 'zh-CN'], ['zh', 'zh-CN'], ['zh-Hans-HK', 'zh-CN'],
    ['zh-TW', 'zh-TW'], ['zh-tw', 'zh-TW'], ['zh_TW', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'], ['zh-hk', 'zh-TW'], ['zh-MO', 'zh-TW'], ['zh-Hant-HK', 'zh-TW'],
    [' zh-TW ', 'zh-TW'],
    ['de-DE', undefined], ['de-CH', undefined], ['ja-JP', undefined], ['fr', undefined],
    ['', undefined], [undefined, undefined], [null, undefined], [42, undefined], ['zhx-TW', undefined],
  ];
  for (const [input, expected] of table) {
    it(`normalises ${JSON.stringify(input)} to ${expected ?? 'nothing'}`, () => {
      expect(normalizeLocale(input)).to.equal(expected);
      expect(resolveLocale(input)).to.equal(expected ?? 'en');
    });
  }

  it('lets the stored preference win over the client locale', () => {
    expect(resolveLocale('en-US', 'zh-TW')).to.equal('zh-TW');
    expect(resolveLocale('zh-CN', 'en')).to.equal('en');
  });

  it('ignores a stored preference we no longer speak', () => {
    expect(resolveLocale('zh-HK', 'de')).to.equal('zh-TW');
    expect(resolveLocale('de-DE', 'klingon')).to.equal('en');
  });

  it('falls back to the configured default locale', () => {
    expect(resolveLocale('de-DE', undefined, 'zh-CN')).to.equal('zh-CN');
  });
});
