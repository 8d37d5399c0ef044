import { beforeAll, describe, expect, it } from 'vitest';

// The seed article is data, not main-process code (the renderer import rule lets a raw text import through).
import raw from '../../../electron/core/seed/default-article.txt?raw';
import {
  type Bucket,
  buildCorpus,
  formatFinding,
  formatTable,
  type Outcome,
  runCorpus,
  type Tally,
} from '../../corpus/corpus.ts';
import type { EditKind } from '../../corpus/edits.ts';
import { domPath } from '../anchoring/dom-path.ts';

/**
 * The robustness corpus (test/corpus) through the DOM anchoring path, in real Chromium: each article is rendered
 * as the app renders it (a <p> per paragraph, "\n\n" Text nodes between), every highlight is described from a DOM
 * Range with a TextIndex of the original, and re-anchored with a fresh TextIndex of the edited article's render,
 * all of an article's highlights at once with `anchorAll`: the path the app re-anchors with on every open
 * (renderer/app/reader/article-surface.ts; `anchorAllText` on re-import in the main process). Single
 * `anchor` is only used for a brand-new selection; its figures are in `node test/bench/robustness.ts`
 * (`BENCH robustness-single-…`). The scorer (test/corpus/truth.ts) knows where every original character went, so
 * each anchor is judged against the truth: correct (exact, moved, fuzzy), wrong, or orphan. See
 * test/corpus/README.md for the definitions.
 */

const dom = domPath();

let outcome: Outcome;

function tally(bucket: Bucket): Tally {
  const t = outcome.tallies.get(bucket);
  if (!t) throw new Error(`no highlights in bucket ${bucket}`);
  return t;
}

/** The findings of a bucket, formatted for a failure message (at most ten). */
function findings(bucket?: Bucket, kind: 'wrong' | 'misses' = 'wrong'): string {
  const list = outcome[kind].filter((f) => bucket === undefined || f.bucket === bucket);
  return `${list.length} ${kind}:\n${list.slice(0, 10).map(formatFinding).join('\n')}`;
}

describe('robustness corpus, DOM path in Chromium', () => {
  beforeAll(() => {
    const corpus = buildCorpus({ defaultArticleRaw: raw });
    outcome = runCorpus(corpus, dom.path);
    console.log(formatTable(outcome));
  }, 120_000);

  it('covers hundreds of highlights in tens of cases, every edit kind, and the default article', () => {
    expect(outcome.cases).toBeGreaterThanOrEqual(60);
    expect(outcome.overall.highlights).toBeGreaterThanOrEqual(10_000);
    for (const t of outcome.tallies.values()) expect(t.highlights).toBeGreaterThan(0);
    expect(outcome.tallies.size).toBe(16);
  });

  it('maps DOM ranges and offsets consistently', () => {
    expect(dom.problems.slice(0, 10)).toEqual([]);
  });

  it('never anchors a highlight on the wrong text', () => {
    expect(outcome.overall.wrong, findings()).toBe(0);
  });

  // Edits that leave the quote's own text alone: every highlight whose text is intact must be placed.
  const untouched: EditKind[] = [
    'insert-before',
    'insert-after',
    'delete-before',
    'delete-after',
    'duplicate-paragraph',
    'reorder-paragraphs',
    'merge-paragraphs',
    'whitespace',
    'typography',
  ];
  it.each(untouched)('%s: places every target whose text is intact', (kind) => {
    const t = tally(kind);
    expect(t.placedIntact, findings(kind, 'misses') + '\n' + findings(kind)).toBe(t.intact);
  });

  it('typo-fix: places at least 95% of the targets', () => {
    const t = tally('typo-fix');
    expect(t.placedIntact / t.intact, findings('typo-fix')).toBeGreaterThanOrEqual(0.95);
  });

  // Inside a quote, what the edit allows depends on its size: an insertion of a sentence into a two-sentence quote
  // leaves nothing a quote matcher can recognise, so the bound is on lightly edited targets (≤ 10% of the quote
  // changed), which must all be placed; the rest are reported (BENCH robustness-insert-inside-placed-survivable).
  it.each(['insert-inside', 'delete-inside'] as const)('%s: places every lightly edited target', (kind) => {
    const t = tally(kind);
    expect(t.placedLight, findings(kind, 'misses') + '\n' + findings(kind)).toBe(t.light);
  });

  it.each(['delete-quote', 'delete-with-lookalike'] as const)('%s: orphans every target whose text is gone', (kind) => {
    const t = tally(kind);
    expect(t.orphanDestroyed, findings(kind)).toBe(t.destroyed);
  });

  // The kind's premise (test/corpus/edits.ts): its lookalike is new text for the target it was built from, so nothing
  // of a target's text is left and orphan is its only right answer (buildCorpus also refuses a corpus where it is not).
  it('delete-with-lookalike: every target is destroyed', () => {
    const t = tally('delete-with-lookalike');
    expect(t.highlights).toBe(90);
    expect(t.destroyed).toBe(t.highlights);
  });

  it('bystanders: places every one whose text is intact, unless an edit aimed at another touched it', () => {
    const t = tally('bystander');
    expect(t.placedIntact / t.intact, findings('bystander', 'misses')).toBeGreaterThanOrEqual(0.99);
  });
});
