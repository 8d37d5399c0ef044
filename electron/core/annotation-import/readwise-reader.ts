import { type HighlightColor, highlightColors } from '../../../common/model.ts';
import { boundedQuote, cleanTags, problemWith } from './checks.ts';
import { csvRecords, RecordLimitError } from './csv-records.ts';
import { importLimits } from './file-limits.ts';
import { NotImportedTally } from './not-imported.ts';
import { readTimestamp } from './timestamps.ts';
import { AnnotationFileError, type ReadAnnotation, type ReadAnnotations } from './types.ts';
import { tooManyAnnotations } from './web-annotation-reader.ts';

/** Reasons a row is left out, as the report words them. */
export const readwiseReasons = {
  noHighlight: 'rows with no highlighted text',
  noUrl: 'rows with no URL, so no article to attach them to',
} as const;

/**
 * The columns read, each by the names it goes by (compared without case or surrounding spaces): Readwise's import
 * columns, the names its own export gives some of them, and the ones Marginalia's export adds (csv.ts).
 */
const columnNames = {
  highlight: ['highlight'],
  url: ['url'],
  note: ['note'],
  location: ['location'],
  date: ['date', 'highlighted at'],
  color: ['color', 'colour'],
  tags: ['tags'],
  highlightId: ['highlight id'],
} as const;

type Column = keyof typeof columnNames;

/**
 * Reads a Readwise CSV (Highlight, Title, Author, URL, Note, Location, Date), with the Color, Tags, Highlight ID and
 * Article ID columns Marginalia's export adds. Columns are found by their header's name, in any order. Tags are split
 * at commas, as the export joins them. Location is a position only in Marginalia's own file (it has a Highlight ID
 * column): there it counts code points from the start of the text; Readwise's counts Kindle locations or pages.
 * A CSV has no context around a quote, so a quote that occurs twice in an article is placed at its first
 * occurrence unless the file gives its location. Throws AnnotationFileError for a file without a Highlight column.
 */
export function readReadwiseCsv(text: string): ReadAnnotations {
  let records: string[][];
  try {
    records = csvRecords(text, importLimits.maxAnnotations + 1);
  } catch (error) {
    if (error instanceof RecordLimitError) throw tooManyAnnotations();
    throw error;
  }
  const [header = [], ...rows] = records;
  const columns = columnIndexes(header);
  if (columns.highlight === undefined) {
    throw new AnnotationFileError(
      'This file has no Highlight column, so it is not a Readwise CSV (nor JSON, which would start with { or [).',
    );
  }
  const ours = columns.highlightId !== undefined;
  const tally = new NotImportedTally();
  const annotations: ReadAnnotation[] = [];
  for (const row of rows) {
    const cell = (column: Column) => {
      const index = columns[column];
      return index === undefined ? '' : (row[index] ?? '');
    };
    const exact = cell('highlight');
    if (exact.trim() === '') {
      tally.add(readwiseReasons.noHighlight);
      continue;
    }
    const source = cell('url').trim();
    if (source === '') {
      tally.add(readwiseReasons.noUrl);
      continue;
    }
    const start = ours && /^\d+$/.test(cell('location').trim()) ? Number(cell('location')) : undefined;
    const read: ReadAnnotation = {
      source,
      quote: boundedQuote(exact, '', ''),
      position: start === undefined ? undefined : { start, end: start + [...exact].length },
      note: cell('note'),
      tags: cleanTags(cell('tags').split(',')),
      color: colorNamed(cell('color')),
      createdAt: readTimestamp(cell('date')),
      originalId: cell('highlightId').trim() || undefined,
    };
    const problem = problemWith(read);
    if (problem) tally.add(problem);
    else annotations.push(read);
  }
  return { format: 'readwise-csv', annotations, notImported: tally.list() };
}

function columnIndexes(header: readonly string[]): Partial<Record<Column, number>> {
  const names = header.map((name) => name.trim().toLowerCase());
  const indexes: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of Object.entries(columnNames) as [Column, readonly string[]][]) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index !== -1) indexes[column] = index;
  }
  return indexes;
}

/** One of the app's colours by its name in any case; undefined for another (Readwise's orange) or none. */
function colorNamed(name: string): HighlightColor | undefined {
  const lower = name.trim().toLowerCase();
  return highlightColors.find((color) => color === lower);
}
