import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import {
  type Annotation,
  type HighlightColor,
  positionSelectorOf,
  quoteSelectorOf,
  type Selector,
} from '../common/model.ts';
import { assertSelectorsFit } from '../common/selector-fit.ts';
import { articleExists, articleText } from './articles.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';
import { setTags, tagsOf, tagsOfArticle } from './tags.ts';

/** An `annotations` row exactly as SQLite returns it. */
export interface AnnotationRow {
  id: string;
  article_id: number;
  color: string;
  /** JSON array of W3C selectors. */
  selectors: string;
  /** Copy of the TextQuoteSelector's `exact`, for search. */
  quote: string;
  /** Copy of the TextPositionSelector's `start`, for document order; null when there is none. */
  start_offset: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

/**
 * A highlight to store. The data layer trusts its shape (the IPC contract's schemas have checked it); it checks that
 * the selectors describe the article's text and derives the quote and offset columns from them.
 */
export interface NewAnnotation {
  /** The caller's UUID for it, so later edits can name it before this call returns; a fresh one if absent. */
  id?: string | undefined;
  articleId: number;
  color: HighlightColor;
  selectors: Selector[];
  note?: string | undefined;
}

/** The fields an update may change; absent fields are kept. */
export interface AnnotationPatch {
  color?: HighlightColor | undefined;
  note?: string | undefined;
  selectors?: Selector[] | undefined;
}

/** Maps a row and its tags to the model. The CHECK constraints on `color` and `selectors` guarantee the casts. */
export function rowToAnnotation(row: AnnotationRow, tags: string[]): Annotation {
  return {
    id: row.id,
    articleId: row.article_id,
    color: row.color as HighlightColor,
    selectors: JSON.parse(row.selectors) as Selector[],
    note: row.note,
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The three columns that always change together, so `quote` and `start_offset` never drift from the JSON. */
export function selectorColumns(
  selectors: readonly Selector[],
): Pick<AnnotationRow, 'selectors' | 'quote' | 'start_offset'> {
  return {
    selectors: JSON.stringify(selectors),
    quote: quoteSelectorOf(selectors).exact,
    start_offset: positionSelectorOf(selectors)?.start ?? null,
  };
}

/** Parameters of the patch statement: null means "keep this column". */
interface PatchParams {
  id: string;
  color: string | null;
  note: string | null;
  selectors: string | null;
  quote: string | null;
  start_offset: number | null;
  /** start_offset may legitimately become null, so whether to touch it cannot be told from its value. */
  has_selectors: 0 | 1;
  updated_at: string;
}

/**
 * The per-article list query, exported so a test can check its plan. Annotations without a position go last:
 * where they belong is unknown, and reading order comes first. Timestamps have millisecond resolution, so rowid
 * (insertion order) breaks ties between annotations created in the same millisecond.
 */
export const listAnnotationsSql =
  'SELECT * FROM annotations WHERE article_id = ? ORDER BY start_offset NULLS LAST, created_at, rowid';

const statements = statementCache((db) => ({
  get: db.prepare<[string], AnnotationRow>('SELECT * FROM annotations WHERE id = ?'),
  list: db.prepare<[number], AnnotationRow>(listAnnotationsSql),
  insert: db.prepare<[AnnotationRow], AnnotationRow>(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (@id, @article_id, @color, @selectors, @quote, @start_offset, @note, @created_at, @updated_at)
     RETURNING *`,
  ),
  // Null parameters mean "keep". Run inside a transaction (see updateAnnotation): in autocommit, better-sqlite3's
  // .get() on UPDATE … RETURNING resets the statement to commit, and an error of that commit (a full disk) is lost.
  insertRow: db.prepare<[AnnotationRow]>(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (@id, @article_id, @color, @selectors, @quote, @start_offset, @note, @created_at, @updated_at)`,
  ),
  update: db.prepare<[PatchParams], AnnotationRow>(
    `UPDATE annotations SET
       color = coalesce(@color, color),
       note = coalesce(@note, note),
       selectors = coalesce(@selectors, selectors),
       quote = coalesce(@quote, quote),
       start_offset = CASE WHEN @has_selectors THEN @start_offset ELSE start_offset END,
       updated_at = @updated_at
     WHERE id = @id
     RETURNING *`,
  ),
  delete: db.prepare<[string], AnnotationRow>('DELETE FROM annotations WHERE id = ? RETURNING *'),
  exists: db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM annotations WHERE id = ?'),
  articleOf: db.prepare<[string], number>('SELECT article_id FROM annotations WHERE id = ?').pluck(),
  setUpdatedAt: db.prepare<[string, string]>('UPDATE annotations SET updated_at = ? WHERE id = ?'),
}));

/** The annotation with this id; throws NotFoundError if there is none. */
export function getAnnotation(db: Database, id: string): Annotation {
  const row = statements(db).get.get(id);
  if (!row) throw new NotFoundError(`No annotation with id ${id}`);
  return rowToAnnotation(row, tagsOf(db, id));
}

/** An article's annotations in document order (stored start offset, then creation); NotFoundError for no article. */
export function listAnnotations(db: Database, articleId: number): Annotation[] {
  return db.transaction(() => {
    if (!articleExists(db, articleId)) throw new NotFoundError(`No article with id ${articleId}`);
    const tags = tagsOfArticle(db, articleId);
    return statements(db)
      .list.all(articleId)
      .map((row) => rowToAnnotation(row, tags.get(row.id) ?? []));
  })();
}

/**
 * Stores a new highlight under the caller's UUID (or a fresh one) and returns it; NotFoundError if the article does
 * not exist, ConflictError if the id is taken, SelectorMismatchError if the selectors do not describe its text.
 */
export function createAnnotation(db: Database, annotation: NewAnnotation): Annotation {
  return db.transaction(() => {
    const text = articleText(db, annotation.articleId);
    if (text === undefined) throw new NotFoundError(`No article with id ${annotation.articleId}`);
    assertSelectorsFit(text, annotation.selectors);
    const id = annotation.id ?? randomUUID();
    if (statements(db).exists.get(id)) throw new ConflictError(`An annotation with id ${id} already exists`);
    const now = new Date().toISOString();
    const row = statements(db).insert.get({
      id,
      article_id: annotation.articleId,
      color: annotation.color,
      ...selectorColumns(annotation.selectors),
      note: annotation.note ?? '',
      created_at: now,
      updated_at: now,
    });
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return rowToAnnotation(row, []);
  })();
}

/** Whether an annotation with this id is stored, in any article. */
export function annotationExists(db: Database, id: string): boolean {
  return statements(db).exists.get(id) !== undefined;
}

/** An annotation brought in from another tool's file or our own export, as the file gives it. */
export interface ImportedAnnotation {
  id: string;
  articleId: number;
  color: HighlightColor;
  /** A placed one's selectors, made from the article's text by the anchoring engine; an orphan's quote alone. */
  selectors: Selector[];
  note: string;
  tags: readonly string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Stores an imported annotation as the file has it: under its own id, with its times and tags. Unlike
 * createAnnotation it does not check the selectors against the text (an orphan's quote does not fit it, and is kept
 * to be re-attached, as a re-import keeps one) and does not read the article's text again for each annotation: the
 * caller (electron/core/annotation-import/) placed them on that text. Run inside the import's transaction.
 */
export function storeImportedAnnotation(db: Database, annotation: ImportedAnnotation): void {
  statements(db).insert.get(importedRow(annotation));
  storeImportedTags(db, annotation);
}

/** An imported annotation as its row: its own id, colour, selectors, note and the file's times. */
function importedRow(annotation: ImportedAnnotation): AnnotationRow {
  return {
    id: annotation.id,
    article_id: annotation.articleId,
    color: annotation.color,
    ...selectorColumns(annotation.selectors),
    note: annotation.note,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
  };
}

/** An imported annotation's tags, if it has any, keeping the file's last change as its updated_at. */
function storeImportedTags(db: Database, annotation: ImportedAnnotation): void {
  if (annotation.tags.length === 0) return;
  setTags(db, annotation.id, annotation.tags);
  // setTags stamps the present; the file's last change is the one to keep.
  statements(db).setUpdatedAt.run(annotation.updatedAt, annotation.id);
}

/**
 * From this many annotations at once, storeImportedAnnotations takes the bulk path. Below it the triggers' per-row
 * work is cheap, and the bulk path's schema change (below) would make every connection re-prepare its statements.
 */
export const bulkStoreMinimum = 500;

/**
 * Stores many imported annotations as storeImportedAnnotation stores each, and leaves the search index exactly as
 * its triggers (migration 003) would, only much faster: 100,000 rows took 17 s row by row, nearly all of it the
 * trigger's two FTS5 inserts per row. The trigger gives an annotation the FTS rowid -rowid, so each new row's is
 * smaller than the last, and FTS5 flushes its pending terms to a new segment whenever a rowid is not larger than
 * the previous one: one segment, and merging, per row. Here `annotations_search_insert` is dropped, the rows are
 * inserted, the index gets exactly those rows (by the rowids their inserts returned, so no other row is touched)
 * with the trigger's own columns in two INSERT … SELECTs ordered so that FTS rowids rise, and the trigger is
 * re-created from its stored SQL. All of it runs inside the caller's transaction (it throws otherwise): a schema
 * change is part of the transaction, so another connection sees the trigger and the rows of before or of after the
 * COMMIT, never the trigger missing, and a failure rolls the drop back with the rows. A temp flag in the trigger's
 * WHEN was the alternative, but it would need a migration rewriting the triggers, and another connection (the backup
 * worker, the sqlite3 shell) would have to know of it. Fewer than bulkStoreMinimum go row by row.
 */
export function storeImportedAnnotations(db: Database, annotations: readonly ImportedAnnotation[]): void {
  if (!db.inTransaction) throw new Error('storeImportedAnnotations must run inside a transaction');
  if (annotations.length < bulkStoreMinimum) {
    for (const annotation of annotations) storeImportedAnnotation(db, annotation);
    return;
  }
  const trigger = db
    .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'annotations_search_insert'")
    .pluck()
    .get();
  if (trigger === undefined) throw new Error('The trigger annotations_search_insert is missing');
  db.exec('DROP TRIGGER annotations_search_insert');
  const s = statements(db);
  const rowids: (number | bigint)[] = [];
  for (const annotation of annotations) {
    rowids.push(s.insertRow.run(importedRow(annotation)).lastInsertRowid);
    storeImportedTags(db, annotation);
  }
  const inserted = JSON.stringify(rowids.map(String));
  for (const table of ['search_words', 'search_trigrams']) {
    db.prepare<[string]>(
      `INSERT INTO ${table} (rowid, quote, note)
       SELECT -rowid, quote, note FROM annotations WHERE rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(?))
       ORDER BY rowid DESC`,
    ).run(inserted);
  }
  db.exec(trigger);
}

/**
 * Applies a partial change, bumps `updated_at` and returns the result once it is committed; NotFoundError for an
 * unknown id. New selectors must describe the article's text (SelectorMismatchError); a caller that already holds
 * that text (a re-import re-anchoring thousands of highlights) passes it to spare reading it again for each.
 */
export function updateAnnotation(
  db: Database,
  id: string,
  patch: AnnotationPatch,
  knownArticleText?: string,
): Annotation {
  return db.transaction(() => {
    const articleId = statements(db).articleOf.get(id);
    if (articleId === undefined) throw new NotFoundError(`No annotation with id ${id}`);
    if (patch.selectors) assertSelectorsFit(knownArticleText ?? articleText(db, articleId) ?? '', patch.selectors);
    const selectors = patch.selectors && selectorColumns(patch.selectors);
    const row = statements(db).update.get({
      id,
      color: patch.color ?? null,
      note: patch.note ?? null,
      selectors: selectors?.selectors ?? null,
      quote: selectors?.quote ?? null,
      start_offset: selectors?.start_offset ?? null,
      has_selectors: selectors ? 1 : 0,
      updated_at: new Date().toISOString(),
    });
    if (!row) throw new NotFoundError(`No annotation with id ${id}`);
    return rowToAnnotation(row, tagsOf(db, id));
  })();
}

/** Deletes an annotation and returns what it was (for undo) once that is committed; NotFoundError for an unknown id. */
export function deleteAnnotation(db: Database, id: string): Annotation {
  return db.transaction(() => {
    const tags = tagsOf(db, id);
    const row = statements(db).delete.get(id);
    if (!row) throw new NotFoundError(`No annotation with id ${id}`);
    return rowToAnnotation(row, tags);
  })();
}
