// Tracked moves in the conversation core, as tables: which effect a click or command asks for, and what the
// partner sees once the host ran it. Pure: no storage, no rendering.
import { expect } from 'chai';
import { decide, type Decision, type TurnIntent } from '../../dialogs/core/decide.js';
import { effectOfMoveIntent, presentMove, trackKeyOf, type MoveEffect, type MoveOutcome } from '../../dialogs/core/moves.js';
import { newCheck, readCheck, type CheckState, type UserProfile } from '../../dialogs/core/state.js';
import { intentFromCard, intentFromText } from '../../dialogs/intent.js';
import { buildLexicon } from '../../dialogs/lexicon.js';
import type { TrackedMove } from '../../src/moves/index.js';

const TODAY = '2026-12-06';
const lexicon = buildLexicon();
const PROFILE: UserProfile = { welcomed: true, partner: { partnerRoles: ['adminAgent'], partnerModel: 'directBill', partnerRegion: 'europe' } };
const ANSWERS = { tenantRegion: 'europe', tenantCloud: 'global', purchaseChannel: 'adminCenter', offer: 'sameOfferSameCount' } as CheckState['answers'];

function turn(intent: TurnIntent, check: CheckState | undefined, profile: UserProfile = PROFILE): Decision {
  return decide({ intent, check, profile, today: TODAY, clientLocale: 'en-US', defaultLocale: 'en', lexicon, checkId: 'fresh-id-1' });
}

/** A finished check of a customer who bought direct, nothing blocked (as the guided check leaves it). */
function doneCheck(extra: Partial<CheckState> = {}): CheckState {
  const check = { ...newCheck('check-id-1'), answers: { ...ANSWERS }, history: Object.keys(ANSWERS) as CheckState['history'] };
  // Let the core finish it (it asks what is still worth asking): answer until it gives a verdict.
  let state: CheckState = { ...check, ...extra };
  for (let i = 0; i < 20 && state.status === 'active'; i++) {
    const d = turn({ kind: 'command', command: 'start' }, state);
    const q = [...d.replies].reverse().find((r) => r.kind === 'question');
    if (!q || q.kind !== 'question') {
      state = d.check!;
      break;
    }
    const answer = q.questionId === 'renewalDate' ? '2027-03-31' : q.questionId === 'licenseCount' ? '40' : undefined;
    const next = answer ? turn({ kind: 'answer', questionId: q.questionId, answer }, d.check) : turn({ kind: 'answer', questionId: q.questionId, skip: true }, d.check);
    if (next.check?.status === 'active' && next.check.open?.id === q.questionId) {
      // Not skippable: the first option the card offers.
      state = turn({ kind: 'answer', questionId: q.questionId, answer: 'notSure' }, d.check).check!;
    } else state = next.check!;
  }
  expect(state.status, 'the fixture check finishes').to.equal('done');
  // As storage gives it back: plain JSON.
  return JSON.parse(JSON.stringify(state)) as CheckState;
}

const moveIntent = (fields: Record<string, unknown>): TurnIntent => {
  const intent = intentFromCard({ action: 'move', ...fields });
  expect(intent.kind, JSON.stringify(fields)).to.equal('move');
  return intent;
};

const kinds = (d: { replies: Decision['replies']; inPlace?: Decision['inPlace'] }) =>
  [...d.replies, ...(d.inPlace ? [d.inPlace] : [])].map((r) => (r.kind === 'notice' ? `notice:${r.textKey}` : r.kind));

const MOVE: TrackedMove = {
  id: 'AbCdEfGh12345678',
  label: 'Contoso',
  answers: { ...ANSWERS },
  path: null,
  actions: [
    { key: 'step.a', actor: 'customerAdmin', due: '2027-03-24' },
    { key: 'step.b', actor: 'you', due: '2027-03-24' },
    { key: 'step.c', actor: 'you' },
  ],
  deadlines: { stopRenewalBy: '2027-03-24' },
  ticked: [],
  status: 'open',
  computedFor: TODAY,
  createdAt: 1,
  updatedAt: 1,
};

