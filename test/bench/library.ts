/**
 * `node test/bench/library.ts` (part of `npm run bench`): the library on the generated 1,000-article library (~50 MB
 * of text, 100,000 highlights; test/bench/generated-library.ts), in a real SQLite file in the OS temp folder.
 *
 * - `library-list-*`: the library view's list (every article, sorted newest first, with highlight and note counts,
 *   one query), against the baseline of listing as a simple data layer would: every article row, then one count
 *   query per article.
 * - `library-import-html-1mb-*`: opening a 1 MB HTML page as the app does (Readability, DOMPurify and the tree in the
 *   import worker, then storing and indexing it in that library), against the baseline of storing the same text as a
 *   plain-text article (no HTML work at all).
 * - `library-main-memory-*`: the main process's heap and resident memory after opening that library, listing it and
 *   searching it, against the same process before it opened anything.
 *
 * Prints `BENCH <name> <value> <unit>` lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { listLibrary } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { searchLibrary } from '../../db/search.ts';
import { ImportRunner } from '../../electron/core/import/import-runner.ts';
import { storeImportedArticle } from '../../electron/core/import-article.ts';
import { deriveSeed, int, mulberry32, pick, type Rng } from '../corpus/random.ts';
import { percentile, printFigure as print } from './figures.ts';
import { librarySeed, writeLibrary, zipfWord } from './generated-library.ts';

function timed(runs: number, run: (index: number) => void): number[] {
  return Array.from({ length: runs }, (_, index) => {
    const started = performance.now();
    run(index);
    return performance.now() - started;
  });
}

async function timedAsync(runs: number, run: (index: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(index);
    times.push(performance.now() - started);
  }
  return times;
}

/** The baseline list: every row, then a count of highlights and notes per article, one query each. */
function naiveList(db: Database): number {
  const rows = db.prepare<[], { id: number }>('SELECT * FROM articles ORDER BY created_at DESC, id DESC').all();
  const count = db.prepare<[number], { n: number; notes: number }>(
    "SELECT count(*) AS n, count(nullif(note, '')) AS notes FROM annotations WHERE article_id = ?",
  );
  let total = 0;
  for (const row of rows) total += count.get(row.id)?.n ?? 0;
  return total;
}

/**
 * A news-like page of about 1 MB: site chrome (navigation, a sidebar, a footer, scripts and inline handlers that
 * the import must drop) around an article of headings, paragraphs with links and emphasis, lists, quotes and tables.
 */
function htmlPage(rng: Rng, words: readonly string[], targetBytes: number): { html: string; text: string } {
  const sentence = () => {
    const text = Array.from({ length: int(rng, 8, 22) }, () => zipfWord(rng, words)).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const parts: string[] = [];
  const texts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const kind = int(rng, 0, 9);
    let block: string;
    if (kind === 0) {
      const heading = sentence();
      texts.push(heading);
      block = `<h2>${heading}</h2>`;
    } else if (kind === 1) {
      const items = Array.from({ length: int(rng, 2, 6) }, sentence);
      texts.push(...items);
      block = `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
    } else if (kind === 2) {
      const quote = sentence();
      texts.push(quote);
      block = `<blockquote><p>${quote}</p></blockquote>`;
    } else if (kind === 3) {
      const cells = Array.from({ length: 6 }, () => zipfWord(rng, words));
      texts.push(...cells);
      block = `<table><tr><th>${cells[0]}</th><th>${cells[1]}</th></tr><tr><td>${cells[2]}</td><td>${cells[3]}</td></tr><tr><td>${cells[4]}</td><td onclick="track()">${cells[5]}</td></tr></table>`;
    } else {
      const sentences = Array.from({ length: int(rng, 3, 7) }, sentence);
      texts.push(sentences.join(' '));
      const linked = sentences.map((s, i) =>
        i === 1 ? `<a href="/story/${int(rng, 1, 9999)}" onmouseover="x()">${s}</a>` : i === 2 ? `<em>${s}</em>` : s,
      );
      block = `<p>${linked.join(' ')}</p>`;
    }
    parts.push(block);
    bytes += Buffer.byteLength(block);
  }
  const chrome = `<nav>${Array.from({ length: 40 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${pick(rng, words)} report</title>
<script>window.analytics = 1;</script><style>body { font: 16px serif }</style></head>
<body>${chrome}<main><article><h1>${pick(rng, words)} report</h1><p class="byline">By A. Writer</p>${parts.join('\n')}</article></main>
<aside>${Array.from({ length: 20 }, () => `<p><a href="/more">${sentence()}</a></p>`).join('')}</aside>
<footer><script src="https://ads.example/ad.js"></script><img src="https://tracker.example/p.gif" onerror="x()"></footer></body></html>`;
  return { html, text: texts.join('\n\n') };
}

function memory(): { heap: number; rss: number } {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss };
}

async function main(): Promise<void> {
  const before = memory();
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-library-bench-'));
  const file = path.join(dir, 'library.db');
  try {
    // Only the vocabulary is kept: the generated texts would otherwise sit in this process's memory figures.
    const { words } = writeLibrary(file);
    const db = openDatabase(file);
    try {
      // Spread the dates so the sort has work to do.
      db.prepare(
        "UPDATE articles SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (id * 37 % 1000) || ' hours')",
      ).run();

      listLibrary(db);
      const list = timed(30, () => listLibrary(db));
      naiveList(db);
      const naive = timed(10, () => naiveList(db));
      print('library-list-entries', listLibrary(db).length, 'count');
      print('library-list-p50', percentile(list, 50), 'ms');
      print('library-list-p95', percentile(list, 95), 'ms');
      print('library-list-naive-p50', percentile(naive, 50), 'ms');
      print('library-list-naive-vs-list-p50', percentile(naive, 50) / percentile(list, 50), 'x');

      const rng = mulberry32(deriveSeed(librarySeed, 'html-pages'));
      const pages = Array.from({ length: 6 }, () => htmlPage(rng, words, 1024 * 1024));
      print('library-import-html-bytes', Buffer.byteLength(pages[0]?.html ?? ''), 'bytes');
      // As the app does it: read and sanitised in the import worker, stored and indexed in this process.
      const importer = new ImportRunner();
      const html = (
        await timedAsync(pages.length, async (i) => {
          const imported = await importer.importHtml(pages[i]!.html, `https://news.example/2026/${i}`);
          storeImportedArticle(db, `https://news.example/2026/${i}`, imported);
        })
      ).slice(1); // the first run starts the worker and warms jsdom and the statement cache
      await importer.close();
      const text = timed(pages.length, (i) => {
        storeImportedArticle(db, `file:///bench/plain-${i}.txt`, {
          title: `Plain ${i}`,
          body: { format: 'text', content: pages[i]!.text },
          meta: {},
          images: [],
          notices: [],
        });
      }).slice(1);
      print('library-import-html-1mb-p50', percentile(html, 50), 'ms');
      print('library-import-html-1mb-max', Math.max(...html), 'ms');
      print('library-import-text-1mb-p50', percentile(text, 50), 'ms');
      print('library-import-html-vs-text-p50', percentile(html, 50) / percentile(text, 50), 'x');

      searchLibrary(db, pick(rng, words));
      const after = memory();
      print('library-main-memory-heap-empty', before.heap, 'bytes');
      print('library-main-memory-heap', after.heap, 'bytes');
      print('library-main-memory-rss-empty', before.rss, 'bytes');
      print('library-main-memory-rss', after.rss, 'bytes');
      print('library-main-memory-rss-vs-empty', after.rss / before.rss, 'x');
    } finally {
      closeDatabase(db, () => undefined);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
