import {
  CONTENT_CHECKED,
  SEVERITIES,
  type Guidance,
  type Note,
  type Severity,
  type Source,
  type Step,
  type Verdict,
} from '../../src/guidance/index.js';
import { changeQuestionData } from '../actions.js';
import { commandButton, escapeParams, tr, type Button, type Params, type Translate } from './shared.js';

export interface ResultOptions {
  /** The early verdict, shown as soon as an answer blocks: [Continue anyway] [Change that answer] [Start over]. */
  early?: { changeQuestionId: string };
  /** "Continue anyway": the path as if from a CSP location in this market, said in the lead. */
  assumedMarket?: string;
  /** The answers in one line, shown under the verdict with [Change an answer]. */
  recap?: string;
}

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention';

/** One block of the result below the verdict: a bold heading line, then a markdown list. */
export interface ResultSection {
  /** Which part of the guidance this is (for tests and logs; the template ignores it). */
  id: 'steps' | 'fallback' | 'credit' | Exclude<Severity, 'blocking'> | 'links';
  /** The background of a note group; plain sections have none (their TextBlock sits on the card). */
  style: ContainerStyle;
  text: string;
}

/**
 * Only sections that have something to say, in reading order: the verdict with why (blocked) or the path,
 * what to do (steps with their actors and dates, the fallback, credit), the notes by severity on coloured
 * backgrounds, then the docs the facts come from.
 */
export interface ResultViewData {
  /** lead: why it is blocked, or the urgent note ('' when neither); next: the first step; deadline: '' without a date. */
  verdict: { style: ContainerStyle; title: string; lead: string; next: string; deadline: string };
  /** The answers in one line ('' when the caller has none to show). */
  recap: string;
  /** The first buttons again, above the details. */
  topActions: Button[];
  /** One button per collapsed part: it shows or hides that part (Action.ToggleVisibility). */
  toggles: Array<{ title: string; target: 'more-steps' | 'more-notes' | 'more-credit' | 'more-sources' }>;
  /** Steps 2 onwards and the fallback (collapsed). */
  todo: ResultSection[];
  /** Notes by severity, on coloured backgrounds (collapsed). */
  warnings: ResultSection[];
  credit: ResultSection[];
  /** The sources (collapsed, with the footnote). */
  reference: ResultSection[];
  sourcesNote: string;
  actions: Button[];
}

const VERDICT_LOOK: { readonly [V in Verdict]: { icon: string; style: ContainerStyle } } = {
  blocked: { icon: '⛔', style: 'attention' },
  urgent: { icon: '❗', style: 'attention' },
  'ready-with-cautions': { icon: '⚠️', style: 'warning' },
  ready: { icon: '✅', style: 'good' },
};

// Urgent notes sit on red, cautions on amber: impossible to miss.
const SEVERITY_LOOK: { readonly [S in Exclude<Severity, 'blocking'>]: { icon: string; style: ContainerStyle } } = {
  urgent: { icon: '❗', style: 'attention' },
  caution: { icon: '⚠️', style: 'warning' },
  info: { icon: 'ℹ️', style: 'emphasis' },
};

// Teams renders a markdown list in a TextBlock when its lines are separated by \r.
const LINE = '\r';

/** Parameters that hold dates: shown in bold so they stand out. */
const DATE_PARAMS = new Set(['date', 'cancelWindowEnds', 'expiredUntil', 'dataKeptUntil']);

interface Message {
  key: string;
  params?: Params;
  source?: Source;
}

