import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';

// GUIDANCE §2, §3, §6: goal, reseller relationship and delegated admin answers.
export function relationshipWarnings(s: Situation): WarningDraft[] {
  const out: WarningDraft[] = [];
  if (s.goal === 'notSure') out.push({ id: 'checkGoal' });
  if (s.resellerRelationship === 'notSure') out.push({ id: 'checkRelationship' });
  if (s.delegatedAdmin === 'dap') out.push({ id: 'dapReplaced' });
  if (s.delegatedAdmin === 'notSure') out.push({ id: 'checkDelegatedAdmin' });
  return out;
}
