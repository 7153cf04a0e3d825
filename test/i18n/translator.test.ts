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

  for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
    it(`${locale}: a Date value is remembered by its instant: the same month gives i18next's text, another month another text`, () => {
      const t = translator.t(locale);
      const plain = reference.getFixedT(locale);
      const months = ['2023-10-01', '2022-03-01', '2023-10-01', '2026-12-01'].map((d) => new Date(`${d}T00:00:00Z`));
      for (const date of months) expect(t('cards:result.sinceBadge', { date })).to.equal(plain('cards:result.sinceBadge', { date }));
      expect(t('cards:result.sinceBadge', { date: months[0] })).not.to.equal(t('cards:result.sinceBadge', { date: months[1] }));
      // A Date changed after the call is read anew, not taken for the instant it held before.
      const moving = new Date('2023-10-01T00:00:00Z');
      const before = t('cards:result.sinceBadge', { date: moving });
      moving.setUTCFullYear(2021);
      expect(t('cards:result.sinceBadge', { date: moving })).to.equal(plain('cards:result.sinceBadge', { date: moving })).and.not.equal(before);
      // An invalid Date is not remembered (JSON would write it as null): i18next answers each call.
      const invalid = new Date(Number.NaN);
      expect(t('cards:result.sinceBadge', { date: invalid })).to.equal(plain('cards:result.sinceBadge', { date: invalid }));
    });
  }

  it('values that are objects are not remembered: each call is translated', () => {
    const t = translator.t('en');
    const a = t('cards:result.show.notes', { count: 2, extra: { n: 1 } });
    const b = t('cards:result.show.notes', { count: 5, extra: { n: 1 } });
    expect(a).not.to.equal(b);
  });
});
