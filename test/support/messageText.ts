// Message text as the share replies send it: markdown (Teams' reading of text) whose lines end in hard breaks.

/** The plain text a partner copies: the hard breaks ("  \n") back to line breaks. */
export const plainOf = (sent: string): string => sent.replace(/ {2}\n/g, '\n');

/**
 * Markdown a renderer would turn into something else: list markers, headings or quotes at a line's start, emphasis,
 * code, links, HTML, tables, strike-through. The share texts must hold none of it, so they read the same as markdown.
 */
export const MARKDOWN_SYNTAX = /^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\|)|\*\*|__|(?<![\w])_\S|\S_(?![\w])|`|\]\(|<[a-z/!]|~~/m;

/** Every line but the last ends in a hard break, and no line has other trailing spaces. */
export function hardBreakProblems(sent: string): string[] {
  const lines = sent.split('\n');
  return lines.slice(0, -1).flatMap((line, i) => (line.endsWith('  ') && !line.endsWith('   ') ? [] : [`line ${i + 1} has no hard break: ${JSON.stringify(line)}`]));
}
