import { SEVERITIES, type Guidance, type Severity, type Source, type Verdict } from '../../src/guidance/index.js';
import { commandButton, escapeParams, tr, type Button, type Params, type Translate } from './shared.js';

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention';

/** One block of the result below the verdict: a bold heading line, then a markdown list. */
export interface ResultSection {
  /** Which part of the guidance this is (for tests and logs; the template ignores it). */
  id: 'steps' | 'credit' | Severity | 'timing' | 'links';
  /** The background of a warning group; plain sections have none (their TextBlock sits on the card). */
  style: ContainerStyle;
  text: string;
}

/**
 * Only sections that have something to say, in reading order: what to do (steps, credit), the warnings
 * grouped by severity on coloured backgrounds, then reference (timing, links with the as-of notes).
 */
export interface ResultViewData {
  verdict: { style: ContainerStyle; title: string; lead: string };
  todo: ResultSection[];
  warnings: ResultSection[];
  reference: ResultSection[];
  sourcesNote: string;
  actions: Button[];
}

const VERDICT_LOOK: { readonly [V in Verdict]: { icon: string; style: ContainerStyle } } = {
  blocked: { icon: '⛔', style: 'attention' },
  'ready-with-cautions': { icon: '⚠️', style: 'warning' },
  ready: { icon: '✅', style: 'good' },
};

// Blocking and data-loss warnings sit on red, cautions on amber: impossible to miss.
const SEVERITY_LOOK: { readonly [S in Severity]: { icon: string; style: ContainerStyle } } = {
  blocking: { icon: '⛔', style: 'attention' },
  'data-loss': { icon: '❗', style: 'attention' },
  caution: { icon: '⚠️', style: 'warning' },
  info: { icon: 'ℹ️', style: 'emphasis' },
};

/** The verdict line names at most this many reasons, then "+N more". */
export const MAX_REASONS_SHOWN = 3;

// Teams renders a markdown list in a TextBlock when its lines are separated by \r.
const LINE = '\r';

/** Parameters that hold dates: shown in bold so the dates stand out in timing advice. */
const DATE_PARAMS = new Set(['renewalDate', 'provisionBy', 'windowEndsOn']);

interface Sourced {
  key: string;
  params?: Params;
  source?: Source;
}

/** 'YYYY-MM' → a Date on the first of that month (UTC), for i18next's datetime formatter. */
function monthOf(yearMonth: string): Date {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

/** Public-doc facts say how current they are; 2017-article facts say so; 2020-article facts are the unmarked default. */
function badge(t: Translate, source: Source | undefined): string {
  if (source?.tag === 'public-doc' && source.asOf) return tr(t, 'cards:result.asOfBadge', { date: monthOf(source.asOf) });
  if (source?.tag === 'seed-2017') return tr(t, 'cards:result.seed2017Badge');
  return '';
}

function text(t: Translate, m: Sourced, boldDates = false): string {
  const params = escapeParams(m.params);
  if (params && boldDates) for (const k of Object.keys(params)) if (DATE_PARAMS.has(k)) params[k] = `**${params[k]}**`;
  return tr(t, `guidance:${m.key}`, params);
}

const heading = (s: string): string => `**${s}**`;

const bullets = (t: Translate, items: readonly Sourced[], boldDates = false): string[] =>
  items.map((m) => `- ${text(t, m, boldDates)}${badge(t, m.source)}`);

/** Parentheses and spaces would end a markdown link target early. */
const safeUrl = (url: string): string => url.replace(/[()\s]/g, (c) => encodeURIComponent(c));

export function verdictView(t: Translate, g: Guidance): ResultViewData['verdict'] {
  const look = VERDICT_LOOK[g.verdict];
  const shown = g.reasons.slice(0, MAX_REASONS_SHOWN).map((id) => tr(t, `cards:result.reason.${id}`));
  const hidden = g.reasons.length - shown.length;
  if (hidden > 0) shown.push(tr(t, 'cards:result.more', { count: hidden }));
  return {
    style: look.style,
    title: `${look.icon} ${tr(t, `guidance:verdict.${g.verdict}`)}`,
    lead: tr(t, `cards:result.lead.${g.verdict}`, { reasons: shown.join(tr(t, 'cards:listSeparator')) }),
  };
}

function section(id: ResultSection['id'], style: ContainerStyle, title: string, lines: readonly string[]): ResultSection {
  return { id, style, text: [heading(title), ...lines].join(LINE) };
}

/**
 * "Learn more": every link once; the as-of notes that cite a link follow it in the same item,
 * so each note keeps its date (in its text) and its link without repeating the URL.
 */
function linkLines(t: Translate, g: Guidance): string[] {
  // A note whose fact an item above already states (dated by its badge) would only say it twice.
  const stated = new Set(
    [...g.steps, ...g.warnings, ...(g.credit?.items ?? []), ...(g.timing?.items ?? [])].map((m) => m.source.noteId).filter(Boolean),
  );
  const notes = g.asOfNotes.filter((n) => !stated.has(n.id));
  const lines = g.links.map((l) => {
    const notes = g.asOfNotes.filter((n) => n.linkId === l.id && !stated.has(n.id)).map((n) => text(t, n));
    const link = `[${tr(t, `guidance:${l.titleKey}`)}](${safeUrl(l.url)})`;
    return notes.length > 0 ? `- ${link} — ${notes.join(' ')}` : `- ${link}`;
  });
  // A note whose link is missing from guidance.links (not expected) still shows, without a link.
  const linked = new Set(g.links.map((l) => l.id));
  return [...lines, ...notes.filter((n) => !linked.has(n.linkId)).map((n) => `- ${text(t, n)}`)];
}

/** The result a partner reads at a glance: verdict first, then what to do, then what to watch. */
export function resultView(t: Translate, g: Guidance): ResultViewData {
  const todo: ResultSection[] = [];
  const warnings: ResultSection[] = [];
  const reference: ResultSection[] = [];

  if (g.steps.length > 0) {
    todo.push(
      section(
        'steps',
        'default',
        tr(t, 'cards:result.heading.steps'),
        g.steps.map((s, i) => `${i + 1}. ${text(t, s)}${badge(t, s.source)}`),
      ),
    );
  }
  if (g.credit) {
    // Who calls billing support is the one thing to take away: it rides on the heading line.
    const title = `${tr(t, 'cards:result.heading.credit')} · ${tr(t, `cards:result.creditContact.${g.credit.contact}`)}`;
    todo.push(section('credit', 'default', title, bullets(t, g.credit.items)));
  }
  for (const severity of SEVERITIES) {
    const group = g.warnings.filter((w) => w.severity === severity);
    if (group.length === 0) continue;
    const look = SEVERITY_LOOK[severity];
    warnings.push(section(severity, look.style, `${look.icon} ${tr(t, `guidance:severity.${severity}`)}`, bullets(t, group)));
  }
  if (g.timing) {
    reference.push(section('timing', 'default', tr(t, 'cards:result.heading.timing'), bullets(t, g.timing.items, true)));
  }
  if (g.links.length > 0 || g.asOfNotes.length > 0) {
    reference.push(section('links', 'default', tr(t, 'cards:result.heading.links'), linkLines(t, g)));
  }

  return {
    verdict: verdictView(t, g),
    todo,
    warnings,
    reference,
    sourcesNote: tr(t, 'cards:result.sourcesNote'),
    actions: [commandButton(t, 'change', 'positive'), commandButton(t, 'share'), commandButton(t, 'restart')],
  };
}
