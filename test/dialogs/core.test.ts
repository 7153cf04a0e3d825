// The conversation core as tables: given this check, profile and intent, this is the next state and what the
// partner sees. Pure: no adapter, no storage, no rendering.
import { expect } from 'chai';
import { decide, type Decision, type TurnIntent } from '../../dialogs/core/decide.js';
import { newCheck, type CheckState, type UserProfile } from '../../dialogs/core/state.js';
import { intentFromText } from '../../dialogs/intent.js';
import { buildLexicon } from '../../dialogs/lexicon.js';

const TODAY = '2026-12-06';
const lexicon = buildLexicon();
const PROFILE: UserProfile = { welcomed: true, partner: { partnerRoles: ['adminAgent'], partnerModel: 'directBill', partnerRegion: 'europe' } };

function turn(intent: TurnIntent, check: CheckState | undefined, profile: UserProfile = PROFILE, clientLocale = 'en-US'): Decision {
  return decide({ intent, check, profile, today: TODAY, clientLocale, defaultLocale: 'en', lexicon });
}

const checkWith = (answers: CheckState['answers'], extra: Partial<CheckState> = {}): CheckState => ({
  ...newCheck(),
  answers,
  history: Object.keys(answers) as CheckState['history'],
  ...extra,
});

/** What the partner sees, in order: the replies, then the card that replaces the clicked one (shown last where it can't). */
const kinds = (d: Decision) =>
  [...d.replies, ...(d.inPlace ? [d.inPlace] : [])].map((r) => (r.kind === 'question' ? `question:${r.questionId}` : r.kind === 'notice' ? `notice:${r.textKey}` : r.kind));
const answer = (questionId: string, value: string): TurnIntent => ({ kind: 'answer', questionId, answer: value });
const command = (name: string, extra: object = {}): TurnIntent => ({ kind: 'command', command: name, ...extra }) as TurnIntent;

