// The renewal or end date, and whether it renewed or ended. A date counts only next to a renewal or end
// word in its clause ("renews 3/31", "上個月 15 號到期"); a purchase date or a call date does not.
//
// Formats: 2027-03-31, 2027/3/31, 2027.3.31, 2027年3月31日, 3/31 and 3/31/2027 (month first; day first
// only when the first number can't be a month: 31/3), 31.03.2027, "March 31", "31 March", "31st of March",
// 3月31日 / 3月31号 / 三月三十一日, "today", "3 days ago", "in 10 days", 三天前, "last month on the 15th",
// 上个月15号, 下个月底, "end of March", 明年3月31日.
//
// A date without a year is the next one for "renews / expires / 到期 / 续订" and the last one for
// "renewed / expired / ended / 已到期 / 续订了". Chinese without a tense mark reads as the coming date (a
// past one is said with 了 / 已). A bare "renewal: 3/31" has no tense: it is reported, not guessed.
import { addDays, daysBetween, isIsoDate } from '../../src/guidance/index.js';
import type { Finding, Unreadable } from './finding.js';
import { negatedAt, original, type Segment, type Text } from './text.js';

type Kind = 'renew' | 'end';
/** past: renewed / expired; future: renews / will expire; unmarked: Chinese without 了 / 已; none: a noun. */
type Tense = 'past' | 'future' | 'unmarked' | 'none';

interface Cue {
  start: number;
  end: number;
  kind: Kind;
  tense: Tense;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const ORD = '(?:st|nd|rd|th)?';
const CN_NUM = '[一二两三四五六七八九十]{1,3}';
const NUM = `(\\d{1,2}|${CN_NUM})`;
const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** 三 → 3, 十五 → 15, 二十八 → 28, 三十一 → 31, 两 → 2. */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string | undefined) => (c === undefined ? undefined : '零一二三四五六七八九'.indexOf(c === '两' ? '二' : c));
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[3] === undefined && m[1] !== undefined ? digit(m[1]) : undefined;
  return (m[1] ? digit(m[1])! : 1) * 10 + (m[3] ? digit(m[3])! : 0);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const yearOf = (today: string) => Number(today.slice(0, 4));
const monthOf = (today: string) => Number(today.slice(5, 7));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A month and day, with a year when the text gives one (or gives it relative to today). */
interface DateText {
  start: number;
  end: number;
  month?: number;
  /** 'last': the month's last day ("end of March", 3月底). */
  day?: number | 'last';
  year?: number;
  /** A whole date the text fixes relative to today ("3 days ago", 上个月15号). */
  fixed?: string;
  /** Looks like a date but can't be read as one ("in March", "Q1", 31/02). */
  unreadable?: boolean;
}

function relativeYear(word: string | undefined, today: string): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{4}$/.test(word)) return Number(word);
  if (/^\d{2}$/.test(word)) return 2000 + Number(word);
  const offset: Record<string, number> = { 今年: 0, 明年: 1, 去年: -1, 后年: 2, 前年: -2, 'this year': 0, 'next year': 1, 'last year': -1 };
  return offset[word] === undefined ? undefined : yearOf(today) + offset[word]!;
}

function monthShift(today: string, word: string): number {
  if (/上|last|previous/.test(word)) return -1;
  if (/下|next/.test(word)) return 1;
  return 0;
}

function inMonth(today: string, shift: number, day: number | 'last'): string | undefined {
  let y = yearOf(today);
  let m = monthOf(today) + shift;
  if (m < 1) [y, m] = [y - 1, m + 12];
  if (m > 12) [y, m] = [y + 1, m - 12];
  const d = day === 'last' ? lastDay(y, m) : day;
  const out = iso(y, m, d);
  return isIsoDate(out) ? out : undefined;
}

