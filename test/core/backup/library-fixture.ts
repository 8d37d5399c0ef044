import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3, { type Database } from 'better-sqlite3';

import { createAnnotation } from '../../../db/annotations.ts';
import { insertArticle } from '../../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { setTags } from '../../../db/tags.ts';
import { databaseFileName } from '../../../electron/core/app-data.ts';
import { selectorsIn } from '../../db/fixtures.ts';

/** The library file of a data folder. */
export function libraryFile(dataDir: string): string {
  return path.join(dataDir, databaseFileName);
}

const text = 'Diplomats from the United States and Russia held day-long talks in Geneva on Monday.';

/**
 * Adds `articles` articles with `highlightsEach` highlights (with notes and tags) to an open library, in one
 * transaction: one fsync instead of one per write.
 */
export function addArticles(db: Database, articles: number, highlightsEach: number, from = 0): void {
  db.transaction(() => {
    for (let n = from; n < from + articles; n += 1) {
      const article = insertArticle(db, { title: `Article ${n}`, source: `test:${n}`, format: 'text', content: text });
      for (let h = 0; h < highlightsEach; h += 1) {
        const highlight = createAnnotation(db, {
          articleId: article.id,
          color: h % 2 ? 'green' : 'yellow',
          selectors: selectorsIn(text, h % 2 ? 'Russia' : 'Geneva'),
          note: `note ${n}.${h}`,
        });
        if (h === 0) setTags(db, highlight.id, ['politics', `tag-${n % 3}`]);
      }
    }
  })();
}

/** A data folder holding a library with `articles` articles of `highlightsEach` highlights; the library is open. */
export function makeLibrary(dataDir: string, articles = 3, highlightsEach = 2): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(libraryFile(dataDir));
  addArticles(db, articles, highlightsEach);
  return db;
}

/** A closed library of about `megabytes` MB: articles whose notes are incompressible text (not indexed for search). */
export function makeBigLibrary(dataDir: string, megabytes: number): void {
  const db = makeLibrary(dataDir, 0, 0);
  const setNote = db.prepare('UPDATE articles SET note = ? WHERE id = ?');
  db.transaction(() => {
    for (let n = 0; n < megabytes * 10; n += 1) {
      const article = insertArticle(db, { title: `Big ${n}`, source: `big:${n}`, format: 'text', content: text });
      setNote.run(randomBytes(75_000).toString('base64'), article.id);
    }
  })();
  closeDatabase(db, () => undefined);
}

/** Every row of every table of the database in `file` (search index included), as sorted JSON per table. */
export function rowsOf(file: string): Record<string, string[]> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        db
          .prepare(`SELECT * FROM "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** The count of `table`'s rows in the database in `file`. */
export function countOf(file: string, table: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
}
