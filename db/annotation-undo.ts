import type { Database } from 'better-sqlite3';

import type { Annotation, Selector } from '../common/contract.ts';
import { annotationExists, getAnnotation, selectorColumns, storeImportedAnnotation } from './annotations.ts';
import { articleExists } from './articles.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';

/**
 * Undo's own writes: bringing back what a user's change replaced, exactly as it was. Each is refused, changing
 * nothing, when the stored data is no longer what the change left (the caller checks what it can; these check the
 * rest), so Undo never puts back something over a newer change.
 */

const statements = statementCache((db) => ({
  putSelectorsBack: db.prepare<{
    id: string;
    selectors: string;
    quote: string;
    start_offset: number | null;
    now: string;
  }>(
    `UPDATE annotations SET selectors = :selectors, quote = :quote, start_offset = :start_offset, updated_at = :now
     WHERE id = :id`,
  ),
}));

/**
 * Puts a deleted highlight back exactly as it was (same id, colour, selectors, note, tags and timestamps), for Undo:
 * the caller keeps what `deleteAnnotation` returned. The full-text triggers index it again as they did before.
 * Refused, changing nothing, when a highlight with that id exists again or its article has gone since.
 */
export function restoreDeletedAnnotation(db: Database, annotation: Annotation): Annotation {
  return db.transaction(() => {
    if (annotationExists(db, annotation.id)) throw new ConflictError('That highlight is already back.');
    if (!articleExists(db, annotation.articleId)) {
      throw new NotFoundError('That highlight cannot come back: its article was deleted.');
    }
    storeImportedAnnotation(db, annotation);
    return getAnnotation(db, annotation.id);
  })();
}

/**
 * Puts back the selectors a re-attach replaced (Undo of a re-attach): for an orphan these describe text that is no
 * longer in the article, which is why this does not check them against it as an update does. The caller passes
 * only selectors the main process itself read from this row before the re-attach.
 */
export function restoreReplacedSelectors(db: Database, id: string, selectors: readonly Selector[]): Annotation {
  return db.transaction(() => {
    const columns = selectorColumns(selectors);
    const changed = statements(db).putSelectorsBack.run({ id, ...columns, now: new Date().toISOString() });
    if (changed.changes === 0) throw new NotFoundError('That highlight was deleted since.');
    return getAnnotation(db, id);
  })();
}
