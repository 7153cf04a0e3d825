// The compiled card templates (cards/render.ts) must expand every view model exactly as adaptivecards-templating
// does: real view models of every card in every language (and they must take the compiled path), and random
// data shaped after each template's fields, odd values included (missing, null, numbers, lists of strings).
import { expect } from 'chai';
import { Template } from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import {
  CARD_NAMES,
  compileTemplate,
  changeAnswerView,
  checklistView,
  customerMessageView,
  expandCompiled,
  expandTemplate,
  expandWithLibrary,
  faqAnswerView,
  helpView,
  languageView,
  noticeView,
  questionView,
  quickFormView,
  resultView,
  understoodView,
  welcomeView,
  type CardName,
  type QuickFormQuestion,
} from '../../cards/index.js';
import { QUESTIONS } from '../../dialogs/questions.js';
import { trackLabelView } from '../../cards/views/trackLabelView.js';
import { moveView } from '../../cards/views/moveView.js';
import { moveListView } from '../../cards/views/moveListView.js';
import { forgetView } from '../../cards/views/forgetView.js';
import { reminderView } from '../../cards/views/reminderView.js';
import type { TrackedMove } from '../../src/moves/index.js';
import { QUICK_FORM_QUESTIONS } from '../../dialogs/quickForm.js';
import { guide } from '../../src/guidance/index.js';
import { TOPIC_IDS } from '../../src/faq/index.js';
import { LOCALES, createTranslator } from '../../src/i18n/index.js';
import { RESULT_SITUATIONS, TODAY } from './situations.js';

const translator = createTranslator();

/** Expands both ways; the library's answer (or its error) is the reference. */
function expectSame(name: CardName, data: unknown, label: string): void {
  let expected: unknown;
  let failed: unknown;
  try {
    expected = expandWithLibrary(name, data);
  } catch (err) {
    failed = err;
  }
  if (failed) {
    expect(() => expandTemplate(name, data), label).to.throw();
    return;
  }
  expect(expandTemplate(name, data), label).to.deep.equal(expected);
  // renderCard trusts a compiled card to carry no `${` on.
  const compiled = expandCompiled(name, data);
  if (compiled) expect(JSON.stringify(compiled), label).not.to.include('${');
}

