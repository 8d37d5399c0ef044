import type { Database } from 'better-sqlite3';

import { ConflictError, NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';

/**
 * Deleting an article, and undoing that. The article's rows, its highlights with their tags, and its images are read
 * into a snapshot in the same transaction that deletes them; restoring re-inserts exactly those rows (same ids,
 * timestamps, notes), so the full-text triggers index them again as they were. The snapshot lives in the main
 * process's memory: Undo works until the app closes, as a user expects of Undo.
 */
export interface DeletedArticleSnapshot {
  readonly article: Record<string, unknown>;
  readonly annotations: ReadonlyArray<Record<string, unknown>>;
  readonly tags: ReadonlyArray<Record<string, unknown>>;
  readonly images: ReadonlyArray<Record<string, unknown>>;
  readonly highlights: number;
  readonly notes: number;
}

const statements = statementCache((db) => ({
  article: db.prepare<[number], Record<string, unknown>>('SELECT * FROM articles WHERE id = ?'),
  annotations: db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM annotations WHERE article_id = ? ORDER BY rowid',
  ),
  tags: db.prepare<[number], Record<string, unknown>>(
    `SELECT t.* FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id WHERE a.article_id = ?`,
  ),
  images: db.prepare<[number], Record<string, unknown>>('SELECT * FROM article_images WHERE article_id = ?'),
  deleteAnnotations: db.prepare<[number]>('DELETE FROM annotations WHERE article_id = ?'),
  deleteArticle: db.prepare<[number]>('DELETE FROM articles WHERE id = ?'),
  takenId: db.prepare<[number], 1>('SELECT 1 FROM articles WHERE id = ?').pluck(),
  takenSource: db.prepare<[string], 1>('SELECT 1 FROM articles WHERE source = ?').pluck(),
}));

/** Deletes an article with its highlights, tags and images, returning all of it; NotFoundError if there is none. */
export function deleteArticle(db: Database, id: number): DeletedArticleSnapshot {
  return db.transaction((): DeletedArticleSnapshot => {
    const s = statements(db);
    const article = s.article.get(id);
    if (!article) throw new NotFoundError(`No article with id ${id}`);
    const annotations = s.annotations.all(id);
    const tags = s.tags.all(id);
    const images = s.images.all(id);
    // Tags and images go by CASCADE; annotations are RESTRICT (no article delete may take them silently), so they
    // are deleted here, on purpose, with their snapshot in hand.
    s.deleteAnnotations.run(id);
    s.deleteArticle.run(id);
    return {
      article,
      annotations,
      tags,
      images,
      highlights: annotations.length,
      notes: annotations.filter((row) => row.note !== '').length,
    };
  })();
}

/**
 * Puts a deleted article back exactly as it was. ConflictError when the same file or page was opened again since
 * (the library now holds a newer copy under that source): nothing is changed then.
 */
export function restoreArticle(db: Database, snapshot: DeletedArticleSnapshot): { id: number } {
  return db.transaction(() => {
    const s = statements(db);
    const id = snapshot.article.id as number;
    if (s.takenSource.get(snapshot.article.source as string) !== undefined || s.takenId.get(id) !== undefined) {
      throw new ConflictError(
        `“${String(snapshot.article.title)}” was opened again after it was deleted, so the deleted copy cannot come back.`,
      );
    }
    insertRow(db, 'articles', snapshot.article);
    for (const row of snapshot.annotations) insertRow(db, 'annotations', row);
    for (const row of snapshot.tags) insertRow(db, 'annotation_tags', row);
    for (const row of snapshot.images) insertRow(db, 'article_images', row);
    return { id };
  })();
}

/** Inserts a row read with SELECT * back into its table (column names come from SQLite, never from a caller). */
function insertRow(db: Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}
