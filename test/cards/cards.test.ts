// Every card, every locale: valid Adaptive Card 1.5, no template or i18n leftovers, under the size limits,
// and submit data the dialogs can parse. Chinese locales fail until their files are translated; while
// working on English only: npx mocha ... --grep '\[en\]'.
import { expect } from 'chai';
import { commandWord } from '../../cards/views/helpView.js';
import {
  LANGUAGE_NAMES,
  MAX_OPTION_BUTTONS,
  MAX_BUTTON_TITLE_WIDTH,
  displayWidth,
  SubmitDataSchema,
  renderChangeAnswerCard,
  renderHelpCard,
  renderLanguageCard,
  renderNoticeCard,
  renderQuestionCard,
  renderResultCard,
  renderWelcomeCard,
  resultView,
  type CardAttachment,
  type NoticeInput,
  type QuestionCardInput,
  type SubmitData,
} from '../../cards/index.js';
import { QUESTIONS, type Question } from '../../dialogs/questions.js';
import { LINK_URLS, guide, type Guidance } from '../../src/guidance/index.js';
import { LOCALES, createTranslator } from '../../src/i18n/index.js';
import { resources } from '../../src/i18n/resources.js';
import { assertValidCard, elementsOfType, submitActions } from './cardChecks.js';
import { RESULT_SITUATIONS, TODAY, WORST_CASE } from './situations.js';

/** The result card budget: compact enough to read on a call, far under the 28 KB every card is held to (cardChecks.ts). */
const RESULT_CARD_MAX_BYTES = 16_000;

const translator = createTranslator();

/** Parses every submit of a card with the dialogs' schema; returns the parsed data. */
function submits(card: CardAttachment): Array<{ title: string; data: SubmitData; associatedInputs?: string }> {
  return submitActions(card).map(({ title, data, associatedInputs }) => {
    const parsed = SubmitDataSchema.safeParse(data);
    expect(parsed.success, `submit "${title}": ${JSON.stringify(data)}`).to.equal(true);
    return { title, data: parsed.success ? parsed.data : (data as SubmitData), ...(associatedInputs ? { associatedInputs } : {}) };
  });
}

const commandsOf = (card: CardAttachment): string[] =>
  submits(card).flatMap(({ data }) => (data.action === 'command' ? [data.command] : []));

const sizes: Record<string, number> = {};
function track(kind: string, bytes: number): void {
  sizes[kind] = Math.max(sizes[kind] ?? 0, bytes);
}

function questionInputs(question: Question, index: number): Array<{ label: string; input: QuestionCardInput }> {
  const total = QUESTIONS.length;
  const selected =
    question.input === 'date' ? '2026-03-31' : question.input === 'multi' ? question.options.slice(0, 2).join(',') : question.options[question.options.length - 1];
  const inputs: Array<{ label: string; input: QuestionCardInput }> = [];
  for (const [step, n] of [[1, total], [index + 1, total], [total, total], [1, 1]] as const) {
    inputs.push(
      { label: `${step}/${n} plain`, input: { question, step, total: n, canGoBack: false } },
      { label: `${step}/${n} selected+invalid+back`, input: { question, step, total: n, selected, hint: 'invalid', canGoBack: true } },
      { label: `${step}/${n} outOfDate+back`, input: { question, step, total: n, hint: 'outOfDate', canGoBack: true } },
      { label: `${step}/${n} tampered selection`, input: { question, step, total: n, selected: '${evil}[x](http://e)', canGoBack: true } },
    );
  }
  return inputs;
}

const NOTICE_ACTIONS: ReadonlyArray<NonNullable<NoticeInput['actions']>> = [['start', 'help'], ['start'], ['language'], [], ['restart', 'language']];

/** Every notice text the dialogs can send (locales/en/common.json `notice.*`), with the buttons varied. */
const NOTICES: Array<{ label: string; input: NoticeInput }> = [
  ...Object.keys(resources.en.common.notice).map((key, i) => ({
    label: key,
    input: { textKey: `common:notice.${key}`, actions: NOTICE_ACTIONS[i % NOTICE_ACTIONS.length] },
  })),
  { label: 'with a title', input: { titleKey: 'cards:appName', textKey: 'common:notice.firstQuestion', actions: ['restart'] } },
];