describe('conversation core: decide()', () => {
  const table: Array<{ name: string; intent: TurnIntent; check?: CheckState; profile?: UserProfile; replies: string[]; status?: CheckState['status'] | 'none' }> = [
    { name: 'first contact: the welcome card, nothing else', intent: { kind: 'install' }, profile: {}, replies: ['welcome'], status: 'none' },
    { name: 'start with a known profile: the tenant market first', intent: command('start'), replies: ['question:tenantRegion'], status: 'active' },
    { name: 'start without a profile: the partner roles first', intent: command('start'), profile: { welcomed: true }, replies: ['question:partnerRoles'], status: 'active' },
    {
      name: 'start during a check: says so, asks where it stood',
      intent: command('start'),
      check: checkWith({ tenantRegion: 'europe' }),
      replies: ['notice:common:notice.resumeCheck', 'question:purchaseChannel'],
    },
    { name: 'help during a check: help, then the same question', intent: command('help'), check: checkWith({ tenantRegion: 'europe' }), replies: ['help', 'question:purchaseChannel'] },
    { name: 'help outside a check: help only', intent: command('help'), replies: ['help'], status: 'none' },
    { name: 'cancel: the check is gone', intent: command('cancel'), check: checkWith({ tenantRegion: 'europe' }), replies: ['notice:common:notice.cancelled'], status: 'none' },
    { name: 'start over: a new check from the first question', intent: command('restart'), check: checkWith({ tenantRegion: 'japan' }), replies: ['question:tenantRegion'], status: 'active' },
    { name: 'back: reopens the last answer', intent: command('back'), check: checkWith({ tenantRegion: 'europe', purchaseChannel: 'adminCenter' }), replies: ['question:purchaseChannel'] },
    { name: 'language without a choice: the language card', intent: command('language'), replies: ['language'], status: 'none' },
    {
      name: 'language during a check: switched, then the same question',
      intent: command('language', { locale: 'zh-TW' }),
      check: checkWith({ tenantRegion: 'europe' }),
      replies: ['notice:common:notice.languageChanged', 'question:purchaseChannel'],
    },
    { name: 'an answer moves to the next question', intent: answer('tenantRegion', 'europe'), check: newCheck(), replies: ['question:purchaseChannel'] },
    { name: 'a blocking answer: the blocked card next', intent: answer('tenantRegion', 'japan'), check: newCheck(), replies: ['blocked'], status: 'done' },
    { name: 'an answer not among the options: the question again, in place of the clicked card', intent: answer('tenantRegion', 'mars'), check: newCheck(), replies: ['question:tenantRegion'] },
    { name: 'an answer from an older card: the open question again, in place of the clicked card', intent: answer('offer', 'notSure'), check: newCheck(), replies: ['question:tenantRegion'] },
    { name: 'an answer with no check: the card is out of date', intent: answer('tenantRegion', 'europe'), replies: ['notice:common:notice.outOfDate'], status: 'none' },
    {
      name: 'a second click on an answered question of a finished check: the result is already shown',
      intent: answer('offer', 'sameOfferSameCount'),
      check: checkWith(
        { tenantRegion: 'europe', purchaseChannel: 'adminCenter', activeSubscriptions: 'upTo150', resellerRelationship: 'no', offer: 'sameOfferSameCount' },
        { status: 'done', skipped: ['renewalDate'] },
      ),
      replies: ['notice:common:notice.resultShown'],
      status: 'done',
    },
    { name: 'a typed answer that reads as nothing: a short hint', intent: { kind: 'text', text: 'banana' }, check: newCheck(), replies: ['notice:cards:question.hint.invalid'] },
    { name: 'a typed option word answers the open question', intent: { kind: 'text', text: 'japan' }, check: newCheck(), replies: ['blocked'], status: 'done' },
    { name: 'a typed question mid-check: the answer, then the same question', intent: { kind: 'text', text: 'can the customer get a refund?' }, check: newCheck(), replies: ['faq', 'question:tenantRegion'] },
    { name: 'share before a result: nothing to share yet', intent: command('share'), check: newCheck(), replies: ['notice:common:notice.noCheckYet'] },
    { name: 'checklist before a result: nothing to share yet', intent: command('checklist'), check: newCheck(), replies: ['notice:common:notice.noCheckYet'] },
    { name: 'continue anyway on a blocked check: asks on', intent: command('continue'), check: checkWith({ tenantRegion: 'japan' }, { status: 'done' }), replies: ['question:purchaseChannel'], status: 'active' },
    { name: 'change profile: the partner questions again, the customer answers kept', intent: command('profile'), check: checkWith({ tenantRegion: 'europe' }), replies: ['question:partnerRoles'] },
  ];

  for (const row of table) {
    it(row.name, () => {
      const d = turn(row.intent, row.check, row.profile);
      expect(kinds(d)).to.deep.equal(row.replies);
      if (row.status === 'none') expect(d.check).to.equal(undefined);
      else if (row.status) expect(d.check?.status).to.equal(row.status);
    });
  }

  it('share: the message for the customer in the partner’s language, or in the one its card asks for; the checklist apart', () => {
    const done = checkWith(
      { tenantRegion: 'europe', purchaseChannel: 'adminCenter', activeSubscriptions: 'upTo150', resellerRelationship: 'no', offer: 'sameOfferSameCount' },
      { status: 'done', skipped: ['renewalDate'] },
    );
    const answers = { ...PROFILE.partner, ...done.answers };
    const inTaiwan = turn(command('share'), done, PROFILE, 'zh-TW');
    expect(inTaiwan.replies).to.deep.equal([{ kind: 'customerMessage', language: 'zh-TW', answers }]);
    expect(inTaiwan.check).to.deep.equal(done);
    expect(inTaiwan.profile.locale, 'the partner’s language is not changed').to.equal(undefined);
    expect(turn(command('share', { locale: 'zh-CN' }), done).replies).to.deep.equal([{ kind: 'customerMessage', language: 'zh-CN', answers }]);
    expect(turn(command('checklist'), done).replies).to.deep.equal([{ kind: 'checklist', answers }]);
    // The early verdict: the message says where things stand, read as the blocked card reads it.
    const blocked = checkWith({ tenantRegion: 'japan' }, { status: 'done' });
    expect(turn(command('share'), blocked).replies[0]).to.deep.include({ kind: 'customerMessage', blocked: true });
    expect(turn(command('checklist'), blocked).replies[0]).to.deep.include({ kind: 'checklist', blocked: true });
    // "Continue anyway": the result as if from the tenant's market, no longer blocked.
    const continued = turn(command('share'), { ...done, answers: { ...done.answers, tenantRegion: 'japan' }, continueAnyway: true }).replies[0]!;
    expect(continued).to.deep.include({ kind: 'customerMessage', continueAnyway: true }).and.not.have.property('blocked');
  });

  it('never changes what it was given (a retried turn decides again from the same state)', () => {
    const check = checkWith({ tenantRegion: 'europe' });
    const frozen = structuredClone(check);
    const profile = structuredClone(PROFILE);
    turn(answer('purchaseChannel', 'adminCenter'), check, profile);
    expect(check).to.deep.equal(frozen);
    expect(profile).to.deep.equal(PROFILE);
  });

  it('stores the partner’s own answers in the profile, not in the check', () => {
    const d = turn(answer('partnerRoles', 'adminAgent,salesAgent'), newCheck(), { welcomed: true });
    expect(d.profile.partner?.partnerRoles).to.deep.equal(['adminAgent', 'salesAgent']);
    expect(d.check?.answers).to.deep.equal({});
    // The next question replaces the clicked card.
    expect(d.replies).to.deep.equal([]);
    expect(d.inPlace).to.deep.include({ kind: 'question', questionId: 'partnerModel' });
  });

  it('an invalid click gives the question again with a hint, to show in place of the clicked card', () => {
    const d = turn(answer('tenantRegion', 'mars'), newCheck());
    expect(d.inPlace).to.deep.include({ kind: 'question', questionId: 'tenantRegion', hint: 'invalid' });
    const stale = turn(answer('offer', 'notSure'), newCheck());
    expect(stale.inPlace).to.deep.include({ kind: 'question', questionId: 'tenantRegion', hint: 'outOfDate' });
  });

  it('only a click on a card of the check replaces it: typed answers and commands from other cards come as new cards', () => {
    expect(turn(answer('tenantRegion', 'europe'), newCheck()).inPlace).to.deep.include({ kind: 'question', questionId: 'purchaseChannel' });
    const typed = turn(intentFromText('Europe', lexicon, 'en-US'), newCheck());
    expect(typed.inPlace).to.equal(undefined);
    expect(kinds(typed)).to.deep.equal(['question:purchaseChannel']);
    // [Start over] on a result card keeps the result in the chat; [Back] on a question card replaces it.
    const done = checkWith({ tenantRegion: 'japan' }, { status: 'done' });
    expect(turn(command('restart'), done).inPlace).to.equal(undefined);
    expect(turn(command('back'), checkWith({ tenantRegion: 'europe', purchaseChannel: 'adminCenter' })).inPlace).to.deep.include({ kind: 'question', questionId: 'purchaseChannel' });
  });

  it('skips what no answer could change: once blocked, nothing else is asked; the step count shrinks honestly', () => {
    const first = turn(command('start'), undefined).replies[0]!;
    expect(first).to.deep.include({ kind: 'question', step: 1, total: 7 });
    const blocked = turn(answer('tenantRegion', 'japan'), newCheck());
    expect(kinds(blocked)).to.deep.equal(['blocked']);
    // "Something changes" in the offer: the two detail questions join the count.
    const offer = checkWith({ tenantRegion: 'europe', purchaseChannel: 'adminCenter', activeSubscriptions: 'upTo150', resellerRelationship: 'no' }, { skipped: ['renewalDate'] });
    const next = turn(answer('offer', 'somethingChanges'), offer).inPlace!;
    expect(next).to.deep.include({ kind: 'question', questionId: 'offerPlan', step: 7, total: 8 });
  });

  it('offers one-click answers: the partner’s own market for the tenant’s, the client’s market for the partner’s', () => {
    expect(turn(command('start'), undefined).replies[0]).to.deep.include({ suggested: ['europe'] });
    const fresh = turn(answer('partnerModel', 'directBill'), checkWith({}), { welcomed: true, partner: { partnerRoles: ['adminAgent'] } }, 'en-GB');
    expect(fresh.inPlace).to.deep.include({ questionId: 'partnerRegion', suggested: ['europe'] });
    expect(turn(answer('partnerModel', 'directBill'), checkWith({}), { welcomed: true, partner: { partnerRoles: ['adminAgent'] } }, 'en').inPlace).not.to.have.property('suggested');
  });

  it('shows the partner line on the first question of a check only', () => {
    expect(turn(command('start'), undefined).replies[0]).to.have.property('partner');
    expect(turn(answer('tenantRegion', 'europe'), newCheck()).inPlace).not.to.have.property('partner');
  });

  it('a quick form blocked with fields left empty, then "continue anyway": the empty fields are asked, not taken as skipped', () => {
    const blocked = turn({ kind: 'quickForm', fields: { tenantRegion: 'japan' } }, undefined);
    expect(kinds(blocked)).to.deep.equal(['blocked']);
    expect(blocked.check?.skipped).to.deep.equal(['renewalDate']); // only the optional date
    const next = turn(command('continue'), blocked.check);
    expect(kinds(next)).to.deep.equal(['question:purchaseChannel']);
    // Even a stored check that lists a required question as skipped still asks it.
    const odd = turn(command('start'), checkWith({ tenantRegion: 'europe' }, { skipped: ['purchaseChannel'] }));
    expect(kinds(odd)).to.deep.equal(['notice:common:notice.resumeCheck', 'question:purchaseChannel']);
  });

  it('a typed command with one typo is read as the command ("strat over", "cancle", "帮肋")', () => {
    expect(intentFromText('strat over', lexicon)).to.deep.equal({ kind: 'command', command: 'restart' });
    expect(intentFromText('cancle', lexicon)).to.deep.equal({ kind: 'command', command: 'cancel' });
    expect(intentFromText('帮肋', lexicon)).to.deep.equal({ kind: 'command', command: 'help' });
    // An answer word is never taken for a command, and two candidates are none.
    expect(intentFromText('japan', lexicon).kind).to.equal('text');
    const d = turn(intentFromText('strat over', lexicon), checkWith({ tenantRegion: 'japan' }));
    expect(kinds(d)).to.deep.equal(['question:tenantRegion']);
  });
});

describe('conversation core: resend (a retried turn whose replies may not have left)', () => {
  it('gives the card the user should see, from the saved state, and changes nothing', () => {
    const asking = checkWith({ tenantRegion: 'europe' });
    const d = turn({ kind: 'resend' }, asking);
    expect(kinds(d)).to.deep.equal(['question:purchaseChannel']);
    expect(d.check?.answers).to.deep.equal(asking.answers);
    const done = turn({ kind: 'resend' }, checkWith({ tenantRegion: 'japan' }, { status: 'done' }));
    expect(kinds(done)).to.deep.equal(['blocked']);
    expect(kinds(turn({ kind: 'resend' }, undefined))).to.deep.equal([]);
    // Never the welcome again, even for a profile that has none recorded.
    expect(kinds(turn({ kind: 'resend' }, asking, { partner: PROFILE.partner }))).to.deep.equal(['question:purchaseChannel']);
  });
});
