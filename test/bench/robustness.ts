/**
 * Anchoring robustness figures: runs the robustness corpus (test/corpus: generated and real articles, hundreds of
 * highlights, edits aimed at them, ground truth per character) through the pure text anchoring path and prints
 * `BENCH robustness-…` lines: overall, then per edit kind. Fixed seeds, so the figures are reproducible.
 *
 *   node test/bench/robustness.ts            BENCH lines
 *   node test/bench/robustness.ts --table    also a table, the wrong anchors and the first misses
 *
 * Exit code 0 unless something crashed; wrong anchors fail the Chromium test (test/renderer/robustness), not this.
 */
import { readFileSync } from 'node:fs';

import { benchLines, buildCorpus, formatBench, formatFinding, formatTable, runCorpus } from '../corpus/corpus.ts';
import { textPath } from '../corpus/text-path.ts';

const raw = readFileSync(new URL('../../electron/core/seed/default-article.txt', import.meta.url), 'utf8');
const started = performance.now();
const corpus = buildCorpus({ defaultArticleRaw: raw });
const built = performance.now();
const outcome = runCorpus(corpus, textPath);
const ran = performance.now();

if (process.argv.includes('--table')) {
  console.log(formatTable(outcome));
  for (const f of outcome.wrong) console.log(`WRONG ${formatFinding(f)}`);
  for (const f of outcome.misses.slice(0, 40)) console.log(`MISS ${formatFinding(f)}`);
  console.log(`corpus built in ${(built - started).toFixed(0)} ms, anchored in ${(ran - built).toFixed(0)} ms`);
}
for (const line of benchLines(outcome)) console.log(formatBench(line));
