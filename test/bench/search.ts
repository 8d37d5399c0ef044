/**
 * `node test/bench/search.ts` (part of `npm run bench`): full-text search on a generated library of 1,000 articles
 * (~50 MB of text) with 100,000 highlights, in a real SQLite file in the OS temp folder.
 *
 * The library is written as a schema-2 database (before the index existed), so opening it with every migration
 * measures what a user's upgrade costs: migration 3 indexing an existing library. Then 200 searches of one, two and
 * three words (half of them ending in a prefix, as while typing), through `searchLibrary` with snippets; the
 * baseline is the same searches as `LIKE '%word%'` scans, measured in the same run on the same file. Also 50
 * searches for letters inside words, which go to the trigram index.
 *
 * The LIKE baseline finds less than the index (no diacritics folding, no case folding outside ASCII, no ranking or
 * snippets) and still reads every text per query.
 *
 * Prints `BENCH search-<figure> <value> <unit>` lines. BENCH_SEARCH_ARTICLES scales the library while working on it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { searchLibrary } from '../../db/search.ts';
import { deriveSeed, int, mulberry32, pick } from '../corpus/random.ts';
import { percentile, printFigure as print } from './figures.ts';
import { annotationCount, articleCount, librarySeed as seed, writeLibrary } from './generated-library.ts';

const queryCount = 200;

/** 200 queries: consecutive words from a random place in a random article, one to three, half ending in a prefix. */
function queries(texts: readonly string[]): string[] {
  const rng = mulberry32(deriveSeed(seed, 'queries'));
  const result: string[] = [];
  while (result.length < queryCount) {
    const text = pick(rng, texts);
    const from = text.indexOf(' ', int(rng, 0, text.length - 300)) + 1;
    const words = text
      .slice(from, from + 200)
      .split(/[\s.]+/)
      .filter(Boolean);
    const count = (result.length % 3) + 1;
    const chosen = words.slice(0, count);
    const last = chosen.at(-1) ?? '';
    if (result.length % 2 === 1 && last.length >= 5)
      chosen[chosen.length - 1] = last.slice(0, int(rng, 3, last.length - 1));
    result.push(chosen.join(' '));
  }
  return result;
}

/** The baseline: what a library without an index does, every word as `LIKE '%word%'` over every text column. */
function likeSearch(db: Database, query: string): number {
  const words = query.split(' ');
  const where = (columns: string[]) =>
    words.map(() => `(${columns.map((column) => `${column} LIKE ?`).join(' OR ')})`).join(' AND ');
  const params = (columns: number) => words.flatMap((word) => Array<string>(columns).fill(`%${word}%`));
  const articles = db
    .prepare(`SELECT id FROM articles WHERE ${where(['title', 'content'])} LIMIT 50`)
    .all(...params(2));
  const annotations = db.prepare(`SELECT rowid FROM annotations WHERE ${where(['quote', 'note'])}`).all(...params(2));
  return articles.length + annotations.length;
}

function tableBytes(db: Database, prefix: string): number | undefined {
  try {
    return db
      .prepare<[string], number>("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ? || '%'")
      .pluck()
      .get(prefix);
  } catch {
    return undefined; // dbstat is a compile-time option of SQLite; the total size is printed either way.
  }
}

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-search-bench-'));
  const file = path.join(dir, 'library.db');
  try {
    let started = performance.now();
    const library = writeLibrary(file);
    print('search-generate', performance.now() - started, 'ms');
    print('search-articles', articleCount, 'count');
    print('search-annotations', annotationCount, 'count');
    print('search-raw-text', library.rawBytes, 'bytes');
    const sizeBefore = statSync(file).size;

    started = performance.now();
    const db = openDatabase(file);
    print('search-index-build', performance.now() - started, 'ms');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(file).size;
    print('search-db-size-before-index', sizeBefore, 'bytes');
    print('search-db-size', size, 'bytes');
    print('search-db-size-vs-raw-text', size / library.rawBytes, 'x');
    for (const table of ['search_words', 'search_trigrams']) {
      const bytes = tableBytes(db, table);
      if (bytes !== undefined) print(`search-index-${table.replace('search_', '')}`, bytes, 'bytes');
    }

    const list = queries(library.texts);
    for (const query of list.slice(0, 5)) searchLibrary(db, query); // warm the statement cache and page cache
    const times: number[] = [];
    let groups = 0;
    for (const query of list) {
      const t = performance.now();
      groups += searchLibrary(db, query).groups.length;
      times.push(performance.now() - t);
    }
    print('search-queries', list.length, 'count');
    print('search-groups-mean', groups / list.length, 'count');
    print('search-p50', percentile(times, 50), 'ms');
    print('search-p95', percentile(times, 95), 'ms');
    print('search-max', Math.max(...times), 'ms');

    // Substrings inside words (4 letters from the middle of a word of 8 or more): the trigram index when whole
    // words and prefixes find nothing, as for a script without spaces.
    const inside = list
      .flatMap((query) => query.split(' '))
      .filter((word) => word.length >= 8)
      .slice(0, 50)
      .map((word) => word.slice(2, 6));
    const insideTimes = inside.map((query) => {
      const t = performance.now();
      searchLibrary(db, query);
      return performance.now() - t;
    });
    print('search-substring-queries', inside.length, 'count');
    print('search-substring-p50', percentile(insideTimes, 50), 'ms');
    print('search-substring-p95', percentile(insideTimes, 95), 'ms');

    const likeTimes: number[] = [];
    for (const query of list) {
      const t = performance.now();
      likeSearch(db, query);
      likeTimes.push(performance.now() - t);
    }
    print('search-like-queries', likeTimes.length, 'count');
    print('search-like-p50', percentile(likeTimes, 50), 'ms');
    print('search-like-p95', percentile(likeTimes, 95), 'ms');
    print('search-like-vs-fts-p50', percentile(likeTimes, 50) / percentile(times, 50), 'x');
    print('search-like-vs-fts-p95', percentile(likeTimes, 95) / percentile(times, 95), 'x');
    closeDatabase(db, () => undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
