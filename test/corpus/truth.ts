import type { Doc } from './document.ts';

/**
 * Ground truth and the scorer: where each highlight's text went, and whether an anchor found it.
 *
 * Where the text went. The highlight covered original offsets [start, end), length L. Its surviving characters
 * are the edited document's characters whose origin lies in [start, end), the original's own and any duplicate's,
 * except those of a lookalike built from this very highlight (document.ts `lookalike`, matched by the highlight's
 * id: its reworded lookalike is new text for it, and a verbatim copy for every other highlight whose text it
 * carries). In text order, they split into *fragments* wherever they stop being the highlighted text in order:
 * where original text from outside the run now sits between two of them, or where the origins stop increasing
 * (paragraphs reordered inside a highlight, or a duplicate's copy starting over). New text written between two of
 * them (a word inserted inside the quote, a typo's replacement letter, a lookalike sentence spliced in) does not
 * split them: it is inside the highlight now. A fragment's *true span* runs from its first to its last character.
 * - A fragment holding ≥ 50% of the L characters is a *candidate*: text that is still, mostly, what the user
 *   highlighted. There can be several (the original paragraph and its duplicate).
 * - `intact`: a candidate holds ≥ 80% of the characters (an insertion inside the quote keeps it intact: nothing of
 *   the user's text was lost). An orphan here is a *miss*: the text survived and anchoring lost it.
 * - `damaged`: the best candidate holds 50–80%. Placing it on the remains is correct; orphaning it is acceptable.
 * - `destroyed`: no candidate (deleted wholly or mostly). The only right answer is orphan; any anchor is wrong, and
 *   is somewhere else by construction (on a lookalike, a repeated phrase, new text).
 *
 * Whether an anchor found it. An anchor A = [a, b) is *correct* for a candidate with surviving characters S and
 * true span T when both of its boundaries are within tolerance, the tolerance being
 * max(2, 20% of |S|) characters:
 * - missing: characters of S outside A ≤ tolerance (A covers ≥ 80% of the surviving text), and
 * - extra: characters of A outside T ≤ tolerance (≥ 80% of A lies in the true span; new text written inside the
 *   quote is inside T, so an anchor may cover it).
 * The 2-character floor lets a short quote gain or lose an edge character (a closing quote mark, a space) without
 * failing. An anchor correct for any candidate is correct (`onCopy` says when that candidate was a duplicate's:
 * both copies are exactly the text the user highlighted, with the same context; nothing on the page tells them
 * apart, and the user sees the highlight on the words they chose, so either is accepted. We count it separately.)
 * Any other anchor is *wrong*: `imprecise` when it overlaps a candidate's span but misses the tolerance,
 * `elsewhere` when it does not (lookalikes, repeated phrases), `destroyed` when there was nothing left to find.
 */

/** Share of the highlight's characters a fragment needs to count as the highlight's text at all. */
const candidateShare = 0.5;
/** Share of the highlight's characters that must survive in one fragment for an orphan to count as a miss. */
const intactShare = 0.8;
/** Boundary tolerance: this share of the surviving characters, and never less than `minimumSlack` characters. */
const slackShare = 0.2;
const minimumSlack = 2;

interface Candidate {
  /** The true span in the edited text: first to last surviving character of the fragment. */
  start: number;
  end: number;
  /** The fragment's surviving characters (offsets in the edited text, ascending). */
  positions: Int32Array;
  /** 0: only the original's own characters; n > 0: holds characters of the n-th duplicate. */
  copy: number;
}

type TruthState = 'intact' | 'damaged' | 'destroyed';

export interface Truth {
  /** The highlight's original length. */
  length: number;
  state: TruthState;
  /** Share of the characters in the best fragment, 0..1. */
  kept: number;
  candidates: Candidate[];
}

/** What an anchoring attempt returned, in the shape of the anchoring layer's AnchorResult. */
export interface Placement {
  start?: number;
  end?: number;
  status: { kind: 'exact' | 'moved' | 'fuzzy' | 'orphan'; score?: number };
}

export type Verdict =
  | { outcome: 'exact' | 'moved' | 'fuzzy'; onCopy: boolean }
  | { outcome: 'wrong'; why: 'destroyed' | 'imprecise' | 'elsewhere' }
  | { outcome: 'orphan'; state: TruthState };

/** Ground truth for any highlight of one original text in one edited document. */
export class TruthIndex {
  /** where[copy][originalOffset] = offset in the edited text, or -1 where that character did not survive. */
  private readonly where = new Map<number, Int32Array>();
  /**
   * fromOriginalBefore[i] = how many of the first i characters of the edited text are original text that can split
   * a highlight: from the original, and not a lookalike's (an insertion for every highlight it does not carry).
   */
  private readonly fromOriginalBefore: Int32Array;

