import { annotationIdSchema } from '../../../common/schemas.ts';
import { nameBasedUuid } from '../export/name-based-uuid.ts';
import type { AnnotationFileFormat, ReadAnnotation } from './types.ts';

/**
 * The id an imported annotation is stored under, the same on every import of the same file, so a second import
 * finds it there and adds nothing:
 * - a UUID, bare or as `urn:uuid:` (Marginalia's export, and any tool that names annotations so): the UUID itself,
 *   lower-cased as the app stores ids. A UUID is unique by construction, whoever made it.
 * - any other id (an IRI, a Hypothesis id): a name-based UUID (version 5) of the format and that id, so two tools
 *   that happen to use the same id do not collide.
 * - no id at all (a Readwise CSV): a name-based UUID of the format, the source, the quote, the position and the
 *   creation time, which together tell one highlight from another. Not the note: an edited note is the same highlight.
 */
export function stableAnnotationId(format: AnnotationFileFormat, annotation: ReadAnnotation): string {
  const { originalId } = annotation;
  if (originalId !== undefined) {
    const uuid = annotationIdSchema.safeParse(originalId.replace(/^urn:uuid:/i, ''));
    if (uuid.success) return uuid.data;
    return nameBasedUuid(`${format} ${originalId}`);
  }
  const { source, quote, position, createdAt } = annotation;
  const place = position ? `${position.start}-${position.end}` : '';
  return nameBasedUuid(`${format} without id\n${source}\n${quote.exact}\n${place}\n${createdAt ?? ''}`);
}
