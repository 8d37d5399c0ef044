import { createHash } from 'node:crypto';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAnnotation } from '../../db/annotations.ts';
import {
  articleExists,
  getArticle,
  getArticleBySource,
  insertArticle,
  librarySql,
  listArticles,
  listLibrary,
  updateArticleContent,
} from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { NotFoundError } from '../../db/errors.ts';
import { hashText } from '../../db/text-hash.ts';
import { sampleContent, selectorsAt } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'test.db'));
});

afterEach(() => {
  closeDatabase(db, console.warn);
  temp.cleanup();
});

describe('articles', () => {
  it('round-trips an inserted article with a SHA-256 hash and ISO timestamps', () => {
    const article = insertArticle(db, { title: 'Fox', source: '/tmp/fox.txt', format: 'text', content: sampleContent });
    expect(article).toMatchObject({ title: 'Fox', source: '/tmp/fox.txt', format: 'text', content: sampleContent });
    expect(article.textHash).toBe(createHash('sha256').update(sampleContent, 'utf8').digest('hex'));
    expect(new Date(article.createdAt).toISOString()).toBe(article.createdAt);
    expect(article.updatedAt).toBe(article.createdAt);
    expect(getArticle(db, article.id)).toEqual(article);
    expect(getArticleBySource(db, '/tmp/fox.txt')).toEqual(article);
    expect(getArticleBySource(db, '/tmp/other.txt')).toBeUndefined();
    expect(articleExists(db, article.id)).toBe(true);
    expect(articleExists(db, article.id + 1)).toBe(false);
  });

  it('hashes the UTF-8 bytes, so curly quotes and ellipses count', () => {
    expect(hashText('“quoted”…')).toBe(createHash('sha256').update(Buffer.from('“quoted”…', 'utf8')).digest('hex'));
    expect(hashText('"quoted"...')).not.toBe(hashText('“quoted”…'));
  });

  it('throws NotFoundError for an unknown id', () => {
    expect(() => getArticle(db, 999)).toThrow(NotFoundError);
    expect(() => getArticle(db, 999)).toThrow('No article with id 999');
    expect(() => updateArticleContent(db, 999, { title: 't', format: 'text', content: 'c' })).toThrow(NotFoundError);
  });

  it('refuses a second article from the same source', () => {
    insertArticle(db, { title: 'A', source: 'same', format: 'text', content: 'a' });
    expect(() => insertArticle(db, { title: 'B', source: 'same', format: 'text', content: 'b' })).toThrow(/UNIQUE/);
    expect(listArticles(db)).toHaveLength(1);
  });

  it('refuses a format the schema does not know yet', () => {
    expect(() => insertArticle(db, { title: 'A', source: 's', format: 'html' as 'text', content: '<p>a</p>' })).toThrow(
      /CHECK/,
    );
  });

  it('replaces title and content on re-import, with a new hash and a later updated_at', async () => {
    const article = insertArticle(db, { title: 'Old', source: 's', format: 'text', content: 'old text' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = updateArticleContent(db, article.id, { title: 'New', format: 'text', content: 'new text' });
    expect(updated).toMatchObject({ id: article.id, title: 'New', content: 'new text', createdAt: article.createdAt });
    expect(updated.textHash).toBe(hashText('new text'));
    expect(updated.updatedAt > article.updatedAt).toBe(true);
    expect(getArticle(db, article.id)).toEqual(updated);
  });

  it('lists articles oldest first, without their bodies', () => {
    const a = insertArticle(db, { title: 'A', source: 'a', format: 'text', content: 'x'.repeat(1000) });
    const b = insertArticle(db, { title: 'B', source: 'b', format: 'text', content: 'y' });
    const list = listArticles(db);
    expect(list.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(list[0]).not.toHaveProperty('content');
    const { content: _content, document: _document, ...summary } = a;
    expect(list[0]).toEqual(summary);
  });

  it('lists the library newest first with highlight and note counts, counting through the annotations index', () => {
    const older = insertArticle(db, { title: 'Older', source: 'older', format: 'text', content: sampleContent });
    const newer = insertArticle(db, { title: 'Newer', source: 'newer', format: 'text', content: sampleContent });
    db.prepare("UPDATE articles SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(older.id);
    createAnnotation(db, { articleId: older.id, color: 'yellow', selectors: selectorsAt(0, 'The'), note: 'a note' });
    createAnnotation(db, { articleId: older.id, color: 'green', selectors: selectorsAt(4, 'quick') });
    const library = listLibrary(db);
    expect(library.map((e) => [e.title, e.highlightCount, e.noteCount])).toEqual([
      ['Newer', 0, 0],
      ['Older', 2, 1],
    ]);
    expect(library[0]).not.toHaveProperty('content');
    expect(library[0]?.id).toBe(newer.id);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${librarySql}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
    // Counted from indexes alone: no highlight's row is read.
    expect(plan.match(/SEARCH n USING COVERING INDEX annotations_by_article_\w+ \(article_id=\?/g)).toHaveLength(2);
    expect(plan).not.toMatch(/SCAN n/);
  });
});
