import { ACTORS, CREDIT_KEYS, FALLBACK_KEYS, NOTE_KEYS, PATHS, SEVERITIES, STEP_KEYS, VERDICTS } from './catalogue.js';
import { LINK_IDS, linkTitleKey } from './links.js';
import { REGIONS } from './regions.js';
import { GOALS, PARTNER_ROLES, PURCHASE_CHANNELS } from './situation.js';
import { SOURCE_KINDS } from './sources.js';

/** Every message key guide() can emit (plural keys without their _one/_other suffix). */
export const EMITTED_KEYS: readonly string[] = [
  ...STEP_KEYS,
  ...NOTE_KEYS,
  ...CREDIT_KEYS,
  ...FALLBACK_KEYS,
  ...LINK_IDS.map(linkTitleKey),
];

/** Labels for the ids the output carries (path, actor, roles, verdict...) and those texts nest with $t. */
export const LABEL_KEYS: readonly string[] = [
  ...PATHS.map((id) => `path.${id}`),
  ...ACTORS.map((id) => `actor.${id}`),
  ...PARTNER_ROLES.map((id) => `role.${id}`),
  ...GOALS.map((id) => `goal.${id}`),
  ...PURCHASE_CHANNELS.map((id) => `channel.${id}`),
  ...REGIONS.map((id) => `region.${id}`),
  ...VERDICTS.map((id) => `verdict.${id}`),
  ...SEVERITIES.map((id) => `severity.${id}`),
  ...SOURCE_KINDS.map((id) => `source.${id}`),
];
