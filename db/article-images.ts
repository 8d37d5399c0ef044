import type { Database } from 'better-sqlite3';

import { statementCache } from './statement-cache.ts';

/** An image stored with an article: its name in the article's tree, its sniffed media type and its bytes. */
export interface ArticleImage {
  name: string;
  mediaType: string;
  data: Uint8Array;
}

const statements = statementCache((db) => ({
  clear: db.prepare<[number]>('DELETE FROM article_images WHERE article_id = ?'),
  insert: db.prepare<[number, string, string, Uint8Array]>(
    'INSERT INTO article_images (article_id, name, media_type, data) VALUES (?, ?, ?, ?)',
  ),
  get: db.prepare<[number, string], { media_type: string; data: Buffer }>(
    'SELECT media_type, data FROM article_images WHERE article_id = ? AND name = ?',
  ),
  count: db.prepare<[number], number>('SELECT count(*) FROM article_images WHERE article_id = ?').pluck(),
}));

/** Replaces an article's images (a re-import brings a new set), in one transaction. */
export function replaceArticleImages(db: Database, articleId: number, images: readonly ArticleImage[]): void {
  db.transaction(() => {
    const s = statements(db);
    s.clear.run(articleId);
    for (const image of images) s.insert.run(articleId, image.name, image.mediaType, image.data);
  })();
}

/** One stored image, or undefined when the article has none by that name. */
export function getArticleImage(db: Database, articleId: number, name: string): ArticleImage | undefined {
  const row = statements(db).get.get(articleId, name);
  return row && { name, mediaType: row.media_type, data: row.data };
}

/** How many images an article has stored. */
export function countArticleImages(db: Database, articleId: number): number {
  return statements(db).count.get(articleId) ?? 0;
}
