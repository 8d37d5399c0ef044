import { cleanTags, problemWith } from './checks.ts';
import { importLimits } from './file-limits.ts';
import { asList, asObject, asString, strings } from './json-values.ts';
import { NotImportedTally } from './not-imported.ts';
import { colorOfStyleClass, passageOf } from './passage.ts';
import { readTimestamp } from './timestamps.ts';
import { AnnotationFileError, type ReadAnnotation, type ReadAnnotations } from './types.ts';

/** Reasons an annotation of the file is left out, as the report words them. */
export const webAnnotationReasons = {
  notAnnotation: 'entries that are not annotations',
  wholeResource: 'annotations on a whole page or document, not a passage of its text',
  noQuote: 'annotations that do not quote their passage (only a position, a CSS or an XPath selector)',
  noSource: 'annotations that do not say which document they are on',
  linkedBody: 'notes kept elsewhere (the file links to them): their highlights were imported without them',
  pagesElsewhere: 'annotations on pages of the collection that are not in the file',
} as const;

/**
 * Reads W3C Web Annotations (JSON or JSON-LD, www.w3.org/TR/annotation-model) as any tool writes them: one
 * annotation, a list of them, an AnnotationPage, or an AnnotationCollection with its pages embedded (Marginalia's
 * export). Throws AnnotationFileError when the JSON holds none of these.
 */
export function readWebAnnotations(json: unknown): ReadAnnotations {
  const tally = new NotImportedTally();
  const items = annotationItems(json, tally);
  if (items.length > importLimits.maxAnnotations) throw tooManyAnnotations();
  const annotations: ReadAnnotation[] = [];
  for (const item of items) {
    const read = readOne(item, tally);
    if (read) annotations.push(read);
  }
  return { format: 'web-annotation', annotations, notImported: tally.list() };
}

/** Whether a JSON-LD node has this type (`type` may be one name or a list; `oa:` is the model's own prefix). */
export function hasType(node: unknown, type: string): boolean {
  const object = asObject(node);
  return !!object && strings(object['type'] ?? object['@type']).some((name) => name === type || name === `oa:${type}`);
}

/** The refusal of a file with more annotations than one import takes. */
export function tooManyAnnotations(): AnnotationFileError {
  return new AnnotationFileError(
    `The file holds more than ${importLimits.maxAnnotations.toLocaleString('en-US')} annotations, the most one ` +
      'import can take. Export fewer at a time (one article, or a few) and import each file.',
  );
}

function annotationItems(json: unknown, tally: NotImportedTally): unknown[] {
  if (Array.isArray(json)) return json;
  if (hasType(json, 'Annotation')) return [json];
  if (hasType(json, 'AnnotationPage')) return asList(asObject(json)?.['items']);
  if (hasType(json, 'AnnotationCollection')) return collectionItems(asObject(json)!, tally);
  throw new AnnotationFileError(
    'This JSON file holds no Web Annotations: it is neither an annotation, nor a list, page or collection of them.',
  );
}

/**
 * The items of a collection's pages that the file holds: `first`, then each embedded `next`. A page given only by
 * its address is on a server, not in the file; what the collection's `total` says is there beyond the pages read is
 * reported.
 */
function collectionItems(collection: Record<string, unknown>, tally: NotImportedTally): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  for (let page = asObject(collection['first']); page && !seen.has(page); page = asObject(page['next'])) {
    seen.add(page);
    items.push(...asList(page['items']));
    if (items.length > importLimits.maxAnnotations) break;
  }
  const total = collection['total'];
  if (typeof total === 'number' && Number.isSafeInteger(total))
    tally.add(webAnnotationReasons.pagesElsewhere, total - items.length);
  return items;
}

function readOne(item: unknown, tally: NotImportedTally): ReadAnnotation | undefined {
  const annotation = asObject(item);
  if (!annotation || !hasType(annotation, 'Annotation')) {
    tally.add(webAnnotationReasons.notAnnotation);
    return undefined;
  }
  const targets = asList(annotation['target']).map((target) => ({ target, object: asObject(target) }));
  const withQuote = targets
    .map(({ object }) => object && { object, passage: passageOf(object['selector']) })
    .find((found) => found?.passage.quote);
  if (!withQuote) {
    const onWhole = targets.length === 0 || targets.some(({ object }) => !object || object['selector'] === undefined);
    tally.add(onWhole ? webAnnotationReasons.wholeResource : webAnnotationReasons.noQuote);
    return undefined;
  }
  const { object: target, passage } = withQuote;
  const source = asString(target['source']) ?? asString(asObject(target['source'])?.['id']);
  if (source === undefined || source === '') {
    tally.add(webAnnotationReasons.noSource);
    return undefined;
  }
  const { note, tags, linked } = bodiesOf(annotation);
  const read: ReadAnnotation = {
    source,
    quote: passage.quote!,
    position: passage.position,
    note,
    tags,
    color: colorOfStyleClass(target['styleClass']),
    createdAt: readTimestamp(annotation['created']),
    updatedAt: readTimestamp(annotation['modified']),
    originalId: asString(annotation['id']),
  };
  const problem = problemWith(read);
  if (problem) {
    tally.add(problem);
    return undefined;
  }
  if (linked) tally.add(webAnnotationReasons.linkedBody);
  return read;
}

/**
 * The note and the tags from the bodies. A textual body (a `value`) whose purpose is `tagging` is a tag; any other
 * is part of the note (commenting, describing, no purpose at all), several joined by a blank line, `bodyValue`
 * first. A body without a purpose has the annotation's motivation, as the model says. Of a Choice the first item is
 * taken: the model makes it the default. A body that is only a link (an IRI, an audio file) is not in the file.
 */
function bodiesOf(annotation: Record<string, unknown>): { note: string; tags: string[]; linked: boolean } {
  const notes = strings(annotation['bodyValue']);
  const tags: string[] = [];
  let linked = false;
  const motivation = annotation['motivation'];
  for (const item of asList(annotation['body'])) {
    let body = asObject(item);
    if (body && hasType(body, 'Choice')) body = asObject(asList(body['items'])[0]);
    const value = body && asString(body['value']);
    if (!body || value === undefined) {
      linked = true;
      continue;
    }
    if (strings(body['purpose'] ?? motivation).includes('tagging')) tags.push(value);
    else notes.push(value);
  }
  return { note: notes.join('\n\n'), tags: cleanTags(tags), linked };
}
