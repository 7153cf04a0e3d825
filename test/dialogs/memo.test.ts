// The conversation remembers pure answers (whether a question could change the guidance; what a stored answer
// parses to). Remembering must never change an answer, nor hand out something a caller could spoil.
import { expect } from 'chai';
import fc from 'fast-check';
import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { DialogContext, DialogSet, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { createConversation } from '../../dialogs/index.js';
import { createTranslator } from '../../src/i18n/index.js';
import { couldChange, guidanceFor, probeChange, sameJson, withProbes } from '../../dialogs/core/flow.js';
import { QUESTIONS, parseAnswer, questionById, type Answers } from '../../dialogs/questions.js';

const TODAY = '2026-12-06';
const DATES = ['2027-01-15', '2026-12-03', '2026-10-01', '2026-06-01'];

/** Any partial set of answers a check can hold: each question answered with one of its options, or not yet. */
const answersArb: fc.Arbitrary<Answers> = fc
  .tuple(...QUESTIONS.map((q) => fc.option(q.input === 'date' ? fc.constantFrom(...DATES) : fc.constantFrom(...q.options), { nil: undefined })))
  .map((values) => {
    const answers: Record<string, unknown> = {};
    QUESTIONS.forEach((q, i) => {
      const v = values[i];
      if (v !== undefined) answers[q.id] = q.input === 'multi' ? [v] : v;
    });
    return answers as Answers;
  });

describe('remembered answers', () => {
  it('couldChange gives what the engine probe gives, for any known answers, asked again and again', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...QUESTIONS), fc.boolean(), (known, q, continueAnyway) => {
        const fresh = probeChange(q, known, TODAY, continueAnyway);
        expect(couldChange(q, known, TODAY, continueAnyway)).to.equal(fresh);
        expect(couldChange(q, known, TODAY, continueAnyway)).to.equal(fresh);
        // The same answers in another order are the same question to the engine.
        const reversed = Object.fromEntries(Object.entries(known).reverse()) as Answers;
        expect(couldChange(q, reversed, TODAY, continueAnyway)).to.equal(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('two guidances are the same to the probe exactly when their JSON is', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...QUESTIONS), fc.boolean(), (known, q, continueAnyway) => {
        const filled = withProbes(known);
        const values = q.input === 'date' ? [undefined, ...DATES] : q.options;
        const all = values.map((value) => guidanceFor({ ...filled, [q.id]: q.input === 'multi' ? [value] : value } as Answers, TODAY, continueAnyway));
        for (const a of all) for (const b of all) expect(sameJson(a, b)).to.equal(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 200 },
    );
  });

  it('sameJson is JSON.stringify equality for any values', () => {
    const odd = fc.constantFrom(undefined, null, NaN, Infinity, -0, 0, '', () => 1, Symbol('s'), new Date(0), [undefined], { a: undefined });
    const value = fc.oneof(fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true }), odd);
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).to.equal(JSON.stringify(a) === JSON.stringify(b));
        expect(sameJson(a, a)).to.equal(true);
        const copy = JSON.parse(JSON.stringify([a]) ?? 'null') as unknown[];
        expect(sameJson([a], copy)).to.equal(JSON.stringify([a]) === JSON.stringify(copy));
      }),
      { numRuns: 3000 },
    );
    // Key order counts, as it does in the JSON.
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).to.equal(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).to.equal(true);
    expect(sameJson([NaN], [null])).to.equal(true);
  });

  it('a parsed multi-select answer is a new list each time: changing one does not change the next', () => {
    const roles = questionById('partnerRoles')!;
    const first = parseAnswer(roles, 'adminAgent,salesAgent') as string[];
    expect(first).to.deep.equal(['adminAgent', 'salesAgent']);
    first.push('globalAdmin');
    expect(parseAnswer(roles, 'adminAgent,salesAgent')).to.deep.equal(['adminAgent', 'salesAgent']);
    expect(parseAnswer(roles, ['adminAgent'])).to.deep.equal(['adminAgent']);
  });

  it('a value a schema refuses stays refused when asked again', () => {
    const region = questionById('tenantRegion')!;
    expect(parseAnswer(region, 'mars')).to.equal(undefined);
    expect(parseAnswer(region, 'mars')).to.equal(undefined);
    expect(parseAnswer(region, 'europe')).to.equal('europe');
  });
});

describe('the dialog memory configuration handed from turn to turn', () => {
  const KEY = 'DialogStateManagerConfiguration';
  const shape = (configuration: DialogStateManagerConfiguration) => ({
    scopes: configuration.memoryScopes.map((scope) => `${scope.constructor.name}:${scope.name}:${scope.includeInSnapshot}`),
    resolvers: configuration.pathResolvers.map((resolver) => `${resolver.constructor.name}:${JSON.stringify(resolver)}`),
  });

  it('is built once, and is what botbuilder-dialogs would build afresh for the turn', async () => {
    const conversation = createConversation({ storage: new MemoryStorage(), translator: createTranslator(), defaultLocale: 'en', today: () => TODAY });
    const seen: DialogStateManagerConfiguration[] = [];
    const adapter = new TestAdapter(async (context) => {
      await conversation.turn(context);
      seen.push(context.turnState.get(KEY) as DialogStateManagerConfiguration);
    });
    for (const text of ['start', 'help', 'start']) await adapter.send(text);
    expect(seen).to.have.length(3);
    expect(seen[1]).to.equal(seen[0]);
    expect(seen[2]).to.equal(seen[0]);

    const context = new TurnContext(adapter, { type: 'message', text: 'x', channelId: 'test', conversation: { id: 'c' } } as Activity);
    const fresh = new DialogContext(new DialogSet(), context, { dialogStack: [] }).state.configuration;
    expect(fresh).to.not.equal(seen[0]);
    expect(shape(seen[0]!)).to.deep.equal(shape(fresh));
    expect(shape(fresh).scopes.length).to.be.greaterThan(5);
  });
});
