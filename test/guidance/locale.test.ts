// locales/en/guidance.json has every key the engine emits, and each renders cleanly with i18next.
import { expect } from 'chai';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { EMITTED_KEYS, LABEL_KEYS, PLURAL_KEYS, guide, type Guidance } from '../../src/guidance/index.js';
import { BASE, corpus, situationArb, todayArb } from './fixtures.js';

type Tree = { [k: string]: string | Tree };
const EN = JSON.parse(readFileSync(new URL('../../locales/en/guidance.json', import.meta.url), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );
}
const FLAT = flatten(EN);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

interface Rendered {
  key: string;
  params?: Record<string, string | number>;
}
const messagesOf = (g: Guidance): Rendered[] => [
  ...g.steps,
  ...g.notes,
  ...(g.credit?.items ?? []),
  ...(g.fallback ? [g.fallback] : []),
  ...g.links.map((l) => ({ key: l.titleKey })),
];

describe('guidance English strings', () => {
  let t: TFunction;
  let tApp: TFunction;
  before(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      fallbackLng: false,
      ns: ['common', 'guidance'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      resources: { en: { common: {}, guidance: EN } },
    });
    t = i18n.getFixedT('en', 'guidance');
    tApp = i18n.getFixedT('en');
  });

  it('has every emitted key (plural keys with _one and _other) and every label', () => {
    for (const key of EMITTED_KEYS) {
      if (PLURAL_KEYS.includes(key)) expect(FLAT, key).to.include.keys(`${key}_one`, `${key}_other`);
      else expect(FLAT, key).to.have.property(key);
    }
    for (const key of LABEL_KEYS) expect(FLAT, key).to.have.property(key);
  });

  it('has no key the engine cannot emit (no orphans)', () => {
    const known = new Set([...EMITTED_KEYS, ...LABEL_KEYS]);
    expect(Object.keys(FLAT).filter((k) => !known.has(k.replace(PLURAL_SUFFIX, '')))).to.deep.equal([]);
  });

  it('every placeholder in a text is a param the engine sends', () => {
    const seen = new Map<string, Set<string>>();
    for (const g of corpus()) {
      for (const m of messagesOf(g)) {
        const names = seen.get(m.key) ?? new Set<string>();
        for (const p of Object.keys(m.params ?? {})) names.add(p);
        seen.set(m.key, names);
      }
    }
    for (const [flatKey, text] of Object.entries(FLAT)) {
      const key = flatKey.replace(PLURAL_SUFFIX, '');
      if (!EMITTED_KEYS.includes(key)) continue;
      for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) expect(seen.get(key), `${flatKey} uses {{${name}}}`).to.include(name);
    }
  });

  it('renders every message of many situations with no raw key, {{, $t( or "undefined" left', () => {
    const check = (g: Guidance): void => {
      for (const m of messagesOf(g)) {
        const text = t(m.key, { ...m.params });
        expect(text, m.key).to.be.a('string').and.not.equal(m.key);
        expect(text, m.key).not.to.match(/\{\{|\$t\(|undefined|^\s*$/);
        expect(tApp(`guidance:${m.key}`, { ...m.params }), m.key).to.equal(text);
      }
    };
    corpus().forEach(check);
    fc.assert(fc.property(situationArb, todayArb, (s, today) => check(guide(s, today))), { numRuns: 200 });
  });

  it('renders market names and the contradicting answers through nesting, and plurals by count', () => {
    const g = guide({ ...BASE, partnerRegion: 'latinAmerica', tenantRegion: 'middleEastCee' }, '2026-03-10');
    const why = g.notes[0]!;
    for (const text of [t(why.key, { ...why.params }), tApp(`guidance:${why.key}`, { ...why.params })]) {
      expect(text).to.include('Latin America & Caribbean').and.include('Middle East / Central & Eastern Europe');
    }
    const mismatch = guide({ ...BASE, goal: 'fromOtherPartner' }, '2026-03-10').notes.find((n) => n.key === 'note.goalChannelMismatch')!;
    expect(t(mismatch.key, { ...mismatch.params })).to.include('move from another partner').and.include('direct (Microsoft 365 admin center)');
    expect(t('note.renewsSoon', { count: 1, date: '2026-03-11' })).to.include('1 day (');
    expect(t('note.renewsSoon', { count: 2, date: '2026-03-12' })).to.include('2 days (');
  });

  it('states no month edition 2 does not give, and promises no refund window number for direct purchases', () => {
    const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
    const found = new Set(Object.values(FLAT).flatMap((text) => text.match(MONTHS) ?? []));
    // "9 October 2023" (DAP removed) and "1 January 2022" (Open License) are the only dated facts in texts.
    expect([...found].sort()).to.deep.equal(['January', 'October']);
    for (const key of ['credit.windowOnly', 'step.cancelInWindowDirect']) expect(FLAT[key], key).to.match(/check the live page/);
  });
});
