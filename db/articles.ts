import type { Database } from 'better-sqlite3';

import type { Article, ArticleFormat, LibraryEntry } from '../common/model.ts';
import { NotFoundError } from './errors.ts';
import { statementCache } from './statement-cache.ts';
import { hashText } from './text-hash.ts';

/** An `articles` row exactly as SQLite returns it. */
interface ArticleRow {
  id: number;
  title: string;
  source: string;
  format: string;
  content: string;
  text_hash: string;
  created_at: string;
  updated_at: string;
}

/** What a caller supplies to store an article; the hash and timestamps are derived. */
export interface NewArticle {
  title: string;
  source: string;
  format: ArticleFormat;
  content: string;
}

/** An article without its body, for lists: bodies can be megabytes each. */
export type ArticleSummary = Omit<Article, 'content'>;

/** Maps a row to the model. The CHECK constraint on `format` guarantees the cast. */
function rowToArticle(row: ArticleRow): Article {
  return { ...rowToArticleSummary(row), content: row.content };
}

/** Maps a row read without its body to a summary. */
function rowToArticleSummary(row: Omit<ArticleRow, 'content'>): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    format: row.format as ArticleFormat,
    textHash: row.text_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const statements = statementCache((db) => ({
  get: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
  exists: db.prepare<[number], 1>('SELECT 1 FROM articles WHERE id = ?').pluck(),
  text: db.prepare<[number], string>('SELECT content FROM articles WHERE id = ?').pluck(),
  getBySource: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE source = ?'),
  insert: db.prepare<[Omit<ArticleRow, 'id'>], ArticleRow>(
    `INSERT INTO articles (title, source, format, content, text_hash, created_at, updated_at)
     VALUES (@title, @source, @format, @content, @text_hash, @created_at, @updated_at)
     RETURNING *`,
  ),
  updateContent: db.prepare<[Pick<ArticleRow, 'id' | 'title' | 'content' | 'text_hash' | 'updated_at'>], ArticleRow>(
    `UPDATE articles SET title = @title, content = @content, text_hash = @text_hash, updated_at = @updated_at
     WHERE id = @id
     RETURNING *`,
  ),
  library: db.prepare<[], LibraryRow>(
    `SELECT a.id, a.title, a.source, a.format, a.created_at, a.updated_at,
            count(n.id) AS highlight_count, count(nullif(n.note, '')) AS note_count
     FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
     GROUP BY a.id
     ORDER BY a.created_at DESC, a.id DESC`,
  ),
  list: db.prepare<[], Omit<ArticleRow, 'content'>>(
    'SELECT id, title, source, format, text_hash, created_at, updated_at FROM articles ORDER BY id',
  ),
}));

/** The article with this id; throws NotFoundError if there is none. */
export function getArticle(db: Database, id: number): Article {
  const row = statements(db).get.get(id);
  if (!row) throw new NotFoundError(`No article with id ${id}`);
  return rowToArticle(row);
}

/** Whether an article with this id exists, without reading its body. */
export function articleExists(db: Database, id: number): boolean {
  return statements(db).exists.get(id) !== undefined;
}

/** The body of an article (what its annotations anchor to) without the rest of its row, or undefined for none. */
export function articleText(db: Database, id: number): string | undefined {
  return statements(db).text.get(id);
}

/** The article imported from this source, or undefined: import uses it to tell a new source from a re-import. */
export function getArticleBySource(db: Database, source: string): Article | undefined {
  const row = statements(db).getBySource.get(source);
  return row && rowToArticle(row);
}

/** Stores a new article and returns it. A source that is already stored violates UNIQUE and throws. */
export function insertArticle(db: Database, article: NewArticle): Article {
  // A transaction even for one statement: its COMMIT reports a full disk, autocommit's reset would not.
  return db.transaction(() => {
    const now = new Date().toISOString();
    const row = statements(db).insert.get({
      title: article.title,
      source: article.source,
      format: article.format,
      content: article.content,
      text_hash: hashText(article.content),
      created_at: now,
      updated_at: now,
    });
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return rowToArticle(row);
  })();
}

/**
 * Replaces an article's title and body (a re-import) and returns it. Annotations are left alone: they re-anchor
 * against the new text by their selectors, and the changed `textHash` tells the reader to check them.
 */
export function updateArticleContent(db: Database, id: number, update: { title: string; content: string }): Article {
  return db.transaction(() => {
    const row = statements(db).updateContent.get({
      id,
      title: update.title,
      content: update.content,
      text_hash: hashText(update.content),
      updated_at: new Date().toISOString(),
    });
    if (!row) throw new NotFoundError(`No article with id ${id}`);
    return rowToArticle(row);
  })();
}

/** A row of the library query. */
interface LibraryRow {
  id: number;
  title: string;
  source: string;
  format: string;
  created_at: string;
  updated_at: string;
  highlight_count: number;
  note_count: number;
}

/**
 * The library: every article without its body, newest first, with its highlight and note counts (one query; the
 * (article_id, start_offset) index serves the join).
 */
export function listLibrary(db: Database): LibraryEntry[] {
  return statements(db)
    .library.all()
    .map((row) => ({
      id: row.id,
      title: row.title,
      source: row.source,
      format: row.format as ArticleFormat,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      highlightCount: row.highlight_count,
      noteCount: row.note_count,
    }));
}

/** Every article without its body, oldest first. */
export function listArticles(db: Database): ArticleSummary[] {
  return statements(db).list.all().map(rowToArticleSummary);
}
