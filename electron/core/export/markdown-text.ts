/**
 * Text the user highlighted or typed, written into Markdown so that it shows exactly as it reads in the app: no
 * character of it starts a heading, list, code block, link, HTML comment (which would end Marginalia's markers),
 * or one of Obsidian's own marks (#tag, [[link]], ^block-id, ==highlight==, %%comment%%, $math$).
 */

/**
 * Every ASCII mark that CommonMark or Obsidian reads anywhere in a line, escaped with a backslash, which CommonMark
 * allows before any ASCII punctuation and shows as the mark itself.
 */
const inlineMarks = /[\\`*_{}[\]<>#~=^%$&|]/g;

/** One line of text as literal Markdown: inline marks escaped, then what only counts at the start of a line. */
function literalLine(line: string): string {
  return (
    line
      .replace(inlineMarks, '\\$&')
      // A list item, a thematic break or a Setext underline ("-", "+"), or an ordered list item ("1." or "1)").
      .replace(/^[-+]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // Leading spaces would make an indented code block (four) or vanish (fewer): character references keep them.
      .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
  );
}

/** Text as literal Markdown lines, one per line of the text (CRLF and CR count as line breaks, as in the app). */
export function literalLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map(literalLine);
}

/** Text as a block quote: every line, blank ones too, inside it, so a line break never ends the quote. */
export function blockQuote(text: string): string {
  return literalLines(text)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Text on one line (a heading, a link's words): line breaks become spaces, outer spaces go. */
export function literalInline(text: string): string {
  return literalLine(text.replace(/\s+/g, ' ').trim());
}
