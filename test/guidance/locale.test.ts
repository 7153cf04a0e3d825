// locales/en/guidance.json has every key the engine emits, and each renders cleanly with i18next.
import { expect } from 'chai';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import {
  AS_OF_NOTES,
  AS_OF_NOTE_IDS,
  EMITTED_KEYS,
  LABEL_KEYS,
  PLURAL_KEYS,
  REGIONS,
  guide,
  type Guidance,
} from '../../src/guidance/index.js';
import { corpus, situationArb, todayArb } from './fixtures.js';

type Tree = { [k: string]: string | Tree };
const EN = JSON.parse(readFileSync(new URL('../../locales/en/guidance.json', import.meta.url), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );
}
const FLAT = flatten(EN);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

interface Rendered {
  key: string;
  params?: Record<string, string | number>;
}
function messagesOf(g: Guidance): Rendered[] {
  return [
    ...g.steps,
    ...g.warnings,
    ...(g.credit?.items ?? []),
    ...(g.timing?.items ?? []),
    ...g.asOfNotes,
    ...g.links.map((l) => ({ key: l.titleKey })),
  ];
}

describe('guidance English strings', () => {
  // Two ways callers render: a t() fixed to the namespace, and the app's t() whose default
  // namespace is another one, with 'guidance:' keys. Nested $t() must work in both.
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
      if (PLURAL_KEYS.includes(key)) {
        expect(FLAT, key).to.include.keys(`${key}_one`, `${key}_other`);
      } else {
        expect(FLAT, key).to.have.property(key);
      }
    }
    for (const key of LABEL_KEYS) expect(FLAT, key).to.have.property(key);
    expect(REGIONS.every((r) => typeof FLAT[`region.${r}`] === 'string')).to.equal(true);
  });

  it('has no key the engine cannot emit (no orphans)', () => {
    const known = new Set([...EMITTED_KEYS, ...LABEL_KEYS]);
    const orphans = Object.keys(FLAT).filter((k) => !known.has(k.replace(PLURAL_SUFFIX, '')));
    expect(orphans).to.deep.equal([]);
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
      for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) {
        expect(seen.get(key), `${flatKey} uses {{${name}}}`).to.include(name);
      }
    }
  });

  it('renders every message of many situations with no raw key, {{, $t( or "undefined" left', () => {
    const check = (g: Guidance): void => {
      for (const m of messagesOf(g)) {
        const text = t(m.key, { ...m.params });
        expect(text, m.key).to.be.a('string').and.not.equal(m.key);
        expect(text, m.key).not.to.match(/\{\{|\$t\(|undefined|^\s*$/);
        expect(text, m.key).not.to.include(m.key);
        expect(tApp(`guidance:${m.key}`, { ...m.params }), m.key).to.equal(text);
      }
    };
    corpus().forEach(check);
    fc.assert(fc.property(situationArb, todayArb, (s, today) => check(guide(s, today))), { numRuns: 200 });
  });

  it('renders region names through nesting and plurals by count', () => {
    const g = guide(
      {
        role: 'accountAdmin', goal: 'fromOtherChannel', purchaseChannel: 'adminCenter', resellerRelationship: 'yes',
        offerPlan: 'same', offerDiscontinued: 'no', licenseCount: 'same', partnerRegion: 'latinAmerica',
        tenantRegion: 'middleEastCee', delegatedAdmin: 'gdapSupport', renewalDate: '2026-03-11',
      },
      '2026-03-10',
    );
    const w = g.warnings.find((x) => x.id === 'regionMismatch');
    for (const text of [t(w?.key ?? '', { ...w?.params }), tApp(`guidance:${w?.key}`, { ...w?.params })]) {
      expect(text).to.include('Latin America & Caribbean').and.include('Middle East / Central & Eastern Europe');
      expect(text).not.to.match(/region\.[a-z]/);
    }
    expect(t('timing.daysLeft', { count: 1, renewalDate: '2026-03-11' })).to.include('1 day left');
    expect(t('timing.daysLeft', { count: 2, renewalDate: '2026-03-12' })).to.include('2 days left');
  });

  it('each as-of note says "As of <month year>" matching its asOf, and the refund-window texts promise no number', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    for (const id of AS_OF_NOTE_IDS) {
      const [year, month] = AS_OF_NOTES[id].asOf.split('-').map(Number) as [number, number];
      expect(FLAT[`asOf.${id}`], id).to.match(new RegExp(`^As of ${MONTHS[month - 1]} ${year}\\b`));
    }
    expect(FLAT['credit.checkRefundWindow']).not.to.match(/\d/);
    expect(FLAT['asOf.directRefundWindow']?.replace('December 2023', '')).not.to.match(/\d/);
    expect(FLAT['warning.manySubscriptions']).to.match(/check the current limit/i);
  });
});
