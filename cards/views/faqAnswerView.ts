import { POLICY_PARAMS, answerFor, topicTitleKey, type FaqPart, type KnownAnswers, type TopicId } from '../../src/faq/index.js';
import { CONTENT_CHECKED, LINK_IDS, LINK_URLS, type LinkId, type Source } from '../../src/guidance/index.js';
import { badge, monthOf } from './resultView.js';
import { commandButton, escapeParams, tr, type Button, type Translate } from './shared.js';

export interface FaqAnswerViewData {
  /** The question the answer is for, as a heading. */
  title: string;
  /** '' for the general answer; otherwise says the answer follows the open check's answers. */
  situational: string;
  /** The answer's paragraphs. */
  answer: string;
  /** "**Sources**" and a markdown list: each doc the answer rests on, linked, with its month and ⚠ where edition 2 gives them. */
  sources: string;
  /** When the content was checked, and what the month and ⚠ mean (the result card's footnote). */
  sourcesNote: string;
  /** '' outside a guided check. */
  inCheck: string;
  actions: Button[];
}

export interface FaqAnswerOptions {
  /** A guided check is open: say it carries on below the answer. */
  inCheck?: boolean;
  /** What the open check knows, and today ('YYYY-MM-DD'): the answer picks the variant for it. */
  situation?: { answers: KnownAnswers; today: string };
}

// Teams renders a markdown list in a TextBlock when its lines are separated by \r.
const LINE = '\r';
const PARAGRAPH = '\n\n';

/** Dates the engine computed stand out, as on the result card; other params are ids for $t nesting. */
const DATE_PARAMS = new Set(['date', 'expiredUntil', 'dataKeptUntil', 'cancelWindowEnds', 'stopRenewalBy', 'provisionBy', 'buyFrom', 'buyBy']);

function partText(t: Translate, p: FaqPart): string {
  const params: Record<string, string | number> = { ...POLICY_PARAMS, ...escapeParams(p.params) };
  for (const k of Object.keys(params)) if (DATE_PARAMS.has(k)) params[k] = `**${params[k]}**`;
  return tr(t, p.key, params);
}

/** A seed fact links the live edition of the article it comes from. */
const docOf = (s: Source): LinkId => s.doc ?? 'moveArticle';

/**
 * One line per doc, in the links table's order: its title linked, then "(since …)" for each month edition 2
 * gives for a fact taken from it, and ⚠ once if any of them is to be checked on the live page.
 */
function sourceLines(t: Translate, parts: readonly FaqPart[]): string[] {
  const byDoc = new Map<LinkId, { since: Set<string>; check: boolean }>();
  for (const s of parts.flatMap((p) => p.sources)) {
    const entry = byDoc.get(docOf(s)) ?? { since: new Set<string>(), check: false };
    if (s.since) entry.since.add(s.since);
    entry.check ||= s.check === true;
    byDoc.set(docOf(s), entry);
  }
  return LINK_IDS.filter((id) => byDoc.has(id)).map((id) => {
    const { since, check } = byDoc.get(id)!;
    const months = [...since].sort().map((m) => badge(t, { kind: 'doc', doc: id, since: m })).join('');
    return `- [${tr(t, `guidance:link.${id}`)}](${LINK_URLS[id]})${months}${check ? badge(t, { kind: 'doc', doc: id, check: true }) : ''}`;
  });
}

/** A short answer to a typed question, from the same facts as the guided check, with its sources. */
export function faqAnswerView(t: Translate, topicId: TopicId, options: FaqAnswerOptions = {}): FaqAnswerViewData {
  const { parts, situational } = answerFor(topicId, options.situation);
  return {
    title: tr(t, topicTitleKey(topicId), { ...POLICY_PARAMS }),
    situational: situational ? tr(t, 'faq:card.fromCheck') : '',
    answer: parts.map((p) => partText(t, p)).join(PARAGRAPH),
    sources: [`**${tr(t, 'faq:card.sourcesHeading')}**`, ...sourceLines(t, parts)].join(LINE),
    sourcesNote: tr(t, 'cards:result.sourcesNote', { checked: monthOf(CONTENT_CHECKED) }),
    inCheck: options.inCheck ? tr(t, 'faq:card.inCheck') : '',
    actions: [commandButton(t, 'start', 'positive')],
  };
}