/** 'YYYY-MM' → a Date on the first of that month (UTC), for i18next's datetime formatter. */
export function monthOf(yearMonth: string): Date {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

/** A doc fact shows its month only where GUIDANCE gives one; ⚠ where it says to check the live page. */
export function badge(t: Translate, source: Source | undefined): string {
  let out = '';
  if (source?.since) out += tr(t, 'cards:result.sinceBadge', { date: monthOf(source.since) });
  if (source?.check) out += tr(t, 'cards:result.checkBadge');
  return out;
}

/** Params that name a label (a market, a goal, a channel) stay ids for $t nesting; foreign values are escaped. */
export function messageText(t: Translate, m: Message, boldDates = false): string {
  const params = escapeParams(m.params);
  if (params && boldDates) for (const k of Object.keys(params)) if (DATE_PARAMS.has(k)) params[k] = `**${params[k]}**`;
  return tr(t, `guidance:${m.key}`, params);
}

/** "**You** (Admin agent or Global admin): … — **by 2027-01-30**". */
export function stepLine(t: Translate, s: Step, partnerUnsure: boolean, bold = true): string {
  const b = (x: string) => (bold ? `**${x}**` : x);
  let who = b(tr(t, `guidance:actor.${s.actor}`));
  // Roles only where they help: the partner has none of them, or isn't sure which it has.
  if (s.roles && (s.roleGap || partnerUnsure)) {
    const roles = s.roles.map((r) => tr(t, `guidance:role.${r}`)).join(tr(t, 'cards:result.orSeparator'));
    // The text carries its own spacing: " (needs …)" in English, "（需要…）" in Chinese.
    who += tr(t, s.roleGap ? 'cards:result.needsRoleGap' : 'cards:result.needsRole', { roles });
  }
  let when = '';
  if (s.from && s.due) when = tr(t, 'cards:result.between', { from: b(s.from), due: b(s.due) });
  else if (s.due) when = tr(t, 'cards:result.by', { due: b(s.due) });
  return `${who}${tr(t, 'cards:result.actorSeparator')}${messageText(t, s)}${when}${badge(t, s.source)}`;
}

/** The partner didn't say which roles it has: every step of its own names the roles that can do it. */
export const rolesUnknown = (g: Guidance): boolean => g.notes.some((n) => n.key === 'note.checkRoles');

const heading = (s: string): string => `**${s}**`;

const bullets = (t: Translate, items: readonly Message[]): string[] =>
  items.map((m) => `- ${messageText(t, m, true)}${badge(t, m.source)}`);

/** Parentheses and spaces would end a markdown link target early. */
const safeUrl = (url: string): string => url.replace(/[()\s]/g, (c) => encodeURIComponent(c));

/** The first lines, readable in five seconds: verdict and path, why (blocked) or what is urgent, the next action, the deadline. */
export function verdictView(t: Translate, g: Guidance, assumedMarket?: string): ResultViewData['verdict'] {
  const look = VERDICT_LOOK[g.verdict];
  const verdictLabel = tr(t, `guidance:verdict.${g.verdict}`);
  const title = `${look.icon} ${g.path === null ? verdictLabel : `${verdictLabel} · ${tr(t, `guidance:path.${g.path}`)}`}`;
  const leadNotes = g.path === null ? g.notes.filter((n) => n.severity === 'blocking') : g.notes.filter((n) => n.severity === 'urgent').slice(0, 1);
  const lead = [
    ...(assumedMarket ? [tr(t, 'cards:result.assumed', { market: tr(t, `guidance:region.${assumedMarket}`) })] : []),
    ...leadNotes.map((n) => messageText(t, n, true)),
  ].join(' ');
  const first = g.steps[0];
  const next = first ? tr(t, g.path === null ? 'cards:result.firstUnblock' : 'cards:result.next', { step: stepLine(t, first, rolesUnknown(g)) }) : '';
  const dated = g.steps.find((s) => s.due !== undefined);
  // The first step's own date is already on the "next" line.
  const deadline = !dated || dated === first
    ? ''
    : dated.from
      ? tr(t, 'cards:result.deadlineBetween', { from: `**${dated.from}**`, due: `**${dated.due}**`, n: g.steps.indexOf(dated) + 1 })
      : tr(t, 'cards:result.deadline', { due: `**${dated.due}**`, n: g.steps.indexOf(dated) + 1 });
  return { style: look.style, title, lead, next, deadline };
}

function section(id: ResultSection['id'], style: ContainerStyle, title: string, lines: readonly string[]): ResultSection {
  return { id, style, text: [heading(title), ...lines].join(LINE) };
}

function noteSections(t: Translate, notes: readonly Note[]): ResultSection[] {
  const out: ResultSection[] = [];
  for (const severity of SEVERITIES) {
    if (severity === 'blocking') continue; // the verdict's lead says why
    const group = notes.filter((n) => n.severity === severity);
    if (group.length === 0) continue;
    const look = SEVERITY_LOOK[severity];
    out.push(section(severity, look.style, `${look.icon} ${tr(t, `guidance:severity.${severity}`)}`, bullets(t, group)));
  }
  return out;
}

/**
 * The result as a call sheet: the first lines say the verdict, the one next action with its actor and the
 * deadline; a recap of the answers; then the rest (remaining steps, notes, credit, sources) in sections the
 * partner opens with one click each. Nothing is said twice: the first step is the "next" line, the steps
 * list carries on from step 2, the urgent note in the lead is not repeated below.
 */
export function resultView(t: Translate, g: Guidance, options: ResultOptions = {}): ResultViewData {
  const partnerUnsure = rolesUnknown(g);
  const todo: ResultSection[] = [];
  const stepsTitle = g.path === null ? tr(t, 'cards:result.heading.unblock') : tr(t, 'cards:result.heading.steps');
  if (g.steps.length > 1) {
    todo.push(section('steps', 'default', stepsTitle, g.steps.slice(1).map((s, i) => `${i + 2}. ${stepLine(t, s, partnerUnsure)}`)));
  }
  if (g.fallback) {
    const title = tr(t, 'cards:result.heading.fallback', { path: tr(t, `guidance:path.${g.fallback.path}`) });
    // A list item, so Teams puts it on its own line under the heading.
    todo.push(section('fallback', 'default', title, [`- ${messageText(t, g.fallback)}${badge(t, g.fallback.source)}`]));
  }
  const credit: ResultSection[] = [];
  if (g.credit) {
    // Who calls billing support is the one thing to take away: it rides on the heading line.
    const title = `${tr(t, 'cards:result.heading.credit')} · ${tr(t, `cards:result.creditContact.${g.credit.contact}`)}`;
    credit.push(section('credit', 'default', title, bullets(t, g.credit.items)));
  }
  const verdict = verdictView(t, g, options.assumedMarket);
  const inLead = g.path === null ? undefined : g.notes.find((n) => n.severity === 'urgent');
  const warnings = noteSections(t, g.notes.filter((n) => n !== inLead));
  const links = g.links.map((l) => `- [${tr(t, `guidance:${l.titleKey}`)}](${safeUrl(l.url)})`);
  const reference = [section('links', 'default', tr(t, 'cards:result.heading.links'), links)];
  const noteCount = warnings.reduce((n, w) => n + w.text.split(LINE).length - 1, 0);
  const toggles: ResultViewData['toggles'] = [
    ...(todo.length > 0 ? [{ title: tr(t, 'cards:result.show.steps', { count: g.steps.length - 1 + (g.fallback ? 1 : 0) }), target: 'more-steps' as const }] : []),
    ...(warnings.length > 0 ? [{ title: tr(t, 'cards:result.show.notes', { count: noteCount }), target: 'more-notes' as const }] : []),
    ...(credit.length > 0 ? [{ title: tr(t, 'cards:result.show.credit'), target: 'more-credit' as const }] : []),
    { title: tr(t, 'cards:result.show.sources', { count: g.links.length }), target: 'more-sources' as const },
  ];
  const actions = options.early ? earlyActions(t, g, options.early.changeQuestionId) : [commandButton(t, 'change', 'positive'), commandButton(t, 'share'), commandButton(t, 'track'), commandButton(t, 'restart')];
  return {
    verdict,
    recap: options.recap ?? '',
    topActions: actions.slice(0, 2),
    toggles,
    todo,
    warnings,
    credit,
    reference,
    sourcesNote: tr(t, 'cards:result.sourcesNote', { checked: monthOf(CONTENT_CHECKED) }),
    actions,
  };
}

/** 21Vianet has no path from the global Partner Center, so nothing to continue to there. */
function earlyActions(t: Translate, g: Guidance, changeQuestionId: string): Button[] {
  const cloud = g.notes.some((n) => n.key === 'blocked.vianet');
  return [
    ...(cloud ? [] : [commandButton(t, 'continue', 'positive')]),
    { title: tr(t, 'cards:button.changeThatAnswer'), style: 'default', data: changeQuestionData(changeQuestionId) },
    // A blocked move is news for the customer too: what they are told, and what would change it on their side.
    commandButton(t, 'share'),
    commandButton(t, 'restart'),
  ];
}
