// The translator remembers what it translated: the same key with the same values must still give exactly what
// i18next gives, different values must never get an earlier answer, and lists stay lists.
import { expect } from 'chai';
import i18next from 'i18next';
import { createTranslator } from '../../src/i18n/index.js';
import { resources, NAMESPACES } from '../../src/i18n/resources.js';

const reference = i18next.createInstance();
void reference.init({ resources, lng: 'en', fallbackLng: false, ns: [...NAMESPACES], defaultNS: 'common', initAsync: false, interpolation: { escapeValue: false } });

describe('translator', () => {
  const translator = createTranslator();

  for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
    it(`${locale}: remembered translations equal i18next's, for each count and repeated calls`, () => {
      const t = translator.t(locale);
      const plain = reference.getFixedT(locale);
      for (const count of [1, 2, 3, 1, 2, 3]) {
        expect(t('cards:result.show.notes', { count })).to.equal(plain('cards:result.show.notes', { count }));
        expect(t('cards:result.show.steps', { count })).to.equal(plain('cards:result.show.steps', { count }));
      }
      expect(t('cards:result.show.notes', { count: 2 })).not.to.equal(t('cards:result.show.notes', { count: 3 }));
      expect(t('common:error.turnFailed')).to.equal(plain('common:error.turnFailed'));
    });

    it(`${locale}: a list asked for with returnObjects comes back as a fresh list every time`, () => {
      const t = translator.t(locale);
      const first = t('common:commands.start.words', { returnObjects: true }) as unknown as string[];
      const second = t('common:commands.start.words', { returnObjects: true }) as unknown as string[];
      expect(first).to.be.an('array').that.is.not.empty;
      expect(second).to.deep.equal(first);
    });
  }

  it('values that are objects are not remembered: each call is translated', () => {
    const t = translator.t('en');
    const a = t('cards:result.show.notes', { count: 2, extra: { n: 1 } });
    const b = t('cards:result.show.notes', { count: 5, extra: { n: 1 } });
    expect(a).not.to.equal(b);
  });
});
