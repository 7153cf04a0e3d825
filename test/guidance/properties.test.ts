// Property tests: any valid Situation gives a well-formed, deterministic, consistent Guidance.
import { expect } from 'chai';
import fc from 'fast-check';
import { EMITTED_KEYS, GuidanceSchema, LINK_URLS, NOTE_KEYS, SEVERITIES, guide } from '../../src/guidance/index.js';
import { keysIn, situationArb, todayArb } from './fixtures.js';

const RUNS = { numRuns: 300 };

describe('guidance properties', () => {
  it('the output parses with GuidanceSchema and uses only catalogued keys and links', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        GuidanceSchema.parse(g);
        for (const key of keysIn(g)) expect(EMITTED_KEYS).to.include(key);
        for (const link of g.links) expect(LINK_URLS[link.id]).to.equal(link.url);
        // Every doc a shown fact cites is linked.
        const cited = [...g.steps, ...g.notes, ...(g.credit?.items ?? [])].flatMap((m) => (m.source.doc ? [m.source.doc] : []));
        for (const doc of cited) expect(g.links.map((l) => l.id)).to.include(doc);
      }),
      RUNS,
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const copy = structuredClone(s);
        expect(guide(s, today)).to.deep.equal(guide(copy, today));
        expect(s).to.deep.equal(copy);
      }),
      RUNS,
    );
  });

  it('notes sorted by severity then catalogue, each once; the verdict follows them', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        const rank = g.notes.map((n) => SEVERITIES.indexOf(n.severity) * 1000 + NOTE_KEYS.indexOf(n.key));
        expect(rank).to.deep.equal([...rank].sort((a, b) => a - b));
        expect(new Set(g.notes.map((n) => n.key)).size).to.equal(g.notes.length);
        const urgent = g.notes.some((n) => n.severity === 'urgent');
        if (g.verdict === 'ready') expect(g.notes.every((n) => n.severity === 'info')).to.equal(true);
        if (g.verdict !== 'blocked') expect(g.verdict === 'urgent').to.equal(urgent);
      }),
      RUNS,
    );
  });

  it('dates: a step due before it may start never happens; nothing is due before today except what is past already', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        for (const st of g.steps) if (st.from && st.due) expect(st.from <= st.due).to.equal(true);
        expect(g.timing !== null).to.equal(s.renewalDate !== undefined);
      }),
      RUNS,
    );
  });
});
