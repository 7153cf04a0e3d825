import type { Timing } from '../guidanceSchema.js';
import type { WarningDraft } from '../messages.js';
import type { Situation } from '../situation.js';
import { channelWarnings } from './channel.js';
import { lifecycleWarnings } from './lifecycle.js';
import { offerWarnings } from './offers.js';
import { regionWarnings } from './region.js';
import { relationshipWarnings } from './relationship.js';
import { roleWarnings } from './role.js';

export { transferConsidered } from './conditions.js';

/** Every warning the situation triggers, unsorted. */
export function warningDrafts(s: Situation, timing: Timing | null): WarningDraft[] {
  return [
    ...roleWarnings(s),
    ...regionWarnings(s),
    ...offerWarnings(s),
    ...channelWarnings(s),
    ...relationshipWarnings(s),
    ...lifecycleWarnings(s, timing),
  ];
}
