import { expect } from 'chai';
import { SubmitDataSchema } from '../../cards/actions.js';
import { QUESTIONS } from '../../dialogs/questions.js';
import { SituationSchema } from '../../src/guidance/index.js';
import { actionsOf, classifyCard, inspectReplies, invokeResponseAsActivity, mismatch } from '../../bench/replies.js';
import { ConversationWalker, seededRandom } from '../../bench/walker.js';

const TODAY = '2026-11-21';

/** Clicks one walker through a check, as if the bot always answered as expected. */
function walk(seed: number) {
  const walker = new ConversationWalker(seededRandom(seed), TODAY);
  const clicks = [];
  for (;;) {
    const turn = walker.plan();
    clicks.push(turn);
    walker.advance();
    if (turn.expect.kind === 'result') return { walker, clicks };
    expect(clicks.length).to.be.below(20);
  }
}

describe('bench conversation walker', () => {
  it('starts, answers every relevant question of the real catalogue with a valid submit, and ends on the result', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const { walker, clicks } = walk(seed);
      expect(clicks[0]!.value).to.deep.equal({ action: 'command', command: 'start' });
      expect(clicks[0]!.expect).to.deep.equal({ kind: 'question', questionId: QUESTIONS[0]!.id });
      for (const click of clicks) expect(SubmitDataSchema.safeParse(click.value).success, JSON.stringify(click.value)).to.equal(true);
      const answered = clicks.slice(1).map((c) => (c.value as { questionId: string }).questionId);
      answered.forEach((id) => seen.add(id));
      expect(new Set(answered).size).to.equal(answered.length);
      // Start, then 4 questions (blocked by the tenant's market) to 15 (a past date asks whether it renewed or ended).
      expect(clicks.length).to.be.within(5, 16);
      // What the bot would build from these answers is a valid Situation.
      expect(SituationSchema.safeParse(walker.situation()).success).to.equal(true);
    }
    // Over many partners every question is asked, conditional ones included.
    expect([...seen].sort()).to.deep.equal(QUESTIONS.map((q) => q.id).sort());
  });

  it('starts over after a result, and after a reply it did not expect', () => {
    const { walker } = walk(7);
    expect(walker.results).to.equal(1);
    expect(walker.plan().value).to.deep.equal({ action: 'command', command: 'restart' });
    walker.advance();
    walker.plan();
    walker.resync();
    expect(walker.plan().value).to.deep.equal({ action: 'command', command: 'restart' });
  });

  it('is reproducible from its seed', () => {
    expect(walk(42).clicks).to.deep.equal(walk(42).clicks);
    expect(walk(42).clicks).to.not.deep.equal(walk(43).clicks);
  });
});

describe('bench reply checks', () => {
  const execute = (data: object) => ({ type: 'Action.Execute', verb: 'answer', data, fallback: { type: 'Action.Submit', data: { action: 'other' } } });
  const questionCard = (hint = false) => ({
    type: 'AdaptiveCard',
    body: [
      ...(hint ? [{ type: 'TextBlock', text: 'Pick one', color: 'Attention' }] : []),
      { type: 'ActionSet', actions: [execute({ action: 'answer', questionId: 'goal', answer: 'notSure' })] },
    ],
    actions: [{ type: 'Action.Submit', data: { action: 'command', command: 'cancel' } }],
  });
  const resultCard = { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Submit', data: { action: 'command', command: 'restart' } }] };
  const message = (content: unknown) => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });

  it('reads the primary action of a card, not its fallback', () => {
    expect(actionsOf(questionCard()).map((a) => [a.transport, a.data.action])).to.deep.equal([
      ['invoke', 'answer'],
      ['message', 'command'],
    ]);
    expect(classifyCard(resultCard)).to.deep.equal({ kind: 'result', restartVia: { transport: 'message', verb: undefined, data: { action: 'command', command: 'restart' } } });
  });

  it('checks the last card against the expectation and measures every card in UTF-16', () => {
    const replies = inspectReplies([message({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '歡迎' }] }), message(questionCard())]);
    expect(replies.cardBytes[0]).to.equal(JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '歡迎' }] }).length * 2);
    expect(mismatch(replies, { kind: 'question', questionId: 'goal' })).to.equal('');
    expect(mismatch(replies, { kind: 'question', questionId: 'role' })).to.equal('expected question role, got question goal');
    expect(mismatch(replies, { kind: 'result' })).to.equal('expected the result card, got question goal');
    expect(mismatch(inspectReplies([message(questionCard(true))]), { kind: 'question', questionId: 'goal' })).to.include('asked again');
    expect(mismatch(inspectReplies([]), { kind: 'result' })).to.equal('no reply');
  });

  it('reads an Action.Execute invoke response as the card that replaces the clicked one', () => {
    const reply = invokeResponseAsActivity({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: resultCard });
    expect(inspectReplies([reply]).last?.kind).to.equal('result');
    expect(invokeResponseAsActivity({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' })).to.deep.equal({ type: 'message', text: 'ok' });
    expect(invokeResponseAsActivity({ statusCode: 500, type: 'application/vnd.microsoft.error' })).to.equal(undefined);
  });
});
