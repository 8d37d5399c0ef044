import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { highlightColors } from '../../common/model.ts';
import { createAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { DatabaseTooNewError } from '../../db/errors.ts';
import { listAllHighlights } from '../../db/highlights.ts';
import { latestVersion, migrate, schemaVersion } from '../../db/migrate.ts';
import { allMigrations, type Migration } from '../../db/migrations/index.ts';
import { tagsOf } from '../../db/tags.ts';
import { sampleContent, selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
const open: Database[] = [];

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'test.db');
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  temp.cleanup();
});

function track(db: Database): Database {
  open.push(db);
  return db;
}

function tableNames(db: Database): string[] {
  return db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();
}

const [migration001] = allMigrations;
if (!migration001) throw new Error('no migrations');

describe('openDatabase on an empty file', () => {
  it('creates STRICT tables, records the latest schema version and sets WAL, foreign keys and FULL sync (an acknowledged write survives a power cut)', () => {
    const db = track(openDatabase(file));
    // The full-text tables (migration 3) and their FTS5 shadow tables (_config, _data, _docsize, _idx).
    const fts = ['search_trigrams', 'search_words'].flatMap((name) =>
      ['', '_config', '_data', '_docsize', '_idx'].map((suffix) => name + suffix),
    );
    expect(tableNames(db)).toEqual([
      'annotation_tags',
      'annotations',
      'article_images',
      'articles',
      ...fts,
      'settings',
    ]);
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'search%' AND name NOT LIKE 'sqlite%' ORDER BY name",
      )
      .all();
    expect(strict).toEqual([
      { name: 'annotation_tags', strict: 1 },
      { name: 'annotations', strict: 1 },
      { name: 'article_images', strict: 1 },
      { name: 'articles', strict: 1 },
      { name: 'settings', strict: 1 },
    ]);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const indexes = db
      .prepare<[], string>("SELECT name FROM pragma_index_list('annotations') WHERE origin = 'c'")
      .pluck()
      .all();
    expect(indexes).toContain('annotations_by_article_position');
  });

  it('spells out exactly the colours of the model in the colour CHECK', () => {
    const db = track(openDatabase(file));
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'annotations'").pluck().get() ?? '';
    const list = /color IN \(([^)]*)\)/.exec(sql)?.[1] ?? '';
    expect(list.split(',').map((c) => c.trim().replace(/'/g, ''))).toEqual([...highlightColors]);
  });

  it('re-opening is a no-op: nothing to migrate, schema and data kept', () => {
    const db = track(openDatabase(file));
    db.prepare(
      "INSERT INTO articles (title, source, format, content, text_hash, created_at, updated_at) VALUES ('t', 's', 'text', 'c', ?, 'x', 'x')",
    ).run('0'.repeat(64));
    // PRAGMA optimize on close may add sqlite_stat* tables; those are SQLite's, not the schema.
    const schemaSql = "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name";
    const schema = db.prepare(schemaSql).all();
    closeDatabase(db, console.warn);

    const again = track(openDatabase(file));
    expect(migrate(again)).toEqual({ from: latestVersion(), to: latestVersion() });
    expect(again.prepare(schemaSql).all()).toEqual(schema);
    expect(again.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
  });
});

describe('a database from a newer Marginalia', () => {
  function writeNewerDatabase(): Buffer {
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future (x TEXT) STRICT');
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    return readFileSync(file);
  }

  it('is refused with a clear message and left byte-for-byte untouched', () => {
    const before = writeNewerDatabase();
    const newer = latestVersion() + 5;
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(
      `This database was written by a newer version of Marginalia (schema ${newer}; this version knows up to ${latestVersion()}). Update Marginalia to open it.`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);

    const check = track(new BetterSqlite3(file, { readonly: true }));
    expect(schemaVersion(check)).toBe(newer);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
  });

  it('is refused by migrate() on an already open handle too', () => {
    writeNewerDatabase();
    const db = track(new BetterSqlite3(file));
    const error = (() => {
      try {
        migrate(db);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ foundVersion: latestVersion() + 5, knownVersion: latestVersion() });
    expect(tableNames(db)).toEqual(['future']);
  });
});

describe('a failing migration', () => {
  const failing: Migration = {
    version: 2,
    name: 'fails halfway',
    up(db) {
      db.exec("CREATE TABLE half_done (x TEXT) STRICT; UPDATE articles SET title = 'changed'");
      db.exec('THIS IS NOT SQL');
    },
  };

  it('rolls back every pending migration when starting from empty', () => {
    const db = track(new BetterSqlite3(file));
    expect(() => migrate(db, [migration001, failing])).toThrow(/syntax error/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('leaves an existing database at its version with its data', () => {
    const db = track(openDatabase(file, { migrations: [migration001] }));
    db.prepare(
      "INSERT INTO articles (title, source, format, content, text_hash, created_at, updated_at) VALUES ('kept', 's', 'text', 'c', ?, 'x', 'x')",
    ).run('0'.repeat(64));
    expect(() => migrate(db, [migration001, failing])).toThrow(/syntax error/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['annotations', 'articles']);
    expect(db.prepare('SELECT title FROM articles').pluck().all()).toEqual(['kept']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('is refused when it leaves a dangling foreign key behind', () => {
    const dangling: Migration = {
      version: 2,
      name: 'orphans an annotation',
      up(db) {
        db.exec(`INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, created_at, updated_at)
                 VALUES ('a', 42, 'yellow', '[]', 'q', NULL, 'x', 'x')`);
      },
    };
    const db = track(openDatabase(file, { migrations: [migration001] }));
    expect(() => migrate(db, [migration001, dangling])).toThrow(/broken foreign key/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
  });

  it('runs with foreign keys off so a referenced table can be rebuilt, and restores them', () => {
    const rebuild: Migration = {
      version: 2,
      name: 'rebuild articles',
      up(db) {
        db.exec(`
          CREATE TABLE articles_new (
            id INTEGER PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL CHECK (format IN ('text', 'html')), content TEXT NOT NULL,
            text_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
          ) STRICT;
          INSERT INTO articles_new SELECT * FROM articles;
          DROP TABLE articles;
          ALTER TABLE articles_new RENAME TO articles;
        `);
      },
    };
    const db = track(openDatabase(file, { migrations: [migration001] }));
    db.prepare(
      "INSERT INTO articles (id, title, source, format, content, text_hash, created_at, updated_at) VALUES (1, 't', 's', 'text', 'c', ?, 'x', 'x')",
    ).run('0'.repeat(64));
    db.prepare(
      `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, created_at, updated_at)
       VALUES ('a', 1, 'yellow', '[]', 'q', NULL, 'x', 'x')`,
    ).run();
    expect(migrate(db, [migration001, rebuild])).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare('DELETE FROM articles WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });
});

describe('the migration list', () => {
  it('must run 1, 2, 3… without gaps', () => {
    const db = track(new BetterSqlite3(file));
    const skipped: Migration = { version: 3, name: 'skips 2', up: () => undefined };
    expect(() => migrate(db, [migration001, skipped])).toThrow(/expected 2/);
    expect(schemaVersion(db)).toBe(0);
    expect(allMigrations.map((m) => m.version)).toEqual(allMigrations.map((_, i) => i + 1));
  });
});

describe('migration 2: annotation ids in lower case', () => {
  it('lower-cases stored ids, and gives a case-only twin a fresh id instead of merging or losing it', () => {
    const [first, second] = allMigrations;
    if (!first || !second) throw new Error('migration 2 is missing');
    const db = track(openDatabase(file, { migrations: [first] }));
    db.prepare(
      "INSERT INTO articles (id, title, source, format, content, text_hash, created_at, updated_at) VALUES (1, 't', 's', 'text', 'c', ?, 'x', 'x')",
    ).run('0'.repeat(64));
    const insert = db.prepare<[string, string]>(
      `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
       VALUES (?, 1, 'yellow', '[]', 'q', NULL, ?, 'x', 'x')`,
    );
    insert.run('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'lower twin');
    insert.run('A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', 'upper twin');
    insert.run('B1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', 'upper alone');
    expect(migrate(db, [first, second])).toEqual({ from: 1, to: 2 });
    const rows = db.prepare<[], { id: string; note: string }>('SELECT id, note FROM annotations ORDER BY rowid').all();
    expect(rows.map((row) => row.note)).toEqual(['lower twin', 'upper twin', 'upper alone']);
    expect(rows.every((row) => row.id === row.id.toLowerCase())).toBe(true);
    expect(rows[0]?.id).toBe('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
    expect(rows[1]?.id).not.toBe(rows[0]?.id);
    expect(rows[2]?.id).toBe('b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
  });
});

describe('migration 7: tags normalised as they are typed now', () => {
  it('folds control characters and runs of spaces in stored tags, once per highlight, and drops a tag of nothing', () => {
    const db = track(openDatabase(file, { migrations: allMigrations.slice(0, 6) }));
    const article = insertArticle(db, { title: 'Birds', source: 'test:birds', format: 'text', content: sampleContent });
    const one = createAnnotation(db, {
      articleId: article.id,
      color: 'yellow',
      selectors: selectorsIn(sampleContent, 'quick'),
    });
    const two = createAnnotation(db, {
      articleId: article.id,
      color: 'green',
      selectors: selectorsIn(sampleContent, 'lazy'),
    });
    // As an import stored them before: written straight into the table.
    const add = db.prepare<[string, string]>('INSERT INTO annotation_tags (annotation_id, tag) VALUES (?, ?)');
    add.run(one.id, 'wading\u0007birds');
    add.run(one.id, 'wading birds');
    add.run(one.id, 'x\u0000');
    add.run(two.id, '\u0007');
    add.run(two.id, 'bird  song');
    add.run(two.id, 'plain');
    expect(migrate(db, allMigrations)).toEqual({ from: 6, to: 7 });
    expect(tagsOf(db, one.id)).toEqual(['wading birds', 'x']);
    expect(tagsOf(db, two.id)).toEqual(['bird song', 'plain']);
    // And the filter finds them again.
    expect(listAllHighlights(db, { tag: 'wading birds' }).items.map((item) => item.id)).toEqual([one.id]);
    expect(listAllHighlights(db, { tag: 'bird song' }).items.map((item) => item.id)).toEqual([two.id]);
  });
});
