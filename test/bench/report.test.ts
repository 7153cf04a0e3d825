import { expect } from 'chai';
import { buildJson, buildRows, formatTable, percentile, phaseId, ratio, summarizePhase, type Figures, type PhaseSpec } from '../../bench/report.js';
import { bytesByConversation, summarizeSizes } from '../../bench/stateSize.js';

const HEADLINE: PhaseSpec = { storage: 'sqlite', mode: 'expectReplies', concurrency: 10 };
const C100: PhaseSpec = { storage: 'sqlite', mode: 'expectReplies', concurrency: 100 };

function figures(turnsPerSec: number, p99Ms: number, extra: Partial<Figures> = {}): Figures {
  const phase = { turns: 1000, errors: 0, turnsPerSec, p50Ms: p99Ms / 4, p99Ms, cpuMsPerTurn: 1000 / turnsPerSec };
  return {
    phases: { [phaseId(HEADLINE)]: phase, [phaseId(C100)]: { ...phase, p99Ms: p99Ms * 10 } },
    coldStartMs: 900,
    rssMiBAfter10k: 300,
    stateBytes: { mean: 700, max: 900 },
    maxCardBytesUtf16: null,
    ...extra,
  };
}

describe('bench figures', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).to.equal(5);
    expect(percentile(samples, 99)).to.equal(10);
    expect(percentile(samples, 0)).to.equal(1);
    expect(percentile([], 99)).to.equal(0);
  });

  it('turns a phase into turns/s, latency percentiles and CPU per turn', () => {
    const latenciesMs = Array.from({ length: 200 }, (_, i) => i + 1);
    const f = summarizePhase({ turns: 200, errors: 1, elapsedMs: 2000, latenciesMs, cpuMs: 500 });
    expect(f).to.deep.equal({ turns: 200, errors: 1, turnsPerSec: 100, p50Ms: 100, p99Ms: 198, cpuMsPerTurn: 2.5 });
    expect(summarizePhase({ turns: 0, errors: 0, elapsedMs: 0, latenciesMs: [] }).cpuMsPerTurn).to.equal(null);
  });

  it('judges every target: ratios against echo, absolute limits on the bot alone', () => {
    const bot = figures(850, 30, { maxCardBytesUtf16: 17_000, coldStartMs: 1400 });
    const echo = figures(1000, 18);
    const rows = buildRows(bot, echo, [HEADLINE, C100]);
    const byLabel = (start: string) => rows.find((r) => r.label.startsWith(start))!;
    expect(byLabel('turns/s — sqlite expectReplies c10').ratio).to.equal(0.85);
    expect(byLabel('turns/s — sqlite expectReplies c10').met).to.equal(true);
    expect(byLabel('p99 ms — sqlite expectReplies c10').ratio).to.be.closeTo(1.667, 0.001);
    expect(byLabel('p99 ms — sqlite expectReplies c10').met).to.equal(false);
    // p99 is judged at concurrency 10 only.
    expect(byLabel('p99 ms — sqlite expectReplies c100').met).to.equal(undefined);
    expect(byLabel('largest card').met).to.equal(false);
    expect(byLabel('largest card').ratio).to.equal(null);
    expect(byLabel('stored bytes per conversation (max)').met).to.equal(true);
    expect(byLabel('cold start').met).to.equal(true);
  });

  it('writes the top-level JSON figures from the headline phase', () => {
    const bot = figures(800, 36, { maxCardBytesUtf16: 12_000 });
    const echo = figures(1000, 24);
    const json = buildJson(bot, echo, buildRows(bot, echo, [HEADLINE]));
    expect(json.throughputRatio).to.equal(0.8);
    expect(json.p99Ratio).to.equal(1.5);
    expect(json.stateBytesPerConversation).to.equal(900);
    expect(json.maxCardBytesUtf16).to.equal(12_000);
    expect(json.coldStartMs).to.equal(900);
    expect(json.rssMiBAfter10k).to.equal(300);
    expect(json.targetsMet).to.equal(true);
    expect(ratio(1, 0)).to.equal(null);
  });

  it('prints one aligned Markdown table with a dash where a figure is missing', () => {
    const table = formatTable(buildRows(figures(800, 36), figures(1000, 24), [HEADLINE]));
    const lines = table.split('\n');
    expect(lines[0]).to.match(/^\| figure +\| +bot \| +echo \| bot ÷ echo \| +target \| met \|$/);
    expect(new Set(lines.map((l) => l.length)).size).to.equal(1);
    expect(table).to.include('| turns/s — sqlite expectReplies c10');
    expect(lines.find((l) => l.startsWith('| largest card'))).to.match(/\| +— \| +— \| +— \|/);
  });

  it('counts stored bytes per conversation: every row of its conversation and its user', () => {
    const rows = [
      { key: 'msteams/users/29:bench-pool-1', bytes: 100 },
      { key: 'msteams/conversations/a:bench-pool-1/users/29:bench-pool-1', bytes: 400 },
      { key: 'msteams/conversations/a:bench-pool-12/users/29:bench-pool-12', bytes: 300 },
      { key: 'msteams/users/29:bench-fill-1', bytes: 999 },
      { key: '__ping__', bytes: 5 },
    ];
    const state = bytesByConversation(rows, 'pool');
    expect([...state]).to.deep.equal([
      ['pool-1', 500],
      ['pool-12', 300],
    ]);
    expect(summarizeSizes(state)).to.deep.equal({ conversations: 2, mean: 400, max: 500 });
    expect(summarizeSizes(new Map())).to.equal(null);
  });
});
