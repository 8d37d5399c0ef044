import type { Migration } from './migration.ts';

/**
 * The full-text index: article titles and text, highlights' quotes and notes, in two FTS5 tables.
 *
 * - `search_words` (`unicode61 remove_diacritics 2`, prefix indexes of 2 and 3 characters) finds whole words and
 *   word prefixes regardless of case and accents; bm25 ranks it.
 * - `search_trigrams` (`trigram remove_diacritics 1`) finds substrings: text inside a word ("ecolog" in
 *   "paleoecology") and scripts written without spaces (Chinese, Japanese, Thai), where unicode61 sees a whole run
 *   as one token. Which columns it covers was decided by measuring (`npm run bench`, 1,000 articles with 63 MB of
 *   text and 100,000 highlights): over all four columns it takes 148 MB (2.4× the raw text; the word index takes
 *   54 MB, 0.9×), nearly all of it for article text, and the whole index builds in ~27 s. Leaving the text out would
 *   save that space but leave a Japanese or Chinese article unsearchable, which no size saving is worth; titles,
 *   quotes and notes are small either way. Its cost in time is kept off ordinary searches instead: db/search.ts
 *   asks it only for scripts without spaces and when whole words find nothing (a trigram query for a common word
 *   took 20–130 ms on that library, the word index 1–8 ms).
 *
 * One row per article (rowid = articles.id, columns title and body) and one per annotation (rowid = the negated
 * annotations.rowid, columns quote and note), in the same tables, so that one bm25 ranks titles, text, quotes and
 * notes against the same statistics (two tables would give scores that cannot be compared). The tables are
 * contentless (`content=''`, `contentless_delete=1`): the text lives once, in articles and annotations; the index
 * holds only tokens. External content was the alternative, but an FTS5 table has one content table and these rows
 * come from two. Snippets are therefore made from the real rows (db/search.ts), which also gives exact UTF-16
 * offsets. A consequence: the index cannot be rebuilt from itself ('rebuild' needs content); a later repair
 * re-inserts from the tables as this migration does. VACUUM may renumber annotations' implicit rowids, so a
 * future VACUUM must be followed by such a re-insert.
 *
 * Triggers keep both tables current inside the transaction of every write, so a rolled-back write leaves the index
 * as it was. Updates re-index only when an indexed column changed (a colour change does not touch the index).
 *
 * Formatted articles (issue 8): the triggers index `content`, which is plain text for every article today. When a
 * formatted format arrives, the index must receive the article's derived plain text (the one text highlights anchor
 * to), not its markup: that migration replaces the `new.content` of the article triggers below with that text.
 */
export const migration003: Migration = {
  version: 3,
  name: 'full-text-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_words USING fts5(
        title, body, quote, note,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
      );
      CREATE VIRTUAL TABLE search_trigrams USING fts5(
        title, body, quote, note,
        content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
      );

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

      CREATE TRIGGER annotations_search_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO search_words (rowid, quote, note) VALUES (-new.rowid, new.quote, new.note);
        INSERT INTO search_trigrams (rowid, quote, note) VALUES (-new.rowid, new.quote, new.note);
      END;
      CREATE TRIGGER annotations_search_update AFTER UPDATE OF quote, note ON annotations
      WHEN old.quote IS NOT new.quote OR old.note IS NOT new.note BEGIN
        DELETE FROM search_words WHERE rowid = -old.rowid;
        DELETE FROM search_trigrams WHERE rowid = -old.rowid;
        INSERT INTO search_words (rowid, quote, note) VALUES (-new.rowid, new.quote, new.note);
        INSERT INTO search_trigrams (rowid, quote, note) VALUES (-new.rowid, new.quote, new.note);
      END;
      CREATE TRIGGER annotations_search_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM search_words WHERE rowid = -old.rowid;
        DELETE FROM search_trigrams WHERE rowid = -old.rowid;
      END;

      INSERT INTO search_words (rowid, title, body) SELECT id, title, content FROM articles;
      INSERT INTO search_trigrams (rowid, title, body) SELECT id, title, content FROM articles;
      INSERT INTO search_words (rowid, quote, note) SELECT -rowid, quote, note FROM annotations;
      INSERT INTO search_trigrams (rowid, quote, note) SELECT -rowid, quote, note FROM annotations;
    `);
  },
};
