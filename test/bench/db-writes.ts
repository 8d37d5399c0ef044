/**
 * `node test/bench/db-writes.ts` (part of `npm run bench`): what one acknowledged write costs the user. Each write
 * is its own transaction, as an IPC call is, on a real file in the OS temp folder (a real disk, where fsync costs
 * what it costs). The library runs with `synchronous = FULL` so that a power cut cannot take back a saved highlight;
 * the baseline, measured in the same run on the same disk, is WAL's usual `synchronous = NORMAL`.
 *
 * Prints `BENCH db-<write>-<sync> <ms per write> ms` and `BENCH db-<write>-full-vs-normal <ratio> x`. Figures
 * are medians of batches, so one slow fsync does not move them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { Selector } from '../../common/model.ts';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';

const writesPerBatch = 50;
const batches = 7;

type Sync = 'full' | 'normal';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** ms per write: the median over batches of `writesPerBatch` calls of `write`. */
function perWrite(write: (i: number) => void): number {
  const times: number[] = [];
  let i = 0;
  for (let batch = 0; batch < batches; batch += 1) {
    const started = performance.now();
    for (let n = 0; n < writesPerBatch; n += 1) write(i++);
    times.push((performance.now() - started) / writesPerBatch);
  }
  return median(times);
}

function selectorsAt(text: string, start: number, length: number): Selector[] {
  const end = start + length;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

function measure(db: Database, articleLength: number): Record<string, number> {
  const sentence = 'Diplomats from the United States and Russia held day-long talks in Geneva. ';
  const text = sentence.repeat(Math.ceil(articleLength / sentence.length)).slice(0, articleLength);
  const article = insertArticle(db, {
    title: 'Bench',
    source: `bench:${articleLength}`,
    format: 'text',
    content: text,
  });
  const ids: string[] = [];
  const spot = (i: number) => (i * 7_919) % (text.length - 64);
  const create = perWrite((i) =>
    ids.push(
      createAnnotation(db, { articleId: article.id, color: 'yellow', selectors: selectorsAt(text, spot(i), 24) }).id,
    ),
  );
  const note = perWrite((i) => updateAnnotation(db, ids[i % ids.length] ?? '', { note: `note ${i}` }));
  const reattach = perWrite((i) =>
    updateAnnotation(db, ids[i % ids.length] ?? '', { selectors: selectorsAt(text, spot(i + 1), 24) }),
  );
  const remove = perWrite((i) => deleteAnnotation(db, ids[i] ?? ''));
  return { create, note, reattach, delete: remove };
}

function run(sync: Sync, articleLength: number): Record<string, number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.db'));
    if (sync === 'normal') db.pragma('synchronous = NORMAL');
    try {
      return measure(db, articleLength);
    } finally {
      closeDatabase(db, console.warn);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const print = (name: string, value: number, unit: string) =>
  console.log(`BENCH ${name} ${value.toFixed(value < 10 ? 3 : 1)} ${unit}`);

// A warm-up run so the first measured one does not pay for loading and JIT.
run('normal', 10_000);
const full = run('full', 10_000);
const normal = run('normal', 10_000);
for (const write of Object.keys(full)) {
  print(`db-${write}-full`, full[write] ?? Number.NaN, 'ms');
  print(`db-${write}-normal`, normal[write] ?? Number.NaN, 'ms');
  print(`db-${write}-full-vs-normal`, (full[write] ?? Number.NaN) / (normal[write] ?? Number.NaN), 'x');
}
// Create and re-attach check the selectors against the article's text, which is read for each call: their cost on
// a 1 MB article against the 10 kB one above shows what that check costs.
const large = run('full', 1_000_000);
print('db-create-full-1mb-article', large.create ?? Number.NaN, 'ms');
print('db-reattach-full-1mb-article', large.reattach ?? Number.NaN, 'ms');
print('db-create-1mb-vs-10kb-article', (large.create ?? Number.NaN) / (full.create ?? Number.NaN), 'x');
