import { beforeAll, describe, expect, it } from 'vitest';

import { batchTextPath } from '../corpus/text-path.ts';
import { againstKnownWrong } from './known-wrong.ts';
import { distances, textOf } from './manifest.ts';
import { hasRevisionCorpus, noRevisionCorpus, readRevisionCorpus } from './read-corpus.ts';
import { type Outcome, RevisionTruths, runRevisions } from './run-revisions.ts';
import { truthProblems } from './truth-invariants.ts';

/**
 * The real-revision corpus (test/revisions/README.md) through the batch text path the app re-anchors with
 * (`anchorAllText`): 600 pairs of real documentation versions, about 24,600 highlights made on the bases, each judged
 * against the ground truth. The bar is 0 wrong anchors: a highlight shown on the wrong text misleads, an orphan does
 * not. `node test/bench/revisions.ts` prints the figures; its `--table` every wrong anchor and the first misses.
 */

const present = hasRevisionCorpus();
if (!present) console.warn(`Skipping the real-revision corpus: ${noRevisionCorpus}`);
const corpus = present ? readRevisionCorpus() : { pairs: [], texts: {} };
const truths = new RevisionTruths(corpus);
let outcome: Outcome;

describe.runIf(present)('real revisions, batch text path', () => {
  beforeAll(() => {
    outcome = runRevisions(corpus, batchTextPath, truths);
  }, 120_000);

  it('covers 600 pairs, 200 at each distance, and about 24,600 anchorings', () => {
    expect(corpus.pairs).toHaveLength(600);
    for (const d of distances) expect(corpus.pairs.filter((p) => p.distance === d)).toHaveLength(200);
    expect(outcome.overall.anchorings).toBeGreaterThanOrEqual(24_000);
    for (const d of distances) expect(outcome.byDistance.get(d)!.anchorings).toBe(outcome.overall.anchorings / 3);
  });

  it('has a sound ground truth for every pair', () => {
    const problems = corpus.pairs.flatMap((pair) =>
      truthProblems(textOf(corpus, pair.baseFile), textOf(corpus, pair.targetFile), truths.of(pair)).map(
        (problem) => `${pair.id}: ${problem}`,
      ),
    );
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('has text that survives, text that is destroyed, and both more often the further apart the versions are', () => {
    const [d1, d5, d30] = distances.map((d) => outcome.byDistance.get(d)!);
    expect(d1!.survived).toBeGreaterThan(d5!.survived);
    expect(d5!.survived).toBeGreaterThan(d30!.survived);
    expect(d1!.destroyed).toBeLessThan(d30!.destroyed);
  });

  it('anchors no highlight on the wrong text beyond the known ones (test/revisions/known-wrong.ts), and fixes stay fixed', () => {
    const { unexpected, fixed } = againstKnownWrong(outcome);
    expect(unexpected).toBe('');
    expect(fixed, 'no longer wrong: take them out of test/revisions/known-wrong.ts').toEqual([]);
  });
});
