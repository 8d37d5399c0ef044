import path from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Article, HighlightColor } from '../../common/model.ts';
import {
  annotationExists,
  bulkStoreMinimum,
  createAnnotation,
  type ImportedAnnotation,
  storeImportedAnnotation,
  storeImportedAnnotations,
} from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { searchLibrary } from '../../db/search.ts';
import { selectorsAt, selectorsIn } from './fixtures.ts';
import { makeTempDir } from './temp-dir.ts';

/**
 * The bulk path of an import (storeImportedAnnotations, from bulkStoreMinimum annotations on) fills the search index
 * itself instead of through the insert trigger. These tests hold it to leaving the library exactly as storing the
 * same annotations one by one leaves it: the rows, the tags, every term of both search indexes with its place, and
 * what a search finds.
 */

const words = ['heron', 'ferry', 'Économie', 'shallows', 'noon', 'Zürich', 'river', 'tide', 'lantern', 'moss'];
const content = Array.from({ length: 400 }, (_, i) => `${words[i % words.length]} number${i} stood still.`).join(' ');
const colors: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

let temp: ReturnType<typeof makeTempDir>;
let bulk: Database;
let oneByOne: Database;

function openLibrary(name: string): { db: Database; article: Article } {
  const db = openDatabase(path.join(temp.dir, name));
  const article = insertArticle(db, { title: 'Herons at noon', source: 'test:herons', format: 'text', content });
  // Highlights made before the import: their search entries must stay as they are.
  for (const exact of ['number1 ', 'number22 ', 'number333 ']) {
    createAnnotation(db, { articleId: article.id, color: 'yellow', selectors: selectorsIn(content, exact) });
  }
  return { db, article };
}

/** `count` imported annotations: placed ones and orphans, notes in several scripts, some tags, some repeated. */
function importedAnnotations(articleId: number, count: number): ImportedAnnotation[] {
  return Array.from({ length: count }, (_, i) => {
    const exact = `number${i % 400} `;
    const start = content.indexOf(exact);
    const orphan = i % 7 === 0;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      articleId,
      color: colors[i % colors.length] ?? 'yellow',
      selectors: orphan
        ? [{ type: 'TextQuoteSelector', exact: `gone passage ${i}`, prefix: '', suffix: '' }]
        : selectorsAt(start, exact),
      note:
        i % 3 === 0 ? '' : `note ${i} about ${words[(i * 3) % words.length]} — 東京 ${i % 11 === 0 ? 'ümlaut' : ''}`,
      tags: i % 4 === 0 ? [] : [`tag${i % 5}`, i % 2 === 0 ? 'Birds' : 'birds'],
      createdAt: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(),
      updatedAt: new Date(Date.UTC(2021, 0, 1) + i * 1000).toISOString(),
    };
  });
}