  private readonly doc: Doc;

  constructor(doc: Doc, originalLength: number) {
    this.doc = doc;
    for (let i = 0; i < doc.origin.length; i++) {
      const o = doc.origin[i]!;
      if (o < 0) continue;
      const c = doc.copy[i]!;
      let map = this.where.get(c);
      if (!map) {
        map = new Int32Array(originalLength).fill(-1);
        this.where.set(c, map);
      }
      map[o] = i;
    }
    this.fromOriginalBefore = new Int32Array(doc.origin.length + 1);
    for (let i = 0; i < doc.origin.length; i++) {
      const splits = doc.origin[i]! >= 0 && doc.lookalike[i] === -1;
      this.fromOriginalBefore[i + 1] = this.fromOriginalBefore[i]! + (splits ? 1 : 0);
    }
  }

  /**
   * The truth for the highlight over original [start, end). `id` identifies it (corpus.ts: the same id the edits
   * were given for their targets): characters of a lookalike built from it are not its text.
   */
  truth(start: number, end: number, id?: number): Truth {
    const length = end - start;
    // Every surviving character of the highlight, in any copy: a duplicate's end can join the original's next
    // paragraph into one contiguous run of the highlighted text (a paragraph duplicated inside a highlight).
    const positions: number[] = [];
    for (const map of this.where.values()) {
      for (let o = start; o < end; o++) {
        const p = map[o]!;
        if (p >= 0 && (id === undefined || this.doc.lookalike[p] !== id)) positions.push(p);
      }
    }
    positions.sort((a, b) => a - b);
    const candidates: Candidate[] = [];
    let best = 0;
    for (const fragment of this.fragments(positions)) {
      best = Math.max(best, fragment.length);
      if (fragment.length >= candidateShare * length) {
        const copy = fragment.reduce((c, p) => Math.max(c, this.doc.copy[p]!), 0);
        candidates.push({
          start: fragment[0]!,
          end: fragment[fragment.length - 1]! + 1,
          positions: Int32Array.from(fragment),
          copy,
        });
      }
    }
    candidates.sort((a, b) => a.copy - b.copy || b.positions.length - a.positions.length);
    const kept = best / length;
    const state: TruthState = candidates.length === 0 ? 'destroyed' : kept >= intactShare ? 'intact' : 'damaged';
    return { length, state, kept, candidates };
  }

  /**
   * Splits ascending positions where original text from outside the run sits between neighbours, or where the
   * highlighted text stops reading in order (reordered, or a second copy of what came before).
   */
  private fragments(positions: number[]): number[][] {
    const out: number[][] = [];
    let current: number[] = [];
    for (const p of positions) {
      const previous = current[current.length - 1];
      if (previous !== undefined) {
        const foreign = this.fromOriginalBefore[p]! - this.fromOriginalBefore[previous + 1]! > 0;
        const outOfOrder = this.doc.origin[p]! <= this.doc.origin[previous]!;
        if (foreign || outOfOrder) {
          out.push(current);
          current = [];
        }
      }
      current.push(p);
    }
    if (current.length > 0) out.push(current);
    return out;
  }
}

/** Boundary tolerance for a candidate (see the module comment). */
function slackOf(candidate: Candidate): number {
  return Math.max(minimumSlack, Math.floor(slackShare * candidate.positions.length));
}

/** Whether [a, b) finds the candidate within tolerance. */
function isCorrectFor(candidate: Candidate, a: number, b: number): boolean {
  const kept = candidate.positions.length;
  const covered = countIn(candidate.positions, a, b);
  const overlap = Math.max(0, Math.min(b, candidate.end) - Math.max(a, candidate.start));
  const slack = slackOf(candidate);
  return kept - covered <= slack && b - a - overlap <= slack;
}

/** Scores one anchoring result against the truth. */
export function judge(truth: Truth, placement: Placement): Verdict {
  const { start, end, status } = placement;
  if (status.kind === 'orphan' || start === undefined || end === undefined)
    return { outcome: 'orphan', state: truth.state };
  if (truth.state === 'destroyed') return { outcome: 'wrong', why: 'destroyed' };
  const hit = truth.candidates.find((c) => isCorrectFor(c, start, end));
  if (hit) return { outcome: status.kind, onCopy: hit.copy !== 0 };
  const overlaps = truth.candidates.some((c) => Math.min(end, c.end) > Math.max(start, c.start));
  return { outcome: 'wrong', why: overlaps ? 'imprecise' : 'elsewhere' };
}

/** How many of the ascending `positions` lie in [a, b). */
function countIn(positions: Int32Array, a: number, b: number): number {
  return lowerBound(positions, b) - lowerBound(positions, a);
}

function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
