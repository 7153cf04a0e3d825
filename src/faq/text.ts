// Typed text → comparable tokens, the same way for a user's question and for our phrase lists.
// Chinese is compared in one script (Simplified), so 區域 / 区域 and mixed-script text match alike.
import { Converter } from 'opencc-js/t2cn';

/** Traditional (Taiwan, with its phrase forms) → Simplified. Runs on user text and on phrase lists alike. */
const toSimplified = Converter({ from: 'twp', to: 'cn' });

/** One segmenter for mixed text: ICU word rules split Latin words and know Chinese words. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface Token {
  /** The word as typed (canonical form): a Latin word, a number, or one Chinese character. */
  text: string;
  /** Its light stem (Latin words only; otherwise the text itself). */
  stem: string;
  cjk: boolean;
  /** True when this Chinese character directly follows the previous one in the text (same word run). */
  joined: boolean;
}

/**
 * Full-width forms folded (NFKC: ＧＤＡＰ？ → gdap?), case folded, Traditional → Simplified, typographic
 * apostrophes straightened, invisible characters dropped.
 */
export function canonical(text: string): string {
  return toSimplified(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
      .replace(/[’‘`´]/g, "'"),
  );
}

/**
 * A light English stemmer, enough for plurals and tenses in questions ("licenses", "refunded",
 * "expires"); fuzzy matching absorbs what it leaves (cancell ~ cancel).
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(x|z|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 2 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/**
 * Word-like segments of the canonical text. Chinese runs become one token per character, so a phrase
 * matches wherever its characters appear together, however the segmenter split the sentence around it.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lastHanEnd = -1;
  for (const { segment, index, isWordLike } of segmenter.segment(canonical(text))) {
    if (!isWordLike && !LETTER_OR_DIGIT.test(segment)) continue;
    if (HAN.test(segment)) {
      // ICU gives Latin words and numbers segments of their own, so a Han segment holds only Han characters.
      let at = index;
      for (const ch of segment) {
        tokens.push({ text: ch, stem: ch, cjk: true, joined: at === lastHanEnd });
        lastHanEnd = at += ch.length;
      }
    } else {
      const word = segment.replace(/^'+|'+$/g, '');
      if (word) tokens.push({ text: word, stem: stem(word), cjk: false, joined: false });
    }
  }
  return tokens;
}

/** The comparable key of a short text: its tokens joined by spaces ("GDAP + support" → "gdap support"). */
export function tokenKey(text: string): string {
  return tokenize(text)
    .map((t) => t.text)
    .join(' ');
}
