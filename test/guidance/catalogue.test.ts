// docs/guidance-rules.md and the code cannot drift: same ids, keys, severities, sources, URLs;
// every GUIDANCE fact row names rules, and every rule is reachable from a tested situation.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  EMITTED_KEYS,
  LINK_URLS,
  RULE_CATALOGUE,
  RULE_KINDS,
  SEED_NEXT_STEP_LINK_IDS,
  STEP_ORDER,
  WARNING_IDS,
  type LinkId,
} from '../../src/guidance/index.js';
import { corpus, keysIn } from './fixtures.js';

const DOC = readFileSync(new URL('../../docs/guidance-rules.md', import.meta.url), 'utf8');

/** Body rows of the first markdown table after `## <heading>`, as arrays of trimmed cells. */
function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(`\n## ${heading}`);
  expect(start, heading).to.be.greaterThan(-1);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  const table = lines.slice(first, end === -1 ? undefined : end);
  expect(table.length, heading).to.be.greaterThan(2);
  return table.slice(2).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const ticks = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
const KEY = /^(warning|step|credit|timing|asOf|link)\.[A-Za-z]+$/;

const RULE_ROWS = tableAfter('Rules').map(([id = '', kind = '', trigger = '', output = '', source = '', section = '']) => ({
  id: ticks(id)[0] ?? id,
  kind,
  trigger,
  output,
  source,
  section,
}));
const FACT_ROWS = tableAfter('Facts').map(([section = '', fact = '', rules = '']) => ({ section, fact, keys: ticks(rules) }));

describe('guidance rule catalogue (docs/guidance-rules.md)', () => {
  it('lists exactly the rules the code has (kind + id, both directions)', () => {
    const doc = RULE_ROWS.map((r) => `${r.kind}:${r.id}`);
    const code = RULE_CATALOGUE.map((e) => `${e.kind}:${e.id}`);
    expect(new Set(doc).size, 'duplicate rows').to.equal(doc.length);
    expect(doc).to.have.members(code);
    expect(RULE_ROWS.every((r) => (RULE_KINDS as readonly string[]).includes(r.kind))).to.equal(true);
  });

  it('lists warnings and steps in code order (which is the output order)', () => {
    expect(RULE_ROWS.filter((r) => r.kind === 'warning').map((r) => r.id)).to.deep.equal(WARNING_IDS);
    expect(RULE_ROWS.filter((r) => r.kind === 'step').map((r) => r.id)).to.deep.equal(STEP_ORDER);
  });

  for (const entry of RULE_CATALOGUE) {
    it(`${entry.kind} ${entry.id}: same keys, severity, source and section`, () => {
      const row = RULE_ROWS.find((r) => r.kind === entry.kind && r.id === entry.id);
      expect(row, 'row').not.to.equal(undefined);
      if (!row) return;
      expect(ticks(row.output).filter((k) => KEY.test(k))).to.have.members([...entry.keys]);
      expect(row.trigger.length).to.be.greaterThan(3);
      expect(row.section).to.match(/^§[1-8](, §[1-8])*$/);
      if (entry.severity) expect(row.output.startsWith(`${entry.severity}:`), row.output).to.equal(true);
      if (entry.source) {
        expect(ticks(row.source)[0]).to.equal(entry.source.tag);
        if (entry.source.asOf) {
          expect(row.source).to.include(entry.source.asOf);
          expect(row.source.includes(`asOf.${entry.source.noteId}`) || entry.kind === 'asOf').to.equal(true);
        } else {
          expect(row.source).not.to.match(/\d{4}-\d{2}/);
        }
      }
      if (entry.url) {
        expect(row.output).to.include(entry.url);
        const seed = SEED_NEXT_STEP_LINK_IDS.includes(entry.id as LinkId);
        expect(ticks(row.source)[0]).to.equal(seed ? 'seed-2020' : 'public-doc');
        expect(LINK_URLS[entry.id as LinkId]).to.equal(entry.url);
      }
    });
  }

  it('the facts table covers GUIDANCE §1–§8 and names only real keys', () => {
    const sections = new Set(FACT_ROWS.map((r) => r.section));
    for (let n = 1; n <= 8; n += 1) expect(sections, `§${n}`).to.include(`§${n}`);
    for (const row of FACT_ROWS) {
      expect(row.keys.length, row.fact).to.be.greaterThan(0);
      for (const key of row.keys) expect(EMITTED_KEYS, `${row.fact}: ${key}`).to.include(key);
    }
  });

  it('every rule states at least one GUIDANCE fact', () => {
    const stated = new Set(FACT_ROWS.flatMap((r) => r.keys));
    expect(EMITTED_KEYS.filter((k) => !stated.has(k))).to.deep.equal([]);
  });

  it('every catalogued key is reachable from the tested situations (so every fact has a test)', () => {
    const reached = new Set(corpus().flatMap(keysIn));
    expect(EMITTED_KEYS.filter((k) => !reached.has(k))).to.deep.equal([]);
  });
});
