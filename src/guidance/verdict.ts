import type { Verdict } from './catalogue.js';
import type { Note, Step } from './guidanceSchema.js';

/**
 * Blocked decides alone. An outage or a closing window is urgent, never "ready". Cautions, something to
 * find out first, or a step none of the partner's roles can do make it "ready, with cautions".
 */
export function decideVerdict(blocked: boolean, steps: readonly Step[], notes: readonly Note[]): Verdict {
  if (blocked) return 'blocked';
  if (notes.some((n) => n.severity === 'urgent')) return 'urgent';
  const findOut = steps.some((s) => s.key.startsWith('step.findOut'));
  if (findOut || steps.some((s) => s.roleGap) || notes.some((n) => n.severity === 'caution')) return 'ready-with-cautions';
  return 'ready';
}
