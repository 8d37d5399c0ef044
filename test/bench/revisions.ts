/**
 * Anchoring on real revisions: every highlight made on a base version of a real document (test/revisions: 50
 * Electron and Scrapy documentation files, 600 base → target pairs 1, 5 and 30 commits apart), re-anchored on the
 * target with the batch path the app re-anchors with (`anchorAllText`), and judged against the ground truth the
 * character diff gives. Fixed seeds, so the figures are reproducible.
 * - `BENCH revisions-d<distance>-…` and `BENCH revisions-all-…`: the outcomes (test/revisions/figures.ts).
 * - `BENCH revisions-batch-50-on-12kb-…`: the time to re-anchor 50 highlights on a real ~12 kB pair (every pair
 *   whose base is 10–14 kB), the same 50 on their unchanged base, and the ratio.
 *
 *   node test/bench/revisions.ts            BENCH lines
 *   node test/bench/revisions.ts --table    also every wrong anchor and the first misses, with their text
 *   node test/bench/revisions.ts --known-wrong   prints the list test/revisions/known-wrong.ts holds
 *
 * Exit code 0 unless something crashed; wrong anchors fail test/revisions/revisions.test.ts, not this.
 */
import { anchorAllText, describeText } from '../../common/anchoring/text-anchor.ts';
import type { Selector } from '../../common/contract.ts';
import { batchTextPath } from '../corpus/text-path.ts';
import { revisionFigures } from '../revisions/figures.ts';
import { formatFinding } from '../revisions/findings.ts';
import { wrongKey } from '../revisions/known-wrong.ts';
import { type RevisionCorpus, textOf } from '../revisions/manifest.ts';
import { hasRevisionCorpus, noRevisionCorpus, readRevisionCorpus } from '../revisions/read-corpus.ts';
import { revisionHighlights } from '../revisions/revision-highlights.ts';
import { RevisionTruths, runRevisions } from '../revisions/run-revisions.ts';
import { median, printFigure } from './figures.ts';

/** Misses shown by --table (there are hundreds; the first are enough to see their kinds). */
const missesShown = 40;
/** The timing workload: 50 highlights on every pair whose base is 10–14 kB, each pair timed this many times. */
const timedHighlights = 50;
const timedBaseLength = { min: 10_000, max: 14_000 };
const timedRuns = 7;

if (!hasRevisionCorpus()) {
  console.log(`revisions: skipped, ${noRevisionCorpus}`);
  process.exit(0);
}
const started = performance.now();
const corpus = readRevisionCorpus();
const read = performance.now();
const truths = new RevisionTruths(corpus);
for (const pair of corpus.pairs) truths.of(pair);
const diffed = performance.now();
const outcome = runRevisions(corpus, batchTextPath, truths);
const ran = performance.now();

if (process.argv.includes('--table')) {
  for (const f of outcome.wrong) console.log(`WRONG ${formatFinding(f)}`);
  for (const f of outcome.misses.slice(0, missesShown)) console.log(`MISS ${formatFinding(f)}`);
  console.log(
    `read in ${(read - started).toFixed(0)} ms, ground truth in ${(diffed - read).toFixed(0)} ms, ` +
      `anchored and judged in ${(ran - diffed).toFixed(0)} ms`,
  );
}
if (process.argv.includes('--known-wrong')) {
  const keys = [...new Set(outcome.wrong.map(wrongKey))].sort();
  console.log(
    `export const knownWrong: ReadonlySet<string> = new Set<string>([\n${keys.map((k) => `  '${k}',`).join('\n')}\n]);`,
  );
}
for (const f of revisionFigures(outcome)) printFigure(f.name, f.value, f.unit);

/** Median time of `anchorAllText(text, selectors)` over `timedRuns` runs, after one untimed run. */
function timeBatch(text: string, selectors: readonly Selector[][]): number {
  anchorAllText(text, selectors);
  const times: number[] = [];
  for (let run = 0; run < timedRuns; run++) {
    const t0 = performance.now();
    anchorAllText(text, selectors);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Per pair with a 10–14 kB base: the median time on the target and on the unchanged base. */
function timePairs(revisions: RevisionCorpus): { edited: number[]; unchanged: number[] } {
  const edited: number[] = [];
  const unchanged: number[] = [];
  for (const pair of revisions.pairs) {
    const base = textOf(revisions, pair.baseFile);
    if (base.length < timedBaseLength.min || base.length > timedBaseLength.max) continue;
    const highlights = revisionHighlights(pair.baseFile, base, timedHighlights);
    const selectors = highlights.map((h) => describeText(base, h.start, h.end));
    edited.push(timeBatch(textOf(revisions, pair.targetFile), selectors));
    unchanged.push(timeBatch(base, selectors));
  }
  return { edited, unchanged };
}

const timed = timePairs(corpus);
const onEdited = median(timed.edited);
const onUnchanged = median(timed.unchanged);
printFigure('revisions-batch-50-on-12kb-pairs', timed.edited.length, 'count');
printFigure('revisions-batch-50-on-12kb-median', onEdited, 'ms');
printFigure('revisions-batch-50-on-12kb-unchanged-median', onUnchanged, 'ms');
printFigure('revisions-batch-50-on-12kb-vs-unchanged', onEdited / onUnchanged, 'x');
