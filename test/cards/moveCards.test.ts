// The cards of tracked moves (issue 16), rendered from the conversation's replies as the partner sees them, in
// every language: valid Adaptive Cards 1.5, only Action.Submit buttons whose data the dialogs parse, no template or
// i18n leftovers, the partner's label shown literally (never markdown, a link or an element), what is urgent said
// at once, and each Chinese card in its own script.
import { expect } from 'chai';
import { Converter } from 'opencc-js';
import { LABEL_INPUT_ID, SubmitDataSchema, escapeCardText, type CardAttachment, type SubmitData } from '../../cards/index.js';
import type { MoveReply } from '../../dialogs/core/replies.js';
import { renderReply, type RenderOptions } from '../../dialogs/renderReply.js';
import { guide } from '../../src/guidance/index.js';
import { LOCALES, createTranslator, type Locale } from '../../src/i18n/index.js';
import { MAX_LABEL_CHARS, planOf, type MoveAction, type MoveSummary, type TrackedMove } from '../../src/moves/index.js';
import { TODAY, inDays, run } from '../guidance/fixtures.js';
import { assertValidCard, cardSizeBytes, elementsOfType, submitActions } from './cardChecks.js';
import { RESULT_SITUATIONS, TODAY as SITUATIONS_TODAY } from './situations.js';

/** A move card with its twelve steps must stay readable on a phone and far under Teams' limit. */
const MOVE_CARD_MAX_BYTES = 28_000;

const translator = createTranslator();

/** What a partner might type as a label to break the card: markdown, a link, an element, a template expression. */
const NASTY_LABEL = '**x** [a](http://evil) <b>bold</b> ${y} _i_ # h';
const ID = 'AbCdEfGh12345678';

function moveOf(change: Partial<TrackedMove> = {}, renewalInDays = 20): TrackedMove {
  return {
    id: ID,
    label: 'Contoso',
    answers: {},
    // Tracked today: the steps' dates come from the guidance for a renewal `renewalInDays` ahead.
    ...planOf(run({ renewalDate: inDays(renewalInDays) })),
    ticked: [],
    status: 'open',
    computedFor: TODAY,
    createdAt: 0,
    updatedAt: 0,
    ...change,
  };
}

/** The card the partner sees for `reply`, checked: valid, no leftovers, and in the locale's own script. */
const render = (locale: Locale, reply: MoveReply, today = TODAY, options: RenderOptions = {}): CardAttachment => {
  const card = renderReply(translator.t(locale), reply, today, options).card;
  assertValidCard(card, `${reply.kind} [${locale}]`);
  expect(foreignScript(card, locale), `${reply.kind} [${locale}]: characters of the other script`).to.deep.equal([]);
  return card;
};

/** Every action anywhere in the card: the move cards have Action.Submit only (no Execute, no OpenUrl). */
function actionTypes(card: CardAttachment): string[] {
  const types: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) types.push(o.type);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card.content);
  return types;
}

/** The card's buttons, each parsed with the dialogs' schema. */
function buttons(card: CardAttachment): Array<{ title: string; data: SubmitData; associatedInputs?: string }> {
  expect(actionTypes(card).every((type) => type === 'Action.Submit'), actionTypes(card).join(', ')).to.equal(true);
  return submitActions(card).map(({ title, data, associatedInputs }) => {
    const parsed = SubmitDataSchema.safeParse(data);
    expect(parsed.success, `button "${title}": ${JSON.stringify(data)}`).to.equal(true);
    return { title, data: parsed.data!, ...(associatedInputs ? { associatedInputs } : {}) };
  });
}

/** "move:tick:step.x" / "command:moves": what each button does, in order. */
const ops = (card: CardAttachment): string[] =>
  buttons(card).map(({ data }) => (data.action === 'move' ? ['move', data.op, data.step ?? ''].filter(Boolean).join(':') : data.action === 'command' ? `command:${data.command}` : data.action));

/** Every text a user reads (TextBlocks, facts, button titles, input labels and placeholders). */
function texts(card: CardAttachment): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const k of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage']) {
        if (typeof o[k] === 'string' && !(k === 'value' && o.type !== undefined)) out.push(o[k]);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card.content);
  return out;
}

const textBlocks = (card: CardAttachment): string[] => elementsOfType(card, 'TextBlock').map((b) => String(b.text));

