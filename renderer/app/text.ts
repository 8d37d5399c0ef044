import { findQuoteSelector, type Selector } from '../../common/model.ts';

/** Shortens text to at most `max` characters on a word boundary where possible, ending with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // Code points, so an emoji is never cut in half.
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The first `lines` non-empty lines of a note, at most `maxChars` characters, for a compact preview. The cap keeps a
 * 10,000-character note out of the card's DOM and its accessible name; CSS clamps what is left to the visible lines.
 */
export function firstLines(text: string, lines: number, maxChars = 300): string {
  const kept = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const head = kept.slice(0, lines).join('\n');
  const chars = Array.from(head); // Code points, so an emoji is never cut in half.
  if (chars.length > maxChars)
    return `${chars
      .slice(0, maxChars - 1)
      .join('')
      .trimEnd()}…`;
  return kept.length > lines ? `${head}…` : head;
}

/** "1 note", "3 notes": a count with its word, for labels and announcements. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Capitalised colour name for labels. */
export function colorName(color: string): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}

/** The quoted text of an annotation (its TextQuoteSelector's `exact`). */
export function quoteText(selectors: readonly Selector[]): string {
  return findQuoteSelector(selectors)?.exact ?? '';
}
