/**
 * `node test/bench/highlights.ts`: the "All highlights" view (`listAllHighlights`) on a generated library of 1,000
 * articles and 100,000 highlights, in a real SQLite file in the OS temp folder.
 *
 * The words are the generated library's (test/bench/generated-library.ts); the highlights are made as a user makes
 * them over three years: increasing times, colours used unevenly (yellow most, purple on only ~50), a note on 30%,
 * one to three tags on 25% from 300 tags of Zipf-like popularity, quotes taken from their article's text. Each figure is the median of repeated calls of one page (100 highlights with their
 * titles and tags), after a warm-up; "deep" pages are reached through the cursors, as scrolling does.
 *
 * Prints `BENCH all-highlights-<figure> <value> <unit>`. BENCH_HIGHLIGHTS scales the library while working on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { highlightColors } from '../../common/model.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { type HighlightFilter, highlightTuning, listAllHighlights } from '../../db/highlights.ts';
import { deriveSeed, int, mulberry32, type Rng, weighted } from '../corpus/random.ts';
import { median, printFigure as print } from './figures.ts';
import { vocabulary, zipfWord } from './generated-library.ts';

const highlightCount = Number(process.env['BENCH_HIGHLIGHTS'] ?? 100_000);
const articleCount = 1_000;
const tagCount = 300;
const runs = 21;
const seed = 20_260_901;

function count(db: Database, sql: string): number {
  return db.prepare<[], number>(sql).pluck().get() ?? 0;
}

function sentence(rng: Rng, words: readonly string[], length: number): string {
  return Array.from({ length }, () => zipfWord(rng, words)).join(' ');
}

interface Library {
  words: string[];
  tags: string[];
}

/** Writes the library straight into the latest schema, in one transaction (the index triggers run as usual). */
function writeLibrary(db: Database): Library {
  const rng = mulberry32(deriveSeed(seed, 'library'));
  const words = vocabulary(rng);
  const tags = vocabulary(mulberry32(deriveSeed(seed, 'tags'))).slice(0, tagCount);
  const texts: string[] = [];
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, source, format, content, text_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'text', ?, ?, '2023-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z')`,
  );
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)');
  const colorWeights = [50, 22, 17, 11, 0.05].map((weight, i) => [weight, highlightColors[i]] as const);
  db.transaction(() => {
    for (let id = 1; id <= articleCount; id += 1) {
      const content = Array.from({ length: 20 }, () => `${sentence(rng, words, int(rng, 8, 20))}.`).join('\n\n');
      texts.push(content);
      insertArticle.run(id, sentence(rng, words, int(rng, 2, 6)), `bench:${id}`, content, '0'.repeat(64));
    }
    // About three years of highlighting, a few minutes to a day apart.
    let time = Date.parse('2023-01-02T00:00:00.000Z');
    const step = (3 * 365 * 24 * 3600 * 1000) / highlightCount;
    for (let n = 0; n < highlightCount; n += 1) {
      time += Math.round(rng() * 2 * step);
      const createdAt = new Date(time).toISOString();
      const articleId = int(rng, 1, articleCount);
      const text = texts[articleId - 1] ?? '';
      const start = text.indexOf(' ', int(rng, 0, text.length - 120)) + 1;
      const quote = text.slice(start, start + int(rng, 10, 100));
      const note = rng() < 0.3 ? sentence(rng, words, int(rng, 2, 15)) : '';
      const selectors = JSON.stringify([
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ]);
      const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
      const color = weighted(rng, colorWeights);
      insertAnnotation.run(id, articleId, color, selectors, quote, start, note, createdAt, createdAt);
      if (rng() < 0.25) for (let t = int(rng, 1, 3); t > 0; t -= 1) insertTag.run(id, zipfWord(rng, tags));
    }
  })();
  return { words, tags };
}

/** The median time of one page under `filter`, after a warm-up call. */
function timed(db: Database, filter: HighlightFilter): number {
  listAllHighlights(db, filter);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    listAllHighlights(db, filter);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The cursor `pages` pages down the unfiltered list, as scrolling reaches it. */
function cursorAfter(db: Database, pages: number): string | undefined {
  let after: string | undefined;
  for (let page = 0; page < pages; page += 1) after = listAllHighlights(db, { after }).next ?? undefined;
  return after;
}

/** The tag whose number of highlights is nearest `uses`. */
function tagUsedBy(db: Database, uses: number): { tag: string; count: number } {
  return db
    .prepare<[number], { tag: string; count: number }>(
      'SELECT tag, count(*) AS count FROM annotation_tags GROUP BY tag ORDER BY abs(count(*) - ?) LIMIT 1',
    )
    .get(uses)!;
}

/** A word used in about `share` of the quotes and notes (the vocabulary is Zipf-like, so rank says how common). */
function wordUsedBy(db: Database, words: readonly string[], share: number): { word: string; count: number } {
  const count = db
    .prepare<[string], number>('SELECT count(*) FROM search_words WHERE search_words MATCH ? AND rowid < 0')
    .pluck();
  let best = { word: words[0] ?? '', count: 0 };
  for (const word of words.slice(0, 2_000)) {
    const found = count.get(`"${word}"`) ?? 0;
    if (Math.abs(found - share * highlightCount) < Math.abs(best.count - share * highlightCount))
      best = { word, count: found };
  }
  return best;
}

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-highlights-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'library.db'));
    const started = performance.now();
    const library = writeLibrary(db);
    print('all-highlights-generate', performance.now() - started, 'ms');
    db.pragma('optimize');
    print('all-highlights-highlights', highlightCount, 'count');

    print('all-highlights-first-page', timed(db, {}), 'ms');
    print('all-highlights-page-100', timed(db, { after: cursorAfter(db, 100) }), 'ms');
    print('all-highlights-page-900', timed(db, { after: cursorAfter(db, 900) }), 'ms');

    print('all-highlights-colors-green-blue', timed(db, { colors: ['green', 'blue'] }), 'ms');
    // Purple is all but unused: its few highlights come from the colour index (migration 5; the walk by date passed
    // the whole list, ~50 ms).
    print(
      'all-highlights-color-unused-uses',
      count(db, "SELECT count(*) FROM annotations WHERE color = 'purple'"),
      'count',
    );
    print('all-highlights-color-unused', timed(db, { colors: ['purple'] }), 'ms');

    for (const [name, uses] of [
      ['common', highlightCount],
      ['crossover', highlightTuning.driveMax],
      ['rare', 0],
    ] as const) {
      const { tag, count: found } = tagUsedBy(db, uses);
      print(`all-highlights-tag-${name}-uses`, found, 'count');
      print(`all-highlights-tag-${name}`, timed(db, { tag: tag.toUpperCase() }), 'ms');
    }

    for (const [name, share] of [
      ['common', 0.1],
      ['rare', 0.0005],
    ] as const) {
      const { word, count: found } = wordUsedBy(db, library.words, share);
      print(`all-highlights-words-${name}-uses`, found, 'count');
      print(`all-highlights-words-${name}`, timed(db, { text: word }), 'ms');
    }
    const prefix = library.words.find((word) => word.length >= 6)?.slice(0, 3) ?? 'tra';
    print('all-highlights-words-prefix', timed(db, { text: prefix }), 'ms');
    const everything: HighlightFilter = {
      colors: ['yellow', 'green'],
      tag: tagUsedBy(db, highlightCount).tag,
      text: library.words[0] ?? '',
    };
    print('all-highlights-everything', timed(db, everything), 'ms');
    closeDatabase(db, () => undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
