// The partners' side: the CSP model of the partner typing (partnerModel) and of the customer's current
// partner (otherPartnerBilling) use the same words, told apart by whom the clause is about; the partner's
// Partner Center roles only when the partner says them of themselves ("I'm the Admin agent", "我有管理员代理角色").
import { PARTNER_ROLES } from '../../src/guidance/index.js';
import type { Lexicon } from '../lexicon.js';
import { hits, type Context, type Rule } from './context.js';
import type { Finding } from './finding.js';
import { comparableWord } from './text.js';

const DISTRIBUTORS = '(?:distributors?|disti|indirect providers?|pax8|ingram(?: micro)?|td synnex|synnex|tech data)';

export const MODEL_RULES: readonly Rule[] = [
  [/\bindirect resellers?\b|\btier[- ]?(?:2|two) resellers?\b|间接经销商|间接转销商|二级经销商/, 'indirectReseller', 2],
  [
    new RegExp(
      `\\b(?:buys?|buying|orders?|ordering|purchases?|purchasing|transacts?|transacting|goes|go|going|works?|working|gets?|bills?|billed)\\s+(?:\\w+\\s+){0,2}?(?:through|via|from|with)\\s+(?:a\\s+|an\\s+|their\\s+|our\\s+|the\\s+)?${DISTRIBUTORS}\\b`,
    ),
    'indirectReseller',
    2,
  ],
  [/(?:通过|透过|经由|经过|从|跟)\s*(?:一家|当地的?)?\s*(?:分销商|总代理|总代|代理商|大盘商|大盘|间接提供商|间接提供者)\s*(?:那里|那边)?\s*(?:下单|订购|采购|进货|拿货)/, 'indirectReseller', 2],
  [/\bdirect[- ]?bill(?:ing)?\b|\btier[- ]?(?:1|one)\b|\bsells? direct(?:ly)?\b|\bdirect csp\b|直接计费|一级\s*(?:csp|合作伙伴|经销商)/, 'directBill', 2],
  // Said as what one is ("we're a distributor", "我们是总代理"), not whom one buys from.
  [/\b(?:is|are|am|'re|'m)\s+(?:an?\s+)?(?:\w+\s+)?(?:indirect provider|distributor)s?\b|是\s*(?:一家)?\s*[^，,。；;\s]{0,4}?(?:间接提供商|间接提供者|分销商|总代理)/, 'indirectProvider', 2],
];

/** partnerModel (said of "we") and otherPartnerBilling (said of their partner). */
export function readModels(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const [re, value, rank] of MODEL_RULES) {
    for (const hit of hits(ctx, re)) {
      if (hit.negated) continue;
      if (hit.subject === 'self') out.push({ questionId: 'partnerModel', value, at: hit.start, rank });
      else if (hit.subject === 'otherPartner' && value !== 'indirectProvider') out.push({ questionId: 'otherPartnerBilling', value, at: hit.start, rank });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const roleCache = new WeakMap<Lexicon, RegExp>();
const roleOf = new Map<string, string>();

// Only names of a role: several words ("admin agent") or a full Chinese title (管理员代理), never "sales" or 计费.
function roleWords(lexicon: Lexicon): RegExp {
  let re = roleCache.get(lexicon);
  if (!re) {
    const words: string[] = [];
    for (const [word, id] of lexicon.options.get('partnerRoles') ?? []) {
      if (!(PARTNER_ROLES as readonly string[]).includes(id)) continue;
      const w = comparableWord(word);
      const named = /^[a-z ]+$/.test(w) ? w.includes(' ') : w.length >= 4 && /代理|管理员/.test(w);
      if (named) {
        words.push(w);
        roleOf.set(w, id);
      }
    }
    words.sort((a, b) => b.length - a.length);
    re = new RegExp(words.map((w) => (/^[a-z ]+$/.test(w) ? `\\b${escape(w)}s?\\b` : escape(w))).join('|'), 'g');
    roleCache.set(lexicon, re);
  }
  return re;
}

// "I'm", "we have", "我是", "我有": the partner says what it is or holds.
const SAYS_OF_SELF = /\b(?:i'm|i am|we're|we are|i have|we have|i've got|we've got|i hold|we hold|my roles?|our roles?|i'm an?|as the)\b|我是|我们是|我有|我们有|我的角色|我们的角色|我这边是/;

export function readRoles(ctx: Context): Finding[] {
  const re = roleWords(ctx.lexicon);
  const roles = new Set<string>();
  let at = -1;
  for (const hit of hits(ctx, re)) {
    if (hit.negated || hit.subject !== 'self') continue;
    const sentence = ctx.segments.filter((s) => s.sentence === hit.seg.sentence && s.start <= hit.start);
    const before = ctx.t.text.slice(sentence[0]!.start, hit.start);
    if (!SAYS_OF_SELF.test(before)) continue;
    const id = roleOf.get(hit.match[0].replace(/s$/, '')) ?? roleOf.get(hit.match[0]);
    if (id) roles.add(id);
    if (at < 0) at = hit.start;
  }
  if (!roles.size) return [];
  return [{ questionId: 'partnerRoles', value: PARTNER_ROLES.filter((r) => roles.has(r)), at, rank: 2 }];
}
