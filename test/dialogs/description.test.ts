// dialogs/description: a partner's one-message description of the case, read into answers.
// Precision first: on the labelled set no language may have a single wrong answer (a filled answer that
// differs from the label, or one the label doesn't have). Recall is reported, not asserted, except that
// typical descriptions must fill at least five answers.
import { expect } from 'chai';
import fc from 'fast-check';
import { factCount, looksLikeDescription, readDescription, type DescriptionReading } from '../../dialogs/description/index.js';
import { buildLexicon } from '../../dialogs/lexicon.js';
import { QUESTIONS, parseAnswer, questionById, type Answers, type QuestionId } from '../../dialogs/questions.js';
import { FRESH, LABELLED, TODAY, UNTUNED, type Labelled, type LabelledSet } from './descriptionLabelled.js';

const lexicon = buildLexicon();
const read = (text: string, today = TODAY): DescriptionReading => readDescription(text, today, lexicon);
const answersOf = (text: string, today = TODAY): Answers => read(text, today).answers;

interface Score {
  /** Answers the reader filled. */
  filled: number;
  /** Filled and equal to the label. */
  right: number;
  /** Answers the labels hold. */
  labelled: number;
  wrong: string[];
  /** Typical descriptions that filled fewer than five answers. */
  thin: string[];
}

const show = (v: unknown) => JSON.stringify(v);

