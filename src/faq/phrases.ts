// The matcher's data, read from the bundled locale files (plain JSON: no i18next here).
// Every language's phrases are pooled: a zh-TW user may type English, a partner in English may paste 中文.
import { LOCALES } from '../i18n/locale.js';
import { resources } from '../i18n/resources.js';
import type { FaqMatcherData, TopicPhrases } from './matcher.js';
import type { QuestionWords } from './question.js';
import { TOPIC_IDS, type TopicId } from './topics.js';

interface FaqLocaleFile {
  match: { context: string[]; neutral: string[]; questionWords: string[]; questionStarts: string[] };
  topics: Record<string, Partial<TopicPhrases>>;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Every typed answer and command word the dialogs accept, in any language: option labels and `words`
 * under questions, command and language-name `words` and `skipWords`. Collected by shape, so options
 * and commands added later are covered without touching this file.
 */
export function collectAnswerWords(tree: Json, into: string[] = [], key = ''): string[] {
  if (typeof tree === 'string') {
    if (key === 'label') into.push(tree);
  } else if (Array.isArray(tree)) {
    if (key === 'words' || key === 'skipWords') into.push(...tree.filter((w): w is string => typeof w === 'string'));
  } else if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) collectAnswerWords(v, into, k);
  }
  return into;
}

export function faqMatcherData(): FaqMatcherData<TopicId> {
  const topics = new Map<TopicId, { keywords: string[]; terms: string[] }>(TOPIC_IDS.map((id) => [id, { keywords: [], terms: [] }]));
  const context: string[] = [];
  const neutral: string[] = [];
  const answerWords: string[] = [];
  for (const locale of LOCALES) {
    const bundle = resources[locale] as unknown as { faq: FaqLocaleFile; questions: Json; common: Json };
    const { faq } = bundle;
    context.push(...faq.match.context);
    neutral.push(...faq.match.neutral);
    for (const id of TOPIC_IDS) {
      const entry = topics.get(id)!;
      entry.keywords.push(...(faq.topics[id]?.keywords ?? []));
      entry.terms.push(...(faq.topics[id]?.terms ?? []));
    }
    collectAnswerWords(bundle.questions, answerWords);
    collectAnswerWords(bundle.common, answerWords);
  }
  return { topics, context, neutral, answerWords };
}

/** Question words and openers of every language, pooled like the phrase lists. */
export function questionWordsData(): QuestionWords {
  const faqs = LOCALES.map((locale) => (resources[locale] as unknown as { faq: FaqLocaleFile }).faq.match);
  return { questionWords: faqs.flatMap((m) => m.questionWords), questionStarts: faqs.flatMap((m) => m.questionStarts) };
}
