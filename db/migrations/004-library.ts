import type { Migration } from './migration.ts';

/**
 * The library of formatted articles (issue 8).
 *
 * - `articles` is rebuilt (SQLite cannot widen a CHECK in place) to allow `format = 'document'`: a formatted page
 *   kept as a sanitised tree in `document` (JSON, common/document.ts), with `content` holding that tree's text, the
 *   one text highlights anchor to and search indexes. The data layer derives `content` from `document` on every
 *   write; the CHECK makes a document article without its tree, or a text article with one, impossible. The rebuild
 *   keeps every id, so the full-text rows (keyed by article id) stay valid; the article triggers, dropped with the
 *   old table, are re-created exactly as migration 3 made them.
 * - AUTOINCREMENT: an id is never given again, so a deleted article can always come back under its own id (Undo),
 *   even after newer articles were added.
 * - The bodies (`content`, `document`) are the last columns: SQLite reads a row's columns in order, and reaching one
 *   stored after a 50 KB body means walking that body's overflow pages, so the library list, which reads only the
 *   small columns, would otherwise read every article's text.
 * - New article columns: the page's own metadata (byline, site name, date, language, direction), the user's note on
 *   the article, where the user left it (`read_offset`, `read_progress`) and when it was last opened.
 * - `article_images`: the images of an imported page, fetched once at import and served from the app's own scheme,
 *   so an article reads offline and nothing loads from the network while reading. They belong to the article and go
 *   with it (CASCADE); they are not the user's work.
 * - `annotation_tags`: a highlight's tags, each once per highlight regardless of case (NOCASE). They go with their
 *   highlight (CASCADE) and follow an id change (ON UPDATE CASCADE).
 * - `annotations_by_created`: the "All highlights" view lists the whole library newest first.
 * - `annotations_by_article_has_note`: the library counts each article's notes from this index alone (the
 *   expression `note <> ''` is in it, so no row is read); counting them from the table read every highlight's row.
 */
export const migration004: Migration = {
  version: 4,
  name: 'library',
  up(db) {
    db.exec(`
      CREATE TABLE articles_rebuilt (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        source TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL CHECK (format IN ('text', 'document')),
        text_hash TEXT NOT NULL CHECK (length(text_hash) = 64),
        byline TEXT NOT NULL DEFAULT '',
        site_name TEXT NOT NULL DEFAULT '',
        published_at TEXT,
        language TEXT,
        direction TEXT CHECK (direction IN ('ltr', 'rtl')),
        note TEXT NOT NULL DEFAULT '',
        read_offset INTEGER CHECK (read_offset >= 0),
        read_progress REAL CHECK (read_progress BETWEEN 0 AND 1),
        opened_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        content TEXT NOT NULL,
        document TEXT CHECK (CASE WHEN format = 'document' THEN json_valid(document) ELSE document IS NULL END)
      ) STRICT;

      INSERT INTO articles_rebuilt (id, title, source, format, content, text_hash, created_at, updated_at)
        SELECT id, title, source, format, content, text_hash, created_at, updated_at FROM articles;
      DROP TABLE articles;
      ALTER TABLE articles_rebuilt RENAME TO articles;

      CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO search_words (rowid, title, body) VALUES (new.id, new.title, new.content);
        INSERT INTO search_trigrams (rowid, title, body) VALUES (new.id, new.title, new.content);
      END;
      CREATE TRIGGER articles_search_update AFTER UPDATE OF id, title, content ON articles
      WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.content IS NOT new.content BEGIN
        DELETE FROM search_words WHERE rowid = old.id;
        DELETE FROM search_trigrams WHERE rowid = old.id;
        INSERT INTO search_words (rowid, title, body) VALUES (new.id, new.title, new.content);
        INSERT INTO search_trigrams (rowid, title, body) VALUES (new.id, new.title, new.content);
      END;
      CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
        DELETE FROM search_words WHERE rowid = old.id;
        DELETE FROM search_trigrams WHERE rowid = old.id;
      END;

      CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        media_type TEXT NOT NULL
          CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml')),
        data BLOB NOT NULL,
        PRIMARY KEY (article_id, name)
      ) STRICT;

      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE ON UPDATE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 100),
        PRIMARY KEY (annotation_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);

      CREATE INDEX annotations_by_created ON annotations (created_at, id);
      CREATE INDEX annotations_by_article_has_note ON annotations (article_id, (note <> ''));
    `);
  },
};