/** The label never reaches a card unescaped: no markdown, link, element or template expression survives. */
function expectLabelEscaped(card: CardAttachment, label = NASTY_LABEL): void {
  const json = JSON.stringify(card.content);
  for (const raw of ['**x**', '[a](http://evil)', '<b>', '${y}', '_i_']) expect(json, raw).not.to.include(JSON.stringify(raw).slice(1, -1));
  expect(textBlocks(card).some((text) => text.includes(escapeCardText(label))), 'the label, escaped').to.equal(true);
}

// Script checks character by character, as the manifest's localization test does: a Traditional character in
// zh-CN, or a Simplified one in zh-TW, is a leak from the other locale.
const toSimplified = Converter({ from: 't', to: 'cn' });
const toTaiwan = Converter({ from: 'cn', to: 'tw' });
const TRADITIONAL_TOO = new Set(['台', '准', '干']);

function foreignScript(card: CardAttachment, locale: Locale): string[] {
  if (locale === 'en') return [];
  const chars = [...new Set(texts(card).join(''))].filter((c) => /\p{Script=Han}/u.test(c));
  return locale === 'zh-CN' ? chars.filter((c) => toSimplified(c) !== c) : chars.filter((c) => !TRADITIONAL_TOO.has(c) && toTaiwan(c) !== c);
}

/** Twelve distinct real steps, the longest (in English) first, each with a "between" date: the largest checklist. */
function twelveSteps(): MoveAction[] {
  const t = translator.t('en');
  const seen = new Map<string, MoveAction>();
  for (const { situation } of RESULT_SITUATIONS) for (const a of planOf(guide(situation, SITUATIONS_TODAY)).actions) if (!seen.has(a.key)) seen.set(a.key, a);
  const length = (a: MoveAction) => String(t(`guidance:${a.key}`, a.params ?? {})).length;
  return [...seen.values()]
    .sort((a, b) => length(b) - length(a))
    .slice(0, 12)
    .map((a, i) => ({ ...a, from: inDays(i - 30), due: inDays(i - 20) }));
}

