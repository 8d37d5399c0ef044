import type { Migration } from './migration.ts';

/**
 * Articles and their annotations.
 *
 * - `articles.format` allows only 'text' today; widening a CHECK in SQLite means rebuilding the table, which
 *   migrate() supports by running migrations with foreign keys off and checking them before commit.
 * - `annotations.article_id` is ON DELETE RESTRICT: deleting an article must never take a user's highlights with
 *   it silently. The (article_id, start_offset) index serves both the per-article list in document order and the
 *   foreign-key check when an article is deleted.
 * - `annotations.quote` and `start_offset` are copies of the selector JSON kept as columns: the quote for a later
 *   FTS5 index, the offset for ordering. The data layer writes them together with `selectors`.
 * - annotations keeps its implicit rowid (no WITHOUT ROWID) so a later external-content FTS5 table can point at it.
 * - The colour list is spelt out rather than imported from common/model.ts, because this file must never change; a test
 *   checks that it matches `highlightColors`.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL CHECK (format IN ('text')),
        content TEXT NOT NULL,
        text_hash TEXT NOT NULL CHECK (length(text_hash) = 64),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE annotations (
        id TEXT PRIMARY KEY NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
        color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        selectors TEXT NOT NULL CHECK (CASE WHEN json_valid(selectors) THEN json_type(selectors) = 'array' ELSE 0 END),
        quote TEXT NOT NULL,
        start_offset INTEGER CHECK (start_offset >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX annotations_by_article_position ON annotations (article_id, start_offset);
    `);
  },
};
