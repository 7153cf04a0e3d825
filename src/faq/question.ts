// Is a typed text asked as a question? A question mark, a question word anywhere ("what", "怎么", "嗎"),
// or a question opener ("can", "does", "请问"). Lets the dialogs tell "we bought it from another
// partner" (an answer) from "can we move it from another partner?" (a question). Words come as data.
import { tokenize, type Token } from './text.js';

export interface QuestionWords {
  /** Anywhere in the text. */
  questionWords: readonly string[];
  /** Only as the first words of the text or of a clause ("they bought direct, can they …"). */
  questionStarts: readonly string[];
}

const occursAt = (tokens: readonly Token[], words: readonly Token[], at: number): boolean =>
  words.length > 0 && words.every((w, k) => tokens[at + k]?.text === w.text);

export function createQuestionDetector(words: QuestionWords): (text: string) => boolean {
  const anywhere = words.questionWords.map(tokenize);
  const starts = words.questionStarts.map(tokenize);
  return (text: string) => {
    if (/[?？]/.test(text)) return true;
    const clauses = text.split(/[,，;；:：、.。!！]/).map(tokenize);
    if (clauses.some((tokens) => starts.some((w) => occursAt(tokens, w, 0)))) return true;
    return clauses.some((tokens) => tokens.some((_, i) => anywhere.some((w) => occursAt(tokens, w, i))));
  };
}
