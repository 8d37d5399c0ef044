import { inDocumentOrder } from './placed-annotations.ts';
import type { ExportedArticle } from './types.ts';

/**
 * The columns, Readwise's import columns first and in its order, so the file imports there as it is; then what only
 * Marginalia has. Location is the highlight's start in code points from the start of the article's text (0-based,
 * as the JSON-LD export's TextPositionSelector counts), so a spreadsheet sorts highlights in reading order; it is
 * empty for an orphan, whose place in the current text is unknown. Date is when the highlight was made (ISO 8601,
 * UTC), as stored. Tags are joined with ", " for reading; the JSON-LD export keeps each tag whole.
 */
const columns = [
  'Highlight',
  'Title',
  'Author',
  'URL',
  'Note',
  'Location',
  'Date',
  'Color',
  'Tags',
  'Highlight ID',
  'Article ID',
] as const;

/**
 * Every highlight of the articles as CSV (RFC 4180: comma-separated, fields with a comma, a quote or a line break in
 * double quotes, quotes doubled, each record ended by CRLF), one row per highlight, articles in the order given and
 * each article's highlights in document order. The text is returned as a string; the caller writes it as UTF-8.
 * Cells are written as they are, formulas included: the file is data for another tool, and changing a quote that
 * starts with "=" would change the user's text.
 */
export function highlightsCsv(entries: readonly ExportedArticle[]): string {
  const rows: string[][] = [[...columns]];
  for (const entry of entries) {
    const { article } = entry;
    for (const { annotation, quote, place } of inDocumentOrder(entry)) {
      rows.push([
        quote.exact,
        article.title,
        article.meta.byline,
        article.source,
        annotation.note,
        place ? String(place.codePointStart) : '',
        annotation.createdAt,
        annotation.color,
        annotation.tags.join(', '),
        annotation.id,
        String(article.id),
      ]);
    }
  }
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** One field, quoted only when RFC 4180 needs it, so plain values stay readable. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
