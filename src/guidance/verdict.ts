import type { Guidance, Warning } from './guidanceSchema.js';

/** Blocking decides alone; otherwise data-loss and caution warnings; info never changes the verdict. */
export function decideVerdict(warnings: Warning[]): Pick<Guidance, 'verdict' | 'reasons'> {
  const blocking = warnings.filter((w) => w.severity === 'blocking');
  if (blocking.length > 0) return { verdict: 'blocked', reasons: blocking.map((w) => w.id) };
  const cautions = warnings.filter((w) => w.severity === 'data-loss' || w.severity === 'caution');
  if (cautions.length > 0) return { verdict: 'ready-with-cautions', reasons: cautions.map((w) => w.id) };
  return { verdict: 'ready', reasons: [] };
}