describe('cards', () => {
  after(() => {
    // CARD_SIZE_REPORT=1 prints the largest card of each kind (bytes, UTF-16).
    if (process.env.CARD_SIZE_REPORT) process.stdout.write(`\nLargest cards (bytes, UTF-16): ${JSON.stringify(sizes)}\n`);
  });

  for (const locale of LOCALES) {
    const t = translator.t(locale);

    describe(`[${locale}]`, () => {
      it('welcome: valid, with Start, Quick form, Help and Language', () => {
        const card = renderWelcomeCard(t);
        track('welcome', assertValidCard(card, 'welcome'));
        expect(card.content.msteams).to.deep.equal({ width: 'Full' });
        expect(commandsOf(card)).to.deep.equal(['start', 'quick', 'help', 'language']);
      });

      for (const inCheck of [false, true]) {
        it(`help ${inCheck ? 'during' : 'outside'} a check: valid, lists every command word`, () => {
          const card = renderHelpCard(t, { inCheck });
          track('help', assertValidCard(card, 'help'));
          const facts = elementsOfType(card, 'FactSet').flatMap((f) => f.facts as Array<{ title: string }>);
          expect(facts.map((f) => f.title)).to.have.length(12);
          // The commands of tracked moves are among them, by the words a user types.
          for (const c of ['track', 'moves', 'forget']) expect(facts.map((f) => f.title)).to.include(commandWord(t, c as never));
          for (const f of facts) expect(f.title, 'a command word').to.match(/\S/);
          expect(commandsOf(card)).to.deep.equal(inCheck ? ['restart', 'language'] : ['start', 'quick', 'language']);
        });
      }

      for (const current of LOCALES) {
        it(`language card with ${current} current: three languages in their own script, current marked`, () => {
          const card = renderLanguageCard(t, current);
          track('language', assertValidCard(card, 'language'));
          const actions = submits(card);
          expect(actions.map((a) => (a.data.action === 'command' ? a.data.locale : undefined))).to.deep.equal([...LOCALES]);
          for (const [i, l] of LOCALES.entries()) expect(actions[i]!.title).to.include(LANGUAGE_NAMES[l]);
          const marked = actions.filter((a) => a.title.startsWith('✓'));
          expect(marked).to.have.length(1);
          expect(marked[0]!.title).to.include(LANGUAGE_NAMES[current]);
        });
      }

      for (const { label, input } of NOTICES) {
        it(`notice (${label}): valid, with the requested buttons`, () => {
          const card = renderNoticeCard(t, input);
          track('notice', assertValidCard(card, `notice ${label}`));
          expect(commandsOf(card)).to.deep.equal((input.actions ?? []).map(String));
        });
      }

      it('notice: user text in params is escaped', () => {
        const card = renderNoticeCard(t, { textKey: 'cards:language.current', params: { language: '[x](http://evil) ${y}' } });
        assertValidCard(card, 'notice with user text');
        expect(JSON.stringify(card)).not.to.include('[x](http://evil)');
      });

      for (const [index, question] of QUESTIONS.entries()) {
        it(`question ${question.id}: valid at every position, its submits name the question`, () => {
          for (const { label, input } of questionInputs(question, index)) {
            const card = renderQuestionCard(t, input);
            track('question', assertValidCard(card, `question ${question.id} ${label}`));
            const all = submits(card);
            const answers = all.filter((s) => s.data.action === 'answer');
            for (const a of answers) expect(a.data).to.include({ questionId: question.id });
            const commands = commandsOf(card);
            expect(commands, label).to.deep.equal(input.canGoBack ? ['back', 'cancel'] : ['cancel']);
            for (const nav of all.filter((s) => s.data.action === 'command')) expect(nav.associatedInputs).to.equal('none');

            const choiceSets = elementsOfType(card, 'Input.ChoiceSet');
            const dates = elementsOfType(card, 'Input.Date');
            const selected = input.selected;
            if (question.input === 'date') {
              expect(dates).to.have.length(1);
              expect(dates[0]!.id).to.equal('answer');
              expect(dates[0]!.value).to.equal(selected === '2026-03-31' ? selected : '');
              const skip = answers.filter((a) => a.data.action === 'answer' && a.data.skip);
              expect(skip, 'Skip only on an optional question').to.have.length(question.optional ? 1 : 0);
              for (const s of skip) expect(s.associatedInputs).to.equal('none');
            } else if (question.input === 'multi') {
              // Several answers at once: tick boxes (expanded, multi-select), then Next.
              expect(choiceSets).to.have.length(1);
              expect(choiceSets[0]).to.include({ id: 'answer', style: 'expanded', isMultiSelect: true });
              const choices = choiceSets[0]!.choices as Array<{ title: string; value: string }>;
              expect(choices.map((c) => c.value)).to.deep.equal([...question.options]);
              const valid = selected !== undefined && selected.split(',').every((v) => question.options.includes(v));
              expect(choiceSets[0]!.value).to.equal(valid ? selected : '');
              expect(answers).to.have.length(1);
            } else if (question.options.length <= MAX_OPTION_BUTTONS && choiceSets.length === 0) {
              const buttons = answers.map((a) => a.data as { answer?: string });
              expect(buttons.map((b) => b.answer)).to.deep.equal([...question.options]);
              answers.forEach((a, i) => expect(a.title.startsWith(`${i + 1}.`), a.title).to.equal(true));
              // Teams cuts button titles: every one must fit.
              for (const a of answers) expect(displayWidth(a.title), a.title).to.be.at.most(MAX_BUTTON_TITLE_WIDTH);
            } else {
              expect(choiceSets).to.have.length(1);
              const set = choiceSets[0]!;
              expect(set.id).to.equal('answer');
              // A long list is a dropdown; a few options too long for buttons are radio buttons (they wrap).
              expect(set.style).to.equal(question.options.length > MAX_OPTION_BUTTONS ? 'compact' : 'expanded');
              const choices = set.choices as Array<{ title: string; value: string }>;
              expect(choices.map((c) => c.value)).to.deep.equal([...question.options]);
              choices.forEach((c, i) => expect(c.title.startsWith(`${i + 1}.`), c.title).to.equal(true));
              expect(set.value).to.equal(selected && question.options.includes(selected) ? selected : '');
              expect(answers).to.have.length(1);
              expect(answers[0]!.data).not.to.have.property('answer');
            }
          }
        });
      }

      it(`result cards for ${RESULT_SITUATIONS.length} situations: valid and under ${RESULT_CARD_MAX_BYTES} bytes`, () => {
        for (const { name, situation } of RESULT_SITUATIONS) {
          const guidance = guide(situation, TODAY);
          const card = renderResultCard(t, guidance);
          track('result', assertValidCard(card, `result (${name})`, { maxBytes: RESULT_CARD_MAX_BYTES }));
          // The first buttons above the details, all of them at the bottom.
          expect(commandsOf(card)).to.deep.equal(['change', 'share', 'change', 'share', 'track', 'restart']);
          checkResultShape(t, guidance, card, name);
        }
      });

      it('change-an-answer: every question with its answer, in plain text (no markdown escapes)', () => {
        const answered = QUESTIONS.map((question) => ({
          question,
          answer: question.input === 'date' ? '2027-01-31' : question.input === 'multi' ? 'adminAgent,salesAgent' : question.options[0],
        }));
        const card = renderChangeAnswerCard(t, { answered });
        assertValidCard(card, 'change an answer');
        const choices = elementsOfType(card, 'Input.ChoiceSet')[0]!.choices as Array<{ title: string; value: string }>;
        expect(choices.map((c) => c.value)).to.deep.equal(QUESTIONS.map((q) => q.id));
        for (const c of choices) expect(c.title, c.value).not.to.include('\\');
        const channel = choices.find((c) => c.value === 'purchaseChannel')!;
        expect(channel.title).to.include(String(t('questions:optionSets.purchaseChannel.adminCenter.label')));
        const roles = choices.find((c) => c.value === 'partnerRoles')!;
        expect(roles.title).to.include(String(t('questions:optionSets.partnerRoles.adminAgent.label'))).and.include(String(t('questions:optionSets.partnerRoles.salesAgent.label')));
      });

      it('result card of the worst case stays under the budget', () => {
        const bytes = assertValidCard(renderResultCard(t, guide(WORST_CASE, TODAY)), 'worst case', { maxBytes: RESULT_CARD_MAX_BYTES });
        expect(bytes).to.be.below(RESULT_CARD_MAX_BYTES);
      });
    });
  }
});