/** Everything a user's library holds about its highlights, and every entry of both search indexes. */
function snapshot(db: Database) {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.words_terms USING fts5vocab(main, search_words, instance);
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.trigram_terms USING fts5vocab(main, search_trigrams, instance);`);
  return {
    // The highlights made before the import have ids and times of their own in each library.
    annotations: db
      .prepare(
        `SELECT rowid, id LIKE '00000000-%' AS imported, CASE WHEN id LIKE '00000000-%' THEN id END AS id, article_id,
           color, selectors, quote, start_offset, note,
           CASE WHEN id LIKE '00000000-%' THEN created_at || updated_at END AS times
         FROM annotations ORDER BY rowid`,
      )
      .all(),
    tags: db
      .prepare("SELECT * FROM annotation_tags WHERE annotation_id LIKE '00000000-%' ORDER BY annotation_id, tag")
      .all(),
    words: db.prepare('SELECT term, doc, col, offset FROM temp.words_terms ORDER BY doc, col, offset, term').all(),
    trigrams: db.prepare('SELECT term, doc, col, offset FROM temp.trigram_terms ORDER BY doc, col, offset, term').all(),
  };
}

function insertTriggerSql(db: Database): string | undefined {
  return db
    .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'annotations_search_insert'")
    .pluck()
    .get();
}

function integrityChecked(db: Database): void {
  db.exec("INSERT INTO search_words (search_words) VALUES ('integrity-check')");
  db.exec("INSERT INTO search_trigrams (search_trigrams) VALUES ('integrity-check')");
}

const noteAndQuoteHits = (db: Database, query: string) =>
  searchLibrary(db, query).groups.flatMap((group) => group.hits.filter((hit) => hit.kind !== 'text'));

beforeEach(() => {
  temp = makeTempDir();
});

afterEach(() => {
  for (const db of [bulk, oneByOne]) closeDatabase(db, console.warn);
  temp.cleanup();
});

describe('storing a large import at once', () => {
  it('leaves rows, tags, both search indexes and search results exactly as storing them one by one does', () => {
    const a = openLibrary('bulk.db');
    const b = openLibrary('one-by-one.db');
    bulk = a.db;
    oneByOne = b.db;
    const annotations = importedAnnotations(a.article.id, bulkStoreMinimum + 200);
    const trigger = insertTriggerSql(bulk);

    bulk.transaction(() => storeImportedAnnotations(bulk, annotations))();
    oneByOne.transaction(() => {
      for (const annotation of annotations) storeImportedAnnotation(oneByOne, annotation);
    })();

    const stored = snapshot(bulk);
    expect(stored.annotations).toHaveLength(annotations.length + 3);
    expect(stored.words.length).toBeGreaterThan(annotations.length);
    expect(stored).toEqual(snapshot(oneByOne));
    for (const query of ['heron', 'économie', 'zurich', 'note 41', '東京', 'ümlaut', 'gone passage 7', 'number12']) {
      const found = noteAndQuoteHits(bulk, query);
      expect(found.length, query).toBeGreaterThan(0);
      expect(found, query).toEqual(noteAndQuoteHits(oneByOne, query));
    }
    integrityChecked(bulk);

    // The trigger is back as it was: a highlight made afterwards is found by search.
    expect(insertTriggerSql(bulk)).toBe(trigger);
    createAnnotation(bulk, {
      articleId: a.article.id,
      color: 'blue',
      selectors: selectorsIn(content, 'lantern'),
      note: 'quillwort',
    });
    expect(noteAndQuoteHits(bulk, 'quillwort')).toHaveLength(1);
  });

  it('changes nothing when one annotation cannot be stored: no row, no search entry, the trigger still there', () => {
    const a = openLibrary('bulk.db');
    bulk = a.db;
    oneByOne = openLibrary('unused.db').db;
    const before = snapshot(bulk);
    const annotations = importedAnnotations(a.article.id, bulkStoreMinimum + 10);
    // The last one repeats the first one's id: its insert fails after hundreds have been stored.
    const broken = [...annotations, { ...annotations[1]!, note: 'never stored' }];

    expect(() => bulk.transaction(() => storeImportedAnnotations(bulk, broken))()).toThrow(/UNIQUE constraint/);

    expect(snapshot(bulk)).toEqual(before);
    expect(annotationExists(bulk, annotations[0]!.id)).toBe(false);
    expect(insertTriggerSql(bulk)).toBeDefined();
    integrityChecked(bulk);
    // The same import, mended, goes in whole.
    bulk.transaction(() => storeImportedAnnotations(bulk, annotations))();
    expect(snapshot(bulk).annotations).toHaveLength(annotations.length + 3);
  });

  it('refuses to run outside a transaction, where dropping the trigger would show to other connections', () => {
    bulk = openLibrary('bulk.db').db;
    oneByOne = openLibrary('unused.db').db;
    expect(() => storeImportedAnnotations(bulk, [])).toThrow(/inside a transaction/);
    expect(insertTriggerSql(bulk)).toBeDefined();
  });
});
