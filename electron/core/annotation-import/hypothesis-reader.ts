import { cleanTags, problemWith } from './checks.ts';
import { importLimits } from './file-limits.ts';
import { asList, asObject, asString, strings } from './json-values.ts';
import { NotImportedTally } from './not-imported.ts';
import { passageOf } from './passage.ts';
import { readTimestamp } from './timestamps.ts';
import { AnnotationFileError, type ReadAnnotation, type ReadAnnotations } from './types.ts';
import { tooManyAnnotations, webAnnotationReasons } from './web-annotation-reader.ts';

/** Reasons a Hypothesis annotation is left out, as the report words them. */
export const hypothesisReasons = {
  pageNote: 'page notes (on a whole page, not a passage of its text)',
  reply: 'replies to other annotations',
  noQuote: webAnnotationReasons.noQuote,
  noSource: webAnnotationReasons.noSource,
  notAnnotation: webAnnotationReasons.notAnnotation,
} as const;

/**
 * Reads Hypothesis' export: the JSON list of annotations its API returns (or the search answer that holds it in
 * `rows`). Each has an `id`, the page's `uri`, the note as `text` (Markdown, kept as written), `tags`, `created`,
 * `updated`, and `target: [{ source, selector: [...] }]` with W3C selectors. Hypothesis counts positions in UTF-16
 * units of the page as its browser showed it, not in code points of the article's text: the position is a hint of
 * where to look first, nothing more, and the quote decides. Throws AnnotationFileError for JSON of another shape.
 */
export function readHypothesisExport(json: unknown): ReadAnnotations {
  const rows = Array.isArray(json) ? json : asObject(json)?.['rows'];
  if (!Array.isArray(rows)) {
    throw new AnnotationFileError('This JSON file is not a Hypothesis export: that is a list of annotations.');
  }
  if (rows.length > importLimits.maxAnnotations) throw tooManyAnnotations();
  const tally = new NotImportedTally();
  const annotations: ReadAnnotation[] = [];
  for (const row of rows) {
    const read = readOne(row, tally);
    if (read) annotations.push(read);
  }
  return { format: 'hypothesis', annotations, notImported: tally.list() };
}

function readOne(row: unknown, tally: NotImportedTally): ReadAnnotation | undefined {
  const annotation = asObject(row);
  if (!annotation) {
    tally.add(hypothesisReasons.notAnnotation);
    return undefined;
  }
  const target = asObject(asList(annotation['target'])[0]);
  const selectors = target?.['selector'];
  if (asList(selectors).length === 0) {
    tally.add(asList(annotation['references']).length > 0 ? hypothesisReasons.reply : hypothesisReasons.pageNote);
    return undefined;
  }
  const { quote, position } = passageOf(selectors);
  if (!quote) {
    tally.add(hypothesisReasons.noQuote);
    return undefined;
  }
  const source = asString(target?.['source']) || asString(annotation['uri']);
  if (!source) {
    tally.add(hypothesisReasons.noSource);
    return undefined;
  }
  const read: ReadAnnotation = {
    source,
    quote,
    position,
    note: asString(annotation['text']) ?? '',
    tags: cleanTags(strings(annotation['tags'])),
    createdAt: readTimestamp(annotation['created']),
    updatedAt: readTimestamp(annotation['updated']),
    originalId: asString(annotation['id']),
  };
  const problem = problemWith(read);
  if (problem) {
    tally.add(problem);
    return undefined;
  }
  return read;
}
