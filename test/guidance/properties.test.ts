// Property tests: any valid Situation gives a well-formed, deterministic, consistent Guidance.
import { expect } from 'chai';
import fc from 'fast-check';
import { EMITTED_KEYS, GuidanceSchema, SEVERITIES, STEP_ORDER, WARNING_IDS, guide } from '../../src/guidance/index.js';
import { keysIn, situationArb, todayArb } from './fixtures.js';

const RUNS = { numRuns: 300 };

describe('guidance properties', () => {
  it('the output parses with GuidanceSchema and uses only catalogued keys', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        GuidanceSchema.parse(g);
        for (const key of keysIn(g)) expect(EMITTED_KEYS).to.include(key);
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

  it('steps follow the canonical order, each id at most once', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const idx = guide(s, today).steps.map((st) => STEP_ORDER.indexOf(st.id as (typeof STEP_ORDER)[number]));
        expect(idx.every((i) => i >= 0)).to.equal(true);
        for (let i = 1; i < idx.length; i += 1) expect(idx[i]).to.be.greaterThan(idx[i - 1] as number);
      }),
      RUNS,
    );
  });

  it('blocking warning ⇔ blocked; reasons match the verdict; warnings sorted by severity then catalogue', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        const has = (sev: string): boolean => g.warnings.some((w) => w.severity === sev);
        expect(has('blocking')).to.equal(g.verdict === 'blocked');
        if (g.verdict === 'blocked') {
          expect(g.reasons).to.deep.equal(g.warnings.filter((w) => w.severity === 'blocking').map((w) => w.id));
        } else {
          const decisive = g.warnings.filter((w) => w.severity === 'data-loss' || w.severity === 'caution');
          expect(g.reasons).to.deep.equal(decisive.map((w) => w.id));
          expect(g.verdict).to.equal(decisive.length > 0 ? 'ready-with-cautions' : 'ready');
        }
        const rank = g.warnings.map(
          (w) => SEVERITIES.indexOf(w.severity) * 1000 + WARNING_IDS.indexOf(w.id as (typeof WARNING_IDS)[number]),
        );
        expect(rank).to.deep.equal([...rank].sort((a, b) => a - b));
        expect(new Set(g.warnings.map((w) => w.id)).size).to.equal(g.warnings.length);
      }),
      RUNS,
    );
  });

  it('credit guidance exactly for admin center buyers; timing exactly when a renewal date is given', () => {
    fc.assert(
      fc.property(situationArb, todayArb, (s, today) => {
        const g = guide(s, today);
        expect(g.credit !== null).to.equal(s.purchaseChannel === 'adminCenter');
        expect(g.timing !== null).to.equal(s.renewalDate !== undefined);
        if (g.timing) {
          expect(g.timing.status === 'upcoming').to.equal(g.timing.daysLeft > 0);
          expect(g.timing.provisionBy !== undefined).to.equal(g.timing.daysLeft >= 0);
          expect(g.timing.windowEndsOn !== undefined).to.equal(g.timing.daysLeft < 0);
        }
      }),
      RUNS,
    );
  });
});
