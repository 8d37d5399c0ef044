import type { Selector } from '../../common/contract.ts';
import type { AnchorPath } from '../corpus/corpus.ts';
import type { Highlight } from '../corpus/highlights.ts';
import type { Span } from '../corpus/text.ts';
import { judge, type Placement, type Truth, TruthIndex, type Verdict } from '../corpus/truth.ts';
import { type Distance, distances, type RevisionCorpus, type RevisionPair, textOf } from './manifest.ts';
import { revisionDoc, type RevisionTruth } from './revision-doc.ts';
import { revisionHighlights } from './revision-highlights.ts';

/**
 * Runs the real-revision corpus through an anchoring path: every base's highlights are described on the base, then
 * re-anchored on each of its targets all at once (the path's `anchorAll`: the batch API the app re-anchors with), and
 * every placement is judged against the ground truth (revision-doc.ts) by the robustness corpus's scorer
 * (test/corpus/truth.ts: correct, wrong, orphan; intact, damaged, destroyed). Tallied per distance and overall.
 */

/** The ground truth of each pair, computed once per run and shared by whoever asks (the test's checks, the scorer). */
export class RevisionTruths {
  private readonly known = new Map<string, RevisionTruth>();
  private readonly corpus: RevisionCorpus;

  constructor(corpus: RevisionCorpus) {
    this.corpus = corpus;
  }

  /** The pair's truth (its diff, the first time it is asked for). */
  of(pair: RevisionPair): RevisionTruth {
    let truth = this.known.get(pair.id);
    if (!truth) {
      truth = revisionDoc(textOf(this.corpus, pair.baseFile), textOf(this.corpus, pair.targetFile));
      this.known.set(pair.id, truth);
    }
    return truth;
  }
}

export interface Tally {
  anchorings: number;
  /** Placed within tolerance of the text's true place (truth.ts), by how sure the engine said it was. */
  exact: number;
  moved: number;
  fuzzy: number;
  /** Placed where the text is not: on other text, or off its boundaries, or when nothing of it was left. */
  wrongElsewhere: number;
  wrongImprecise: number;
  wrongDestroyed: number;
  /** Orphaned although its text survived (intact): a miss. */
  missed: number;
  /** Orphaned with its text mostly gone: the right answer for a destroyed one, acceptable for a damaged one. */
  orphanDestroyed: number;
  orphanDamaged: number;
  /** By the truth: ≥ 80% of the text survives in one piece (intact), 50–80% (damaged), less (destroyed). */
  survived: number;
  damaged: number;
  destroyed: number;
  /** Survived and placed correctly. */
  placedSurvived: number;
}

function emptyTally(): Tally {
  return {
    anchorings: 0,
    exact: 0,
    moved: 0,
    fuzzy: 0,
    wrongElsewhere: 0,
    wrongImprecise: 0,
    wrongDestroyed: 0,
    missed: 0,
    orphanDestroyed: 0,
    orphanDamaged: 0,
    survived: 0,
    damaged: 0,
    destroyed: 0,
    placedSurvived: 0,
  };
}

/** All wrong placements of a tally. */
export function wrongOf(t: Tally): number {
  return t.wrongElsewhere + t.wrongImprecise + t.wrongDestroyed;
}

/** A wrong anchor or a miss, with what it takes to study it. */
export interface Finding {
  pair: RevisionPair;
  highlight: number;
  shape: Highlight['shape'];
  /** The highlight on the base, and its text. */
  span: Span;
  quote: string;
  selectors: readonly Selector[];
  placement: Placement;
  verdict: Verdict;
  truth: Truth;
  base: string;
  target: string;
}

export interface Outcome {
  pairs: number;
  byDistance: Map<Distance, Tally>;
  overall: Tally;
  wrong: Finding[];
  misses: Finding[];
}

/** Anchors every pair's highlights through `path` and judges them (see the module comment). */
export function runRevisions(corpus: RevisionCorpus, path: AnchorPath, truths = new RevisionTruths(corpus)): Outcome {
  const byDistance = new Map(distances.map((d) => [d, emptyTally()]));
  const overall = emptyTally();
  const wrong: Finding[] = [];
  const misses: Finding[] = [];
  // A base is shared by its three pairs: its highlights and selectors are made once.
  const described = new Map<string, { highlights: Highlight[]; selectors: Selector[][] }>();
  for (const pair of corpus.pairs) {
    const base = textOf(corpus, pair.baseFile);
    const target = textOf(corpus, pair.targetFile);
    let made = described.get(pair.baseFile);
    if (!made) {
      const highlights = revisionHighlights(pair.baseFile, base);
      made = { highlights, selectors: path.describeAll(base, highlights) };
      described.set(pair.baseFile, made);
    }
    const { highlights, selectors } = made;
    const placements = path.anchorAll(target, selectors);
    const index = new TruthIndex(truths.of(pair).doc, base.length);
    highlights.forEach((h, i) => {
      const truth = index.truth(h.start, h.end);
      const placement = placements[i]!;
      const verdict = judge(truth, placement);
      for (const t of [byDistance.get(pair.distance)!, overall]) count(t, truth, verdict);
      const missed = verdict.outcome === 'orphan' && verdict.state === 'intact';
      if (verdict.outcome !== 'wrong' && !missed) return;
      const finding: Finding = {
        pair,
        highlight: i,
        shape: h.shape,
        span: { start: h.start, end: h.end },
        quote: base.slice(h.start, h.end),
        selectors: selectors[i]!,
        placement,
        verdict,
        truth,
        base,
        target,
      };
      (missed ? misses : wrong).push(finding);
    });
  }
  return { pairs: corpus.pairs.length, byDistance, overall, wrong, misses };
}

function count(t: Tally, truth: Truth, verdict: Verdict): void {
  t.anchorings++;
  if (truth.state === 'intact') t.survived++;
  else t[truth.state]++;
  switch (verdict.outcome) {
    case 'exact':
    case 'moved':
    case 'fuzzy':
      t[verdict.outcome]++;
      if (truth.state === 'intact') t.placedSurvived++;
      break;
    case 'wrong':
      if (verdict.why === 'elsewhere') t.wrongElsewhere++;
      else if (verdict.why === 'imprecise') t.wrongImprecise++;
      else t.wrongDestroyed++;
      break;
    case 'orphan':
      if (verdict.state === 'destroyed') t.orphanDestroyed++;
      else if (verdict.state === 'damaged') t.orphanDamaged++;
      else t.missed++;
      break;
  }
}
