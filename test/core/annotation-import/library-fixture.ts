import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { Annotation, Article, Selector } from '../../../common/model.ts';
import { insertArticle } from '../../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { makeTempDir } from '../../db/temp-dir.ts';

/** A library in a fresh temp folder, real SQLite, and the way to close and remove it. */
export function openTempLibrary(): { db: Database; close(): void } {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(path.join(dir, 'marginalia.db'));
  return {
    db,
    close: () => {
      closeDatabase(db, () => {});
      cleanup();
    },
  };
}

/** A plain-text article with this source and text. */
export function addArticle(db: Database, source: string, content: string): Article {
  return insertArticle(db, { title: `Article at ${source}`, source, format: 'text', content });
}

/**
 * An orphan as a re-import leaves one (electron/core/import-article.ts): its old quote, which the article's text no
 * longer holds, and its old position, kept as they were. Written directly, as the data layer only makes orphans
 * by re-anchoring: createAnnotation refuses selectors that do not fit.
 */
export function storeOrphan(
  db: Database,
  orphan: Omit<Annotation, 'tags' | 'selectors'> & { selectors: Selector[] },
): void {
  const quote = orphan.selectors.find((selector) => selector.type === 'TextQuoteSelector')!;
  const position = orphan.selectors.find((selector) => selector.type === 'TextPositionSelector');
  db.prepare(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    orphan.id,
    orphan.articleId,
    orphan.color,
    JSON.stringify(orphan.selectors),
    quote.exact,
    position?.start ?? null,
    orphan.note,
    orphan.createdAt,
    orphan.updatedAt,
  );
}

/** Sets a highlight's times directly: the app stamps the present, and a test library needs times of its choosing. */
export function setTimes(db: Database, id: string, createdAt: string, updatedAt: string): void {
  db.prepare('UPDATE annotations SET created_at = ?, updated_at = ? WHERE id = ?').run(createdAt, updatedAt, id);
}