describe('move cards', () => {
  const sizes: Record<string, number> = {};
  after(() => {
    if (process.env.CARD_SIZE_REPORT) process.stdout.write(`\nLargest move cards (bytes, UTF-16): ${JSON.stringify(sizes)}\n`);
  });

  for (const locale of LOCALES) {
    const t = translator.t(locale);
    const tx = (key: string, params?: Record<string, unknown>) => String(params ? t(key, params) : t(key));

    describe(`[${locale}]`, () => {
      it('track label: title, privacy line, a text box for the label (max length), [Track] and [My moves]', () => {
        const card = render(locale, { kind: 'trackLabel', key: 'check-1_abc' });
        const [input, ...others] = elementsOfType(card, 'Input.Text');
        expect(others).to.have.length(0);
        expect(input).to.include({ id: LABEL_INPUT_ID, maxLength: MAX_LABEL_CHARS, isRequired: true });
        expect(input!.placeholder).to.be.a('string').and.not.equal('');
        expect(textBlocks(card)).to.include.members([tx('moves:track.title'), tx('moves:track.privacy')]);
        const [track, list] = buttons(card);
        expect(track).to.deep.include({ title: tx('moves:button.save'), data: { action: 'move', op: 'save', key: 'check-1_abc' } });
        expect(list).to.deep.include({ title: tx('moves:button.list'), data: { action: 'command', command: 'moves' }, associatedInputs: 'none' });
        expect(elementsOfType(card, 'Action.Submit')[0]).to.include({ style: 'positive' });
        // No hint before anything was typed.
        expect(textBlocks(card)).to.have.length(2);
      });

      for (const problem of ['empty', 'tooLong', 'control'] as const) {
        it(`track label with the problem "${problem}": says what is wrong`, () => {
          const card = render(locale, { kind: 'trackLabel', key: 'k', problem });
          const hint = textBlocks(card).find((text) => text === tx(`moves:track.problem.${problem}`, { max: MAX_LABEL_CHARS }));
          expect(hint, problem).to.be.a('string');
          if (problem === 'tooLong') expect(hint).to.include(String(MAX_LABEL_CHARS));
        });
      }

      it('move: the label escaped as its heading, status, banner, steps with [Done] / [Undo], dates, the move buttons', () => {
        const move = moveOf({ label: NASTY_LABEL, ticked: ['step.confirmRelationship'] });
        const card = render(locale, { kind: 'move', move, banner: 'created' });
        expectLabelEscaped(card);
        const blocks = textBlocks(card);
        expect(blocks[0]).to.equal(escapeCardText(NASTY_LABEL));
        expect(blocks[1]).to.include(tx('moves:move.status.open')).and.include(tx('guidance:path.manual')).and.include(TODAY);
        expect(blocks).to.include(tx('moves:move.banner.created'));
        expect(blocks).to.include(tx('moves:move.steps', { done: 1, total: move.actions.length }));
        // Each step: its mark, who does it, what, by when; ✓ and subtle once ticked.
        const rows = elementsOfType(card, 'ColumnSet');
        expect(rows).to.have.length(move.actions.length);
        move.actions.forEach((a, i) => {
          const [text] = elementsOfType(rows[i], 'TextBlock');
          const ticked = move.ticked.includes(a.key);
          expect(String(text!.text), a.key).to.match(ticked ? /^✓ / : /^○ /);
          expect(text!.isSubtle, a.key).to.equal(ticked);
          expect(String(text!.text)).to.include(`**${tx(`guidance:actor.${a.actor}`)}**`).and.include(tx(`guidance:${a.key}`, a.params));
          if (a.due) expect(String(text!.text)).to.include(`**${a.due}**`);
        });
        expect(ops(card)).to.deep.equal([
          'move:tick:step.stopRecurringBilling',
          'move:untick:step.confirmRelationship',
          'move:tick:step.provisionSame',
          'move:tick:step.letRunOut',
          'move:recompute',
          'move:close',
          'move:delete',
          'command:moves',
        ]);
        for (const { data } of buttons(card)) if (data.action === 'move') expect(data.id).to.equal(ID);
        const facts = elementsOfType(card, 'FactSet').flatMap((f) => f.facts as Array<{ title: string; value: string }>);
        expect(facts).to.deep.equal([
          { title: tx('moves:move.deadline.stopRenewalBy'), value: inDays(19) },
          { title: tx('moves:move.deadline.provisionBy'), value: inDays(19) },
          { title: tx('moves:move.deadline.expiredUntil'), value: move.deadlines.expiredUntil },
        ]);
      });

      it('move: nothing urgent while every date is more than a week away', () => {
        const card = render(locale, { kind: 'move', move: moveOf() });
        expect(elementsOfType(card, 'Container').filter((c) => c.style === 'attention')).to.have.length(0);
        expect(JSON.stringify(card.content)).not.to.include(tx('moves:move.urgent.title'));
      });

      it('move tracked with its dates already past: "urgent now" first, overdue since the date', () => {
        // Tracked today for a renewal in 20 days; opened 25 days later, the two dated steps are overdue.
        const move = moveOf();
        const card = render(locale, { kind: 'move', move, banner: 'created' }, inDays(25));
        const [urgent, ...more] = elementsOfType(card, 'Container').filter((c) => c.style === 'attention');
        expect(more).to.have.length(0);
        const lines = elementsOfType(urgent, 'TextBlock').map((b) => String(b.text));
        expect(lines[0]).to.equal(tx('moves:move.urgent.title'));
        const overdue = move.actions.filter((a) => a.due);
        expect(lines.slice(1)).to.have.length(overdue.length);
        overdue.forEach((a, i) => {
          const step = `**${tx(`guidance:actor.${a.actor}`)}**${tx('cards:result.actorSeparator')}${tx(`guidance:${a.key}`, a.params)}`;
          expect(lines[i + 1]).to.equal(`❗ ${tx('moves:move.urgent.overdue', { step, date: `**${a.due}**` })}`);
        });
        // Before the body's steps: what is urgent is read first.
        const body = card.content.body as Array<Record<string, unknown>>;
        expect(body.findIndex((b) => b.style === 'attention')).to.be.below(body.findIndex((b) => b.type === 'ColumnSet'));
      });

      it('move with a step due within the week: "due <date>", and not once it is ticked', () => {
        const move = moveOf();
        const soon = render(locale, { kind: 'move', move }, inDays(15));
        const lines = textBlocks(soon).filter((text) => text.startsWith('❗'));
        expect(lines).to.have.length(2);
        for (const line of lines) expect(line).to.include(`**${inDays(19)}**`);
        const step = `**${tx('guidance:actor.you')}**${tx('cards:result.actorSeparator')}${tx('guidance:step.provisionSame')}`;
        expect(lines).to.include(`❗ ${tx('moves:move.urgent.due', { step, date: `**${inDays(19)}**` })}`);
        const ticked = render(locale, { kind: 'move', move: { ...move, ticked: ['step.stopRecurringBilling', 'step.provisionSame'] } }, inDays(15));
        expect(textBlocks(ticked).filter((text) => text.startsWith('❗'))).to.have.length(0);
      });

      it('move closed: no tick buttons, nothing urgent, [Reopen] [Delete] [My moves]', () => {
        const card = render(locale, { kind: 'move', move: moveOf({ status: 'closed' }), banner: 'closed' }, inDays(25));
        expect(textBlocks(card)[1]).to.include(tx('moves:move.status.closed'));
        expect(textBlocks(card)).to.include(tx('moves:move.banner.closed'));
        expect(textBlocks(card).filter((text) => text.startsWith('❗'))).to.have.length(0);
        expect(ops(card)).to.deep.equal(['move:reopen', 'move:delete', 'command:moves']);
      });

      for (const banner of ['existing', 'recomputed', 'reopened'] as const) {
        it(`move with the banner "${banner}"`, () => {
          expect(textBlocks(render(locale, { kind: 'move', move: moveOf(), banner }))).to.include(tx(`moves:move.banner.${banner}`));
        });
      }

      it('move without steps or dates: says so, no rows', () => {
        const card = render(locale, { kind: 'move', move: moveOf({ path: null, actions: [], deadlines: {} }) });
        expect(textBlocks(card)).to.include(tx('moves:move.noSteps'));
        expect(elementsOfType(card, 'ColumnSet')).to.have.length(0);
        expect(elementsOfType(card, 'FactSet')).to.have.length(0);
        expect(ops(card)).to.deep.equal(['move:recompute', 'move:close', 'move:delete', 'command:moves']);
      });

      it('move, delete asked: "Delete <label> and its reminders?", [Delete] (destructive) [Keep], nothing else', () => {
        const card = render(locale, { kind: 'move', move: moveOf({ label: NASTY_LABEL }), confirmDelete: true }, inDays(25));
        expectLabelEscaped(card);
        expect(textBlocks(card)).to.include(tx('moves:move.confirmDelete', { label: escapeCardText(NASTY_LABEL) }));
        expect(elementsOfType(card, 'ColumnSet')).to.have.length(0);
        expect(elementsOfType(card, 'Container')).to.have.length(0);
        expect(buttons(card).map((b) => b.data)).to.deep.equal([
          { action: 'move', op: 'confirmDelete', id: ID },
          { action: 'move', op: 'open', id: ID },
        ]);
        expect(elementsOfType(card, 'Action.Submit').map((a) => a.style)).to.deep.equal(['destructive', 'default']);
        expect(buttons(card).map((b) => b.title)).to.deep.equal([tx('moves:button.delete'), tx('moves:button.keep')]);
      });

      it(`move with twelve long steps, all overdue, and the longest label: under ${MOVE_CARD_MAX_BYTES} bytes`, () => {
        const actions = twelveSteps();
        expect(actions).to.have.length(12);
        const move = moveOf({ label: '*'.repeat(MAX_LABEL_CHARS), actions, ticked: [actions[0]!.key] });
        const card = render(locale, { kind: 'move', move, banner: 'recomputed' }, inDays(30));
        const bytes = assertValidCard(card, 'twelve steps', { maxBytes: MOVE_CARD_MAX_BYTES });
        sizes[`move ${locale}`] = bytes;
        expect(cardSizeBytes(card)).to.be.below(MOVE_CARD_MAX_BYTES);
        expect(elementsOfType(card, 'ColumnSet')).to.have.length(12);
        expect(textBlocks(card).filter((text) => text.startsWith('❗'))).to.have.length(11);
      });

      const summaries: MoveSummary[] = [
        { id: 'MoveAAAAAAAAAAA1', label: NASTY_LABEL, status: 'open', next: '2027-01-24', createdAt: 1 },
        { id: 'MoveBBBBBBBBBBB2', label: '星辰科技', status: 'open', createdAt: 2 },
        { id: 'MoveCCCCCCCCCCC3', label: 'Fabrikam', status: 'closed', createdAt: 3 },
      ];

      it('move list: each move a row (label escaped, next date or none) with [Open]; [Show closed (n)]; [Forget me]', () => {
        const card = render(locale, { kind: 'moveList', moves: summaries.slice(0, 2), closed: 1, includeClosed: false });
        expectLabelEscaped(card);
        const blocks = textBlocks(card);
        expect(blocks[0]).to.equal(tx('moves:list.title', { count: 2 }));
        expect(blocks).to.include(tx('moves:list.next', { date: '2027-01-24' })).and.include(tx('moves:list.noDates'));
        expect(blocks).to.include('**星辰科技**');
        expect(buttons(card).map((b) => b.data)).to.deep.equal([
          { action: 'move', op: 'open', id: 'MoveAAAAAAAAAAA1' },
          { action: 'move', op: 'open', id: 'MoveBBBBBBBBBBB2' },
          { action: 'move', op: 'list', closed: true },
          { action: 'command', command: 'forget' },
        ]);
        expect(buttons(card)[2]!.title).to.equal(tx('moves:button.showClosed', { count: 1 }));
      });

      it('move list with the closed ones: marked closed, no [Show closed]', () => {
        const card = render(locale, { kind: 'moveList', moves: summaries, closed: 1, includeClosed: true });
        const rows = elementsOfType(card, 'ColumnSet');
        expect(rows).to.have.length(3);
        expect(elementsOfType(rows[2], 'TextBlock').map((b) => b.text)).to.deep.equal(['**Fabrikam**', tx('moves:list.closed')]);
        expect(ops(card)).to.deep.equal(['move:open', 'move:open', 'move:open', 'command:forget']);
      });

      it('move list, nothing tracked: how to track one, [Start guided check], [Forget me]', () => {
        const card = render(locale, { kind: 'moveList', moves: [], closed: 0, includeClosed: false });
        expect(textBlocks(card)).to.deep.equal([tx('moves:list.title', { count: 0 }), tx('moves:list.empty')]);
        expect(tx('moves:list.empty')).to.include(tx('moves:button.track'));
        expect(ops(card)).to.deep.equal(['command:start', 'command:forget']);
      });

      it('move list, only closed moves: none open, [Show closed (n)]', () => {
        const card = render(locale, { kind: 'moveList', moves: [], closed: 3, includeClosed: false });
        expect(textBlocks(card)).to.include(tx('moves:list.noneOpen'));
        expect(ops(card)).to.deep.equal(['move:list', 'command:forget']);
      });

      for (const days of [30, 1]) {
        it(`forget (${days} day(s) kept): what is deleted, [Delete everything] (destructive) [Keep]`, () => {
          const card = render(locale, { kind: 'forgetConfirm' }, TODAY, { stateTtlDays: days });
          expect(textBlocks(card)[1]).to.equal(tx('moves:forget.text', { count: days })).and.include(String(days));
          expect(buttons(card).map((b) => b.data)).to.deep.equal([{ action: 'move', op: 'confirmForget' }, { action: 'move', op: 'list' }]);
          expect(elementsOfType(card, 'Action.Submit').map((a) => a.style)).to.deep.equal(['destructive', 'default']);
          });
      }

      it('forget without a configured retention: the default 30 days', () => {
        expect(textBlocks(render(locale, { kind: 'forgetConfirm' }))[1]).to.include('30');
      });

      const steps = moveOf().actions.filter((a) => a.due === inDays(19));
      const reminder = (change: Partial<Extract<MoveReply, { kind: 'reminder' }>> = {}): MoveReply => ({
        kind: 'reminder',
        moveId: ID,
        label: NASTY_LABEL,
        date: inDays(19),
        daysBefore: 7,
        steps,
        ...change,
      });

      for (const [daysBefore, key] of [[7, 'moves:reminder.week'], [1, 'moves:reminder.day'], [3, 'moves:reminder.daysLeft']] as const) {
        it(`reminder ${daysBefore} day(s) before: the label escaped, the time left, each step with who does it, [Done] [Remind me tomorrow] [Open move]`, () => {
          const card = render(locale, reminder({ daysBefore }));
          expectLabelEscaped(card);
          const blocks = textBlocks(card);
          expect(blocks[0]).to.equal(tx('moves:reminder.title', { label: escapeCardText(NASTY_LABEL) }));
          expect(blocks[1]).to.equal(tx(key, { count: daysBefore, date: inDays(19) })).and.include(inDays(19));
          for (const s of steps) {
            expect(blocks).to.include(`○ ${tx(`guidance:${s.key}`, s.params)}`);
            expect(blocks).to.include(tx('moves:reminder.who', { actor: tx(`guidance:actor.${s.actor}`) }));
          }
          expect(blocks).not.to.include(tx('moves:reminder.late'));
          expect(buttons(card).map((b) => b.title)).to.deep.equal([tx('moves:button.done'), tx('moves:button.snooze'), tx('moves:button.openMove')]);
          expect(buttons(card).map((b) => b.data)).to.deep.equal([
            { action: 'move', op: 'done', id: ID, date: inDays(19) },
            { action: 'move', op: 'snooze', id: ID, date: inDays(19) },
            // With its date: the move comes as a new message, the reminder stays in the chat.
            { action: 'move', op: 'open', id: ID, date: inDays(19) },
          ]);
          });
      }

      it('reminder sent late: says so', () => {
        expect(textBlocks(render(locale, reminder({ late: true })))).to.include(tx('moves:reminder.late'));
      });

      it('reminder done: "Done — ticked.", steps ✓, only [Open move]', () => {
        const card = render(locale, reminder({ state: 'done' }));
        expect(textBlocks(card)).to.include(tx('moves:reminder.done'));
        for (const s of steps) expect(textBlocks(card)).to.include(`✓ ${tx(`guidance:${s.key}`, s.params)}`);
        expect(buttons(card).map((b) => b.data)).to.deep.equal([{ action: 'move', op: 'open', id: ID, date: inDays(19) }]);
      });

      it('reminder due today, and a reminder that names its language: every button carries it', () => {
        const card = render(locale, reminder({ daysBefore: 0, locale }));
        expect(textBlocks(card)).to.include(tx('moves:reminder.today', { date: inDays(19) }));
        expect(buttons(card).map((b) => (b.data as { locale?: string }).locale)).to.deep.equal([locale, locale, locale]);
      });

      it('reminder snoozed: when it comes again, only [Open move]', () => {
        const card = render(locale, reminder({ state: 'snoozed', until: inDays(13) }));
        expect(textBlocks(card)).to.include(tx('moves:reminder.snoozed', { until: inDays(13) }));
        expect(tx('moves:reminder.snoozed', { until: inDays(13) })).to.include(inDays(13));
        expect(ops(card)).to.deep.equal(['move:open']);
        expect(textBlocks(render(locale, reminder({ state: 'snoozed' })))).to.include(tx('moves:reminder.snoozedTomorrow'));
      });
    });
  }

  it('a label that looks like an i18next nesting or interpolation is shown as typed, never resolved', () => {
    // Not through assertValidCard: its raw-key check rightly flags the literal text "$t(notice.done)".
    const t = translator.t('en');
    for (const label of ['$t(notice.done)', '{{count}} $t(cards:appName, {"x": 1})']) {
      const move = renderReply(t, { kind: 'move', move: moveOf({ label }), confirmDelete: true }, TODAY).card;
      const reminder = renderReply(t, { kind: 'reminder', moveId: ID, label, date: inDays(19), daysBefore: 7, steps: [] }, TODAY).card;
      const list = renderReply(t, { kind: 'moveList', moves: [{ id: ID, label, status: 'open', createdAt: 0 }], closed: 0, includeClosed: false }, TODAY).card;
      for (const card of [move, reminder, list]) {
        const json = JSON.stringify(card.content);
        expect(json, label).to.include(JSON.stringify(escapeCardText(label)).slice(1, -1));
        expect(json, label).not.to.include(String(t('common:notice.done')));
        expect(json, label).not.to.include(String(t('cards:appName')));
      }
    }
  });

  it('the Chinese cards name the move as GUIDANCE §12 does: 移动 (zh-CN), 移轉 (zh-TW)', () => {
    const list = (locale: Locale) => texts(renderReply(translator.t(locale), { kind: 'moveList', moves: [], closed: 0, includeClosed: false }, TODAY).card).join(' ');
    expect(list('zh-CN')).to.include('移动').and.not.include('移轉');
    expect(list('zh-TW')).to.include('移轉').and.not.include('移动');
  });
});
