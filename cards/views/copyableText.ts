// Text a partner takes out of Teams: copied from the chat, or opened in a mail app.

/** Mail clients cut long mailto: links; about 2,000 characters is the safe bound across them. */
export const MAILTO_MAX_LENGTH = 2000;

/**
 * Plain text as Teams should show it: Teams reads message text as markdown, where a single line break is only a
 * space (the Agents Playground runs the lines together). Two spaces before each break make it a hard break, so
 * every line stays a line on screen and when copied. The text must hold no other markdown (the views make sure).
 */
export const withHardBreaks = (plain: string): string => plain.split('\n').map((line) => line.trimEnd()).join('  \n');

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
