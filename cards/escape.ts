// Text that does not come from our own locale files (user input, echoed values) must reach a TextBlock
// as plain text: Teams renders a subset of markdown there, and the templating engine reads `${`.

/** Characters that start or close markdown anywhere in a line (backslash first, so escapes stay escapes). */
const INLINE = /[\\*_[\]()`<>~|]/g;

/**
 * Neutralises Adaptive Card / Teams markdown in `s` with CommonMark backslash escapes, so it renders as
 * the literal text: emphasis (`*`, `_`, `~`), links and images (`[`, `]`, `(`, `)`), code (backticks),
 * autolinks and quotes (`<`, `>`), headings (`#`), list items at line start (`-`, `+`, `1.`, `1)`), and
 * the templating marker `${`. Also drops control characters other than line breaks.
 */
export function escapeCardText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(INLINE, '\\$&')
      .replace(/#/g, '\\#')
      // `${` must not survive anywhere in a card: `$\{` renders as `${`.
      .replace(/\$\{/g, '$\\{')
      .split(/(\r\n|\r|\n)/)
      .map((line) =>
        line
          // Bullets at line start (after optional indentation).
          .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
          // Numbered-list prefixes: "1. " / "1) " (the ")" is already escaped above).
          .replace(/^(\s*)(\d+)\.(?=\s|$)/, '$1$2\\.')
          // Setext heading underlines and horizontal rules ("---", "===").
          .replace(/^(\s*)([=-])(?=\2{2,}\s*$)/, '$1\\$2'),
      )
      .join('')
  );
}