const VERDICT_STYLE = { blocked: 'attention', urgent: 'attention', 'ready-with-cautions': 'warning', ready: 'good' } as const;

function checkResultShape(t: ReturnType<typeof translator.t>, g: Guidance, card: CardAttachment, name: string): void {
  const view = resultView(t, g);
  const body = card.content.body as Array<Record<string, unknown>>;
  expect(body[0]!.style, name).to.equal(VERDICT_STYLE[g.verdict]);

  // The call sheet: verdict (with the path), the first step as "next", with who does it; the rest collapsed.
  expect(view.verdict.title, name).to.include(String(t(`guidance:verdict.${g.verdict}`)));
  if (g.path) expect(view.verdict.title, name).to.include(String(t(`guidance:path.${g.path}`)));
  const first = g.steps[0]!;
  expect(view.verdict.next, name).to.include(`**${String(t(`guidance:actor.${first.actor}`))}**`);
  if (first.due) expect(view.verdict.next, name).to.include(first.due);
  const ids = [...view.todo, ...view.warnings, ...view.credit, ...view.reference].map((s) => s.id);
  const expected = [
    ...(g.steps.length > 1 ? ['steps'] : []),
    ...(g.fallback ? ['fallback'] : []),
    ...(['urgent', 'caution', 'info'] as const).filter((s) => g.notes.some((n) => n.severity === s && !(g.path && n === g.notes.find((u) => u.severity === 'urgent')))),
    ...(g.credit ? ['credit'] : []),
    'links',
  ];
  expect(ids, name).to.deep.equal(expected);
  // Everything below the verdict is collapsed behind one toggle per part.
  for (const id of ['more-steps', 'more-notes', 'more-credit', 'more-sources']) {
    const container = body.find((b) => b.id === id);
    expect(container, `${name}: ${id}`).to.include({ isVisible: false });
  }
  for (const toggle of elementsOfType(card, 'Action.ToggleVisibility')) expect(toggle.targetElements, name).to.have.length(1);

  const json = JSON.stringify(card);
  // Every link is one of the links table's (GUIDANCE §10), and each of the guidance's links is there.
  const known = new Set<string>(Object.values(LINK_URLS));
  for (const url of json.match(/https:\/\/[^\s"')\]]+/g) ?? []) expect(known.has(url), `${name}: ${url}`).to.equal(true);
  for (const link of g.links) expect(json, `${name}: ${link.id}`).to.include(`](${link.url})`);
  expect(view.sourcesNote).to.match(/2026/);
  // Steps 2 onwards are numbered in order and start with who does it; nothing of step 1 is said twice.
  const steps = view.todo.find((s) => s.id === 'steps');
  const lines = steps ? steps.text.split('\r').slice(1) : [];
  expect(lines, name).to.have.length(g.steps.length - 1);
  g.steps.slice(1).forEach((st, i) =>
    expect(lines[i], `${name} step ${i + 2}`).to.match(new RegExp(`^${i + 2}\\. \\*\\*${escapeRe(String(t(`guidance:actor.${st.actor}`)))}\\*\\*`)),
  );
  // Blocked: why leads, then what unblocks it first.
  if (g.verdict === 'blocked') {
    expect(view.verdict.lead.length, name).to.be.greaterThan(20);
    if (steps) expect(steps.text.split('\r')[0]).to.equal(`**${String(t('cards:result.heading.unblock'))}**`);
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
