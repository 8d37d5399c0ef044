import { lowerBound } from './lower-bound.ts';
import { claimShiftSlack } from './thresholds.ts';

/** Text a highlight was placed on word for word, at `shift` from its stored position. */
export interface ClaimedSpan {
  start: number;
  end: number;
  shift: number;
}

/**
 * A claim that may yet give way (docs/anchoring.md, "claims"): a highlight found in place with one side of context
 * in pass 1, or in place at an estimate in pass 2a. Of two on the same text at different shifts, the one with less
 * `evidence` is searched again.
 */
export interface TentativeSpan extends ClaimedSpan {
  /** Characters found verbatim there: the quote and the context agreeing on both sides. */
  evidence: number;
  /** The highlight's index in the batch. */
  at: number;
  /** The highlight's stored start. */
  stored: number;
}

/**
 * The claims (docs/anchoring.md): the text that pass 1 placed word for word, and where it was: every quote found
 * verbatim (with its context when all of it agreed), then the tentative claims that stood. A candidate overlapping
 * such text at another shift than its own is on foreign text, known to be other text: a twin sitting where another
 * highlight's words are.
 */
export class Claims {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly shifts: Float64Array;
  private readonly longest: number;
  constructor(spans: ClaimedSpan[]) {
    spans.sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(spans, (s) => s.start);
    this.ends = Float64Array.from(spans, (s) => s.end);
    this.shifts = Float64Array.from(spans, (s) => s.shift);
    let longest = 0;
    for (const s of spans) longest = Math.max(longest, s.end - s.start);
    this.longest = longest;
  }

  /**
   * Whether [start, end) overlaps placed text whose shift differs from the candidate's (start − `stored`) by more
   * than the candidate's length differs from the quote's (`length`), plus `claimShiftSlack`: text inserted or deleted
   * inside the quote.
   */
  foreign(start: number, end: number, stored: number, length: number): boolean {
    const shift = start - stored;
    const slack = Math.abs(end - start - length) + claimShiftSlack;
    for (let k = lowerBound(this.starts, end) - 1; k >= 0 && this.starts[k]! > start - this.longest; k--) {
      if (this.ends[k]! > start && Math.abs(this.shifts[k]! - shift) > slack) return true;
    }
    return false;
  }
}
