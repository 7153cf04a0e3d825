import { SEVERITIES, type Guidance } from '../../src/guidance/index.js';
import { tr, type Translate } from './shared.js';
import { messageText, rolesUnknown, stepLine, verdictView } from './resultView.js';

const BULLET = '• ';

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
