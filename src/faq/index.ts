// Public API of the FAQ: a typed question in any of our languages → the topic it asks about, or undefined.
import { createFaqMatcher, type FaqMatch } from './matcher.js';
import { faqMatcherData, questionWordsData } from './phrases.js';
import { createQuestionDetector } from './question.js';
import type { TopicId } from './topics.js';

export { FAQ_TOPICS, TOPIC_IDS, topicAnswerKey, topicTitleKey, type FaqTopic, type TopicId } from './topics.js';
export { answerFor, type FaqAnswer } from './answerFor.js';
export type { FaqPart } from './parts.js';
export type { KnownAnswers } from './known.js';
export { POLICY_PARAMS } from './sources.js';
export { MIN_CONFIDENCE, MIN_SCORE, type FaqMatch } from './matcher.js';

/** Built once at module load from the bundled locale files. */
export const faqMatcher = createFaqMatcher<TopicId>(faqMatcherData());

/**
 * The FAQ topic a typed question is about, or undefined when no topic matches with enough confidence
 * (then say "not sure" and offer help and the guided check). Phrases of every language are pooled, so
 * this needs no locale: answer in the user's language with renderFaqAnswerCard(t, match.topic), passing an open check's answers so the
 * answer fits what is already known (answerFor).
 * Typed answers and commands ("yes", "1", "europe", "直接购买", "help") never match.
 */
export function answerFreeText(text: string): FaqMatch<TopicId> | undefined {
  return faqMatcher.match(text);
}

/**
 * True when the text is asked as a question ("?", "what", "怎么", "嗎", "can …", "请问 …"). The dialogs can use it
 * to prefer the FAQ over a typed answer found inside a longer sentence: "can we move it from another partner?"
 * is a question, "we bought it from another partner" an answer.
 */
export const looksLikeQuestion = createQuestionDetector(questionWordsData());
