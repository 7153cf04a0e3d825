// The partner's admin access (delegatedAdmin) and the reseller relationship. Both are said as having or
// not having something ("we have GDAP", "no GDAP yet", "经销商关系已经建立了", "Reseller relationship: not yet"),
// so each mention is read with its polarity, and a mention with neither (a plan, a request) says nothing.
import type { Lexicon } from '../lexicon.js';
import { hits, type Context, type Hit } from './context.js';
import type { Finding } from './finding.js';
import { comparableWord, negatedAt } from './text.js';

const GDAP = /\bgdap\b|精细委派|细微委派|\bgranular delegated admin(?:istrative)?(?: privileges)?\b/g;
const DAP = /\bdap\b|委派的?(?:系统)?管理员权限|\bdelegated admin(?:istrative)? privileges\b/g;
const SUPPORT_WORDS = /\bservice support admin(?:istrator)?s?\b|\bsupport (?:role|admin|administrator)s?\b|支持角色|支援角色|支持请求角色|支援要求角色/;

// Having it: said before ("we have", 有, 已经有) or after ("is set up", 已经建好了, 也有).
const HAS_BEFORE =
  /(?:\b(?:have|has|had|got|'ve|hold|holds|only|still|just)\b|有|已有|已经有|拿到|建了|建好|开了|有开|开通了?|申请好了?|只有|仅有|还是|还在用)\s*(?:(?:a|an|the|only|just|our|existing)\s+)?(?:(?:old|legacy)\s+|旧版的?|旧的|老的)?\s*$/;
// "we have a reseller relationship and GDAP": one verb for a list.
const HAS_LIST_BEFORE = /\b(?:have|has|had|got|'ve)\b(?:(?!\b(?:need|request|want|will|plan|apply|going)\b)[^.])*\b(?:and|&|plus)\s+$|(?:有|已有|已经有)[^，,。；;]*(?:和|跟|与|及)\s*$/;
const HAS_AFTER =
  /^\s*(?:relationships?\s+)?(?:(?:is|are|was|has been|have been|'s)\s+)?(?:already\s+|all\s+)?(?:set up|setup|in place|approved|active|established|granted|accepted|done|ready|live|configured|only)\b|^\s*[:=]\s*(?:yes|y|active|approved)\b|^\s*(?:我们|我司|we)?\s*(?:也|都|已经|已)?\s*(?:有了|有|建好|设好|建立|开通|批准|通过|生效|好了|ok)|^\s*而已|^\s*[:：]\s*(?:有|是)/;
// Not having it, said after: "GDAP 还没申请", "GDAP: none", "GDAP pending".
const NOT_AFTER =
  /^\s*(?:relationships?\s+)?(?:(?:is|are|was|'s)\s+)?(?:not yet|not set up|not approved|pending|still pending|requested|none|no)\b|^\s*[:=]\s*(?:none|no|nothing|not yet|n\/a)\b|^\s*(?:也|都)?\s*(?:还|尚|都)?\s*(?:没|未|没有|尚未|无)|^\s*[:：]\s*(?:无|没有|还没有|否)/;
// Other admin roles named with GDAP: many of them can open support requests too (Global, Helpdesk, User,
// Billing, workload admins), so GDAP with them is not read as "GDAP without a support role".
const OTHER_ROLES =
  /\b(?:global|helpdesk|help desk|user|users|billing|exchange|sharepoint|teams|intune|security|license|licence|privileged \w+|application|cloud device|compliance)\s+(?:admin|administrator)s?\b|(?:全局|全域|用户|使用者|计费|帐单|账单|许可证|授权|安全|技术支持|技术支援|服务台|支持人员)\s*(?:系统)?管理员/g;

const NO_ACCESS =
  /\bno (?:admin|delegated|partner|delegated admin) (?:access|rights|privileges|permissions)\b|\bno admin(?:istrative)? access\b|\b(?:delegated admin|admin access|delegated access)\s*[:=]\s*(?:none|no|nothing|not yet)\b|没有(?:任何)?(?:管理|委派)(?:员)?权限|(?:委派管理权限|委派系统管理员权限|委派的管理员权限|管理权限|委派管理)\s*[:：]\s*(?:无|没有|还没有)|无(?:管理|委派)权限/g;

type Polarity = 'has' | 'hasNot' | undefined;

function polarity(ctx: Context, hit: Hit): Polarity {
  const text = ctx.t.text;
  const after = text.slice(hit.end, hit.seg.end);
  if (hit.negated || NOT_AFTER.test(after)) return 'hasNot';
  const before = text.slice(hit.seg.start, hit.start);
  if (HAS_BEFORE.test(before) || HAS_LIST_BEFORE.test(before) || HAS_AFTER.test(after)) return 'has';
  return undefined;
}

const supportCache = new WeakMap<Lexicon, RegExp>();
function supportWords(lexicon: Lexicon): RegExp {
  let re = supportCache.get(lexicon);
  if (!re) {
    const words = [...(lexicon.options.get('delegatedAdmin') ?? [])]
      .filter(([w, id]) => id === 'gdapSupport' && !/gdap/.test(comparableWord(w)) && comparableWord(w).length >= 4)
      .map(([w]) => comparableWord(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp([SUPPORT_WORDS.source, ...words].join('|'), 'g');
    supportCache.set(lexicon, re);
  }
  return re;
}

export function readDelegatedAdmin(ctx: Context): Finding[] {
  // "Their partner has GDAP" is not the partner's own access.
  const said = (re: RegExp) => hits(ctx, re).filter((h) => h.clauseSubject !== 'otherPartner');
  const gdap = said(GDAP).map((h) => [h, polarity(ctx, h)] as const);
  const dap = said(DAP).map((h) => [h, polarity(ctx, h)] as const);
  const support = hits(ctx, supportWords(ctx.lexicon))
    .filter((h) => h.clauseSubject !== 'customer' && h.clauseSubject !== 'otherPartner')
    .map((h) => (h.negated ? 'hasNot' : 'has'));
  const none = hits(ctx, NO_ACCESS).filter((h) => !h.negated);
  const at = Math.min(...[...gdap, ...dap].map(([h]) => h.start), ...none.map((h) => h.start), ctx.t.text.length);

  const gdapHas = gdap.some(([, p]) => p === 'has');
  const gdapNot = gdap.some(([, p]) => p === 'hasNot');
  const dapHas = dap.some(([, p]) => p === 'has');
  const dapNot = dap.some(([, p]) => p === 'hasNot');
  const supportHas = support.includes('has');
  const supportNot = support.includes('hasNot');

  const gdapSentences = new Set(gdap.filter(([, p]) => p === 'has').map(([h]) => h.seg.sentence));
  const otherRoles = hits(ctx, OTHER_ROLES).some((h) => gdapSentences.has(h.seg.sentence));

  let value: string | undefined;
  if (gdapHas && !gdapNot) {
    if (supportHas && supportNot) value = undefined;
    else if (supportHas) value = 'gdapSupport';
    // "We have GDAP" alone, or said without a support role: GDAP without one. Other roles named: can't tell.
    else if (supportNot || !otherRoles) value = 'gdapOther';
  } else if (!gdapHas && dapHas && !dapNot) value = 'dap';
  // None: said, and no mention of GDAP or DAP left that might be had ("no GDAP, only the old DAP").
  else if (!gdapHas && !dapHas && (gdapNot || none.length) && [...gdap, ...dap].every(([, p]) => p === 'hasNot')) value = 'none';
  return value ? [{ questionId: 'delegatedAdmin', value, at, rank: 2 }] : [];
}

const RELATIONSHIP = /\b(?:reseller|csp) relationships?\b|\breseller relation\b|\breseller (?=invit|request)|经销商关系|转销商关系|经销关系|\bno (?:\w+\s+)?relationship(?=\s+(?:yet|with (?:us|them|the customer)|in partner cent(?:er|re))|\s*$)/g;
const REQUEST_AFTER = /^\s*(?:requests?|invit(?:e|es|ation|ations)|邀请|请求|申请)/;
// Having or not having it. Before the words the last marker counts ("we don't have GDAP or a reseller
// relationship"), after them the first ("reseller relationship: not yet", "经销商关系已经建立了").
const MARKERS = new RegExp(
  [
    "(?<no>\\b(?:(?:don't|doesn't|didn't|do not|does not|did not|won't|will not)\\s+(?:have|has|got)|don't|doesn't|didn't|haven't|hasn't|do not|does not|have not|has not|not yet|not|no|without|never|pending|yet to)\\b|还没有?|尚未|没有|未|无|没|不)",
    "(?<yes>\\b(?:have|has|had|got|already|established|in place|accepted|set up|done|exists|exist|approved|yes|active)\\b|已经?|有了|建立了|建好|接受了|成立|有)",
  ].join('|'),
  'g',
);
const ACCEPTED = /\baccept(?:ed|s)?\b|\bapproved\b|接受|同意|批准/;

function markers(text: string): Array<'yes' | 'no'> {
  return [...text.matchAll(MARKERS)].map((m) => (m.groups?.['no'] ? 'no' : 'yes'));
}

export function readResellerRelationship(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const text = ctx.t.text;
  for (const hit of hits(ctx, RELATIONSHIP)) {
    if (hit.clauseSubject === 'otherPartner') continue;
    const after = text.slice(hit.end, hit.seg.end);
    let value: string | undefined;
    if (REQUEST_AFTER.test(after)) {
      // "we sent the reseller relationship request, but the customer hasn't accepted yet".
      for (const s of ctx.segments.filter((x) => x.sentence === hit.seg.sentence && !x.hedged)) {
        const m = ACCEPTED.exec(s.text);
        if (m) value = negatedAt(s, s.start + m.index, text) ? 'no' : 'yes';
      }
    } else if (hit.match[0].startsWith('no ')) value = 'no';
    else {
      const before = markers(text.slice(Math.max(hit.seg.start, hit.start - 30), hit.start)).at(-1);
      const following = markers(after.slice(0, 24))[0];
      value = before && following && before !== following ? undefined : (following ?? before);
    }
    if (value) out.push({ questionId: 'resellerRelationship', value, at: hit.start, rank: 2 });
  }
  return out;
}
