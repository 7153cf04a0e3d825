// The one render module: a card name and its view model in, an expanded Adaptive Card out.
// Templates are bundled JSON, parsed once at module load; expansion is the only per-turn work.
import { Template } from 'adaptivecards-templating';
import helpCard from './helpCard.json' with { type: 'json' };
import languageCard from './languageCard.json' with { type: 'json' };
import noticeCard from './noticeCard.json' with { type: 'json' };
import questionCard from './questionCard.json' with { type: 'json' };
import resultCard from './resultCard.json' with { type: 'json' };
import welcomeCard from './welcomeCard.json' with { type: 'json' };
import faqAnswerCard from './faqAnswerCard.json' with { type: 'json' };
import quickFormCard from './quickFormCard.json' with { type: 'json' };
import changeAnswerCard from './changeAnswerCard.json' with { type: 'json' };
import shareCard from './shareCard.json' with { type: 'json' };
import understoodCard from './understoodCard.json' with { type: 'json' };
import trackLabelCard from './trackLabelCard.json' with { type: 'json' };
import moveCard from './moveCard.json' with { type: 'json' };
import moveListCard from './moveListCard.json' with { type: 'json' };
import forgetCard from './forgetCard.json' with { type: 'json' };
import reminderCard from './reminderCard.json' with { type: 'json' };
import type { UnderstoodViewData } from './views/understoodView.js';
import type { HelpViewData } from './views/helpView.js';
import type { LanguageViewData } from './views/languageView.js';
import type { NoticeViewData } from './views/noticeView.js';
import type { QuestionViewData } from './views/questionView.js';
import type { ResultViewData } from './views/resultView.js';
import type { WelcomeViewData } from './views/welcomeView.js';
import type { FaqAnswerViewData } from './views/faqAnswerView.js';
import type { QuickFormViewData } from './views/quickFormView.js';
import type { ChangeAnswerViewData } from './views/changeAnswerView.js';
import type { ShareViewData } from './views/shareView.js';
import type { TrackLabelViewData } from './views/trackLabelView.js';
import type { MoveViewData } from './views/moveView.js';
import type { MoveListViewData } from './views/moveListView.js';
import type { ForgetViewData } from './views/forgetView.js';
import type { ReminderViewData } from './views/reminderView.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An expanded Adaptive Card (1.5) as plain JSON. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

/** Shaped like botbuilder's Attachment, without depending on botbuilder. */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCardJson;
  /** Which template it came from (Teams ignores it; the bot reads it to decide what may replace a clicked card). */
  name?: CardName;
}

/** Each card's template and the view model that fills it. */
export interface CardDataMap {
  welcome: WelcomeViewData;
  question: QuestionViewData;
  result: ResultViewData;
  help: HelpViewData;
  language: LanguageViewData;
  notice: NoticeViewData;
  faqAnswer: FaqAnswerViewData;
  quickForm: QuickFormViewData;
  changeAnswer: ChangeAnswerViewData;
  share: ShareViewData;
  understood: UnderstoodViewData;
  trackLabel: TrackLabelViewData;
  move: MoveViewData;
  moveList: MoveListViewData;
  forget: ForgetViewData;
  reminder: ReminderViewData;
}

export type CardName = keyof CardDataMap;

const TEMPLATE_JSON: { readonly [N in CardName]: unknown } = {
  welcome: welcomeCard,
  question: questionCard,
  result: resultCard,
  help: helpCard,
  language: languageCard,
  notice: noticeCard,
  faqAnswer: faqAnswerCard,
  quickForm: quickFormCard,
  changeAnswer: changeAnswerCard,
  share: shareCard,
  understood: understoodCard,
  trackLabel: trackLabelCard,
  move: moveCard,
  moveList: moveListCard,
  forget: forgetCard,
  reminder: reminderCard,
};

export const CARD_NAMES = Object.keys(TEMPLATE_JSON) as CardName[];

const TEMPLATES = Object.fromEntries(CARD_NAMES.map((name) => [name, new Template(TEMPLATE_JSON[name])])) as { readonly [N in CardName]: Template };

/** A template expanded into something we must never send (a `${` survived: the view model missed a field). */
export class CardRenderError extends Error {
  constructor(
    readonly card: CardName,
    message: string,
  ) {
    super(`Card "${card}": ${message}`);
    this.name = 'CardRenderError';
  }
}

