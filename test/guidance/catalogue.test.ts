// docs/guidance-rules.md and the code cannot drift: same keys, kinds, roles, sources and URLs;
// and every key in the catalogue is reachable from a tested situation.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CREDIT_RULES, FALLBACK_RULES, LINK_URLS, NOTE_RULES, STEP_RULES, type Source } from '../../src/guidance/index.js';
import { corpus, keysIn } from './fixtures.js';

const DOC = readFileSync(new URL('../../docs/guidance-rules.md', import.meta.url), 'utf8');

/** Body rows of the first markdown table after `## <heading>`, as arrays of trimmed cells. */
function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(`\n## ${heading}`);
  expect(start, heading).to.be.greaterThan(-1);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first, end === -1 ? undefined : end).slice(2).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const ticks = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

/** How the doc writes a source: `doc` [since YYYY-MM] [⚠], or `seed-2020`. */
const sourceCell = (s: Source): string => (s.kind === 'doc' ? `\`${s.doc}\`${s.since ? ` since ${s.since}` : ''}${s.check ? ' ⚠' : ''}` : `\`${s.kind}\``);

interface CodeRule {
  kind: string;
  roles: readonly string[];
  source: Source;
}
const CODE: Record<string, CodeRule> = {
  ...Object.fromEntries(Object.entries(STEP_RULES).map(([k, r]) => [k, { kind: 'step', roles: (r as { roles?: readonly string[] }).roles ?? [], source: r.source }])),
  ...Object.fromEntries(Object.entries(NOTE_RULES).map(([k, r]) => [k, { kind: r.severity, roles: [], source: r.source }])),
  ...Object.fromEntries(Object.entries(CREDIT_RULES).map(([k, source]) => [k, { kind: 'credit', roles: [], source }])),
  ...Object.fromEntries(Object.entries(FALLBACK_RULES).map(([k, source]) => [k, { kind: 'fallback', roles: [], source }])),
};

const ROWS = tableAfter('Rules').map(([key = '', kind = '', trigger = '', roles = '', source = '']) => ({ key: ticks(key)[0] ?? key, kind, trigger, roles, source }));

describe('guidance rule catalogue (docs/guidance-rules.md)', () => {
  it('lists exactly the keys the code has, in code order, each once', () => {
    expect(ROWS.map((r) => r.key)).to.deep.equal(Object.keys(CODE));
  });

  for (const [key, rule] of Object.entries(CODE)) {
    it(`${key}: same kind, roles and source; a trigger is written`, () => {
      const row = ROWS.find((r) => r.key === key)!;
      expect(row.kind).to.equal(rule.kind);
      expect(row.roles === '—' ? [] : ticks(row.roles)).to.deep.equal([...rule.roles]);
      expect(row.source).to.equal(sourceCell(rule.source));
      expect(row.trigger.length).to.be.greaterThan(3);
    });
  }

  it('lists the links table exactly (GUIDANCE §10)', () => {
    const rows = tableAfter('Links').map(([id = '', url = '']) => [ticks(id)[0], url]);
    expect(rows).to.deep.equal(Object.entries(LINK_URLS));
  });

  it('every key in the catalogue is reachable from a tested situation', () => {
    const reached = new Set(corpus().flatMap(keysIn));
    expect(Object.keys(CODE).filter((k) => !reached.has(k))).to.deep.equal([]);
  });
});
