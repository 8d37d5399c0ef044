import { limits } from '../model.ts';
import { sameText } from './anchor-certain.ts';
import { lowerBound, partitionPoint } from './lower-bound.ts';
import { arrivedShare } from './thresholds.ts';

/** A highlight's stored start and quote. */
export interface StoredQuote {
  stored: number;
  exact: string;
}

/** A highlight placed in pass 1 (stage 1 or 2): where it was and is, and the text around it found intact. */
export interface Landmark {
  stored: number;
  placed: number;
  /** Characters before and from its start known intact (its prefix; its quote and suffix). */
  before: number;
  after: number;
  /** Its index in the batch. */
  at: number;
  /** Found at its stored position. */
  inPlace: boolean;
  /** Found with all of its context. */
  full: boolean;
  /**
   * Found away from its stored position with all of its context, which another copy of its quote also has: placed
   * by the stored position alone, so it says nothing about where the text went.
   */
  ambiguous: boolean;
}

/**
 * The guide (docs/anchoring.md): the landmarks that kept their order (text in between may have been edited, but
 * nothing moved across them): where a stored position must be now (its window, its estimates), and whether text at
 * some place now was there before or arrived.
 */
export class Guide {
  private readonly landmarks: readonly Landmark[];
  private readonly textLength: number;
  private readonly stored: Float64Array;
  private readonly placed: Float64Array;
  /** The landmarks found with all of their context, which alone bound windows and give estimates. */
  private readonly full: readonly Landmark[];
  private readonly fullStored: Float64Array;
  private readonly quotes: readonly StoredQuote[];
  private readonly quoteStarts: Float64Array;
  constructor(landmarks: readonly Landmark[], textLength: number, quotes: readonly StoredQuote[]) {
    this.landmarks = landmarks;
    this.textLength = textLength;
    this.quotes = quotes;
    this.quoteStarts = Float64Array.from(quotes, (q) => q.stored);
    this.stored = Float64Array.from(landmarks, (l) => l.stored);
    this.placed = Float64Array.from(landmarks, (l) => l.placed);
    this.full = landmarks.filter((l) => l.full);
    this.fullStored = Float64Array.from(this.full, (l) => l.stored);
  }

  /**
   * Where text stored at `p` must start now: after the nearest landmark before it (at the same distance when `p`
   * lies in that landmark's intact text), before the nearest one after it (likewise).
   */
  window(p: number): [number, number] {
    const k = lowerBound(this.fullStored, p);
    const before = this.full[k - 1];
    const next = this.full[k];
    const lo = before ? before.placed + Math.min(p - before.stored, before.after) : 0;
    const hi = next ? next.placed - Math.min(next.stored - p, next.before) : this.textLength;
    return [lo, Math.max(lo, hi)];
  }

  /** The shift of the nearest landmark at or before `p` (after it, when none is before). */
  shiftAt(p: number): number {
    const k = lowerBound(this.fullStored, p + 1);
    const l = this.full[k - 1] ?? this.full[k];
    return l === undefined ? 0 : l.placed - l.stored;
  }

  /** Where the shifts of the nearest landmarks before and after `p` put it. */
  estimates(p: number): number[] {
    const k = lowerBound(this.fullStored, p);
    const out: number[] = [];
    for (const l of [this.full[k - 1], this.full[k]]) if (l) out.push(p + l.placed - l.stored);
    return out;
  }

  /**
   * Whether text[start, end), a candidate for the highlight stored at `stored`, lies in paragraphs that arrived
   * where they are (moved or copied there) rather than text that was there before (a twin of the highlight's
   * passage): no in-order landmark inside them; every other highlight stored at the same shift that falls inside
   * them there word for word (a moved paragraph brings all of its text; a lookalike rewords some); and either one of
   * those corroborates beyond the candidate's own context, or the gap between the in-order landmarks around them
   * grew (`room`), or the one around the stored position shrank (`departed`), by at least `arrivedShare` of their
   * length (they may have been edited too) and by at least the candidate's.
   */
  arrived(text: string, start: number, end: number, stored: number): boolean {
    const from = text.lastIndexOf('\n', start - 1) + 1;
    let to = text.indexOf('\n', Math.max(start, end - 1));
    if (to === -1) to = text.length;
    // A landmark in order inside them: they are where they were (the last paragraphs, too, where `room` cannot tell).
    if (lowerBound(this.placed, to) > lowerBound(this.placed, from)) return false;
    // Every highlight stored at the same distance that falls in these paragraphs must be there word for word: a
    // paragraph that moved brought all of its text; a lookalike reworded some (the words of the highlight it imitates).
    const shift = start - stored;
    let corroborated = false;
    for (
      let k = lowerBound(this.quoteStarts, from - shift);
      k < this.quotes.length && this.quotes[k]!.stored + shift < to;
      k++
    ) {
      const { stored: s, exact } = this.quotes[k]!;
      if (s + shift + exact.length > to) continue;
      if (s !== stored && !sameText(text, exact, s + shift)) return false;
      // Text beyond what the candidate itself (with its context) already showed.
      if (s < stored - limits.affixLength || s + exact.length > stored + (end - start) + limits.affixLength)
        corroborated = true;
    }
    if (corroborated) return true;
    const needed = Math.max(end - start, arrivedShare * (to - from));
    return this.room(from, to) >= needed || this.departed(stored) >= needed;
  }

  /**
   * The text that left (net) between the in-order landmarks around stored position `p`: at least the length of a
   * passage that moved away from there. 0 after the last landmark (the original's length is not known).
   */
  departed(p: number): number {
    const k = lowerBound(this.stored, p);
    const before = this.landmarks[k - 1];
    const next = this.landmarks[k];
    if (!next) return 0;
    const beforeShift = before ? before.placed - before.stored : 0;
    return beforeShift - (next.placed - next.stored);
  }

  /**
   * The text that arrived between the landmarks around [start, end) of the text now (the growth of the gap
   * between them): at least the length of a passage that moved or was copied there; about nothing where the text
   * there was there before. Infinity after the last landmark (the original's length is not known).
   */
  room(start: number, end: number): number {
    const k = lowerBound(this.placed, start + 1);
    const before = this.landmarks[k - 1];
    const j = lowerBound(this.placed, end);
    const next = this.landmarks[j];
    if (!next) return Infinity;
    const beforeShift = before ? before.placed - before.stored : 0;
    return next.placed - next.stored - beforeShift;
  }
}

/**
 * Marks (1) the longest run of landmarks (sorted by stored start) whose starts now are in the same order: the
 * text that kept its place relative to the rest. The others are paragraphs moved elsewhere, copies, or twins of
 * the highlight's text found by its context. O(n log n).
 */
export function longestInOrder(landmarks: readonly Landmark[]): Uint8Array {
  const n = landmarks.length;
  // tails[k]: the landmark ending the best run of length k + 1 found so far (with the smallest start now).
  const tails: number[] = [];
  const previous = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const value = landmarks[i]!.placed;
    // The first run whose last landmark's start now is past this one's.
    const lo = partitionPoint(tails.length, (k) => landmarks[tails[k]!]!.placed <= value);
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const marks = new Uint8Array(n);
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i]!) marks[i] = 1;
  return marks;
}
