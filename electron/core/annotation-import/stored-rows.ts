import type { Database } from 'better-sqlite3';

import { type HighlightColor, positionSelectorOf, quoteSelectorOf, type Selector } from '../../../common/model.ts';
import { statementCache } from '../../../db/statement-cache.ts';

/**
 * The writes of an import that db/annotations.ts does not offer, kept here until it does (they belong beside
 * createAnnotation). createAnnotation cannot store an imported annotation as it is: it refuses an orphan's quote,
 * which does not fit the article's text, and it stamps the present where the file gives the times. (It also reads
 * the article's whole text again for each highlight, which an import holding the text need not do.) The row is
 * written with the columns createAnnotation writes; a test compares the two.
 */

const statements = statementCache((db) => ({
  exists: db.prepare<[string], 1>('SELECT 1 FROM annotations WHERE id = ?').pluck(),
  insert: db.prepare<[ImportedRow]>(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (@id, @article_id, @color, @selectors, @quote, @start_offset, @note, @created_at, @updated_at)`,
  ),
  keepUpdatedAt: db.prepare<[string, string]>('UPDATE annotations SET updated_at = ? WHERE id = ?'),
}));

interface ImportedRow {
  id: string;
  article_id: number;
  color: HighlightColor;
  selectors: string;
  quote: string;
  start_offset: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

/** Whether an annotation with this id is stored, in any article. */
export function annotationStored(db: Database, id: string): boolean {
  return statements(db).exists.get(id) !== undefined;
}

/** An imported annotation as it is stored: placed (a quote and a position) or an orphan (a quote alone). */
export interface ImportedAnnotationRow {
  id: string;
  articleId: number;
  color: HighlightColor;
  selectors: Selector[];
  note: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Stores one imported annotation under its id, with the file's times. The caller has checked that the selectors of
 * a placed one describe the article's text (the anchoring engine made them from it); an orphan's quote is kept as
 * a re-import keeps it (electron/core/import-article.ts), shown apart for the user to re-attach.
 */
export function insertImportedAnnotation(db: Database, annotation: ImportedAnnotationRow): void {
  statements(db).insert.run({
    id: annotation.id,
    article_id: annotation.articleId,
    color: annotation.color,
    selectors: JSON.stringify(annotation.selectors),
    quote: quoteSelectorOf(annotation.selectors).exact,
    start_offset: positionSelectorOf(annotation.selectors)?.start ?? null,
    note: annotation.note,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
  });
}

/** Puts back the file's last change after setTags stamped the present on it. */
export function keepUpdatedAt(db: Database, id: string, updatedAt: string): void {
  statements(db).keepUpdatedAt.run(updatedAt, id);
}
