// How many active subscriptions the tenant has: a number said of subscriptions (never seats, licenses or
// users), read as a range ("about 200" is 180–220, "十几个" 11–19, "300多" 301–399), and answered only when
// the whole range is on one side of 150. "40 E3 subscriptions" names a product: partners often mean seats
// there, so it is left alone.
import { hits, type Context } from './context.js';
import type { Finding } from './finding.js';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a couple of': 2, 'a couple': 2, 'a single': 1, single: 1,
};
const FEW = new Set(['a few', 'few', 'several', 'a handful of', '几']);

type Range = [low: number, high: number];

/** 三 → 3, 十五 → 15, 二十 → 20, 三百 → 300, 两百五十 → 250; undefined for anything else. */
export function chineseCount(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const digits = '零一二三四五六七八九';
  let total = 0;
  let current = 0;
  for (const ch of s.replace(/两/g, '二')) {
    const d = digits.indexOf(ch);
    if (d >= 0) current = d;
    else if (ch === '十') [total, current] = [total + (current || 1) * 10, 0];
    else if (ch === '百') [total, current] = [total + (current || 1) * 100, 0];
    else if (ch === '千') [total, current] = [total + (current || 1) * 1000, 0];
    else return undefined;
  }
  return total + current;
}

function rangeOf(qualifier: string | undefined, amount: string, plus: boolean, tail: string | undefined): Range | undefined {
  const q = qualifier?.trim() ?? '';
  const a = amount.trim();
  if (FEW.has(a)) return [2, 9];
  // 十几, 二十几: the tens and some more.
  const tensAndSome = /^([一二两三四五六七八九])?十几$/.exec(a);
  if (tensAndSome) {
    const tens = tensAndSome[1] ? chineseCount(tensAndSome[1])! * 10 : 10;
    return [tens + 1, tens + 9];
  }
  const n = WORD_NUMBERS[a] ?? chineseCount(a.replace(/,/g, ''));
  if (n === undefined) return undefined;
  // "20多" / "三百多" / "20+": more than n, below the next step of its own size.
  if (plus) {
    const step = n >= 100 ? 100 : n >= 10 ? 10 : 1;
    return [n + 1, n + step * (a.endsWith('+') ? 2 : 1) - 1];
  }
  if (/^(?:over|more than|above|超过|多于)$/.test(q) || /^(?:以上|多)$/.test(tail ?? '')) return [n + 1, Infinity];
  if (/^(?:at least|至少)$/.test(q)) return [n, Infinity];
  if (/^(?:under|fewer than|less than|below|不到|少于)$/.test(q)) return [0, n - 1];
  if (/^(?:up to|at most|no more than|不超过|最多)$/.test(q) || /^(?:以内|以下)$/.test(tail ?? '')) return [0, n];
  if (/^(?:about|around|roughly|approximately|approx\.?|~|nearly|almost|some|大概|大约|约|差不多|将近|接近|总共大概|大概有|大约有)$/.test(q) || /^(?:左右|上下)$/.test(tail ?? '')) {
    return [Math.floor(n * 0.9), Math.ceil(n * 1.1)];
  }
  return [n, n];
}

const QUALIFIER_EN = '(about|around|roughly|approximately|approx\\.?|~|nearly|almost|over|more than|above|at least|under|fewer than|less than|below|up to|at most|no more than|only|just|some)';
const AMOUNT_EN = '(\\d[\\d,]*\\+?|a few|several|a handful of|a couple of|a couple|a single|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)';
const KIND_EN = '(?:(?:active|current|existing|live|paid|separate|different|total|license-based|seat-based|nce|new commerce)\\s+)*';
const SUBS_EN = '(?:subscriptions?|subs)\\b';
const QUALIFIER_ZH = '(大概有|大约有|总共大概|大概|大约|约|差不多|将近|接近|超过|多于|不到|少于|不超过|最多|至少|只有|仅有|总共|一共)';
// A number that is not the start of a date (订阅2027年…, 订阅11月20日…).
const AMOUNT_ZH = '(\\d+(?!\\s*[\\d年月日号/.-])|[一二两三四五六七八九十百千]+|十几|[一二两三四五六七八九]十几|几)';
const SUBS_ZH = '(?:有效的?|活跃的?|在用的?|现有的?)?\\s*(?:订阅|订用帐户|订用账户)';

const COUNT_PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => Range | undefined]> = [
  [
    new RegExp(`(?<![\\w.])(?:${QUALIFIER_EN}\\s+)?${AMOUNT_EN}\\s+${KIND_EN}${SUBS_EN}`),
    (m) => rangeOf(m[1], m[2]!.replace(/\+$/, ''), m[2]!.endsWith('+'), undefined),
  ],
  [
    new RegExp(`\\b(?:active\\s+)?(?:subs|subscriptions|subscription count|number of subscriptions)\\s*(?:is|are|:|=|-|total)\\s*${QUALIFIER_EN}?\\s*(\\d[\\d,]*)\\b`),
    (m) => rangeOf(m[1], m[2]!, false, undefined),
  ],
  [
    new RegExp(`${QUALIFIER_ZH}?\\s*${AMOUNT_ZH}\\s*(多)?\\s*(?:个|份)\\s*${SUBS_ZH}\\s*(左右|上下|以上|以内|以下)?`),
    (m) => rangeOf(m[1], m[2]!, m[3] === '多', m[4]),
  ],
  [
    new RegExp(
      `${SUBS_ZH}\\s*(?:数量?|总数)?\\s*(?:是|为|有|:|共)?\\s*${QUALIFIER_ZH}?\\s*${AMOUNT_ZH}\\s*(多)?\\s*(?:个|份)?(?![个份月周天年星礼小])\\s*(左右|上下|以上|以内|以下)?`,
    ),
    (m) => rangeOf(m[1], m[2]!, m[3] === '多', m[4]),
  ],
];

export function readSubscriptionCount(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const [re, range] of COUNT_PATTERNS) {
    for (const hit of hits(ctx, re)) {
      if (hit.negated || hit.clauseSubject === 'self' || hit.clauseSubject === 'otherPartner') continue;
      const r = range(hit.match);
      if (!r) continue;
      const value = r[1] <= 150 ? 'upTo150' : r[0] > 150 ? 'over150' : undefined;
      if (value) out.push({ questionId: 'activeSubscriptions', value, at: hit.start, rank: 2 });
    }
  }
  return out;
}
