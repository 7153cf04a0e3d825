// GuidanceSchema is strict enough to catch malformed output, not just shape-check it.
import { expect } from 'chai';
import { GuidanceSchema, type Guidance } from '../../src/guidance/index.js';
import { BASE_ADMIN_CENTER, run } from './fixtures.js';

const valid = (): Guidance => structuredClone(run({ s: { role: 'other', delegatedAdmin: 'dap' } }, BASE_ADMIN_CENTER));
const rejects = (mutate: (g: Guidance & Record<string, unknown>) => void): boolean => {
  const g = valid() as Guidance & Record<string, unknown>;
  mutate(g);
  return !GuidanceSchema.safeParse(g).success;
};

describe('guidance GuidanceSchema', () => {
  it('accepts real output', () => {
    expect(GuidanceSchema.safeParse(valid()).success).to.equal(true);
  });

  it('rejects malformed output', () => {
    expect(rejects((g) => { g.extra = 1; }), 'unknown key').to.equal(true);
    expect(rejects((g) => { g.verdict = 'maybe' as never; }), 'verdict').to.equal(true);
    expect(rejects((g) => { g.reasons = ['madeUp' as never]; }), 'reason id').to.equal(true);
    expect(rejects((g) => { (g.steps[0] as { key: string }).key = 'step.invented'; }), 'uncatalogued key').to.equal(true);
    expect(rejects((g) => { (g.steps[0] as { id: string }).id = 'invented'; }), 'step id').to.equal(true);
    expect(rejects((g) => { (g.warnings[0] as { severity: string }).severity = 'fatal'; }), 'severity').to.equal(true);
    expect(rejects((g) => { (g.warnings[0] as { params?: unknown }).params = { x: true }; }), 'param type').to.equal(true);
    expect(rejects((g) => { g.steps[0]!.source = { tag: 'public-doc' }; }), 'public-doc without asOf').to.equal(true);
    expect(rejects((g) => { g.steps[0]!.source = { tag: 'seed-2020', asOf: '2020-06' }; }), 'seed with asOf').to.equal(true);
    expect(rejects((g) => { g.steps[0]!.source = { tag: 'seed-2017', noteId: 'gdap' }; }), 'seed with note').to.equal(true);
    expect(rejects((g) => { g.steps[0]!.source = { tag: 'public-doc', asOf: '2023-10' }; }), 'public-doc without note').to.equal(true);
    expect(rejects((g) => { g.asOfNotes[0]!.asOf = '2023-13'; }), 'month').to.equal(true);
    expect(rejects((g) => { g.links[0]!.url = 'http://learn.microsoft.com/x'; }), 'https only').to.equal(true);
    expect(rejects((g) => { g.credit!.contact = 'reseller' as never; }), 'contact').to.equal(true);
  });
});
