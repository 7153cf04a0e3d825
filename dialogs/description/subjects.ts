// Whose fact is it? A market, a CSP model or a role means one thing said of the customer ("tenant in
// Japan") and another said of the partner typing ("we're in Europe") or of the customer's current partner
// ("their partner is an indirect reseller"). The nearest subject before a fact in its clause decides; a
// clause without one continues the subject of the clause before it in the same sentence ("MPSA customer,
// UK based").
import type { Segment, Text } from './text.js';

export type Subject = 'tenant' | 'customer' | 'self' | 'otherPartner' | 'office';

interface Mark {
  start: number;
  end: number;
  subject: Subject;
}

// "Partner" nouns: the partner typing when "we"/"our" owns them, the customer's current partner otherwise.
const PARTNER_NOUN =
  /\b(?:csp partners?|csps?|partners?|resellers?|providers?|distributors?|vendors?)\b(?![- ]?(?:center|centre|relationship|to[- ]partner))|合作伙伴(?!中心|间|关系)|经销商(?!关系)|转销商(?!关系)|代理商|分销商|供应商/g;
const SELF_OWNER = /\b(?:we|we're|we are|i'm|i am|our|my|us)\b|我们|我司|本公司|咱们|我/g;
const OTHER_OWNER =
  /\b(?:their|customer's|client's|current|existing|old|previous|former|source|incumbent|original|another|other|local)\b|他们|客户|对方|原|现在|目前|当前|之前|以前|另|其他|其它|别|源|来源/g;

/** Whose partner noun: "our partner", "we're a Taiwan partner" (self) or "their current CSP" (the other partner). */
function ownerOf(before: string): Subject {
  const window = before.slice(-24);
  const last = (re: RegExp) => Math.max(-1, ...[...window.matchAll(re)].map((m) => m.index + m[0].length));
  return last(SELF_OWNER) > last(OTHER_OWNER) ? 'self' : 'otherPartner';
}

const MARKS: Array<[RegExp, Subject]> = [
  [/\btenants?\b|\btenant's\b|租户|租用户/g, 'tenant'],
  [/\b(?:end )?(?:customers?|customer's|clients?|client's|cust)\b|\b(?:they|they're|they've|their|theirs|them)\b|客户|他们|她们|该公司|这家公司|对方公司/g, 'customer'],
  // "Us", "给我们", "跟我们" are where things go, not who speaks: only subjects and owners count.
  [/\b(?:we|we're|we've|we'll|we'd|our|ours|i|i'm|i've|my)\b|(?<!给|跟|和|与|到|向|帮|对|找|让|由|同|把)(?:我们|我司|本公司|咱们|我(?!们))/g, 'self'],
  [/\b(?:offices?|hq|headquarters|headquartered|branch|branches|subsidiary|subsidiaries)\b|总部|办公室|分公司|子公司|办事处|据点|分部|工厂/g, 'office'],
  [/对方(?!公司)/g, 'otherPartner'],
];

export class Subjects {
  private readonly marks: Mark[] = [];

  constructor(
    private readonly t: Text,
    private readonly segments: readonly Segment[],
  ) {
    const text = t.text;
    const taken: Array<[number, number]> = [];
    const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
    for (const m of text.matchAll(PARTNER_NOUN)) {
      const seg = this.segmentOf(m.index);
      const subject = ownerOf(text.slice(seg?.start ?? 0, m.index));
      this.marks.push({ start: m.index, end: m.index + m[0].length, subject });
      taken.push([m.index, m.index + m[0].length]);
    }
    for (const [re, subject] of MARKS) {
      for (const m of text.matchAll(re)) {
        const end = m.index + m[0].length;
        if (!free(m.index, end)) continue;
        this.marks.push({ start: m.index, end, subject });
        taken.push([m.index, end]);
      }
    }
    this.marks.sort((a, b) => a.start - b.start);
  }

  private segmentOf(at: number): Segment | undefined {
    return this.segments.find((s) => at >= s.start && at < s.end);
  }

  /** The subject a fact at `at` is said of: the nearest one before it in its clause, or carried from an earlier clause. */
  before(at: number, options: { carry?: boolean } = {}): Subject | undefined {
    const seg = this.segmentOf(at);
    if (!seg) return undefined;
    const inClause = this.marks.filter((m) => m.start >= seg.start && m.end <= at);
    if (inClause.length) return inClause.at(-1)!.subject;
    if (options.carry === false) return undefined;
    const earlier = this.marks.filter((m) => m.end <= seg.start && this.segmentOf(m.start)?.sentence === seg.sentence);
    return earlier.at(-1)?.subject;
  }

  /** True when the clause holding `at` speaks of an office, a branch or a plant anywhere in it. */
  officeIn(at: number): boolean {
    const seg = this.segmentOf(at);
    return !!seg && this.marks.some((m) => m.subject === 'office' && m.start >= seg.start && m.end <= seg.end);
  }

  /** The subject noun right after `at` ("Japanese customer", "日本的客户", "UK partner"), if any. */
  after(at: number): Subject | undefined {
    const rest = this.t.text.slice(at);
    const gap = /^(?:\s*的|\s*-|\s)*/.exec(rest)![0].length;
    const mark = this.marks.find((m) => m.start === at + gap);
    if (mark) return mark.subject;
    // "a Japanese company": the company is whoever the clause is about.
    if (/^(?:company|firm|business|org|organi[sz]ation|enterprise)\b|^(?:公司|企业)/.test(rest.slice(gap))) return this.before(at) ?? 'customer';
    return undefined;
  }
}
