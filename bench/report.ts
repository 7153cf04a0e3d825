// Pure figures: latency percentiles, per-phase summaries, bot ÷ echo ratios against the targets, and the
// one table (Markdown, so the README can carry it as printed) and JSON the bench writes.

export interface PhaseFigures {
  turns: number;
  errors: number;
  turnsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time the bot process spent per turn (all threads); null where /proc is missing. */
  cpuMsPerTurn: number | null;
}

export interface PhaseMeasurement {
  turns: number;
  errors: number;
  elapsedMs: number;
  latenciesMs: number[];
  /** The bot process's CPU ms over the phase. */
  cpuMs?: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarizePhase(m: PhaseMeasurement): PhaseFigures {
  return {
    turns: m.turns,
    errors: m.errors,
    turnsPerSec: m.elapsedMs > 0 ? (m.turns * 1000) / m.elapsedMs : 0,
    p50Ms: percentile(m.latenciesMs, 50),
    p99Ms: percentile(m.latenciesMs, 99),
    cpuMsPerTurn: m.cpuMs === undefined || m.turns === 0 ? null : m.cpuMs / m.turns,
  };
}

/** A load phase: storage × delivery mode × concurrency, e.g. 'sqlite expectReplies c10'. */
export interface PhaseSpec {
  storage: 'sqlite' | 'memory';
  mode: 'expectReplies' | 'connector';
  concurrency: number;
}

export const phaseId = (p: PhaseSpec): string => `${p.storage} ${p.mode} c${p.concurrency}`;

export interface Figures {
  phases: Record<string, PhaseFigures>;
  coldStartMs: number;
  rssMiBAfter10k: number | null;
  /** Bytes stored per conversation (every column of every row its conversation and user own). */
  stateBytes: { mean: number; max: number } | null;
  /** Largest Adaptive Card in any reply, UTF-16 bytes; null for a bot that sends no cards. */
  maxCardBytesUtf16: number | null;
}

export type Target =
  | { kind: 'ratioAtLeast'; value: number }
  | { kind: 'ratioAtMost'; value: number }
  | { kind: 'atMost'; value: number };

export interface Row {
  label: string;
  bot: number | null;
  echo: number | null;
  ratio: number | null;
  decimals: number;
  target?: Target;
  /** undefined when the row has no target or lacks the figure to judge it. */
  met?: boolean;
}

export const TARGETS = {
  throughput: { kind: 'ratioAtLeast', value: 0.8 },
  p99AtC10: { kind: 'ratioAtMost', value: 1.5 },
  stateBytes: { kind: 'atMost', value: 2048 },
  cardBytes: { kind: 'atMost', value: 16 * 1024 },
  coldStartMs: { kind: 'atMost', value: 1500 },
} as const satisfies Record<string, Target>;

export function ratio(bot: number | null, echo: number | null): number | null {
  return bot === null || echo === null || echo === 0 ? null : bot / echo;
}

function judge(target: Target | undefined, bot: number | null, r: number | null): boolean | undefined {
  if (!target) return undefined;
  if (target.kind === 'atMost') return bot === null ? undefined : bot <= target.value;
  if (r === null) return undefined;
  return target.kind === 'ratioAtLeast' ? r >= target.value : r <= target.value;
}

function row(label: string, bot: number | null, echo: number | null, decimals: number, target?: Target): Row {
  const r = ratio(bot, echo);
  return { label, bot, echo, ratio: r, decimals, target, met: judge(target, bot, r) };
}

/** Every figure of the table, bot beside echo, in a fixed order. */
export function buildRows(bot: Figures, echo: Figures, phases: readonly PhaseSpec[], conversations = 10_000): Row[] {
  const rows: Row[] = [];
  for (const spec of phases) {
    const id = phaseId(spec);
    const b = bot.phases[id];
    const e = echo.phases[id];
    if (!b || !e) continue;
    rows.push(row(`turns/s — ${id}`, b.turnsPerSec, e.turnsPerSec, 0, TARGETS.throughput));
    rows.push(row(`p50 ms — ${id}`, b.p50Ms, e.p50Ms, 1));
    rows.push(row(`p99 ms — ${id}`, b.p99Ms, e.p99Ms, 1, spec.concurrency === 10 ? TARGETS.p99AtC10 : undefined));
    rows.push(row(`CPU ms per turn — ${id}`, b.cpuMsPerTurn, e.cpuMsPerTurn, 2));
  }
  rows.push(row(`RSS MiB after ${conversations.toLocaleString('en-US')} conversations`, bot.rssMiBAfter10k, echo.rssMiBAfter10k, 0));
  rows.push(row('stored bytes per conversation (mean)', bot.stateBytes?.mean ?? null, echo.stateBytes?.mean ?? null, 0));
  rows.push(row('stored bytes per conversation (max)', bot.stateBytes?.max ?? null, echo.stateBytes?.max ?? null, 0, TARGETS.stateBytes));
  rows.push(row('largest card, UTF-16 bytes', bot.maxCardBytesUtf16, echo.maxCardBytesUtf16, 0, TARGETS.cardBytes));
  rows.push(row('cold start to /healthz, ms', bot.coldStartMs, echo.coldStartMs, 0, TARGETS.coldStartMs));
  return rows;
}

function describeTarget(t: Target | undefined): string {
  if (!t) return '';
  if (t.kind === 'ratioAtLeast') return `ratio ≥ ${t.value}`;
  if (t.kind === 'ratioAtMost') return `ratio ≤ ${t.value}`;
  return `≤ ${t.value.toLocaleString('en-US')}`;
}

const num = (v: number | null, decimals: number): string =>
  v === null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** A Markdown table: readable in a terminal, pasteable into the README. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.label,
    num(r.bot, r.decimals),
    num(r.echo, r.decimals),
    num(r.ratio, 2),
    describeTarget(r.target),
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const header = ['figure', 'bot', 'echo', 'bot ÷ echo', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export interface BenchJson {
  /** bot ÷ echo turns/s, sqlite, expectReplies, concurrency 10. */
  throughputRatio: number | null;
  /** bot ÷ echo p99, same phase. */
  p99Ratio: number | null;
  stateBytesPerConversation: number | null;
  maxCardBytesUtf16: number | null;
  coldStartMs: number;
  rssMiBAfter10k: number | null;
  targetsMet: boolean;
  headlinePhase: string;
  rows: Row[];
  bot: Figures;
  echo: Figures;
  [extra: string]: unknown;
}

/** The headline phase is the one the targets name: concurrency 10 on the default storage, replies in the body. */
export const HEADLINE: PhaseSpec = { storage: 'sqlite', mode: 'expectReplies', concurrency: 10 };

export function buildJson(bot: Figures, echo: Figures, rows: Row[], extra: Record<string, unknown> = {}): BenchJson {
  const id = phaseId(HEADLINE);
  const b = bot.phases[id];
  const e = echo.phases[id];
  return {
    throughputRatio: ratio(b?.turnsPerSec ?? null, e?.turnsPerSec ?? null),
    p99Ratio: ratio(b?.p99Ms ?? null, e?.p99Ms ?? null),
    stateBytesPerConversation: bot.stateBytes?.max ?? null,
    maxCardBytesUtf16: bot.maxCardBytesUtf16,
    coldStartMs: bot.coldStartMs,
    rssMiBAfter10k: bot.rssMiBAfter10k,
    targetsMet: rows.every((r) => r.met !== false),
    headlinePhase: id,
    ...extra,
    rows,
    bot,
    echo,
  };
}
