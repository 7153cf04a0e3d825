// Where an FAQ answer's facts come from (GUIDANCE edition 2), in the guidance engine's own `Source` shape,
// so the card shows them exactly as the result card does: the doc's link, "(since …)" only where edition 2
// gives a month, ⚠ where it says to check the live page.
import {
  CANCEL_WINDOW_DAYS,
  DISABLED_DAYS,
  EXPIRED_DAYS,
  SIDE_BY_SIDE_LIMIT,
  TENANT_SUBSCRIPTION_LIMIT,
  type LinkId,
  type Source,
} from '../guidance/index.js';

export const seed2020: Source = { kind: 'seed-2020' };

export const doc = (id: LinkId, extra: { since?: string; check?: true } = {}): Source => ({ kind: 'doc', doc: id, ...extra });

/**
 * The numbers the texts state, from the one place the engine keeps them: every FAQ string may use them
 * ({{cancelDays}}, {{expiredDays}} …), so a policy change needs no text edit.
 */
export const POLICY_PARAMS = {
  cancelDays: CANCEL_WINDOW_DAYS,
  expiredDays: EXPIRED_DAYS,
  disabledDays: DISABLED_DAYS,
  deletedAfterDays: EXPIRED_DAYS + DISABLED_DAYS,
  tenantLimit: TENANT_SUBSCRIPTION_LIMIT,
  sideBySideLimit: SIDE_BY_SIDE_LIMIT,
} as const;
