/**
 * `node test/bench/export-import.ts` (part of `npm run bench`): export and import of the generated library's 100,000
 * annotations (1,000 articles, ~50 MB of text; test/bench/generated-library.ts), on real SQLite files in the OS temp
 * folder.
 *
 * - `export-json-100k-*`, `export-markdown-100k-*`, `export-csv-100k-*`: the formats of electron/core/export/ made
 *   from the library as read for an export (`export-read-library` is that read), against the baseline of
 *   JSON.stringify of the same annotations as stored (no format at all).
 * - `import-json-100k-*`: that JSON-LD read back (electron/core/annotation-import/, under its 256 MB file cap,
 *   which a whole-library export passes) and stored into a copy of the library without its annotations, anchored one
 *   article at a time; against the baseline of inserting the same rows with one prepared statement.
 *
 * Prints `BENCH <name> <value> <unit>` lines.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { listAnnotations } from '../../db/annotations.ts';
import { getArticle, listArticles } from '../../db/articles.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { importAnnotations } from '../../electron/core/annotation-import/import-annotations.ts';
import { readWebAnnotations } from '../../electron/core/annotation-import/web-annotation-reader.ts';
import { highlightsCsv } from '../../electron/core/export/csv.ts';
import { articleMarkdown } from '../../electron/core/export/markdown.ts';
import type { ExportedArticle } from '../../electron/core/export/types.ts';
import { webAnnotationCollection } from '../../electron/core/export/web-annotation.ts';
import { printFigure as print } from './figures.ts';
import { writeLibrary } from './generated-library.ts';

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-export-bench-'));
try {
  const file = path.join(dir, 'library.db');
  writeLibrary(file);
  const db = openDatabase(file);
  const exportedAt = '2026-12-02T00:00:00.000Z';
  const read = timed(() =>
    db.transaction((): ExportedArticle[] =>
      listArticles(db).map((summary) => ({
        article: getArticle(db, summary.id),
        annotations: listAnnotations(db, summary.id),
      })),
    )(),
  );
  const entries = read.value;
  const count = entries.reduce((sum, entry) => sum + entry.annotations.length, 0);
  print('export-annotations', count, 'count');
  print('export-read-library', read.ms, 'ms');

  const baseline = timed(() => JSON.stringify(entries.map((entry) => entry.annotations)));
  const json = timed(() => JSON.stringify(webAnnotationCollection(entries, { exportedAt }), null, 2));
  const markdown = timed(() => entries.map((entry) => articleMarkdown(entry, { exportedAt })));
  const csv = timed(() => highlightsCsv(entries));
  print('export-stringify-baseline-100k', baseline.ms, 'ms');
  print('export-json-100k-ms', json.ms, 'ms');
  print('export-json-100k-bytes', Buffer.byteLength(json.value), 'bytes');
  print('export-json-100k-vs-stringify', json.ms / baseline.ms, 'x');
  print('export-markdown-100k-ms', markdown.ms, 'ms');
  print('export-csv-100k-ms', csv.ms, 'ms');
  closeDatabase(db, () => undefined);

  // The same library without its annotations, to import them into.
  const target = path.join(dir, 'target.db');
  copyFileSync(file, target);
  const into = openDatabase(target);
  into.exec('DELETE FROM annotations');
  const parsed = timed(() => readWebAnnotations(JSON.parse(json.value)));
  const imported = timed(() => importAnnotations(into, parsed.value, new Date(exportedAt)));
  print('import-json-100k-parse-ms', parsed.ms, 'ms');
  print('import-json-100k-store-ms', imported.ms, 'ms');
  print('import-json-100k-ms', parsed.ms + imported.ms, 'ms');
  print('import-json-100k-imported', imported.value.imported, 'count');
  print('import-json-100k-orphaned', imported.value.orphaned, 'count');
  const again = timed(() => importAnnotations(into, parsed.value, new Date(exportedAt)));
  print('import-json-100k-again-ms', again.ms, 'ms');

  // Baseline: the same rows, one prepared INSERT in one transaction, into a third copy.
  const raw = path.join(dir, 'raw.db');
  copyFileSync(file, raw);
  const rawDb = openDatabase(raw);
  rawDb.exec('DELETE FROM annotations');
  const insert = rawDb.prepare(
    `INSERT INTO annotations (id, article_id, color, selectors, quote, start_offset, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rows = entries.flatMap((entry) => entry.annotations);
  const inserted = timed(() =>
    rawDb.transaction(() => {
      for (const a of rows) {
        const quote = a.selectors.find((s) => s.type === 'TextQuoteSelector');
        const position = a.selectors.find((s) => s.type === 'TextPositionSelector');
        insert.run(
          a.id,
          a.articleId,
          a.color,
          JSON.stringify(a.selectors),
          quote?.exact ?? '',
          position?.start ?? null,
          a.note,
          a.createdAt,
          a.updatedAt,
        );
      }
    })(),
  );
  print('import-raw-insert-baseline-100k', inserted.ms, 'ms');
  print('import-json-100k-vs-raw-insert', (parsed.ms + imported.ms) / inserted.ms, 'x');
  closeDatabase(rawDb, () => undefined);
  closeDatabase(into, () => undefined);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