/** Every date-like stretch of the text, read as far as it can be. */
export function datesIn(text: string, today: string): DateText[] {
  const found: DateText[] = [];
  const add = (d: DateText) => {
    if (found.some((f) => d.start < f.end && d.end > f.start)) return;
    found.push(d);
  };
  const each = (re: RegExp, f: (m: RegExpMatchArray & { index: number }) => Omit<DateText, 'start' | 'end'> | undefined) => {
    for (const m of text.matchAll(re)) {
      const read = f(m as RegExpMatchArray & { index: number });
      if (read) add({ start: m.index, end: m.index + m[0].length, ...read });
    }
  };
  const ymd = (y: number, mo: number, d: number) => (isIsoDate(iso(y, mo, d)) ? { year: y, month: mo, day: d } : { unreadable: true });
  const md = (mo: number | undefined, d: number | undefined, year?: number) =>
    mo !== undefined && d !== undefined && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(year ?? 2028, mo)
      ? { month: mo, day: d, year }
      : { unreadable: true };

  // Longest forms first: a full date claims its text before its parts can.
  each(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*[日号])?/g, (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  each(/(?<![\d/.])(\d{1,2})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/.])/g, (m) => {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const year = relativeYear(m[4], today)!;
    if (m[2] === '/') return a > 12 ? ymd(year, b, a) : ymd(year, a, b);
    // Dotted dates are day first (31.03.2027) unless that can't be.
    if (a > 12 || b <= 12) return a <= 12 && b <= 12 ? { unreadable: true } : ymd(year, b, a);
    return ymd(year, a, b);
  });
  each(new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD}\\b(?:,?\\s*(\\d{4})\\b)?`, 'g'), (m) =>
    md(MONTHS[m[1]!], Number(m[2]), relativeYear(m[3], today)),
  );
  each(new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s*(\\d{4})\\b)?`, 'g'), (m) =>
    md(MONTHS[m[2]!], Number(m[1]), relativeYear(m[3], today)),
  );
  each(new RegExp(`(?:(\\d{4}|明年|今年|去年|后年|前年)\\s*年?\\s*)?${NUM}\\s*月\\s*${NUM}\\s*[日号]`, 'g'), (m) =>
    md(chineseNumber(m[2]!), chineseNumber(m[3]!), relativeYear(m[1], today)),
  );
  // Relative to this month: 上个月15号, "next month on the 10th", "the 15th of last month", 下个月底, "end of this month".
  each(new RegExp(`(上个?月|下个?月|这个月|本月|当月)\\s*${NUM}\\s*[日号]`, 'g'), (m) => {
    const fixed = inMonth(today, monthShift(today, m[1]!), chineseNumber(m[2]!) ?? 0);
    return fixed ? { fixed } : { unreadable: true };
  });
  each(/\b(last|next|this) month(?:'s)?\s+(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/g, (m) => {
    const fixed = inMonth(today, monthShift(today, m[1]!), Number(m[2]));
    return fixed ? { fixed } : { unreadable: true };
  });
  each(/\bthe (\d{1,2})(?:st|nd|rd|th)? of (last|next|this) month\b/g, (m) => {
    const fixed = inMonth(today, monthShift(today, m[2]!), Number(m[1]));
    return fixed ? { fixed } : { unreadable: true };
  });
  each(/(上个?月|下个?月|这个月|本月)\s*月?底|\bend of (last|next|this) month\b/g, (m) => ({ fixed: inMonth(today, monthShift(today, m[1] ?? m[2]!), 'last') }));
  each(new RegExp(`\\bend of ${MONTH}\\b`, 'g'), (m) => ({ month: MONTHS[m[1]!], day: 'last' as const }));
  each(new RegExp(`(?<![\\d年])(?:(\\d{4}|明年|今年|去年|后年|前年)\\s*年?\\s*)?${NUM}\\s*月底`, 'g'), (m) => ({
    month: chineseNumber(m[2]!),
    day: 'last' as const,
    year: relativeYear(m[1], today),
  }));
  // Days from today.
  each(new RegExp(`(\\d{1,3}|${CN_NUM})\\s*天\\s*(前|以前|之前|后|以后|之后)`, 'g'), (m) => {
    const n = chineseNumber(m[1]!);
    return n === undefined ? undefined : { fixed: addDays(today, /前/.test(m[2]!) ? -n : n) };
  });
  each(/\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b/g, (m) => ({
    fixed: addDays(today, -(WORD_NUMBERS[m[1]!] ?? Number(m[1]))),
  }));
  each(/\bin\s+(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\b/g, (m) => ({
    fixed: addDays(today, WORD_NUMBERS[m[1]!] ?? Number(m[1])),
  }));
  each(/\b(today|yesterday|tomorrow)\b|(今天|今日|昨天|明天|前天|后天)/g, (m) => {
    const offset: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, 今天: 0, 今日: 0, 昨天: -1, 明天: 1, 前天: -2, 后天: 2 };
    return { fixed: addDays(today, offset[m[0]]!) };
  });
  // 3.31到期: a dotted month and day, in Chinese text only (elsewhere it is a decimal).
  each(/(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])(?=\s*(?:[日号]|\p{Script=Han}))/gu, (m) => md(Number(m[1]), Number(m[2])));
  // Month and day with a slash, no year: month first unless the first number can't be a month.
  each(/(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return a > 12 ? md(b, a) : md(a, b);
  });
  // Date-ish but not a day: reported, never guessed.
  each(
    new RegExp(
      `\\b(?:early|mid|late|end of|beginning of|start of|sometime in|in)?[\\s-]*${MONTH}\\b|\\bq[1-4]\\b|\\b(?:next|last|this) (?:year|month|week|quarter)\\b|\\b(?:a|one|two|\\d+) (?:weeks?|months?) ago\\b|\\bin (?:a|one|two|\\d+) (?:weeks?|months?)\\b|\\bend of (?:the )?year\\b|\\byear[- ]end\\b|${NUM}\\s*个?\\s*(?:月|周|星期|礼拜)\\s*(?:前|后|以前|以后|之前|之后)|明年|去年|今年|年底|年初|年中|上个?月|下个?月|上周|下周|上礼拜|下礼拜|${NUM}\\s*月(?:份|初|中|左右|前后|上旬|中旬|下旬)?`,
      'g',
    ),
    () => ({ unreadable: true }),
  );
  return found.sort((a, b) => a.start - b.start);
}

