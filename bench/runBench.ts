// npm run bench [-- --quick] [-- --memory] [-- --json FILE] [-- --profile DIR] [-- --keep]
// Starts the bot and the baseline echo bot (both compiled: `node --no-deprecation dist/…`) on loopback, drives
// both with the same guided-check load and prints one table of figures, bot beside echo. See README "Performance".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeConnector, type FakeConnector } from './fakeConnector.js';
import {
  makeConversation,
  newAgent,
  preconnect,
  probeTransports,
  runPhase,
  type ClickKind,
  type PhaseOptions,
  type PhaseResult,
  type Transports,
} from './loadDriver.js';
import { cpuMs, killAll, rssMiB, startChild, type BenchChild } from './processes.js';
import { buildJson, buildRows, formatTable, phaseId, summarizePhase, type Figures, type PhaseSpec } from './report.js';
import { measureSqliteState } from './stateSize.js';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    quick: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    profile: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

// This file runs from dist/bench/; the repository root is two levels up.
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCRIPTS = { bot: join(ROOT, 'dist/src/index.js'), echo: join(ROOT, 'dist/bench/echoBot.js') } as const;
type BotName = keyof typeof SCRIPTS;
/** Echo goes first in every phase, the bot right after, so slow drift on a shared machine hits both alike. */
const BOTS: readonly BotName[] = ['echo', 'bot'];

const SETTINGS = args.quick
  ? { phaseMs: 2_000, coldStarts: 1, pool: 300, conversations: 2_000 }
  : { phaseMs: 10_000, coldStarts: 3, pool: 1_000, conversations: 10_000 };
/** Each phase runs as this many alternating slices per bot. */
const SLICES = 2;
/** A check is 12 or 13 clicks (Start, 11 or 12 answers); staggering by up to 12 spreads the pool over every step. */
const STAGGER = 13;
const SQLITE_PHASES: PhaseSpec[] = [
  { storage: 'sqlite', mode: 'expectReplies', concurrency: 10 },
  { storage: 'sqlite', mode: 'expectReplies', concurrency: 100 },
  { storage: 'sqlite', mode: 'connector', concurrency: 10 },
  { storage: 'sqlite', mode: 'connector', concurrency: 100 },
];
const MEMORY_PHASES: PhaseSpec[] = [
  { storage: 'memory', mode: 'expectReplies', concurrency: 10 },
  { storage: 'memory', mode: 'expectReplies', concurrency: 100 },
];

const work = mkdtempSync(join(tmpdir(), 'csp-bench-'));
const today = new Date().toISOString().slice(0, 10);
const say = (line: string) => process.stderr.write(`${line}\n`);
const n = (x: number) => x.toLocaleString('en-US');
let connector: FakeConnector | undefined;

