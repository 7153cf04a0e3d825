// A description as the reader sees it: one comparable form of the text (full-width folded, lower case,
// Traditional characters as Simplified), which keeps a map back to what the partner typed, cut into
// sentences and clauses ("segments"). Every pattern in this folder runs on the comparable form, so one
// Simplified pattern reads zh-CN, zh-TW and mixed-script text alike.
import { Converter } from 'opencc-js/t2cn';

// Character by character ('tw', not 'twp'): every character maps to one, so positions stay comparable
// and a snippet can be cut from the original text. Taiwan words stay Taiwan words (租用户, 续约, 通路).
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const folded = new Map<string, string>();

function fold(ch: string): string {
  const known = folded.get(ch);
  if (known !== undefined) return known;
  const out = /\p{Cf}/u.test(ch)
    ? ''
    : String(
        toSimplified(
          ch
            .normalize('NFKC')
            .toLowerCase()
            .replace(/[’‘`´]/g, "'")
            .replace(/[“”「」『』]/g, '"')
            .replace(/[\p{Cc}\u00a0\u3000]/gu, ' '),
        ),
      );
  if (folded.size > 50_000) folded.clear(); // typed text is short; the map stays small unless fed noise
  folded.set(ch, out);
  return out;
}

export interface Text {
  /** What the partner typed. */
  source: string;
  /** The comparable form. */
  text: string;
  /** For each character of `text`, where it came from in `source`. */
  origin: number[];
}

export function comparable(source: string): Text {
  let text = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of source) {
    for (const c of fold(ch)) {
      text += c;
      origin.push(at);
    }
    at += ch.length;
  }
  return { source, text, origin };
}

/** Comparable form of a vocabulary word (no position map needed). */
export const comparableWord = (word: string): string => comparable(word).text.replace(/\s+/g, ' ').trim();

/** The partner's own words for a stretch of the comparable text. */
export function original(t: Text, start: number, end: number): string {
  if (start >= end) return '';
  const from = t.origin[start] ?? t.source.length;
  const lastOrigin = t.origin[end - 1] ?? t.source.length - 1;
  const last = t.source.codePointAt(lastOrigin) ?? 0;
  return t.source.slice(from, lastOrigin + (last > 0xffff ? 2 : 1)).trim();
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** A question or a hedge ("not sure", "I think", "可能"): nothing in it is taken as stated. */
  hedged: boolean;
}

const HAN = /\p{Script=Han}/u;

// Sentence ends: . ! ? 。 and line breaks. A dot only ends a sentence before a space, the end, or Chinese
// (2027.3.31, microsoft.com and U.S. stay whole; so does "Jan. 20").
const SENTENCE_END =
  /[!?。\n]+|(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))\.(?=\s|$|\p{Script=Han})|(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))\.(?=$|\s+(?!\d)|\p{Script=Han})/gu;
// Clause breaks inside a sentence: commas and semicolons (not 1,200 or "March 31, 2027"), spaced dashes,
// and "but" words, which end the reach of a negation ("not EA but Open Value").
const CLAUSE_BREAK =
  /(?<!\d),|,(?!\s*\d)|(?<=\d),(?=\s*\d{4}\b)|[;]|\s[-–—]+\s|—|\bbut\b|\bhowever\b|\bthough\b|但是|不过|可是|而是|但(?!凡)/gu;

// Starting a sentence that ends with "?", these make the whole sentence a question.
const QUESTION_START =
  /^(?:and |so |also |hi |hey )*(?:is|are|was|were|can|could|do|does|did|will|would|should|shall|may|what|what's|how|why|when|where|which|who|whether|any)\b|^(?:(?:quick |one |a )?question|just wondering|wondering)\b|^(?:请问|想问|问一下|问下|我想问|请教|想请教|想确认)/;
// Anywhere in a clause, these make it a question or a guess.
const HEDGE =
  /\b(?:not sure|unsure|not certain|don't know|dont know|do not know|no idea|maybe|might|possibly|perhaps|probably|i think|i guess|i believe|guess|assume|assuming|if|whether|either|unless|supposedly|apparently)\b|\bmay\b(?!\s*\d)|不确定|不太确定|不知道|不清楚|不记得|可能|也许|或许|好像|似乎|大概是|应该是|应该在|应该有|是否|能否|可否|如果|假如|要是|假设|吗|呢\s*$|是不是|有没有|对不对|能不能|可不可以|什么|怎么|怎样|如何|为什么|哪个|哪些|哪里|多少|吧$|还是.{0,8}[?？]/;

/** Sentences and clauses of a description, each marked when it is a question or a guess. */
export function segmentsOf(t: Text): Segment[] {
  const out: Segment[] = [];
  const text = t.text;
  const sentences: Array<[number, number, boolean]> = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    sentences.push([from, m.index, m[0].includes('?')]);
    from = m.index + m[0].length;
  }
  sentences.push([from, text.length, false]);

  sentences.forEach(([sStart, sEnd, asked], sentence) => {
    const body = text.slice(sStart, sEnd);
    const whole = asked && QUESTION_START.test(body.trim());
    const parts: Array<[number, number]> = [];
    let at = 0;
    for (const m of body.matchAll(CLAUSE_BREAK)) {
      parts.push([at, m.index]);
      at = m.index + m[0].length;
    }
    parts.push([at, body.length]);
    const kept = parts.filter(([a, b]) => body.slice(a, b).trim() !== '');
    kept.forEach(([a, b], i) => {
      const seg = body.slice(a, b);
      const last = i === kept.length - 1;
      out.push({
        start: sStart + a,
        end: sStart + b,
        text: seg,
        sentence,
        hedged: whole || (asked && last) || HEDGE.test(seg.trim()),
      });
    });
  });
  return out;
}

export const isHan = (s: string): boolean => HAN.test(s);

// A negation reaches a few words (or Chinese characters) ahead, within its clause.
const NEGATION_EN =
  /\b(?:not|no|never|without|none|neither|nor|non|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|hadn't|won't|wouldn't|can't|cannot|couldn't|instead of|rather than|other than|except|excluding)\b|n't\b/;
const NEGATION_ZH = /不是|并非|并不|并没|没有|没|未|非|无|不|别再|而不是|除了/;
// Words that hold a negation character without negating anything ("不小心" accidentally, "非常" very).
const NOT_NEGATING = /不小心|不同|不过|不错|不久|不少|不但|不仅|不断|不管|不满|不到|不超过|不足|非常|无论|未来|没关系/g;

/** True when the words just before `at` in its clause negate what follows ("not EA", "不是 EA"). */
export function negatedAt(seg: Segment, at: number, text: string): boolean {
  const before = text.slice(seg.start, at);
  const words = before.split(/\s+/).filter(Boolean).slice(-4).join(' ');
  if (NEGATION_EN.test(words)) return true;
  const near = [...before.replace(/\s+/g, '').replace(NOT_NEGATING, '·')].slice(-6).join('');
  return NEGATION_ZH.test(near);
}

/** The clause holding a position of the text. */
export function segmentAt(segments: readonly Segment[], at: number): Segment | undefined {
  return segments.find((s) => at >= s.start && at < s.end);
}
