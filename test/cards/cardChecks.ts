// Reusable checks for every Adaptive Card the bot sends. Use from any test:
//   const problems = checkCard(card);           // [] when the card is fine
//   const bytes = assertValidCard(card, 'help'); // throws with every problem, returns the size
// A card or a botbuilder-style attachment ({ contentType, content }) is accepted.
import { AdaptiveCard, SerializationContext, Versions } from 'adaptivecards';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resources } from '../../src/i18n/resources.js';
import { NAMESPACES } from '../../src/i18n/index.js';

/**
 * A bot message's size limit, measured as UTF-16, as the lowest figure we have met: Microsoft Learn's "Format your
 * bot messages" gives 100 KB today (80 KB recommended), its earlier editions 40 KB, and the customer-message issue
 * ~28 KB. Every card is held to 28 KB, with room for the envelope.
 */
export const MESSAGE_LIMIT_BYTES = 28_000;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Where CI keeps the upstream schema: <repo>/../shared/schemas. A clone without it skips that check. */
export const AC_SCHEMA_PATH = fileURLToPath(new URL('../../../shared/schemas/adaptive-card-1.5.schema.json', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface CheckOptions {
  /** Size limit in bytes (UTF-16); defaults to MESSAGE_LIMIT_BYTES. */
  maxBytes?: number;
}

/** The card's size as Teams counts it: UTF-16 code units × 2 of its JSON. */
export function cardSizeBytes(cardOrAttachment: unknown): number {
  return JSON.stringify(unwrap(cardOrAttachment)).length * 2;
}

function unwrap(input: unknown): unknown {
  if (input && typeof input === 'object' && 'contentType' in input && 'content' in input) {
    return (input as { content: unknown }).content;
  }
  return input;
}

// ---------------------------------------------------------------------------------------------
// (a) The adaptivecards SDK at 1.5: no parse events, no validation events.

function sdkProblems(card: unknown): string[] {
  const problems: string[] = [];
  const sdkCard = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  sdkCard.parse(structuredClone(card), context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`SDK parse: ${context.getEventAt(i).message}`);
  for (const e of sdkCard.validateProperties().validationEvents) problems.push(`SDK validation: ${e.message}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (b) The upstream JSON schema, when ../shared is there. It is draft-06 with a draft-04 `id`, and has no
// `msteams` on AdaptiveCard (additionalProperties: false): fix `id` in memory, check msteams by hand.

let schemaValidator: ValidateFunction | null | undefined;

function loadSchemaValidator(): ValidateFunction | null {
  if (schemaValidator !== undefined) return schemaValidator;
  if (!existsSync(AC_SCHEMA_PATH)) return (schemaValidator = null);
  const schema = JSON.parse(readFileSync(AC_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  if (typeof schema.id === 'string' && schema.$id === undefined) {
    schema.$id = schema.id;
    delete schema.id;
  }
  // strict: false tolerates the schema's documentation keywords (version, features); formats are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft06);
  return (schemaValidator = ajv.compile(schema));
}

/** True when the schema file is present, so callers can report whether (b) ran. */
export const schemaAvailable = (): boolean => loadSchemaValidator() !== null;

function schemaProblems(card: unknown): string[] {
  const validate = loadSchemaValidator();
  const problems: string[] = [];
  if (!card || typeof card !== 'object') return ['Card is not an object'];
  const { msteams, ...rest } = card as Record<string, unknown>;
  if (msteams !== undefined) {
    const ok =
      msteams !== null &&
      typeof msteams === 'object' &&
      Object.entries(msteams).every(([k, v]) => k === 'width' && v === 'Full');
    if (!ok) problems.push(`msteams must be { "width": "Full" }, got ${JSON.stringify(msteams)}`);
  }
  if (validate && !validate(rest)) {
    // anyOf branches make ajv verbose: keep the distinct messages, deepest first.
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const line = `Schema: ${e.instancePath || '/'} ${e.message ?? ''}`;
      if (!seen.has(line)) seen.add(line);
    }
    problems.push(...[...seen].slice(0, 20));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// (d) Raw i18n keys: every key of every locale file, and key-shaped tokens.

type Tree = { [k: string]: unknown };

function leafKeys(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) return prefix ? [prefix.slice(0, -1)] : [];
  return Object.entries(tree as Tree).flatMap(([k, v]) => leafKeys(v, `${prefix}${k}.`));
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const { KNOWN_KEYS, TOP_LEVEL_KEYS } = (() => {
  const keys = new Set<string>();
  const top = new Set<string>();
  for (const byNamespace of Object.values(resources)) {
    for (const [ns, tree] of Object.entries(byNamespace as Record<string, unknown>)) {
      for (const key of Object.keys((tree ?? {}) as Tree)) top.add(key);
      for (const key of leafKeys(tree)) {
        for (const k of [key, key.replace(PLURAL_SUFFIX, '')]) {
          keys.add(k);
          keys.add(`${ns}:${k}`);
        }
      }
    }
  }
  return { KNOWN_KEYS: keys, TOP_LEVEL_KEYS: top };
})();

const NAMESPACE_PREFIX = new RegExp(`\\b(?:${NAMESPACES.join('|')}):[A-Za-z]`);
/** "step.requestRelationship", "optionSets.region.europe.label", "timing.daysLeft_one". */
const DOTTED_TOKEN = /^[a-z][A-Za-z0-9]+(?:\.[A-Za-z][\w-]*)+$/;
const URL_PATTERN = /\bhttps?:\/\/[^\s)]+/g;

function looksLikeKey(token: string): boolean {
  if (KNOWN_KEYS.has(token)) return true;
  if (!DOTTED_TOKEN.test(token)) return false;
  const [first, ...rest] = token.split('.');
  return TOP_LEVEL_KEYS.has(first!) || rest.some((segment) => /[a-z][A-Z]/.test(segment));
}

function textProblems(value: string, path: string): string[] {
  const problems: string[] = [];
  if (value.includes('{{') || value.includes('}}')) problems.push(`Unfilled interpolation at ${path}: ${JSON.stringify(value)}`);
  if (value.includes('$t(')) problems.push(`Unresolved $t() nesting at ${path}: ${JSON.stringify(value)}`);
  if (NAMESPACE_PREFIX.test(value)) problems.push(`Raw i18n key (namespace prefix) at ${path}: ${JSON.stringify(value)}`);
  if (KNOWN_KEYS.has(value.trim())) {
    problems.push(`Raw i18n key at ${path}: ${JSON.stringify(value)}`);
    return problems;
  }
  const tokens = value
    .replace(URL_PATTERN, ' ')
    .split(/[\s*_`[\]()"'“”「」:;,!?，。：；！？、]+/)
    .map((tok) => tok.replace(/[.]+$/, ''))
    .filter(Boolean);
  const keyish = tokens.filter(looksLikeKey);
  if (keyish.length > 0) problems.push(`Raw i18n key ${keyish.join(', ')} at ${path}: ${JSON.stringify(value)}`);
  return problems;
}

/** Leftovers of translation in any text a user reads (not only cards): unfilled {{params}}, $t(), raw keys. */
export const textLeftovers = (value: string, where = 'text'): string[] => textProblems(value, where);

/** Properties whose strings are never shown: submit payloads and addresses. */
const NOT_SHOWN = new Set(['data', 'url', 'iconUrl', 'type', 'id', '$schema', 'version']);

function walkStrings(node: unknown, path: string, visit: (value: string, path: string) => void): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) node.forEach((item, i) => walkStrings(item, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object') {
    // An input's value and a choice's value are ids the client sends back, not text anyone reads.
    const o = node as Record<string, unknown>;
    const valueIsId = 'title' in o || (typeof o.type === 'string' && o.type.startsWith('Input.'));
    for (const [k, v] of Object.entries(node)) {
      if (!NOT_SHOWN.has(k) && !(k === 'value' && valueIsId)) walkStrings(v, `${path}.${k}`, visit);
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Every problem with a card, or [] when it is fine:
 * (a) adaptivecards SDK 1.5 parse + validation events; (b) the 1.5 JSON schema when ../shared has it
 * (msteams checked separately); (c) no `${`; (d) no raw i18n key, `{{` or `$t(`; (e) size under the limit.
 */
/** Clients without Universal Actions must still work: every Action.Execute falls back to an equal Action.Submit. */
function executeFallbackProblems(card: Json): string[] {
  const problems: string[] = [];
  const walk = (node: Json, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute') {
        const fb = node.fallback as Record<string, Json> | undefined;
        if (!fb || fb.type !== 'Action.Submit') problems.push(`${path}: Action.Execute without an Action.Submit fallback`);
        else if (JSON.stringify(fb.data) !== JSON.stringify(node.data) || fb.title !== node.title) {
          problems.push(`${path}: Action.Execute fallback differs from the action`);
        }
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    }
  };
  walk(card, '$');
  return problems;
}

export function checkCard(cardOrAttachment: unknown, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  if (cardOrAttachment && typeof cardOrAttachment === 'object' && 'contentType' in cardOrAttachment) {
    const { contentType } = cardOrAttachment as { contentType: unknown };
    if (contentType !== ADAPTIVE_CARD_CONTENT_TYPE) problems.push(`Attachment contentType is ${String(contentType)}`);
  }
  const card = unwrap(cardOrAttachment) as Json;
  if (!card || typeof card !== 'object' || Array.isArray(card) || card.type !== 'AdaptiveCard') {
    return [...problems, 'Not an AdaptiveCard object'];
  }
  if (card.version !== '1.5') problems.push(`Card version is ${String(card.version)}, expected 1.5`);

  problems.push(...sdkProblems(card));
  problems.push(...schemaProblems(card));

  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push(`Unexpanded template expression: ${json.slice(json.indexOf('${') - 30, json.indexOf('${') + 30)}`);

  walkStrings(card, '$', (value, path) => problems.push(...textProblems(value, path)));
  problems.push(...executeFallbackProblems(card));

  const bytes = json.length * 2;
  const max = options.maxBytes ?? MESSAGE_LIMIT_BYTES;
  if (bytes >= max) problems.push(`Card is ${bytes} bytes as UTF-16, limit ${max}`);
  return problems;
}

/** Throws with every problem (labelled); returns the card's size in bytes. */
export function assertValidCard(cardOrAttachment: unknown, label = 'card', options: CheckOptions = {}): number {
  const problems = checkCard(cardOrAttachment, options);
  if (problems.length > 0) throw new Error(`${label} has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  return cardSizeBytes(cardOrAttachment);
}

/** Every Action.Submit / Action.Execute in a card (body, action sets, card actions), with its data. */
export function submitActions(cardOrAttachment: unknown): Array<{ title: string; data: unknown; associatedInputs?: string }> {
  const found: Array<{ title: string; data: unknown; associatedInputs?: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' || o.type === 'Action.Execute') {
        found.push({
          title: String(o.title ?? ''),
          data: o.data,
          ...(typeof o.associatedInputs === 'string' ? { associatedInputs: o.associatedInputs } : {}),
        });
      }
      // An Action.Execute's fallback mirrors it for older clients: one button, not two.
      for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') walk(v);
    }
  };
  walk(unwrap(cardOrAttachment));
  return found;
}

/** Every element of a given type anywhere in the card. */
export function elementsOfType(cardOrAttachment: unknown, type: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === type) found.push(o);
      // An Action.Execute's fallback mirrors it for older clients: one button, not two.
      for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') walk(v);
    }
  };
  walk(unwrap(cardOrAttachment));
  return found;
}