function score(cases: readonly Labelled[]): Score {
  const s: Score = { filled: 0, right: 0, labelled: 0, wrong: [], thin: [] };
  cases.forEach((c, i) => {
    const got = read(c.text).answers as Record<string, unknown>;
    const want = c.answers as Record<string, unknown>;
    s.labelled += Object.keys(want).length;
    for (const [id, value] of Object.entries(got)) {
      s.filled++;
      if (show(value) === show(want[id])) s.right++;
      else s.wrong.push(`#${i + 1} ${id}: read ${show(value)}, label ${show(want[id])} — ${c.text}`);
    }
    if (c.typical && Object.keys(got).length < 5) s.thin.push(`#${i + 1} filled ${Object.keys(got).length}: ${c.text}`);
  });
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const summary = (name: string, s: Score) =>
  `      ${name}: precision ${s.right}/${s.filled} = ${pct(s.right, s.filled)}, recall ${s.right}/${s.labelled} = ${pct(s.right, s.labelled)}\n`;

function labelsAreValid(set: LabelledSet) {
  const problems: string[] = [];
  for (const [lng, cases] of Object.entries(set)) {
    cases.forEach((c, i) => {
      for (const [id, value] of Object.entries(c.answers)) {
        const q = questionById(id);
        if (!q || parseAnswer(q, value) === undefined) problems.push(`${lng}#${i + 1}: ${id} = ${show(value)} is not a valid answer`);
      }
    });
  }
  return problems;
}

describe('description reader: labelled set', () => {
  it('labels only valid answers', () => {
    expect(labelsAreValid(LABELLED)).to.deep.equal([]);
    expect(labelsAreValid(UNTUNED)).to.deep.equal([]);
    expect(labelsAreValid(FRESH)).to.deep.equal([]);
  });

  for (const [lng, cases] of Object.entries(LABELLED)) {
    describe(lng, () => {
      const s = score(cases);

      it('has at least 30 descriptions, some typical, some that state nothing', () => {
        expect(cases.length).to.be.at.least(30);
        expect(cases.filter((c) => c.typical).length).to.be.at.least(8);
        expect(cases.filter((c) => Object.keys(c.answers).length === 0).length).to.be.at.least(2);
      });

      it('fills no wrong answer', () => {
        process.stdout.write(summary(`${lng} labelled (${cases.length} descriptions)`, s));
        expect(s.wrong, s.wrong.join('\n')).to.deep.equal([]);
      });

      it('fills at least five answers from each typical description', () => {
        expect(s.thin, s.thin.join('\n')).to.deep.equal([]);
      });

      it('reports the dates it cannot read instead of guessing them', () => {
        for (const c of cases.filter((x) => x.unreadable)) {
          const r = read(c.text);
          expect(r.unreadable.map((u) => u.questionId), c.text).to.include.members(c.unreadable!);
          for (const u of r.unreadable) expect(r.answers[u.questionId], c.text).to.equal(undefined);
        }
      });
    });
  }
});

// Written after tuning and reported, not asserted (asserting them would invite tuning to them); the bugs
// they found have tests of their own below.
describe('description reader: extra sets written after tuning (reported)', () => {
  for (const [round, set] of [['untuned round 1', UNTUNED], ['fresh round 2', FRESH]] as const) {
    for (const [lng, cases] of Object.entries(set)) {
      it(`${lng} ${round}: scored and reported (${cases.length} descriptions)`, () => {
        const s = score(cases);
        process.stdout.write(summary(`${lng} ${round}`, s));
        if (s.wrong.length) process.stdout.write(s.wrong.map((w) => `        wrong ${w}\n`).join(''));
        for (const c of cases) for (const [id, v] of Object.entries(read(c.text).answers)) expect(parseAnswer(questionById(id)!, v)).to.not.equal(undefined);
      });
    }
  }
});

describe('description reader: dates (today 2026-12-06)', () => {
  const cases: Array<[string, string | undefined, ('renewed' | 'ended')?]> = [
    ['renews 3/31', '2027-03-31'],
    ['renewed 3/31', '2026-03-31', 'renewed'],
    ['expired on 10 Oct', '2026-10-10', 'ended'],
    ['ended Oct. 10', '2026-10-10', 'ended'],
    ['expires 12/6', '2026-12-06'],
    ['renewed today', '2026-12-06', 'renewed'],
    ['expired yesterday', '2026-12-05', 'ended'],
    ['renews 31/3', '2027-03-31'],
    ['renews 3/4', '2027-03-04'],
    ['renews 2027/3/31', '2027-03-31'],
    ['renews 2027.3.31', '2027-03-31'],
    ['expired 31.03.2026', '2026-03-31', 'ended'],
    ['expires 3/31/2027', '2027-03-31'],
    ['renews March 31st, 2027', '2027-03-31'],
    ['renews on the 31st of March', '2027-03-31'],
    ['renews end of February', '2027-02-28'],
    ['renews Feb 29', '2028-02-29'],
    ['it ended 3 days ago', '2026-12-03', 'ended'],
    ['expires in 10 days', '2026-12-16'],
    ['renews next month on the 10th', '2027-01-10'],
    ['renewal is March 15', '2027-03-15'],
    ['renewal was 11/28', '2026-11-28', 'renewed'],
    ['EA expired 2026-11-30', '2026-11-30', 'ended'],
    ['expires 2027-06-30', '2027-06-30'],
    ['3月31日续订', '2027-03-31'],
    ['3月31號到期', '2027-03-31'],
    ['三月三十一日到期', '2027-03-31'],
    ['上個月 15 號到期', '2026-11-15', 'ended'],
    ['上个月15号已经续订了', '2026-11-15', 'renewed'],
    ['2027年3月31日到期', '2027-03-31'],
    ['2026年10月10日到期', '2026-10-10', 'ended'],
    ['明年2月28号续约', '2027-02-28'],
    ['12月2日续订了', '2026-12-02', 'renewed'],
    ['10月10日已经过期了', '2026-10-10', 'ended'],
    ['三天前过期了', '2026-12-03', 'ended'],
    ['下个月底到期', '2027-01-31'],
    ['3月底到期', '2027-03-31'],
    ['續約日是 3 月 15 日', '2027-03-15'],
    ['renews 3/31 - it renewed and expired?', '2027-03-31'],
  ];
  for (const [text, date, kind] of cases) {
    it(`"${text}" → ${date ?? 'no date'}${kind ? ` (${kind})` : ''}`, () => {
      const a = answersOf(text);
      expect(a.renewalDate).to.equal(date);
      expect(a.dateKind).to.equal(kind);
    });
  }

  for (const [text, snippet] of [
    ['renews in March', 'in March'],
    ['renewal date: 3/31', '3/31'],
    ['Dec 28 renewal', 'Dec 28'],
    ['expires 2027-02-30', '2027-02-30'],
    ['renewed a week ago', 'a week ago'],
    ['licenses ran out last year', 'last year'],
    ['3月份续订', '3月份'],
    ['授權去年就過期了', '去年'],
    ['訂閱 3 個月前過期了', '3 個月前'],
  ] as const) {
    it(`"${text}" is reported as unreadable ("${snippet}"), not guessed`, () => {
      const r = read(text);
      expect(r.answers.renewalDate).to.equal(undefined);
      expect(r.unreadable).to.deep.equal([{ questionId: 'renewalDate', text: snippet }]);
    });
  }

  for (const text of [
    'the customer bought it on 2025-04-01',
    'the call is on 12/10',
    'they bought it on 2025-04-01 and it renews every year',
    'E3 renews 3/31, Visio renews 4/30',
    "the customer didn't renew on 3/31",
    'maybe it renews 3/31',
    'does it renew on 3/31?',
  ]) {
    it(`"${text}" gives no date`, () => {
      const r = read(text);
      expect(r.answers.renewalDate).to.equal(undefined);
      expect(r.answers.dateKind).to.equal(undefined);
    });
  }

  it('reads dateKind only for a date that is today or past', () => {
    expect(answersOf('renewed 3/31', '2027-03-31')).to.include({ renewalDate: '2027-03-31', dateKind: 'renewed' });
    expect(answersOf('expires 2027-03-31').dateKind).to.equal(undefined);
    // Said in the future tense of a past date: the date stands, the kind is asked.
    expect(answersOf('renews 2026-10-01')).to.deep.equal({ renewalDate: '2026-10-01' });
  });
});

describe('description reader: negations and hedges', () => {
  const none: Array<[string, QuestionId]> = [
    ['not from another partner', 'purchaseChannel'],
    ['不是 EA', 'purchaseChannel'],
    ['they are not on an EA', 'purchaseChannel'],
    ['客户不在日本', 'tenantRegion'],
    ['the tenant is not in Japan', 'tenantRegion'],
    ['not the same offer', 'offerPlan'],
    ['no more licenses', 'licenseCount'],
    ["I'm not an admin agent", 'partnerRoles'],
    ["we're not an indirect reseller", 'partnerModel'],
    ["the customer doesn't want to keep their partner", 'goal'],
    ['不想保留原来的合作伙伴', 'goal'],
    ['Is the tenant in Japan?', 'tenantRegion'],
    ['租户可能在日本', 'tenantRegion'],
    ['租户在日本吗', 'tenantRegion'],
    ['not sure if they bought direct', 'purchaseChannel'],
    ['maybe EA', 'purchaseChannel'],
    ['I think it is 21Vianet', 'tenantCloud'],
    ['we will request GDAP with Service support administrator', 'delegatedAdmin'],
    ['我们在申请 GDAP', 'delegatedAdmin'],
  ];
  for (const [text, id] of none) {
    it(`"${text}" leaves ${id} unfilled`, () => {
      expect(answersOf(text)[id]).to.equal(undefined);
    });
  }

  const some: Array<[string, Answers]> = [
    ['not EA but Open Value', { purchaseChannel: 'otherVolumeLicensing' }],
    ['不是 EA，是 Open Value', { purchaseChannel: 'otherVolumeLicensing' }],
    ['customer in Japan, not China', { tenantRegion: 'japan' }],
    ['not 21Vianet', { tenantCloud: 'global' }],
    ['不是世紀互聯', { tenantCloud: 'global' }],
    ['no GDAP yet', { delegatedAdmin: 'none' }],
    ["we don't have GDAP or DAP", { delegatedAdmin: 'none' }],
    ['我们没有 GDAP', { delegatedAdmin: 'none' }],
    ['no GDAP, only DAP', { delegatedAdmin: 'dap' }],
    ['we have GDAP but no support role', { delegatedAdmin: 'gdapOther' }],
    ['we have GDAP with Service support administrator', { delegatedAdmin: 'gdapSupport' }],
    ['the offer is not discontinued', { offerDiscontinued: 'no' }],
    ['还没有经销商关系', { resellerRelationship: 'no' }],
    ["we don't have GDAP or a reseller relationship", { delegatedAdmin: 'none', resellerRelationship: 'no' }],
    ["I'm not an admin agent, only sales agent", { partnerRoles: ['salesAgent'] }],
  ];
  for (const [text, want] of some) {
    it(`"${text}" → ${show(want)}`, () => {
      expect(answersOf(text)).to.deep.equal(want);
    });
  }
});

describe('description reader: whose fact it is', () => {
  const cases: Array<[string, Answers]> = [
    // Found by the extra sets: a question opened by 请问, a branch office, "only the old DAP".
    ['请问客户在香港，可以直接转吗？', {}],
    ['Quick question: customer in Japan, can they move?', {}],
    ['我們是間接轉銷商，在香港也有據點。', { partnerModel: 'indirectReseller' }],
    ['we also have an office in Singapore', {}],
    ['沒有 GDAP，只有舊的 DAP。', { delegatedAdmin: 'dap' }],
    ['no GDAP, DAP is still there somewhere', {}],
    ['we are in Europe, the customer is in Japan', { partnerRegion: 'europe', tenantRegion: 'japan' }],
    ['我们在欧洲，客户在日本', { partnerRegion: 'europe', tenantRegion: 'japan' }],
    // Their partner is the channel; its place is nobody's market here.
    ['their partner is in Korea', { purchaseChannel: 'otherPartner' }],
    ["the customer's HQ is in Germany but the tenant is in the US", { tenantRegion: 'unitedStates' }],
    ['客户总部在德国，租户在美国', { tenantRegion: 'unitedStates' }],
    ['a Japanese customer, we are a UK partner', { tenantRegion: 'japan', partnerRegion: 'europe' }],
    ['tell us more', {}],
    ['The customer speaks German', {}],
    ['we are an indirect reseller; their partner sells direct', { partnerModel: 'indirectReseller', otherPartnerBilling: 'directBill', purchaseChannel: 'otherPartner' }],
    ['我们是间接经销商，对方是直接计费的', { partnerModel: 'indirectReseller', otherPartnerBilling: 'directBill' }],
    ["the customer's global admin will accept", {}],
    ['我是全局管理员', { partnerRoles: ['globalAdmin'] }],
    ['we buy through a distributor', { partnerModel: 'indirectReseller' }],
    ['21Vianet tenant', { tenantCloud: 'vianet', tenantRegion: 'china' }],
    ['21Vianet tenant in Japan', { tenantRegion: 'japan' }],
  ];
  for (const [text, want] of cases) {
    it(`"${text}" → ${show(want)}`, () => {
      expect(answersOf(text)).to.deep.equal(want);
    });
  }
});

describe('description reader: subscription counts', () => {
  const cases: Array<[string, Answers['activeSubscriptions']]> = [
    ['the tenant has 200 subscriptions', 'over150'],
    ['about 12 subscriptions', 'upTo150'],
    ['more than 150 subscriptions', 'over150'],
    ['fewer than 150 subscriptions', 'upTo150'],
    ['about 150 subscriptions', undefined],
    ['40 E3 subscriptions', undefined],
    ['200 seats', undefined],
    ['1,200 users', undefined],
    ['十几个订阅', 'upTo150'],
    ['三百多个订阅', 'over150'],
    ['一百多个订阅', undefined],
    ['40 个 E3 订阅', undefined],
    ['訂用帳戶大概 20 個', 'upTo150'],
    ['订阅2027年2月1日续订', undefined],
  ];
  for (const [text, want] of cases) {
    it(`"${text}" → ${want ?? 'unfilled'}`, () => {
      expect(answersOf(text).activeSubscriptions).to.equal(want);
    });
  }
});

describe('looksLikeDescription', () => {
  for (const text of [
    'help',
    'start',
    '开始',
    '說明',
    'EA',
    'Japan',
    '直接购买',
    'yes',
    'not sure',
    '3',
    '',
    'can the customer get a refund?',
    '客户能拿回退款吗？',
    'GDAP 是什么',
    'what is GDAP',
    'is a customer in Japan who bought direct able to move?',
    'Customer bought 40 E3 from Microsoft direct',
  ]) {
    it(`"${text}" is not a description`, () => {
      expect(looksLikeDescription(text, lexicon)).to.equal(false);
    });
  }
  for (const text of [
    'customer bought direct, tenant in Japan',
    '客户在日本，官网买的',
    '客戶在台灣，跟另一家 CSP 買的',
    '客户 bought 40 E3 from Microsoft direct, 年付, tenant 在日本, renews 3/31',
    'Open License customer in Brazil, their licenses ran out sometime last year.',
  ]) {
    it(`"${text}" is a description`, () => {
      expect(looksLikeDescription(text, lexicon)).to.equal(true);
    });
  }

  it('agrees with the reader on the labelled set: typical descriptions look like descriptions', () => {
    for (const c of Object.values(LABELLED).flat().filter((x) => x.typical)) expect(looksLikeDescription(c.text, lexicon), c.text).to.equal(true);
  });

  it('counts a date and its kind as one fact', () => {
    expect(factCount(read('expired on 10 Oct'))).to.equal(1);
  });
});

describe('description reader: contract', () => {
  it('returns only valid answers, reports nothing it answered, and never throws', () => {
    const pieces = fc.constantFrom(
      'customer', 'tenant', '客户', '租用戶', 'in Japan', '在日本', 'not', '不是', 'EA', 'GDAP', 'DAP', 'renews', '到期', '续订了',
      '3/31', '2027-02-30', '13/13', '上个月15号', 'subscriptions', '个订阅', '200', 'we', '我们', 'their partner', 'reseller relationship',
      'same offer', '?', '，', ', ', '. ', 'indirect reseller', 'direct', '21Vianet', 'Admin agent', '我是', 'US', 'us',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        const r = read(text);
        for (const [id, value] of Object.entries(r.answers)) expect(parseAnswer(questionById(id)!, value), `${id} in ${text}`).to.not.equal(undefined);
        for (const u of r.unreadable) expect(r.answers[u.questionId]).to.equal(undefined);
        expect(read(text)).to.deep.equal(r);
      }),
      { numRuns: 300 },
    );
  });

  it('answers only questions of the catalogue', () => {
    const ids = new Set(QUESTIONS.map((q) => q.id));
    for (const c of Object.values(LABELLED).flat()) for (const id of Object.keys(read(c.text).answers)) expect(ids.has(id as QuestionId)).to.equal(true);
  });

  it('reads a long message quickly', () => {
    const text = Object.values(LABELLED).flat().map((c) => c.text).join(' ').slice(0, 2000);
    const started = performance.now();
    for (let i = 0; i < 20; i++) read(text);
    expect((performance.now() - started) / 20).to.be.below(100);
  });
});
