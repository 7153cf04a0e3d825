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
  verdict: { style: ContainerStyle; title: string; lead: string };
  todo: ResultSection[];
  warnings: ResultSection[];
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

export function verdictView(t: Translate, g: Guidance): ResultViewData['verdict'] {
  const look = VERDICT_LOOK[g.verdict];
  const title = `${look.icon} ${tr(t, `guidance:verdict.${g.verdict}`)}`;
  // Blocked leads with why; otherwise with the path the steps follow.
  const lead =
    g.path === null
      ? g.notes.filter((n) => n.severity === 'blocking').map((n) => messageText(t, n)).join(' ')
      : tr(t, 'cards:result.pathLead', { path: tr(t, `guidance:path.${g.path}`) });
  return { style: look.style, title, lead };
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

/** The result a partner reads at a glance: verdict first, then what to do and who does it, then what to watch. */
export function resultView(t: Translate, g: Guidance, options: ResultOptions = {}): ResultViewData {
  const partnerUnsure = rolesUnknown(g);
  const todo: ResultSection[] = [];
  const stepsTitle = g.path === null ? tr(t, 'cards:result.heading.unblock') : tr(t, 'cards:result.heading.steps');
  todo.push(section('steps', 'default', stepsTitle, g.steps.map((s, i) => `${i + 1}. ${stepLine(t, s, partnerUnsure)}`)));
  if (g.fallback) {
    const title = tr(t, 'cards:result.heading.fallback', { path: tr(t, `guidance:path.${g.fallback.path}`) });
    // A list item, so Teams puts it on its own line under the heading.
    todo.push(section('fallback', 'default', title, [`- ${messageText(t, g.fallback)}${badge(t, g.fallback.source)}`]));
  }
  if (g.credit) {
    // Who calls billing support is the one thing to take away: it rides on the heading line.
    const title = `${tr(t, 'cards:result.heading.credit')} · ${tr(t, `cards:result.creditContact.${g.credit.contact}`)}`;
    todo.push(section('credit', 'default', title, bullets(t, g.credit.items)));
  }
  const links = g.links.map((l) => `- [${tr(t, `guidance:${l.titleKey}`)}](${safeUrl(l.url)})`);
  const verdict = verdictView(t, g);
  if (options.assumedMarket) verdict.lead = `${tr(t, 'cards:result.assumed', { market: tr(t, `guidance:region.${options.assumedMarket}`) })} ${verdict.lead}`;
  return {
    verdict,
    todo,
    warnings: noteSections(t, g.notes),
    reference: [section('links', 'default', tr(t, 'cards:result.heading.links'), links)],
    sourcesNote: tr(t, 'cards:result.sourcesNote', { checked: monthOf(CONTENT_CHECKED) }),
    actions: options.early ? earlyActions(t, g, options.early.changeQuestionId) : [commandButton(t, 'change', 'positive'), commandButton(t, 'share'), commandButton(t, 'restart')],
  };
}

/** 21Vianet has no path from the global Partner Center, so nothing to continue to there. */
function earlyActions(t: Translate, g: Guidance, changeQuestionId: string): Button[] {
  const cloud = g.notes.some((n) => n.key === 'blocked.vianet');
  return [
    ...(cloud ? [] : [commandButton(t, 'continue', 'positive')]),
    { title: tr(t, 'cards:button.changeThatAnswer'), style: 'default', data: changeQuestionData(changeQuestionId) },
    commandButton(t, 'restart'),
  ];
}