async function cleanUp(): Promise<void> {
  killAll();
  await connector?.close();
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

// Whatever ends this process (a crash included), the bots it started end with it.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`\n${signal}: stopping every process the bench started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function start(name: BotName, storage: 'sqlite' | 'memory', label: string): Promise<BenchChild> {
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`, `--cpu-prof-name=${name}-${label}.cpuprofile`] : [];
  return startChild({
    name,
    args: ['--no-deprecation', ...profile, SCRIPTS[name]],
    cwd: work, // no .env here: the bench runs without an app id whatever the developer's .env says
    env: { STORAGE: storage, SQLITE_PATH: join(work, `${name}-${label}.db`), LOG_LEVEL: 'info', MicrosoftAppId: '', MicrosoftAppPassword: '' },
    logFile: join(work, `${name}-${label}.log`),
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measureColdStarts(): Promise<Record<BotName, number>> {
  const times: Record<BotName, number[]> = { bot: [], echo: [] };
  for (let i = 0; i < SETTINGS.coldStarts; i++) {
    for (const name of BOTS) {
      const child = await start(name, 'sqlite', `cold${i}`);
      times[name].push(child.coldStartMs);
      await child.stop();
    }
  }
  return { bot: median(times.bot), echo: median(times.echo) };
}

interface Measured {
  result: PhaseResult;
  cpuMs?: number;
  driverCpuMs: number;
}

type RunOptions = Omit<PhaseOptions, 'url' | 'connector' | 'transports' | 'check' | 'agent'>;

/** One phase against one bot, with the CPU both the bot process and this driver spent on it. */
async function drive(child: BenchChild, name: BotName, transports: Transports, options: RunOptions): Promise<Measured> {
  const agent = newAgent(options.concurrency);
  try {
    await preconnect(agent, child.url, options.concurrency);
    const cpu0 = cpuMs(child.pid);
    const driver0 = process.cpuUsage();
    const result = await runPhase({
      ...options,
      url: `${child.url}/api/messages`,
      connector: connector!,
      transports,
      check: name === 'bot' ? 'guided' : 'echo',
      agent,
    });
    const driver = process.cpuUsage(driver0);
    const cpu1 = cpuMs(child.pid);
    return { result, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, driverCpuMs: (driver.user + driver.system) / 1000 };
  } finally {
    agent.destroy();
  }
}

const emptyFigures = (coldStartMs: number): Figures => ({
  phases: {},
  coldStartMs,
  rssMiBAfter10k: null,
  stateBytes: null,
  maxCardBytesUtf16: null,
});

interface Tally {
  turns: number;
  errors: number;
  results: number;
  cards: number;
  clicks: Record<ClickKind, number>;
  errorSamples: string[];
  /** This process's CPU over the timed phases (the untimed ones run both bots at once). */
  driverCpuMs: number;
  timedTurns: number;
}
const newTally = (): Tally => ({
  turns: 0,
  errors: 0,
  results: 0,
  cards: 0,
  clicks: { start: 0, answer: 0, restart: 0 },
  errorSamples: [],
  driverCpuMs: 0,
  timedTurns: 0,
});

function record(figures: Figures, tally: Tally, id: string | undefined, m: Measured): void {
  const { result } = m;
  tally.turns += result.turns;
  tally.errors += result.errors;
  tally.results += result.results;
  tally.cards += result.cards;
  for (const k of Object.keys(result.clicks) as ClickKind[]) tally.clicks[k] += result.clicks[k];
  tally.errorSamples.push(...result.errorSamples.slice(0, Math.max(0, 5 - tally.errorSamples.length)));
  if (result.cards > 0) figures.maxCardBytesUtf16 = Math.max(figures.maxCardBytesUtf16 ?? 0, result.maxCardBytes);
  if (!id) return;
  figures.phases[id] = summarizePhase({ ...result, cpuMs: m.cpuMs });
  tally.driverCpuMs += m.driverCpuMs;
  tally.timedTurns += result.turns;
}

const newPool = () => Array.from({ length: SETTINGS.pool }, (_, i) => makeConversation('pool', i, today));

/**
 * Starts both bots on one storage, learns from the bot's cards how clicks travel, and staggers each pool
 * (conversation i makes i mod 13 clicks first) so that every measured phase sees the same mix of steps.
 */
async function prepare(storage: 'sqlite' | 'memory', label: string, figures: Record<BotName, Figures>, tallies: Record<BotName, Tally>) {
  const children = { echo: await start('echo', storage, label), bot: await start('bot', storage, label) };
  const transports = await probeTransports(`${children.bot.url}/api/messages`, connector!, today);
  const pools = { echo: newPool(), bot: newPool() };
  // Not measured, so both bots at once.
  say(`${storage}: staggering ${n(SETTINGS.pool)} conversations per bot (also the warm-up)…`);
  const staggered = await Promise.all(
    BOTS.map((name) =>
      drive(children[name], name, transports, {
        conversations: pools[name],
        reuse: true,
        concurrency: 100,
        mode: 'expectReplies',
        turnsPerConversation: (c) => c.index % STAGGER,
      }),
    ),
  );
  BOTS.forEach((name, i) => record(figures[name], tallies[name], undefined, staggered[i]!));
  return { children, transports, pools };
}

async function runPhases(
  specs: PhaseSpec[],
  setup: Awaited<ReturnType<typeof prepare>>,
  figures: Record<BotName, Figures>,
  tallies: Record<BotName, Tally>,
) {
  for (const spec of specs) {
    say(`${phaseId(spec)}…`);
    const slices: Record<BotName, Measured[]> = { echo: [], bot: [] };
    // Echo, bot, echo, bot: a load swing from other jobs on the machine hits both alike.
    for (let slice = 0; slice < SLICES; slice++) {
      for (const name of BOTS) {
        slices[name].push(
          await drive(setup.children[name], name, setup.transports, {
            conversations: setup.pools[name],
            reuse: true,
            concurrency: spec.concurrency,
            durationMs: SETTINGS.phaseMs / SLICES,
            mode: spec.mode,
          }),
        );
      }
    }
    for (const name of BOTS) record(figures[name], tallies[name], phaseId(spec), merge(slices[name]));
  }
}

function merge(parts: Measured[]): Measured {
  const [first, ...rest] = parts;
  const result: PhaseResult = { ...first!.result, latenciesMs: [...first!.result.latenciesMs], errorSamples: [...first!.result.errorSamples], clicks: { ...first!.result.clicks } };
  let cpu = first!.cpuMs;
  let driverCpuMs = first!.driverCpuMs;
  for (const part of rest) {
    const r = part.result;
    result.turns += r.turns;
    result.errors += r.errors;
    result.errorSamples.push(...r.errorSamples);
    result.elapsedMs += r.elapsedMs;
    result.latenciesMs.push(...r.latenciesMs);
    result.cards += r.cards;
    result.maxCardBytes = Math.max(result.maxCardBytes, r.maxCardBytes);
    result.results += r.results;
    for (const k of Object.keys(r.clicks) as ClickKind[]) result.clicks[k] += r.clicks[k];
    cpu = cpu === undefined || part.cpuMs === undefined ? undefined : cpu + part.cpuMs;
    driverCpuMs += part.driverCpuMs;
  }
  return { result, cpuMs: cpu, driverCpuMs };
}

async function main(): Promise<number> {
  const began = performance.now();
  say(`bench: ${cpus().length} cores, Node ${process.version}, ${args.quick ? 'quick' : 'full'} run; work files in ${work}`);
  say('cold starts…');
  const cold = await measureColdStarts();
  const figures: Record<BotName, Figures> = { bot: emptyFigures(cold.bot), echo: emptyFigures(cold.echo) };
  const tallies: Record<BotName, Tally> = { bot: newTally(), echo: newTally() };
  connector = await startFakeConnector();

  // SQLite, the default storage: both delivery modes at both concurrencies.
  const sqlite = await prepare('sqlite', 'load', figures, tallies);
  await runPhases(SQLITE_PHASES, sqlite, figures, tallies);

  // New partners until N distinct conversations have been served (a Start each), then RSS: memory must stay flat.
  const fillCount = SETTINGS.conversations - SETTINGS.pool - 1; // the probe conversation counts too
  // Not timed either: both bots at once.
  say(`up to ${n(SETTINGS.conversations)} conversations per bot…`);
  const filled = await Promise.all(
    BOTS.map((name) => {
      const fill = Array.from({ length: fillCount }, (_, i) => makeConversation('fill', i, today));
      return drive(sqlite.children[name], name, sqlite.transports, { conversations: fill, reuse: false, concurrency: 100, mode: 'expectReplies' });
    }),
  );
  await sleep(500);
  BOTS.forEach((name, i) => {
    record(figures[name], tallies[name], undefined, filled[i]!);
    figures[name].rssMiBAfter10k = rssMiB(sqlite.children[name].pid) ?? null;
  });
  for (const name of BOTS) await sqlite.children[name].stop();
  for (const name of BOTS) {
    const state = measureSqliteState(join(work, `${name}-load.db`), 'pool');
    figures[name].stateBytes = state && { mean: state.mean, max: state.max };
  }

  // Optionally the same turns on memory storage, to show what SQLite costs.
  if (args.memory) {
    const memory = await prepare('memory', 'memory', figures, tallies);
    await runPhases(MEMORY_PHASES, memory, figures, tallies);
    for (const name of BOTS) await memory.children[name].stop();
  }

  const phases = [...SQLITE_PHASES, ...(args.memory ? MEMORY_PHASES : [])];
  const rows = buildRows(figures.bot, figures.echo, phases, SETTINGS.conversations);
  const { bot, echo } = tallies;
  const via = (k: ClickKind) => `${k} as ${sqlite.transports[k].transport}`;
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  process.stdout.write(
    [
      `bot turns checked: ${n(bot.turns)} (${n(bot.clicks.start)} Start, ${n(bot.clicks.answer)} answers, ${n(bot.clicks.restart)} Start over; ${n(bot.results)} result cards; ${n(bot.cards)} cards), en-US/zh-CN/zh-TW; clicks travel as the cards say: ${via('start')}, ${via('answer')}, ${via('restart')}`,
      `echo turns: ${n(echo.turns)}; failed turns: bot ${bot.errors}, echo ${echo.errors}`,
      `load driver CPU per turn (this process, on the same cores): bot ${(bot.driverCpuMs / Math.max(1, bot.timedTurns)).toFixed(2)} ms, echo ${(echo.driverCpuMs / Math.max(1, echo.timedTurns)).toFixed(2)} ms`,
      `${SETTINGS.phaseMs / 1000} s per phase and bot (${SLICES} alternating slices) after staggering a pool of ${n(SETTINGS.pool)} conversations; cold start = median of ${SETTINGS.coldStarts}; whole run ${((performance.now() - began) / 1000).toFixed(0)} s`,
      ...[...bot.errorSamples.map((e) => `bot failure: ${e}`), ...echo.errorSamples.map((e) => `echo failure: ${e}`)],
    ].join('\n') + '\n',
  );

  if (args.json) {
    const json = buildJson(figures.bot, figures.echo, rows, {
      // A quick run stops short of 10,000 conversations: its RSS figure is not that one.
      ...(SETTINGS.conversations < 10_000 ? { rssMiBAfter10k: null, rssMiB: figures.bot.rssMiBAfter10k } : {}),
      conversations: SETTINGS.conversations,
      poolSize: SETTINGS.pool,
      phaseMs: SETTINGS.phaseMs,
      cores: cpus().length,
      node: process.version,
      transports: sqlite.transports,
      failedTurns: { bot: bot.errors, echo: echo.errors },
      turns: { bot: bot.turns, echo: echo.turns },
    });
    writeFileSync(args.json, `${JSON.stringify(json, null, 2)}\n`);
    say(`figures written to ${args.json}`);
  }
  return bot.errors + echo.errors > 0 ? 1 : 0;
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (err: unknown) => {
    say(`bench failed: ${(err as Error).stack ?? String(err)}`);
    await cleanUp();
    process.exit(1);
  },
);
