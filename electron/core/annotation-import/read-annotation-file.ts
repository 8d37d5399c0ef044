import { importLimits } from './file-limits.ts';
import { readHypothesisExport } from './hypothesis-reader.ts';
import { asList, asObject } from './json-values.ts';
import { readReadwiseCsv } from './readwise-reader.ts';
import { AnnotationFileError, type ReadAnnotations } from './types.ts';
import { hasType, readWebAnnotations } from './web-annotation-reader.ts';

/**
 * Reads an annotation file as the user picked it, whatever its format: W3C Web Annotations (JSON or JSON-LD),
 * Hypothesis' export (JSON), or a Readwise CSV. The format is told by the content, not the file's name, which
 * another tool may have given any extension: JSON starts with `{` or `[`, anything else is read as CSV. Pure: the
 * caller reads the file (checking its size against `importLimits.fileMaxBytes` first spares reading a huge one).
 * Throws AnnotationFileError, with a message for the user, for a file that is too big, not UTF-8 text, not JSON
 * where it looks like JSON, or of another shape.
 */
export function readAnnotationFile(bytes: Uint8Array): ReadAnnotations {
  if (bytes.byteLength > importLimits.fileMaxBytes) {
    throw new AnnotationFileError(
      `The file is ${megabytes(bytes.byteLength)}; an annotation file may be at most ` +
        `${megabytes(importLimits.fileMaxBytes)}. Export fewer annotations at a time and import each file.`,
    );
  }
  let text: string;
  try {
    // fatal: a byte that is not UTF-8 would otherwise become U+FFFD in a note, and the import would say it was kept.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AnnotationFileError('This file is not text in UTF-8, so it is not an annotation export.');
  }
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return readReadwiseCsv(text);
  const json = parseJson(text);
  return isHypothesisExport(json) ? readHypothesisExport(json) : readWebAnnotations(json);
}

/**
 * Hypothesis' export is a list of annotations without a W3C `type` (or its API's answer, which holds it in `rows`);
 * a list with an item typed `Annotation` is W3C annotations.
 */
function isHypothesisExport(json: unknown): boolean {
  if (asObject(json)?.['rows'] !== undefined && !asObject(json)?.['type']) return true;
  if (!Array.isArray(json)) return false;
  const items = asList(json);
  return (
    items.some((item) => asObject(item)?.['uri'] !== undefined) && !items.some((item) => hasType(item, 'Annotation'))
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    // V8 names the end of the text as the position where it expected more.
    const cutShort = /end of JSON/i.test(message) || position >= text.trimEnd().length;
    const where = cutShort
      ? 'it ends before its data is complete (was it cut short?)'
      : Number.isNaN(position)
        ? 'it could not be read'
        : `something is wrong near character ${position.toLocaleString('en-US')}`;
    throw new AnnotationFileError(`This file looks like JSON but is not valid JSON: ${where}.`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}
