/**
 * Anchoring robustness figures: runs the robustness corpus (test/corpus: generated and real articles, hundreds of
 * highlights, edits aimed at them, ground truth per character) through the pure text anchoring paths and prints
 * BENCH lines. Fixed seeds, so the figures are reproducible.
 * - `BENCH robustness-…`: the batch path (`anchorAllText`, all of an article's highlights at once), the one the app
 *   re-anchors with on every open and re-import; overall, then per edit kind. The 0-wrong bar is on this path.
 * - `BENCH robustness-single-…`: the single path (`anchorText` per highlight, used only for a brand-new
 *   selection), overall figures, so a regression there stays visible.
 *
 *   node test/bench/robustness.ts            BENCH lines
 *   node test/bench/robustness.ts --table    also, per path, a table, every wrong anchor and the first misses
 *
 * Exit code 0 unless something crashed; wrong anchors fail the Chromium test (test/renderer/robustness), not this.
 */
import { readFileSync } from 'node:fs';

import {
  benchLines,
  buildCorpus,
  formatBench,
  formatFinding,
  formatTable,
  type Outcome,
  overallBenchLines,
  runCorpus,
} from '../corpus/corpus.ts';
import { batchTextPath, singleTextPath } from '../corpus/text-path.ts';

const raw = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');
const started = performance.now();
const corpus = buildCorpus({ defaultArticleRaw: raw });
const built = performance.now();
const batch = runCorpus(corpus, batchTextPath);
const batchRan = performance.now();
const single = runCorpus(corpus, singleTextPath);
const singleRan = performance.now();

function report(name: string, outcome: Outcome): void {
  console.log(`== ${name} path`);
  console.log(formatTable(outcome));
  for (const f of outcome.wrong) console.log(`WRONG ${name} ${formatFinding(f)}`);
  for (const f of outcome.misses.slice(0, 40)) console.log(`MISS ${name} ${formatFinding(f)}`);
}

if (process.argv.includes('--table')) {
  report('batch', batch);
  report('single', single);
  console.log(
    `corpus built in ${(built - started).toFixed(0)} ms, anchored in ${(batchRan - built).toFixed(0)} ms (batch), ` +
      `${(singleRan - batchRan).toFixed(0)} ms (single)`,
  );
}
for (const line of benchLines(batch)) console.log(formatBench(line));
for (const line of overallBenchLines(single, 'robustness-single')) console.log(formatBench(line));