describe('compiled card templates', () => {
  for (const locale of LOCALES) {
    it(`[${locale}] expand every card's real view models as adaptivecards-templating does, on the compiled path`, () => {
      const t = translator.t(locale);
      const models: Array<[CardName, unknown, string]> = [
        ['welcome', welcomeView(t), 'welcome'],
        ['help', helpView(t, { inCheck: true }), 'help in check'],
        ['help', helpView(t, { inCheck: false }), 'help'],
        ...LOCALES.map((current): [CardName, unknown, string] => ['language', languageView(t, current), `language ${current}`]),
        ['notice', noticeView(t, { textKey: 'common:notice.firstQuestion', actions: ['start', 'help'] }), 'notice'],
        ['notice', noticeView(t, { titleKey: 'cards:appName', textKey: 'common:notice.firstQuestion', actions: [] }), 'notice titled'],
        ['quickForm', quickFormView(t, { questions: QUICK_FORM_QUESTIONS as readonly QuickFormQuestion[], values: {}, missing: [] }), 'quick form'],
        [
          'quickForm',
          quickFormView(t, {
            questions: QUICK_FORM_QUESTIONS as readonly QuickFormQuestion[],
            values: { tenantRegion: 'europe' },
            missing: [QUICK_FORM_QUESTIONS[0]!.id],
            offerSameCustomer: true,
          }),
          'quick form with errors',
        ],
        ['changeAnswer', changeAnswerView(t, { answered: QUESTIONS.slice(0, 4).map((question, i) => ({ question, answer: i % 2 ? undefined : question.options[0] })) }), 'change'],
        [
          'understood',
          understoodView(t, {
            found: [{ question: QUESTIONS[0]!, answer: QUESTIONS[0]!.options[0]! }],
            conflicts: [{ question: QUESTIONS[1]!, was: QUESTIONS[1]!.options[0]!, now: QUESTIONS[1]!.options[1]! }],
            unreadable: [{ question: QUESTIONS[2]!, text: 'soon' }],
          }),
          'understood',
        ],
        ['understood', understoodView(t, { found: [], conflicts: [], unreadable: [] }), 'understood nothing'],
        ...TOPIC_IDS.map((topic): [CardName, unknown, string] => ['faqAnswer', faqAnswerView(t, topic), `faq ${topic}`]),
      ];
      for (const [index, question] of QUESTIONS.entries()) {
        const selected = question.input === 'date' ? '2026-03-31' : question.options.at(-1);
        models.push(
          ['question', questionView(t, { question, step: 1, total: QUESTIONS.length, canGoBack: false }), `question ${question.id}`],
          ['question', questionView(t, { question, step: index + 1, total: 20, selected, hint: 'invalid', canGoBack: true }), `question ${question.id} selected`],
          ['question', questionView(t, { question, step: 2, total: 3, hint: 'outOfDate', canGoBack: true, answered: 'x' } as never), `question ${question.id} answered`],
        );
      }
      for (const { name, situation } of RESULT_SITUATIONS) {
        const guidance = guide(situation, TODAY);
        models.push(['result', resultView(t, guidance), `result ${name}`], ['result', resultView(t, guidance, { early: { changeQuestionId: 'tenantRegion' } }), `blocked ${name}`]);
      }
      const guidance = guide(RESULT_SITUATIONS[0]!.situation, TODAY);
      models.push(['share', checklistView(t, guidance, TODAY).view, 'checklist']);
      for (const language of LOCALES) models.push(['share', customerMessageView(t, guidance, TODAY, language).view, `customer message ${language}`]);

      // Tracked moves: a label with markup, ticked and unticked steps, urgent and not, open and closed.
      const move: TrackedMove = {
        id: 'AbCdEfGh12345678',
        label: '**R&D** <EU>',
        answers: {},
        path: 'manual',
        actions: [
          { key: 'step.manual.turnOffRenewal', actor: 'customerBillingAdmin', due: '2026-11-25' },
          { key: 'step.manual.requestRelationship', actor: 'you' },
          { key: 'step.manual.buy', actor: 'you', due: '2027-03-30', from: '2027-03-01' },
        ],
        deadlines: { stopRenewalBy: '2026-11-25', provisionBy: '2027-03-30' },
        ticked: ['step.manual.requestRelationship'],
        status: 'open',
        computedFor: TODAY,
        createdAt: 1,
        updatedAt: 1,
      };
      const urgent = [{ action: move.actions[0]!, overdue: false }];
      models.push(
        ['trackLabel', trackLabelView(t, { key: 'k'.repeat(22) }), 'track label'],
        ['trackLabel', trackLabelView(t, { key: 'k'.repeat(22), problem: 'tooLong' }), 'track label too long'],
        ['move', moveView(t, { move, urgent, banner: 'created' }), 'move created'],
        ['move', moveView(t, { move: { ...move, status: 'closed' }, urgent: [] }), 'move closed'],
        ['move', moveView(t, { move, urgent: [], confirmDelete: true }), 'move delete?'],
        ['moveList', moveListView(t, { moves: [{ id: move.id, label: move.label, status: 'open', next: '2027-03-30', createdAt: 1 }], closed: 2, includeClosed: false }), 'list'],
        ['moveList', moveListView(t, { moves: [], closed: 0, includeClosed: false }), 'list empty'],
        ['forget', forgetView(t, { stateTtlDays: 30 }), 'forget'],
        ['reminder', reminderView(t, { moveId: move.id, label: move.label, date: '2027-03-30', daysBefore: 7, steps: move.actions.slice(2), late: true, locale: 'zh-TW' }), 'reminder'],
        ['reminder', reminderView(t, { moveId: move.id, label: move.label, date: '2027-03-30', daysBefore: 1, steps: move.actions.slice(2), state: 'snoozed', until: '2027-03-29' }), 'reminder snoozed'],
      );

      expect(new Set(models.map(([name]) => name)), 'every card').to.deep.equal(new Set(CARD_NAMES));
      for (const [name, data, label] of models) {
        expect(expandCompiled(name, data), `${label}: compiled path taken`).to.not.equal(undefined);
        expectSame(name, data, label);
      }
    });
  }

  it('expand random data shaped after each template as adaptivecards-templating does', () => {
    const random = seeded(20261206);
    for (const name of CARD_NAMES) {
      const shape = shapeOf(templateOf(name));
      for (let run = 0; run < 300; run++) {
        const data = dataFor(shape, random, 0);
        expectSame(name, data, `${name} with ${JSON.stringify(data)}`);
      }
    }
  });

  it('expand templates of other shapes as adaptivecards-templating does ($data in a property, literal $when, nesting)', () => {
    const template = {
      type: 'AdaptiveCard',
      one: { $data: '${items}', text: '${title}' },
      plain: { $when: 'yes', text: 'dropped' },
      empty: { $when: '', text: 'kept' },
      nested: [[{ $data: '${items}', $when: "${kind != 'b'}", t: '${title}', deeper: { $data: '${inner}', v: '${v}' } }], '${items}', 3, null, true],
      flag: { $when: '${flag}', on: true },
      sub: { title: '${sub.title}', n: '${sub.n}' },
    };
    const compiled = compileTemplate(template)!;
    const library = new Template(template);
    const random = seeded(7);
    const item = () => ({ title: random() < 0.5 ? 'a' : '', kind: random() < 0.5 ? 'a' : 'b', inner: random() < 0.5 ? [] : [{ v: 'x' }, { v: 'y' }] });
    for (let run = 0; run < 200; run++) {
      const items = Array.from({ length: Math.floor(random() * 3) }, item);
      const data = { items, flag: random() < 0.5, sub: { title: 'T', n: random() < 0.5 ? 1 : 'one' } };
      const expected = library.expand({ $root: data });
      let actual: unknown;
      try {
        actual = compiled({ root: data, data });
      } catch {
        continue; // data it leaves to the library
      }
      expect(actual, JSON.stringify(data)).to.deep.equal(expected);
    }
  });

  it('a field missing from the data gives the library answer: the ${…} stays, and renderCard refuses it', () => {
    const t = translator.t('en');
    const { how: _how, ...incomplete } = welcomeView(t);
    expect(expandCompiled('welcome', incomplete)).to.equal(undefined);
    expect(JSON.stringify(expandTemplate('welcome', incomplete))).to.include('${how}');
  });
});

