import { SEVERITIES, type Guidance } from '../../src/guidance/index.js';
import { tr, type Translate } from './shared.js';
import { messageText, rolesUnknown, stepLine, verdictView } from './resultView.js';

/** Mail clients cut long mailto: links; about 2,000 characters is the safe bound across them. */
export const MAILTO_MAX_LENGTH = 2000;

const BULLET = '• ';

/**
 * Plain text as Teams should show it: Teams reads message text as markdown, where a single line break is only a
 * space (the Agents Playground runs the lines together). Two spaces before each break make it a hard break, so
 * every line stays a line on screen and when copied. The text must hold no other markdown (the views make sure).
 */
export const withHardBreaks = (plain: string): string => plain.split('\n').map((line) => line.trimEnd()).join('  \n');

/**
 * Plain text, no markdown: the partner's checklist, to paste into an email or a ticket. Teams reads message text
 * as markdown, so nothing here may look like markdown: "•" bullets and "(1)" numbers, never "- " or "1. " lists.
 */
export function summaryText(t: Translate, g: Guidance, today: string): string {
  const verdict = verdictView(t, g);
  const out: string[] = [tr(t, 'cards:share.title'), tr(t, 'cards:share.prepared', { date: today }), ''];
  // The verdict title carries an icon for the card; the summary states it in words.
  const path = g.path === null ? '' : ` · ${tr(t, `guidance:path.${g.path}`)}`;
  out.push(tr(t, 'cards:share.verdict', { verdict: `${tr(t, `guidance:verdict.${g.verdict}`)}${path}` }));
  if (verdict.lead) out.push(verdict.lead);
  out.push('');
  const block = (heading: string, lines: string[]) => {
    if (lines.length > 0) out.push(heading, ...lines, '');
  };
  block(tr(t, g.path === null ? 'cards:result.heading.unblock' : 'cards:share.steps'), g.steps.map((s, i) => `(${i + 1}) ${stepLine(t, s, rolesUnknown(g), false)}`));
  if (g.fallback) block(tr(t, 'cards:result.heading.fallback', { path: tr(t, `guidance:path.${g.fallback.path}`) }), [messageText(t, g.fallback)]);
  if (g.credit) {
    block(`${tr(t, 'cards:share.credit')}: ${tr(t, `cards:result.creditContact.${g.credit.contact}`)}`, g.credit.items.map((m) => `${BULLET}${messageText(t, m)}`));
  }
  const notes = SEVERITIES.filter((sev) => sev !== 'blocking').flatMap((sev) =>
    g.notes.filter((n) => n.severity === sev).map((n) => `${BULLET}${tr(t, `guidance:severity.${sev}`)}: ${messageText(t, n)}`),
  );
  block(tr(t, 'cards:share.warnings'), notes);
  block(tr(t, 'cards:share.links'), g.links.map((l) => `${BULLET}${tr(t, `guidance:${l.titleKey}`)}: ${l.url}`));
  // Our locale strings use markdown emphasis for cards (bold, and the italic "since" badges); an email wants the words only.
  return out.join('\n').replace(/\*\*|__/g, '').replace(/_([(（][^_\n]*[)）])_/g, '$1').trim();
}

/**
 * A mailto: link with subject and body, URL-encoded. Long bodies are cut at a line boundary so the whole link
 * stays under MAILTO_MAX_LENGTH, ending with `note` (which tells the partner the full text is in Teams).
 */
export function mailtoLink(subject: string, text: string, note: string): string {
  const head = `mailto:?subject=${encodeURIComponent(subject)}&body=`;
  const full = head + encodeURIComponent(text);
  if (full.length <= MAILTO_MAX_LENGTH) return full;
  const lines = text.split('\n');
  while (lines.length > 1) {
    lines.pop();
    const candidate = head + encodeURIComponent(`${lines.join('\n')}\n\n${note}`);
    if (candidate.length <= MAILTO_MAX_LENGTH) return candidate;
  }
  return head + encodeURIComponent(note);
}
