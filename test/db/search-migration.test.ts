import path from 'node:path';

import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { latestVersion, schemaVersion } from '../../db/migrate.ts';
import { migration001 } from '../../db/migrations/001-initial.ts';
import { searchLibrary } from '../../db/search.ts';
import { selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'v1.db');
});

afterEach(() => temp.cleanup());

const articles = [
  { title: 'Café society', content: 'We met at the Café de Flore.\n\nThe waiter knew everyone.' },
  { title: '日本の記事', content: '日本語の文章です。東京は大きい。' },
  { title: 'Emoji 😀', content: '😀👍🏽 then the word paleoecology appears.' },
];

/** A schema-1 library as an old Marginalia wrote it: articles and annotations, one of them with an upper-case id. */
function writeVersion1(): void {
  const db = openDatabase(file, { migrations: [migration001] });
  const insertArticle = db.prepare(
    `INSERT INTO articles (title, source, format, content, text_hash, created_at, updated_at)
     VALUES (?, ?, 'text', ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')`,
  );
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (?, ?, 'green', ?, ?, ?, ?, '2025-01-03T00:00:00.000Z', '2025-01-04T00:00:00.000Z')`,
  );
  const quotes = ['The waiter knew everyone', '東京は大きい', 'paleoecology'];
  const notes = ['a note about waiters', '', 'ancient ecosystems'];
  db.transaction(() => {
    articles.forEach((article, index) => {
      const id = Number(
        insertArticle.run(article.title, `v1:${index}`, article.content, String(index).repeat(64)).lastInsertRowid,
      );
      const selectors = selectorsIn(article.content, quotes[index] ?? '');
      const start = article.content.indexOf(quotes[index] ?? '');
      const annotationId = `${index === 0 ? 'ABCDEF01' : `0000000${index}`}-0000-4000-8000-000000000000`;
      insertAnnotation.run(annotationId, id, JSON.stringify(selectors), quotes[index], start, notes[index]);
    });
  })();
  db.close();
}

function rows(db: Database): unknown {
  return {
    // The columns version 1 had; later migrations add columns, never change these.
    articles: db
      .prepare('SELECT id, title, source, format, content, text_hash, created_at, updated_at FROM articles ORDER BY id')
      .all(),
    annotations: db
      .prepare(
        'SELECT rowid, lower(id) AS id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at FROM annotations ORDER BY rowid',
      )
      .all(),
  };
}

describe('migration 3 on a real version-1 library', () => {
  it('keeps every row and value and indexes what the library held', () => {
    writeVersion1();
    const before = (() => {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        expect(schemaVersion(db)).toBe(1);
        return rows(db);
      } finally {
        db.close();
      }
    })();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(latestVersion());
      // Migration 2 lower-cases the one upper-case id; everything else is identical, value for value.
      expect(rows(db)).toEqual(before);
      expect(db.prepare('SELECT id FROM annotations WHERE id <> lower(id)').all()).toEqual([]);

      const cafe = searchLibrary(db, 'cafe');
      expect(cafe.groups.map((group) => group.title)).toEqual(['Café society']);
      expect(searchLibrary(db, 'waiters').groups[0]?.hits.map((hit) => hit.kind)).toEqual(['note']);
      expect(searchLibrary(db, '東京').groups.map((group) => group.title)).toEqual(['日本の記事']);
      expect(searchLibrary(db, 'ecolog').groups.map((group) => group.title)).toEqual(['Emoji 😀']);
      const [group] = searchLibrary(db, 'paleoecology').groups;
      expect(group?.hits.map((hit) => hit.kind)).toEqual(['quote', 'text']);
      const text = group?.hits.find((hit) => hit.kind === 'text');
      expect(text?.kind === 'text' && articles[2]?.content.slice(text.start, text.end)).toBe('paleoecology');
      // The index has one row per article and one per annotation, in both tables.
      for (const table of ['search_words', 'search_trigrams']) {
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(articles.length * 2);
      }
      // Migration 4 rebuilt the articles table: new columns start empty, and its search triggers still fire.
      expect(db.prepare('SELECT DISTINCT document, note, read_offset, byline FROM articles').all()).toEqual([
        { document: null, note: '', read_offset: null, byline: '' },
      ]);
      db.prepare("UPDATE articles SET title = 'Brasserie society' WHERE title = 'Café society'").run();
      expect(searchLibrary(db, 'brasserie').groups.map((group) => group.title)).toEqual(['Brasserie society']);
      expect(searchLibrary(db, 'cafe').groups.map((group) => group.title)).toEqual(['Brasserie society']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.prepare("INSERT INTO search_words (search_words, rank) VALUES ('integrity-check', 0)").run();
      db.prepare("INSERT INTO search_trigrams (search_trigrams, rank) VALUES ('integrity-check', 0)").run();
    } finally {
      closeDatabase(db, console.warn);
    }
  });
});
