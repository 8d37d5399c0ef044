import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';

import { againstKnownWrong } from '../../revisions/known-wrong.ts';
import { distances } from '../../revisions/manifest.ts';
import { type Outcome, runRevisions } from '../../revisions/run-revisions.ts';
import { domPath } from '../anchoring/dom-path.ts';

/**
 * The real-revision corpus (test/revisions/README.md) through the DOM anchoring path, in real Chromium: each base is
 * rendered as the app renders an article and its highlights described from DOM Ranges, then all of them re-anchored
 * with `anchorAll` on each target's render, the path the app re-anchors with on every open. Every placement is
 * judged against the ground truth (computed here, in the page, by the same code as in Node). The bar is 0 wrong.
 */

let outcome: Outcome;
const dom = domPath();
const missing = await commands.revisionCorpusMissing();
if (missing) console.warn(`Skipping the real-revision corpus: ${missing}`);

describe.runIf(!missing)('real revisions, DOM path in Chromium', () => {
  beforeAll(async () => {
    const corpus = await commands.revisionCorpus();
    outcome = runRevisions(corpus, dom.path);
  }, 120_000);

  it('covers 600 pairs and about 24,600 anchorings, a third at each distance', () => {
    expect(outcome.pairs).toBe(600);
    expect(outcome.overall.anchorings).toBeGreaterThanOrEqual(24_000);
    for (const d of distances) expect(outcome.byDistance.get(d)!.anchorings).toBe(outcome.overall.anchorings / 3);
  });

  it('maps DOM ranges and offsets consistently', () => {
    expect(dom.problems.slice(0, 10)).toEqual([]);
  });

  it('anchors no highlight on the wrong text beyond the known ones (test/revisions/known-wrong.ts), and fixes stay fixed', () => {
    const { unexpected, fixed } = againstKnownWrong(outcome);
    expect(unexpected).toBe('');
    expect(fixed, 'no longer wrong: take them out of test/revisions/known-wrong.ts').toEqual([]);
  });
});
