import { FAQ_TOPICS, topicAnswerKey, topicTitleKey, type FaqTopic, type TopicId } from '../../src/faq/index.js';
import { AS_OF_NOTES, LINK_URLS, type LinkId } from '../../src/guidance/index.js';
import { commandButton, tr, type Button, type Translate } from './shared.js';

export interface FaqAnswerViewData {
  /** The question the answer is for, as a heading. */
  title: string;
  answer: string;
  /** "**Sources**" and a markdown list: each source with its as-of month and link. */
  sources: string;
  /** '' outside a guided check. */
  inCheck: string;
  actions: Button[];
}

export interface FaqAnswerOptions {
  /** A guided check is open: say it carries on below the answer. */
  inCheck?: boolean;
}

// Teams renders a markdown list in a TextBlock when its lines are separated by \r.
const LINE = '\r';

/** 'YYYY-MM' → a Date on the first of that month (UTC), for i18next's datetime formatter. */
function monthOf(yearMonth: string): Date {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

const link = (t: Translate, id: LinkId): string => `[${tr(t, `guidance:link.${id}`)}](${LINK_URLS[id]})`;

/**
 * Seed articles link the live edition of the article; post-2020 facts say how current they are and link
 * the doc that states them; further reading last. Each distinct line once.
 */
function sourceLines(t: Translate, topic: FaqTopic): string[] {
  const line = (source: string, id: LinkId) => `- ${tr(t, 'faq:card.sourceLine', { source, link: link(t, id) })}`;
  const lines = [
    ...topic.seeds.map((seed) => line(tr(t, `guidance:source.${seed}`), 'moveArticle')),
    ...topic.notes.map((id) => line(tr(t, 'faq:card.docsAsOf', { date: monthOf(AS_OF_NOTES[id].asOf) }), AS_OF_NOTES[id].linkId)),
    ...topic.links.map((id) => line(tr(t, 'faq:card.learnMore'), id)),
  ];
  return [...new Set(lines)];
}

/** A short answer to a typed question, from the same facts as the guided check, with its sources. */
export function faqAnswerView(t: Translate, topicId: TopicId, options: FaqAnswerOptions = {}): FaqAnswerViewData {
  const topic: FaqTopic = FAQ_TOPICS[topicId];
  return {
    title: tr(t, topicTitleKey(topicId)),
    answer: tr(t, topicAnswerKey(topicId), topic.params),
    sources: [`**${tr(t, 'faq:card.sourcesHeading')}**`, ...sourceLines(t, topic)].join(LINE),
    inCheck: options.inCheck ? tr(t, 'faq:card.inCheck') : '',
    actions: [commandButton(t, 'start', 'positive')],
  };
}