/**
 * Expands the named template with its view model. Throws CardRenderError when a `${…}` survives
 * expansion (adaptivecards-templating leaves the expression in place when the data lacks a field),
 * in every environment: a turn that fails with an apology beats a card that shows template code.
 */
export function renderCard<N extends CardName>(name: N, data: CardDataMap[N]): AdaptiveCardJson {
  // A compiled expansion holds no `${` (see compileExpression): only the library's needs looking through.
  const compiled = expandCompiled(name, data);
  if (compiled) return compiled;
  const card = expandWithLibrary(name, data);
  const json = JSON.stringify(card);
  const at = json.indexOf('${');
  if (at >= 0) {
    throw new CardRenderError(name, `unexpanded template expression near ${json.slice(Math.max(0, at - 40), at + 40)}`);
  }
  return card;
}

export function toAttachment(card: AdaptiveCardJson, name?: CardName): CardAttachment {
  return name ? { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card, name } : { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** The template expanded with `data`: compiled where it can be (see COMPILED), else by adaptivecards-templating. */
export function expandTemplate(name: CardName, data: unknown): AdaptiveCardJson {
  return expandCompiled(name, data) ?? expandWithLibrary(name, data);
}

/** adaptivecards-templating's expansion. */
export function expandWithLibrary(name: CardName, data: unknown): AdaptiveCardJson {
  return TEMPLATES[name].expand({ $root: data }) as AdaptiveCardJson;
}

/** The compiled expansion; undefined when the template or the data is left to the library. */
export function expandCompiled(name: CardName, data: unknown): AdaptiveCardJson | undefined {
  const compiled = COMPILED[name];
  if (!compiled) return undefined;
  try {
    return compiled({ root: data, data }) as AdaptiveCardJson;
  } catch (err) {
    if (err !== UNUSUAL) throw err;
    return undefined;
  }
}

/** Thrown by a compiled template that meets data it does not handle exactly as the library does. */
const UNUSUAL = Symbol('unusual template data');

interface Scope {
  root: unknown;
  /** adaptivecards-templating's $data: the root, or the current item of a `$data` array or object. */
  data: unknown;
}

type CompiledTemplate = (scope: Scope) => unknown;
type Expression = (scope: Scope) => unknown;

/** Fields the library never copies into the card (EvaluationContext's reserved fields). */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const PATH = String.raw`([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)`;
const VALUE = new RegExp(String.raw`^\$\{${PATH}\}$`);
const COMPARE = new RegExp(String.raw`^\$\{${PATH} (==|!=) '([^'\\$]*)'\}$`);
const NON_EMPTY = new RegExp(String.raw`^\$\{count\(${PATH}\) > 0\}$`);
/** Words Adaptive Expressions reads as constants, not as fields. */
const CONSTANTS = new Set(['true', 'false', 'null', 'undefined']);

class Unsupported extends Error {}

/** The template as a function, or undefined when it uses a form not handled here. */
export function compileTemplate(template: unknown): CompiledTemplate | undefined {
  try {
    return compileNode(template);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

/** A field as the library reads it: `$data.a.b`, each name matched case-insensitively on own enumerable keys. */
function lookup(path: readonly string[]): Expression {
  return (scope) => {
    let value: unknown = scope.data;
    for (const name of path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw UNUSUAL;
      const object = value as Record<string, unknown>;
      // Our view models never hold two keys that differ only in case: the exact key is the one the library finds.
      if (Object.prototype.propertyIsEnumerable.call(object, name)) value = object[name];
      else {
        const lower = name.toLowerCase();
        const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
        value = key === undefined ? undefined : object[key];
      }
    }
    return value;
  };
}

function compileExpression(text: string): Expression | undefined {
  let match = VALUE.exec(text);
  if (match) {
    const path = pathOf(match[1]!);
    const get = lookup(path);
    return (scope) => {
      const value = get(scope);
      // The library writes "${path}" for a missing field (and renderCard refuses the card); null stays null.
      if (value === undefined || value === null) throw UNUSUAL;
      // Nor does a compiled card carry a `${` on: the library's card, and renderCard's check, say what is wrong.
      if (typeof value === 'string' ? value.includes('${') : typeof value === 'object' && holdsMarker(value)) throw UNUSUAL;
      return value;
    };
  }
  match = COMPARE.exec(text);
  if (match) {
    const get = lookup(pathOf(match[1]!));
    const equal = match[2] === '==';
    const literal = match[3]!;
    return (scope) => {
      const value = get(scope);
      if (typeof value !== 'string') throw UNUSUAL;
      return (value === literal) === equal;
    };
  }
  match = NON_EMPTY.exec(text);
  if (match) {
    const get = lookup(pathOf(match[1]!));
    return (scope) => {
      const value = get(scope);
      if (!Array.isArray(value)) throw UNUSUAL;
      return value.length > 0;
    };
  }
  if (text.includes('${')) throw new Unsupported(text);
  return undefined;
}

/** True if any string in `value` (keys included) holds a `${`. */
function holdsMarker(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${');
  if (typeof value !== 'object' || value === null) return false;
  // What JSON.stringify would make of an object with its own toJSON is not looked into here: left to the library.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  if (Array.isArray(value)) return value.some(holdsMarker);
  for (const [key, child] of Object.entries(value)) if (key.includes('${') || holdsMarker(child)) return true;
  return false;
}

function pathOf(path: string): string[] {
  const names = path.split('.');
  if (CONSTANTS.has(names[0]!)) throw new Unsupported(path);
  return names;
}

/** Mirrors Template.internalExpand (adaptivecards-templating 2.x) for one node of the template. */
function compileNode(node: unknown): CompiledTemplate {
  if (typeof node === 'string') {
    const expression = compileExpression(node);
    return expression ?? (() => node);
  }
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    return (scope) => {
      let out: unknown[] = [];
      for (const item of items) {
        const value = item(scope);
        if (value === null) continue;
        if (Array.isArray(value)) out = out.concat(value);
        else out.push(value);
      }
      return out;
    };
  }
  if (typeof node !== 'object' || node === null) return () => node;
  const object = node as Record<string, unknown>;
  if (Object.keys(object).some((key) => key.includes('${'))) throw new Unsupported('a ${ in a key');
  const fields = Object.keys(object)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(object[key])] as const);
  const expand = (scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const value = field(scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  const when = object.$when;
  let test: ((scope: Scope) => boolean) | undefined;
  if (typeof when === 'string' && when.includes('${')) {
    const expression = compileExpression(when);
    if (!expression) throw new Unsupported(when);
    test = (scope) => {
      const value = expression(scope);
      // A $when that is not a boolean drops the object (and the library warns).
      return typeof value === 'boolean' && value;
    };
  } else if (when) {
    // A $when that is not an expression drops the object.
    test = () => false;
  }
  const dataOf = '$data' in object ? compileDataContext(object.$data) : undefined;
  return (scope) => {
    if (!dataOf) {
      if (test && !test(scope)) return null;
      return expand(scope);
    }
    const context = dataOf(scope);
    const contexts = Array.isArray(context) ? context : [context];
    const out: Array<Record<string, unknown>> = [];
    for (const item of contexts) {
      // A hole in the list would leave the previous item as $data in the library: not worth copying.
      if (item === undefined) throw UNUSUAL;
      const inner: Scope = { root: scope.root, data: item };
      if (test && !test(inner)) continue;
      out.push(expand(inner));
    }
    return out.length === 0 ? null : out.length === 1 ? out[0] : out;
  };
}

function compileDataContext(data: unknown): (scope: Scope) => unknown {
  if (typeof data === 'string') {
    const expression = compileExpression(data);
    if (expression) {
      return (scope) => {
        const value = expression(scope);
        // An item that is not an object would be read field by field as the library does: left to the library.
        if (typeof value !== 'object') throw UNUSUAL;
        return value;
      };
    }
  }
  if (data === undefined) return () => undefined;
  throw new Unsupported('a literal $data');
}

/**
 * Templates compiled once into plain functions that do what adaptivecards-templating's expand does, for the
 * few expression forms our templates use (`${a.b}`, `${a == 'x'}`, `${a != 'x'}`, `${count(a) > 0}`, with
 * `$data` and `$when`), without parsing and evaluating Adaptive Expressions per field (most of a card's
 * rendering cost). Whenever a value is not of the plain kind these forms expect (a field missing, null, a
 * number compared with a string…), the card is expanded by adaptivecards-templating instead, so odd data gets
 * exactly the library's answer. A template with any other form is always expanded by the library.
 * Tests compare the two on every template with real and random view models.
 */
const COMPILED = Object.fromEntries(CARD_NAMES.map((name) => [name, compileTemplate(TEMPLATE_JSON[name])])) as {
  readonly [N in CardName]: CompiledTemplate | undefined;
};
