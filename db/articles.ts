import type { Database } from 'better-sqlite3';

import { checkDocument, type DocumentNode, documentText } from '../common/document.ts';
import type { Article, ArticleFormat, ArticleMeta, LibraryEntry, ReadingPosition } from '../common/model.ts';
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
  document: string | null;
  text_hash: string;
  byline: string;
  site_name: string;
  published_at: string | null;
  language: string | null;
  direction: string | null;
  note: string;
  read_offset: number | null;
  read_progress: number | null;
  opened_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * An article's body as a caller supplies it: plain text, or a formatted tree whose text the data layer derives
 * (with `documentText`, the one function that says what a formatted article's text is), never takes on trust.
 */
export type ArticleBody = { format: 'text'; content: string } | { format: 'document'; document: DocumentNode[] };

/** What a caller supplies to store an article; the text of a tree, the hash and the timestamps are derived. */
export type NewArticle = { title: string; source: string; meta?: Partial<ArticleMeta> } & ArticleBody;

/** An article without its body, for lists: bodies can be megabytes each. */
export type ArticleSummary = Omit<Article, 'content' | 'document'>;

const summaryColumns = `id, title, source, format, text_hash, byline, site_name, published_at, language, direction,
  note, read_offset, read_progress, opened_at, created_at, updated_at`;

/** Maps a row to the model. The CHECK constraints on `format` and `direction` guarantee the casts. */
function rowToArticle(row: ArticleRow): Article {
  return {
    ...rowToArticleSummary(row),
    content: row.content,
    document: row.document === null ? null : (JSON.parse(row.document) as DocumentNode[]),
  };
}

/** Maps a row read without its body to a summary. */
function rowToArticleSummary(row: Omit<ArticleRow, 'content' | 'document'>): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    format: row.format as ArticleFormat,
    meta: {
      byline: row.byline,
      siteName: row.site_name,
      publishedAt: row.published_at,
      language: row.language,
      direction: row.direction as ArticleMeta['direction'],
    },
    note: row.note,
    reading: readingOf(row),
    textHash: row.text_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function readingOf(row: Pick<ArticleRow, 'read_offset' | 'read_progress'>): ReadingPosition | null {
  return row.read_offset === null || row.read_progress === null
    ? null
    : { offset: row.read_offset, progress: row.read_progress };
}

/** The stored columns of a body: its text, and its tree as JSON. Refuses a tree Marginalia may not store. */
function bodyColumns(body: ArticleBody): { format: ArticleFormat; content: string; document: string | null } {
  // Anything but a tree goes to SQLite as given, whose CHECK refuses a format it does not know.
  if (body.format !== 'document') return { format: body.format, content: body.content, document: null };
  const problem = checkDocument(body.document);
  if (problem) throw new Error(`refusing to store a formatted article: ${problem}`);
  return { format: 'document', content: documentText(body.document), document: JSON.stringify(body.document) };
}

function metaColumns(meta: Partial<ArticleMeta> = {}) {
  return {
    byline: meta.byline ?? '',
    site_name: meta.siteName ?? '',
    published_at: meta.publishedAt ?? null,
    language: meta.language ?? null,
    direction: meta.direction ?? null,
  };
}

/**
 * The library list, exported so a test can check its plan. Both counts come from an index alone
 * (annotations_by_article_has_note; the note test is written exactly as that index's expression, so SQLite reads it
 * from the index): no highlight's row is read, so the list costs about the same with 100 highlights or 100,000.
 */
export const librarySql = `SELECT a.id, a.title, a.source, a.format, a.site_name, a.byline, a.read_progress,
    a.note <> '' AS has_note, a.created_at, a.updated_at,
    (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS highlight_count,
    (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND (n.note <> '') = 1) AS note_count
  FROM articles a
  ORDER BY a.created_at DESC, a.id DESC`;

const statements = statementCache((db) => ({
  get: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
  exists: db.prepare<[number], 1>('SELECT 1 FROM articles WHERE id = ?').pluck(),
  text: db.prepare<[number], string>('SELECT content FROM articles WHERE id = ?').pluck(),
  getBySource: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE source = ?'),
  insert: db.prepare<[InsertRow], ArticleRow>(
    `INSERT INTO articles (title, source, format, content, document, text_hash, byline, site_name, published_at,
                           language, direction, created_at, updated_at)
     VALUES (@title, @source, @format, @content, @document, @text_hash, @byline, @site_name, @published_at,
             @language, @direction, @created_at, @updated_at)
     RETURNING *`,
  ),
  updateContent: db.prepare<[UpdateRow], ArticleRow>(
    `UPDATE articles SET title = @title, format = @format, content = @content, document = @document,
       text_hash = @text_hash, byline = @byline, site_name = @site_name, published_at = @published_at,
       language = @language, direction = @direction, updated_at = @updated_at
     WHERE id = @id
     RETURNING *`,
  ),
  library: db.prepare<[], LibraryRow>(librarySql),
  // opened_at sits before the bodies in the row (migration 4), so this scan never reads an article's text.
  lastOpened: db
    .prepare<[], number>('SELECT id FROM articles WHERE opened_at IS NOT NULL ORDER BY opened_at DESC, id DESC LIMIT 1')
    .pluck(),
  list: db.prepare<[], Omit<ArticleRow, 'content' | 'document'>>(`SELECT ${summaryColumns} FROM articles ORDER BY id`),
}));

/** The article with this id; throws NotFoundError if there is none. */
export function getArticle(db: Database, id: number): Article {
  const row = statements(db).get.get(id);
  if (!row) throw new NotFoundError(`No article with id ${id}`);
  return rowToArticle(row);
}

/** The article the user had open most recently (`markArticleOpened`), or undefined when none was ever marked. */
export function getLastOpenedArticle(db: Database): Article | undefined {
  const id = statements(db).lastOpened.get();
  return id === undefined ? undefined : getArticle(db, id);
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

type InsertRow = Omit<ArticleRow, 'id' | 'note' | 'read_offset' | 'read_progress' | 'opened_at'>;
type UpdateRow = Omit<InsertRow, 'source' | 'created_at'> & { id: number };

/** Stores a new article and returns it. A source that is already stored violates UNIQUE and throws. */
export function insertArticle(db: Database, article: NewArticle): Article {
  const body = bodyColumns(article);
  // A transaction even for one statement: its COMMIT reports a full disk, autocommit's reset would not.
  return db.transaction(() => {
    const now = new Date().toISOString();
    const row = statements(db).insert.get({
      title: article.title,
      source: article.source,
      ...body,
      text_hash: hashText(body.content),
      ...metaColumns(article.meta),
      created_at: now,
      updated_at: now,
    });
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return rowToArticle(row);
  })();
}

/** A re-import's new title, body and metadata. */
export type ArticleUpdate = { title: string; meta?: Partial<ArticleMeta> } & ArticleBody;

/**
 * Replaces an article's title, body and metadata (a re-import) and returns it. Annotations are left alone: they
 * re-anchor against the new text by their selectors, and the changed `textHash` tells the reader to check them.
 */
export function updateArticleContent(db: Database, id: number, update: ArticleUpdate): Article {
  const body = bodyColumns(update);
  return db.transaction(() => {
    const row = statements(db).updateContent.get({
      id,
      title: update.title,
      ...body,
      text_hash: hashText(body.content),
      ...metaColumns(update.meta),
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
  site_name: string;
  byline: string;
  read_progress: number | null;
  has_note: number;
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
      siteName: row.site_name,
      byline: row.byline,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      highlightCount: row.highlight_count,
      noteCount: row.note_count,
      progress: row.read_progress,
      hasNote: row.has_note === 1,
    }));
}

/** Every article without its body, oldest first. */
export function listArticles(db: Database): ArticleSummary[] {
  return statements(db).list.all().map(rowToArticleSummary);
}

const userStatements = statementCache((db) => ({
  setReading: db.prepare<[{ id: number; offset: number; progress: number }]>(
    'UPDATE articles SET read_offset = @offset, read_progress = @progress WHERE id = @id',
  ),
  markOpened: db.prepare<[{ id: number; opened_at: string }]>(
    'UPDATE articles SET opened_at = @opened_at WHERE id = @id',
  ),
  latestOpened: db.prepare<[], string | null>('SELECT max(opened_at) FROM articles').pluck(),
  setNote: db.prepare<[{ id: number; note: string; updated_at: string }]>(
    'UPDATE articles SET note = @note, updated_at = @updated_at WHERE id = @id',
  ),
}));

/**
 * Remembers where the user is in an article (the text offset at the top of the view and the fraction read), so it
 * reopens there; NotFoundError for an unknown article. Not a change to the article: `updated_at` stays.
 */
export function setReadingPosition(db: Database, id: number, reading: ReadingPosition): void {
  db.transaction(() => {
    const { changes } = userStatements(db).setReading.run({
      id,
      offset: reading.offset,
      progress: reading.progress,
    });
    if (changes === 0) throw new NotFoundError(`No article with id ${id}`);
  })();
}

/**
 * Remembers that the user has this article open now, so the app starts on it next time (`getLastOpenedArticle`);
 * NotFoundError for an unknown article. Not a change to the article: `updated_at` stays.
 */
export function markArticleOpened(db: Database, id: number): void {
  db.transaction(() => {
    const { changes } = userStatements(db).markOpened.run({ id, opened_at: nextOpenedStamp(db) });
    if (changes === 0) throw new NotFoundError(`No article with id ${id}`);
  })();
}

/**
 * Now, or a millisecond after the latest stamp if that is not earlier: two articles opened within one millisecond
 * (or after the clock was set back) must still come out in the order they were opened.
 */
function nextOpenedStamp(db: Database): string {
  const now = Date.now();
  const latest = Date.parse(userStatements(db).latestOpened.get() ?? '');
  return new Date(Number.isNaN(latest) || now > latest ? now : latest + 1).toISOString();
}

/** Stores the user's note on a whole article; NotFoundError for an unknown article. */
export function setArticleNote(db: Database, id: number, note: string): { id: number; note: string } {
  return db.transaction(() => {
    const { changes } = userStatements(db).setNote.run({ id, note, updated_at: new Date().toISOString() });
    if (changes === 0) throw new NotFoundError(`No article with id ${id}`);
    return { id, note };
  })();
}
