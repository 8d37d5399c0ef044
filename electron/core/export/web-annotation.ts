import type { Article } from '../../../common/model.ts';
import { highlightClass, highlightRule } from './highlight-styles.ts';
import { nameBasedUuid } from './name-based-uuid.ts';
import { inDocumentOrder, type PlacedAnnotation } from './placed-annotations.ts';
import type { ExportedArticle } from './types.ts';
import { annotationContext, type WebAnnotation, type WebAnnotationCollection } from './web-annotation-model.ts';

/** What the export says about itself: when it was made (ISO 8601, UTC) and, optionally, by which program. */
interface WebAnnotationOptions {
  exportedAt: string;
  generator?: { name: string; version: string };
}

/**
 * The highlights of the articles as one W3C Web Annotation collection (JSON-LD, ready for JSON.stringify): articles
 * in the order given, each article's highlights in document order, orphans last.
 *
 * All annotations sit on one embedded page. Pages exist so that a server can answer a long collection one request
 * at a time; a file is read whole, and one page lets a reader take every annotation from `first.items` without
 * following `next` links through the file.
 *
 * The collection's and page's ids are derived from the export time and the highlights' ids, so the same export
 * made twice is the same file.
 */
export function webAnnotationCollection(
  entries: readonly ExportedArticle[],
  options: WebAnnotationOptions,
): WebAnnotationCollection {
  const items = entries.flatMap((entry) =>
    inDocumentOrder(entry).map((placed) => webAnnotation(entry.article, placed, options)),
  );
  const name = `${options.exportedAt} ${items.map((item) => item.id).join(' ')}`;
  const id = `urn:uuid:${nameBasedUuid(`collection ${name}`)}`;
  const collection: WebAnnotationCollection = {
    '@context': annotationContext,
    id,
    type: 'AnnotationCollection',
    label: 'Highlights and notes exported from Marginalia',
    total: items.length,
  };
  if (items.length === 0) return collection;
  const pageId = `urn:uuid:${nameBasedUuid(`page 0 ${name}`)}`;
  return {
    ...collection,
    first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: pageId,
  };
}

/**
 * One highlight as an annotation. Its colour is kept the way the model provides for how a target is rendered
 * (section 4.4, Styles): a `styleClass` on the target and a CSS `stylesheet` on the annotation that paints that
 * class. A tool that renders CSS paints the highlight in its colour; one that does not can still read the colour
 * from the class name, and Marginalia's own import reads it back from there.
 */
function webAnnotation(
  article: Article,
  { annotation, quote, place }: PlacedAnnotation,
  options: WebAnnotationOptions,
): WebAnnotation {
  const body: NonNullable<WebAnnotation['body']> = [
    ...(annotation.note === ''
      ? []
      : [
          {
            type: 'TextualBody' as const,
            value: annotation.note,
            format: 'text/plain' as const,
            purpose: 'commenting' as const,
          },
        ]),
    ...annotation.tags.map((tag) => ({ type: 'TextualBody' as const, value: tag, purpose: 'tagging' as const })),
  ];
  const { exact, prefix, suffix } = quote;
  return {
    '@context': annotationContext,
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    generated: options.exportedAt,
    ...(options.generator && {
      generator: { type: 'Software' as const, name: `${options.generator.name} ${options.generator.version}` },
    }),
    ...(body.length > 0 && { body }),
    target: {
      type: 'SpecificResource',
      source: asUri(article.source),
      styleClass: highlightClass(annotation.color),
      // An orphan's stored position would select other words of the current text: only its quote goes out.
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        ...(place
          ? [{ type: 'TextPositionSelector' as const, start: place.codePointStart, end: place.codePointEnd }]
          : []),
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: highlightRule(annotation.color) },
  };
}

/**
 * The article's source as a URI: sources are URLs already (file:, http:, https:, or `marginalia:default-article`),
 * stored as the URL parser wrote them; any character a URI may not hold (a space, a letter beyond ASCII) is
 * percent-encoded in UTF-8, and a `%` that starts no escape is encoded too.
 */
function asUri(source: string): string {
  return source
    .toWellFormed()
    .replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (character) =>
      encodeURIComponent(character),
    );
}
