// What must never reach the customer, read from the partner-facing locale strings rather than picked by hand:
// the partner's Partner Center roles, CSP models, path names, severity and verdict tags, internal ids, and the
// guidance's own sentences (written to the partner).
import { messageText } from '../../cards/views/resultView.js';
import { CUSTOMER_ACTORS } from '../../src/customerMessage/index.js';
import {
  ACTORS,
  LINK_IDS,
  NOTE_KEYS,
  PARTNER_MODELS,
  PARTNER_ROLES,
  PATHS,
  SEVERITIES,
  STEP_KEYS,
  VERDICTS,
  type Guidance,
} from '../../src/guidance/index.js';
import type { Translate } from '../../src/i18n/index.js';

export interface PartnerOnly {
  /** Forbidden anywhere (English compared without case). */
  phrases: string[];
  /** Forbidden as a tag: a line that starts with it, or it followed by a colon. */
  tags: string[];
}

export function partnerOnly(t: Translate): PartnerOnly {
  const label = (key: string) => String(t(key));
  const customerActors = CUSTOMER_ACTORS.map((a) => label(`guidance:actor.${a}`));
  // Global admin and Billing admin are roles of the customer's own tenant too (GUIDANCE §2): the customer's actor
  // labels name them, so they are the customer's words as well. Every other Partner Center role is the partner's.
  const roles = PARTNER_ROLES.map((r) => label(`guidance:role.${r}`)).filter((role) => !customerActors.some((a) => a.includes(role)));
  // "Indirect provider", "Indirect reseller", "Direct-bill partner": the partner's CSP model (and "your indirect provider").
  const models = PARTNER_MODELS.filter((m) => m !== 'notSure').map((m) => label(`questions:optionSets.partnerModel.${m}.label`));
  const paths = PATHS.map((p) => label(`guidance:path.${p}`));
  return {
    phrases: [...roles, ...models, ...paths, label('cards:share.title')],
    tags: [...SEVERITIES.map((s) => label(`guidance:severity.${s}`)), ...VERDICTS.map((v) => label(`guidance:verdict.${v}`))],
  };
}

/** Internal ids that can't be mistaken for words: camelCase, dotted or with digits (customerGlobalAdmin, step.letRunOut, over150). */
const INTERNAL_IDS = [...ACTORS, ...PATHS, ...LINK_IDS, ...STEP_KEYS, ...NOTE_KEYS].filter((id) => /[A-Z.\d]/.test(id));

/** Every partner-only string the text holds, each named; [] when there is none. */
export function partnerOnlyProblems(text: string, t: Translate, g?: Guidance): string[] {
  const { phrases, tags } = partnerOnly(t);
  const problems: string[] = [];
  const lower = text.toLowerCase();
  for (const p of phrases) if (lower.includes(p.toLowerCase())) problems.push(`partner-only phrase "${p}"`);
  const lines = text.split('\n').map((l) => l.replace(/^•\s*/, ''));
  for (const tag of tags) {
    if (lines.some((l) => l === tag || l.startsWith(`${tag}:`) || l.startsWith(`${tag}：`) || l.startsWith(`${tag} `))) problems.push(`tag "${tag}" leads a line`);
    if (text.includes(`${tag}:`) || text.includes(`${tag}：`)) problems.push(`tag "${tag}:"`);
  }
  for (const id of INTERNAL_IDS) if (new RegExp(`(?<![\\w/.-])${id.replace(/\./g, '\\.')}(?![\\w-])`).test(text)) problems.push(`internal id ${id}`);
  if (g) {
    const sentences = [...g.steps, ...g.notes, ...(g.credit?.items ?? []), ...(g.fallback ? [g.fallback] : [])].map((m) => messageText(t, m));
    for (const s of sentences) if (text.includes(s)) problems.push(`the partner's sentence "${s}"`);
  }
  return problems;
}
