// Summarises a V8 .cpuprofile (from `npm run bench -- --profile DIR`, or node --cpu-prof): where the
// time went by package or project file, and the hottest functions by self time.
//   node dist/bench/profileSummary.js DIR/bot-load.cpuprofile [top] [skip-first-ms]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Drops the samples of the first `skipMs` (start-up and warm-up), keeping the steady state. */
export function withoutFirst(profile: CpuProfile, skipMs: number): CpuProfile {
  let at = 0;
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    if (at < skipMs) return;
    samples.push(id);
    timeDeltas.push(profile.timeDeltas[i] ?? 0);
  });
  return { ...profile, samples, timeDeltas };
}

export interface ProfileShare {
  name: string;
  ms: number;
  share: number;
}

/** `botbuilder-dialogs`, `dialogs/mainDialog.ts`, `node:internal`, or `(garbage collector)`. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  const project = /\/(src|dialogs|cards|bench|locales)\/(.+?)(\.[jt]s)?$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

export function summarizeProfile(profile: CpuProfile, top = 25): { totalMs: number; byOwner: ProfileShare[]; byFunction: ProfileShare[] } {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${owner}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  // The idle loop is waiting, not work.
  const busyMs = totalMs - (owners.get('(idle)') ?? 0);
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([name]) => name !== '(idle)' && !name.startsWith('(idle) '))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 }));
  return { totalMs: busyMs, byOwner: rank(owners), byFunction: rank(functions) };
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('profileSummary.js') || entry.endsWith('profileSummary.ts')) {
  const [file, topArg, skipArg] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profileSummary.js FILE.cpuprofile [top] [skip-first-ms]\n');
    process.exit(2);
  }
  const profile = withoutFirst(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(skipArg ?? 0));
  const summary = summarizeProfile(profile, Number(topArg ?? 25));
  const section = (title: string, list: ProfileShare[]) =>
    [`\n${title}`, ...list.map((s) => `${(s.share * 100).toFixed(1).padStart(5)}%  ${s.ms.toFixed(0).padStart(7)} ms  ${s.name}`)].join('\n');
  process.stdout.write(
    [
      `busy CPU in profile: ${summary.totalMs.toFixed(0)} ms`,
      section('by package / project file (self time)', summary.byOwner),
      section('hottest functions (self time)', summary.byFunction),
    ].join('\n') + '\n',
  );
}