// ---- random data shaped after a template -------------------------------------------------------------------

type Use = 'value' | 'count' | { literal: string } | { items: Shape };
interface Shape {
  [field: string]: Use[] | Shape;
}

function templateOf(name: CardName): unknown {
  return JSON.parse(readFileSync(new URL(`../../cards/${name}Card.json`, import.meta.url), 'utf8'));
}

/** The fields a template reads, with how it reads them, nested under the `$data` lists that scope them. */
function shapeOf(template: unknown): Shape {
  const root: Shape = {};
  const use = (scope: Shape, path: string, how: Use): void => {
    const names = path.split('.');
    let at = scope;
    for (const name of names.slice(0, -1)) at = (at[name] ??= {}) as Shape;
    const last = names.at(-1)!;
    const uses = (at[last] ??= []) as Use[];
    uses.push(how);
  };
  const expression = (scope: Shape, text: string): void => {
    let m = /^\$\{([\w.]+)\}$/.exec(text);
    if (m) return use(scope, m[1]!, 'value');
    m = /^\$\{([\w.]+) [!=]= '([^']*)'\}$/.exec(text);
    if (m) return use(scope, m[1]!, { literal: m[2]! });
    m = /^\$\{count\(([\w.]+)\) > 0\}$/.exec(text);
    if (m) return use(scope, m[1]!, 'count');
  };
  const walk = (node: unknown, scope: Shape): void => {
    if (typeof node === 'string') return expression(scope, node);
    if (Array.isArray(node)) return node.forEach((n) => walk(n, scope));
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    let inner = scope;
    const data = typeof object.$data === 'string' ? /^\$\{([\w.]+)\}$/.exec(object.$data) : null;
    if (data) {
      const items: Shape = {};
      use(scope, data[1]!, { items });
      inner = items;
    }
    for (const [key, value] of Object.entries(object)) if (key !== '$data') walk(value, inner);
  };
  walk(template, root);
  return root;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function dataFor(shape: Shape, random: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, uses] of Object.entries(shape)) {
    const value = Array.isArray(uses) ? valueFor(uses, random, depth) : random() < 0.05 ? undefined : dataFor(uses, random, depth + 1);
    if (value !== undefined || random() < 0.3) out[field] = value;
  }
  return out;
}

function valueFor(uses: Use[], random: () => number, depth: number): unknown {
  const pick = <T>(options: T[]): T => options[Math.floor(random() * options.length)]!;
  const odd = random() < 0.08;
  if (odd) return pick([undefined, null, 0, 7, true, false, '', 'x ${y}', ['a', 'b'], {}, [null], [{}], [{ t: '${z}' }], { '${k}': 1 }, new Date(0)]);
  const how = pick(uses);
  if (how === 'value') return pick(['', 'text', 'Title', '**bold**', true, false, { type: 'TextBlock', text: 'x' }, [{ type: 'Action.Submit', title: 't' }], []]);
  if (how === 'count') return pick([[], [{}], [{ a: 1 }, { b: 2 }]]);
  if ('literal' in how) return pick([how.literal, '', 'other', how.literal.toUpperCase()]);
  if (depth > 3) return [];
  const length = pick([0, 1, 1, 2, 3]);
  const items = Array.from({ length }, () => dataFor(how.items, random, depth + 1));
  return random() < 0.1 ? items[0] ?? {} : items;
}
