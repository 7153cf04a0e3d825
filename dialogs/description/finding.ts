import type { QuestionId } from '../questions.js';

/**
 * One reading of one answer somewhere in the text. Readings of a question are compared at their best rank
 * ("tenant in Japan" outranks "customer in Japan"); two different values there cancel each other out.
 */
export interface Finding {
  questionId: QuestionId;
  value: string | string[];
  /** Where in the comparable text (for tests and tie-breaking only). */
  at: number;
  /** Higher is more direct evidence. */
  rank: number;
}

export interface Unreadable {
  questionId: QuestionId;
  text: string;
}