describe('tracked moves in the conversation core', () => {
  describe('typed commands, in every language', () => {
    for (const [word, command] of [
      ['moves', 'moves'],
      ['my moves', 'moves'],
      ['移动', 'moves'],
      ['移轉', 'moves'],
      ['track', 'track'],
      ['跟踪', 'track'],
      ['追蹤', 'track'],
      ['forget me', 'forget'],
      ['删除我的数据', 'forget'],
      ['刪除我的資料', 'forget'],
      ['mvoes', 'moves'],
    ] as const) {
      it(`"${word}" is the ${command} command`, () => {
        expect(intentFromText(word, lexicon)).to.deep.equal({ kind: 'command', command });
      });
    }
  });

  describe('[Track this move] and its label card', () => {
    it('asks for a label for the result on screen, naming that result', () => {
      const check = doneCheck();
      const d = turn({ kind: 'command', command: 'track' }, check);
      expect(kinds(d)).to.deep.equal(['trackLabel']);
      const card = d.replies[0]!;
      expect(card.kind === 'trackLabel' && card.key).to.be.a('string').with.length(22);
      expect(d.check).to.deep.equal(check, 'asking changes nothing');
      expect(d.effect).to.equal(undefined);
    });

    it('with no finished check: says there is nothing to track yet', () => {
      expect(kinds(turn({ kind: 'command', command: 'track' }, undefined))).to.deep.equal(['notice:common:notice.noCheckYet']);
      expect(kinds(turn({ kind: 'command', command: 'track' }, newCheck()))).to.deep.equal(['notice:common:notice.noCheckYet']);
    });

    it('[Track] with the label: the effect tracks this result (its answers, the partner profile included)', () => {
      const check = doneCheck();
      const key = (turn({ kind: 'command', command: 'track' }, check).replies[0] as { key: string }).key;
      const d = turn(moveIntent({ op: 'save', key, label: '  Contoso ' }), check);
      expect(d.effect).to.deep.include({ kind: 'track', key, label: '  Contoso ' });
      expect((d.effect as Extract<MoveEffect, { kind: 'track' }>).answers).to.deep.include({ ...ANSWERS, partnerModel: 'directBill' });
      expect(d.replies).to.deep.equal([]);
      expect(d.check).to.deep.equal(check);
    });

    it('a label card from an earlier result (the next customer was started since): says so in place, tracks nothing', () => {
      const check = doneCheck();
      const key = (turn({ kind: 'command', command: 'track' }, check).replies[0] as { key: string }).key;
      const next = turn({ kind: 'command', command: 'restart' }, check).check!;
      const d = turn(moveIntent({ op: 'save', key, label: 'Contoso' }), next);
      expect(d.effect).to.equal(undefined);
      expect(kinds(d)).to.deep.equal(['notice:moves:notice.staleTrack']);
      expect(d.inPlace?.kind).to.equal('notice');
    });

    it('the key names check, answers and reading: the same result gives the same key, any difference another', () => {
      const key = trackKeyOf('c1', { tenantRegion: 'europe', offer: 'sameOfferSameCount' } as never, undefined);
      expect(trackKeyOf('c1', { offer: 'sameOfferSameCount', tenantRegion: 'europe' } as never, undefined)).to.equal(key);
      expect(trackKeyOf('c2', { tenantRegion: 'europe', offer: 'sameOfferSameCount' } as never, undefined)).not.to.equal(key);
      expect(trackKeyOf('c1', { tenantRegion: 'japan', offer: 'sameOfferSameCount' } as never, undefined)).not.to.equal(key);
      expect(trackKeyOf('c1', { tenantRegion: 'europe', offer: 'sameOfferSameCount' } as never, 'continueAnyway')).not.to.equal(key);
      expect(key).to.match(/^[A-Za-z0-9_-]{22}$/);
    });

    it('a blocked result is tracked as blocked, so a recompute reads it the same way', () => {
      const blocked = turn({ kind: 'answer', questionId: 'tenantRegion', answer: 'japan' }, newCheck('check-id-2')).check!;
      expect(blocked.status).to.equal('done');
      const key = (turn({ kind: 'command', command: 'track' }, blocked).replies[0] as { key: string }).key;
      expect(turn(moveIntent({ op: 'save', key, label: 'Fabrikam' }), blocked).effect).to.deep.include({ reading: 'blocked' });
    });
  });

  describe('clicks on move cards: the effect each asks for', () => {
    const id = MOVE.id;
    const table: Array<[Record<string, unknown>, MoveEffect]> = [
      [{ op: 'list' }, { kind: 'list', includeClosed: false, inPlace: true }],
      [{ op: 'list', closed: true }, { kind: 'list', includeClosed: true, inPlace: true }],
      [{ op: 'open', id }, { kind: 'open', id, inPlace: true }],
      [{ op: 'open', id, date: '2027-03-24' }, { kind: 'open', id, inPlace: false }],
      [{ op: 'tick', id, step: 'step.a' }, { kind: 'tick', id, step: 'step.a', done: true }],
      [{ op: 'untick', id, step: 'step.a' }, { kind: 'tick', id, step: 'step.a', done: false }],
      [{ op: 'recompute', id }, { kind: 'recompute', id }],
      [{ op: 'close', id }, { kind: 'status', id, status: 'closed' }],
      [{ op: 'reopen', id }, { kind: 'status', id, status: 'open' }],
      [{ op: 'delete', id }, { kind: 'open', id, inPlace: true, confirmDelete: true }],
      [{ op: 'confirmDelete', id }, { kind: 'delete', id }],
      [{ op: 'done', id, date: '2027-03-24' }, { kind: 'reminderDone', id, date: '2027-03-24' }],
      [{ op: 'snooze', id, date: '2027-03-24' }, { kind: 'snooze', id, date: '2027-03-24' }],
    ];
    for (const [fields, effect] of table) {
      it(`${JSON.stringify(fields)} → ${effect.kind}`, () => {
        const d = turn(moveIntent(fields), doneCheck());
        expect(d.effect).to.deep.equal(effect);
        expect(d.replies).to.deep.equal([]);
        expect(effectOfMoveIntent(moveIntent(fields) as Extract<TurnIntent, { kind: 'move' }>)).to.deep.equal(effect);
      });
    }

    it('a move click leaves the check alone, whatever state it is in', () => {
      const check = { ...newCheck('c'), answers: { tenantRegion: 'europe' }, history: ['tenantRegion'] } as CheckState;
      const d = turn(moveIntent({ op: 'tick', id, step: 'step.a' }), check);
      expect(d.check).to.deep.include({ status: 'active', answers: { tenantRegion: 'europe' } });
      expect(d.inPlace).to.equal(undefined);
    });

    it('malformed move submits are refused before the core: a missing id, a bad id, an unknown op, an extra field', () => {
      for (const value of [
        { action: 'move', op: 'open' },
        { action: 'move', op: 'tick', id },
        { action: 'move', op: 'open', id: '../../etc' },
        { action: 'move', op: 'explode', id },
        { action: 'move', op: 'open', id, extra: 1 },
        { action: 'move', op: 'done', id, date: 'tomorrow' },
        { action: 'move', op: 'save' },
      ]) {
        expect(intentFromCard(value).kind, JSON.stringify(value)).to.equal('invalidSubmit');
      }
    });

    it('`moves` typed: the list as a new message; `forget`: asks first, changes nothing', () => {
      expect(turn({ kind: 'command', command: 'moves' }, undefined).effect).to.deep.equal({ kind: 'list', includeClosed: false, inPlace: false });
      const check = doneCheck();
      const d = turn({ kind: 'command', command: 'forget' }, check);
      expect(kinds(d)).to.deep.equal(['forgetConfirm']);
      expect(d.effect).to.equal(undefined);
      expect(d.check).to.deep.equal(check);
      expect(d.profile).to.deep.equal(PROFILE);
    });

    it('in a group chat or channel the list is not shown (it names every customer tracked), typed or clicked', () => {
      for (const intent of [{ kind: 'command', command: 'moves' } as TurnIntent, moveIntent({ op: 'list' }), moveIntent({ op: 'list', closed: true })]) {
        const d = decide({ intent, check: undefined, profile: PROFILE, today: TODAY, clientLocale: 'en-US', defaultLocale: 'en', lexicon, shared: true });
        expect(d.effect).to.equal(undefined);
        expect(kinds(d)).to.deep.equal(['notice:moves:notice.listInPersonal']);
      }
    });

    it('a language chosen: the reminders follow it (an effect), and the turn shows nothing more', () => {
      const d = turn({ kind: 'command', command: 'language', locale: 'zh-CN' } as TurnIntent, undefined);
      expect(d.effect).to.deep.equal({ kind: 'language', locale: 'zh-CN' });
      expect(presentMove(d.effect!, { kind: 'noted' }, TODAY, 'zh-CN')).to.deep.equal({ replies: [] });
    });

    it('[Delete everything]: the profile and the check go with the moves, and the reply keeps the language it was asked in', () => {
      const d = turn(moveIntent({ op: 'confirmForget' }), doneCheck(), { ...PROFILE, locale: 'zh-TW' });
      expect(d.effect).to.deep.equal({ kind: 'forget' });
      expect(d.profile).to.deep.equal({});
      expect(d.check).to.equal(undefined);
      expect(d.locale).to.equal('zh-TW');
    });
  });

  describe('a click on a reminder weeks later, when the profile has expired', () => {
    const click = (fields: Record<string, unknown>, profile: UserProfile) =>
      decide({ intent: moveIntent(fields), check: undefined, profile, today: TODAY, clientLocale: 'en-US', defaultLocale: 'en', lexicon });

    it('is no first contact: no welcome card, and the profile is marked welcomed', () => {
      const d = click({ op: 'done', id: MOVE.id, date: '2027-03-24' }, {});
      expect(kinds(d)).to.deep.equal([]);
      expect(d.profile.welcomed).to.equal(true);
    });

    it('speaks the language the reminder was written in, unless the user has chosen one since', () => {
      expect(click({ op: 'done', id: MOVE.id, date: '2027-03-24', locale: 'zh-TW' }, {}).locale).to.equal('zh-TW');
      expect(click({ op: 'done', id: MOVE.id, date: '2027-03-24', locale: 'zh-TW' }, { welcomed: true, locale: 'zh-CN' }).locale).to.equal('zh-CN');
      expect(click({ op: 'done', id: MOVE.id, date: '2027-03-24' }, {}).locale).to.equal('en');
    });

    it("the language is not stored as the user's choice", () => {
      expect(click({ op: 'snooze', id: MOVE.id, date: '2027-03-24', locale: 'zh-TW' }, {}).profile.locale).to.equal(undefined);
    });
  });

  describe('presentMove: what the partner sees after the effect', () => {
    const trackEffect: MoveEffect = { kind: 'track', key: 'k'.repeat(22), label: 'Contoso', answers: ANSWERS };
    const cases: Array<[string, MoveEffect, MoveOutcome, string[], boolean]> = [
      ['tracked: the move card in place of the label card', trackEffect, { kind: 'tracked', result: { outcome: 'created', move: MOVE, urgent: [] }, reachable: true }, ['move'], true],
      [
        'tracked from a group chat with no personal chat known: says where reminders will come',
        trackEffect,
        { kind: 'tracked', result: { outcome: 'created', move: MOVE, urgent: [] }, reachable: false },
        ['notice:moves:notice.remindersInPersonal', 'move'],
        true,
      ],
      ['an empty label: the label card again, saying why', trackEffect, { kind: 'tracked', result: { outcome: 'invalidLabel', problem: 'empty' }, reachable: true }, ['trackLabel'], true],
      ['too many moves', trackEffect, { kind: 'tracked', result: { outcome: 'tooMany', max: 50 }, reachable: true }, ['notice:moves:notice.tooMany'], true],
      ['typed `moves`: the list as a new message', { kind: 'list', includeClosed: false, inPlace: false }, { kind: 'listed', moves: [], closed: 0 }, ['moveList'], false],
      ['[My moves] on a card: the list in its place', { kind: 'list', includeClosed: false, inPlace: true }, { kind: 'listed', moves: [], closed: 2 }, ['moveList'], true],
      ['[Open] in the list: the move in its place', { kind: 'open', id: MOVE.id, inPlace: true }, { kind: 'move', move: MOVE }, ['move'], true],
      ['[Open move] on a reminder: the move as a new message, the reminder stays', { kind: 'open', id: MOVE.id, inPlace: false }, { kind: 'move', move: MOVE }, ['move'], false],
      ['a tick on a deleted move: says it is gone, in place', { kind: 'tick', id: MOVE.id, step: 'step.a', done: true }, { kind: 'move', move: undefined }, ['notice:moves:notice.gone'], true],
      ['a tick: the move again, in place', { kind: 'tick', id: MOVE.id, step: 'step.a', done: true }, { kind: 'move', move: MOVE }, ['move'], true],
      ['deleted: says so, in place', { kind: 'delete', id: MOVE.id }, { kind: 'deleted', label: 'Contoso' }, ['notice:moves:notice.deleted'], true],
      ['forgotten: says how much, in place', { kind: 'forget' }, { kind: 'forgotten', moves: 3 }, ['notice:moves:notice.forgotten'], true],
      ['reminder [Done]: the reminder card, done', { kind: 'reminderDone', id: MOVE.id, date: '2027-03-24' }, { kind: 'move', move: MOVE }, ['reminder'], true],
      ['reminder [Snooze]: the reminder card, snoozed', { kind: 'snooze', id: MOVE.id, date: '2027-03-24' }, { kind: 'snoozed', move: MOVE, until: '2026-12-07' }, ['reminder'], true],
      [
        'reminder [Snooze] on its own date: nothing to put off, the reminder stays as it was',
        { kind: 'snooze', id: MOVE.id, date: TODAY },
        { kind: 'snoozed', move: MOVE },
        ['notice:moves:notice.snoozeTooLate', 'reminder'],
        true,
      ],
    ];
    for (const [name, effect, outcome, expected, inPlace] of cases) {
      it(name, () => {
        const shown = presentMove(effect, outcome, TODAY, 'en');
        expect(kinds(shown)).to.deep.equal(expected);
        expect(shown.inPlace !== undefined).to.equal(inPlace);
      });
    }

    it('banners say what just happened; [Delete] asks first', () => {
      const banner = (effect: MoveEffect, outcome: MoveOutcome) => (presentMove(effect, outcome, TODAY, 'en').inPlace as { banner?: string }).banner;
      expect(banner(trackEffect, { kind: 'tracked', result: { outcome: 'existing', move: MOVE, urgent: [] }, reachable: true })).to.equal('existing');
      expect(banner({ kind: 'recompute', id: MOVE.id }, { kind: 'move', move: MOVE })).to.equal('recomputed');
      expect(banner({ kind: 'status', id: MOVE.id, status: 'closed' }, { kind: 'move', move: MOVE })).to.equal('closed');
      expect(banner({ kind: 'status', id: MOVE.id, status: 'open' }, { kind: 'move', move: MOVE })).to.equal('reopened');
      expect(presentMove({ kind: 'open', id: MOVE.id, inPlace: true, confirmDelete: true }, { kind: 'move', move: MOVE }, TODAY, 'en').inPlace).to.deep.include({ confirmDelete: true });
    });

    it('a reminder card rebuilt after a click names the steps due on its date and how far off it is', () => {
      const shown = presentMove({ kind: 'reminderDone', id: MOVE.id, date: '2027-03-24' }, { kind: 'move', move: MOVE }, '2027-03-17', 'zh-TW').inPlace;
      expect(shown).to.deep.include({ kind: 'reminder', state: 'done', daysBefore: 7, label: 'Contoso', date: '2027-03-24', locale: 'zh-TW' });
      expect((shown as unknown as { steps: Array<{ key: string }> }).steps.map((s) => s.key)).to.deep.equal(['step.a', 'step.b']);
    });
  });

  describe('the check id', () => {
    it('a check started this turn is named by the id the host made; an existing one keeps its own', () => {
      expect(turn({ kind: 'command', command: 'start' }, undefined).check?.id).to.equal('fresh-id-1');
      expect(turn({ kind: 'command', command: 'start' }, { ...newCheck('kept-id-1'), answers: { tenantRegion: 'europe' } } as CheckState).check?.id).to.equal('kept-id-1');
    });

    it('is read back only when it looks like one of ours', () => {
      expect(readCheck({ ...newCheck('abcdef12'), status: 'done' })?.id).to.equal('abcdef12');
      expect(readCheck({ ...newCheck(), id: '<script>' })?.id).to.equal(undefined);
      expect(readCheck({ ...newCheck(), id: 42 })?.id).to.equal(undefined);
    });
  });
});