// The words that make a date a renewal or end date, with their tense.
const CUES: Array<[RegExp, Kind, Tense]> = [
  [/\b(?:auto-?renewed|renewed|renewal was)\b|(?:已经?)\s*(?:自动)?\s*续(?:订|约|费|期)|续(?:订|约|费|期)了/g, 'renew', 'past'],
  [/\b(?:expired|ended|lapsed|ran out|terminated)\b|(?:已经?)\s*(?:到期|过期|结束|失效|终止)|(?:到期|过期|结束|失效|终止)了/g, 'end', 'past'],
  [
    /\b(?:auto-?renews|renews|renewing|will renew|to renew|(?<![-\w])renew|up for renewal|due for renewal|(?:renewal|anniversary)(?: date)?(?:\s+(?:is|will be|falls on|comes up|coming up)|'s))\b|(?:将|会|要|即将|下次|预计)\s*(?:自动)?\s*续(?:订|约|费|期)/g,
    'renew',
    'future',
  ],
  [
    /\b(?:expires|expire|expiring|will expire|ends|ending|will end|runs out|run out|running out|lapses|terminates|(?:expiry|expiration|end)(?: date)?(?:\s+(?:is|will be)|'s))\b|(?:将|会|要|即将)\s*(?:到期|过期|结束|失效)/g,
    'end',
    'future',
  ],
  // Chinese without a tense mark, and the date nouns followed by 是/为: the coming date.
  [/(?<!自动|自動)续(?:订|约|费|期)(?!了|日|日期|的日期)|续(?:订|约)(?:日期|日)\s*(?:是|为)/g, 'renew', 'unmarked'],
  [/(?:到期|过期|结束|截止|失效)(?!了|日|日期)|(?:到期|结束|截止)(?:日期|日)\s*(?:是|为)/g, 'end', 'unmarked'],
  // Nouns alone: the date is theirs, but its tense is not said.
  [/\b(?:renewal(?: date)?|renew date|anniversary(?: date)?)\b|续(?:订|约)(?:日期|日)/g, 'renew', 'none'],
  [/\b(?:expiry(?: date)?|expiration(?: date)?|end date|term end)\b|(?:到期|结束|截止)(?:日期|日)/g, 'end', 'none'],
];
// Other events a date can belong to: it is the nearest word that decides.
const OTHER_EVENTS =
  /\b(?:bought|purchased|purchase|signed|started|starts|created|activated|onboarded|call|meeting|invoice|invoiced|paid|since|joined)\b|购买|买的|买了|签的|签了|开始|开通|会议|电话|付款|成立/g;

function cuesIn(text: string, seg: Segment): Cue[] {
  const body = text.slice(seg.start, seg.end);
  const cues: Cue[] = [];
  for (const [re, kind, tense] of CUES) {
    for (const m of body.matchAll(re)) {
      const start = seg.start + m.index;
      const end = start + m[0].length;
      if (cues.some((c) => start < c.end && end > c.start)) continue;
      // "auto-renew was off", "自动续订没开": the setting, not an event.
      if (negatedAt(seg, start, text)) continue;
      cues.push({ start, end, kind, tense });
    }
  }
  return cues;
}

const distance = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;

function occurrence(month: number, day: number | 'last', today: string, direction: 1 | -1): string | undefined {
  for (let k = 0, y = yearOf(today); k < 9; k++, y += direction) {
    const d = day === 'last' ? lastDay(y, month) : day;
    const date = iso(y, month, d);
    if (!isIsoDate(date)) continue;
    const diff = daysBetween(today, date);
    if ((direction === 1 && diff >= 0) || (direction === -1 && diff <= 0)) return date;
  }
  return undefined;
}

export interface DateReading {
  findings: Finding[];
  unreadable: Unreadable[];
}

/** renewalDate and dateKind, or what looked like the date but could not be read. */
export function readDates(t: Text, segments: readonly Segment[], today: string): DateReading {
  const text = t.text;
  const all = datesIn(text, today);
  const readable: Array<{ date: string; kind?: 'renewed' | 'ended'; at: number }> = [];
  const unreadable: Unreadable[] = [];

  for (const seg of segments) {
    if (seg.hedged) continue;
    const cues = cuesIn(text, seg);
    if (!cues.length) continue;
    const events = [...text.slice(seg.start, seg.end).matchAll(OTHER_EVENTS)].map((m) => ({
      start: seg.start + m.index,
      end: seg.start + m.index + m[0].length,
    }));
    const sentencePast = new Set(
      segments.filter((s) => s.sentence === seg.sentence && !s.hedged).flatMap((s) => cuesIn(text, s).filter((c) => c.tense === 'past').map((c) => c.kind)),
    );
    for (const d of all.filter((x) => x.start >= seg.start && x.start < seg.end)) {
      const cue = cues.reduce((best, c) => (distance(c, d) < distance(best, d) ? c : best));
      const event = events.find((e) => distance(e, d) <= distance(cue, d));
      if (event || distance(cue, d) > 40) continue;
      const snippet = original(t, d.start, d.end);
      let date = d.fixed;
      if (!date && !d.unreadable && d.month !== undefined && d.day !== undefined) {
        if (d.year !== undefined) {
          const day = d.day === 'last' ? lastDay(d.year, d.month) : d.day;
          date = isIsoDate(iso(d.year, d.month, day)) ? iso(d.year, d.month, day) : undefined;
        } else if (cue.tense === 'past') date = occurrence(d.month, d.day, today, -1);
        else if (cue.tense === 'future' || cue.tense === 'unmarked') date = occurrence(d.month, d.day, today, 1);
      }
      if (!date) {
        unreadable.push({ questionId: 'renewalDate', text: snippet });
        continue;
      }
      // Renewed or ended: said in the past (or, in Chinese, of a past date), and not both in one sentence.
      let kind: 'renewed' | 'ended' | undefined;
      const past = daysBetween(today, date) <= 0;
      const said = cue.tense === 'past' || (cue.tense === 'unmarked' && (d.fixed !== undefined || d.year !== undefined));
      if (past && said && sentencePast.size <= 1) kind = cue.kind === 'renew' ? 'renewed' : 'ended';
      readable.push({ date, kind, at: d.start });
    }
  }

  const dates = new Set(readable.map((r) => r.date));
  if (dates.size !== 1 || unreadable.length) {
    return { findings: [], unreadable: dates.size === 0 ? unreadable : [] };
  }
  const [date] = dates;
  const kinds = new Set(readable.map((r) => r.kind));
  const findings: Finding[] = [{ questionId: 'renewalDate', value: date!, at: readable[0]!.at, rank: 1 }];
  if (kinds.size === 1 && readable[0]!.kind) findings.push({ questionId: 'dateKind', value: readable[0]!.kind, at: readable[0]!.at, rank: 1 });
  return { findings, unreadable: [] };
}
