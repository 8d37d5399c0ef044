import type { Selector, TextPositionSelector, TextQuoteSelector } from '../../electron/ipc/contract.ts';
import { alignedBoundary, edgeLength } from './align.ts';
import { BitPattern, reversed, scan } from './bit-parallel.ts';
import { fold, type Folded, foldString } from './fold.ts';
import { affixSimilarity, approximateEnds, approximateEndsFiltered, matchStart, prefixAgreement, type QuoteMatch, suffixAgreement } from './match-quote.ts';

/**
 * Describing and anchoring on plain text. Pure (no DOM): the renderer uses it through dom-text.ts and the main
 * process uses it directly to re-anchor highlights when an article is re-imported.
 *
 * The promise: never put a highlight on the wrong text, and lose as few as possible. Anchoring goes from cheap and
 * certain to expensive and unsure, and says which it was. A highlight has *expected* positions: its stored start
 * and, in a batch (`anchorAllText`), where its neighbours' shifts say its text went.
 * 1. In place: the quote verbatim at the stored position (a batch also tries its estimates) with its context agreeing
 *    on at least one side (the whole affix, or the 8 characters next to the quote) → `exact` (`moved` at an
 *    estimate). An edit right next to a highlight changes one side only. O(quote length).
 * 2. The quote verbatim with both affixes intact, nearest to the stored position among such → `moved`. Found by an
 *    indexOf search widening in bands around the stored position; O(quote) for text that only shifted.
 * 3. On the folded text (fold.ts: runs of whitespace are one space, curly quote marks straight, dashes "-"), so
 *    re-spacing or re-typesetting is no edit at all:
 *    a. the folded quote verbatim with both folded affixes intact, nearest → `moved` when its own characters are
 *       still the stored quote's, else `fuzzy` (score ≈ 1): the change is whitespace or typography, never hidden;
 *    b. the frame: both affixes intact near an expected position with the quote's text between them edited (see
 *       `framed`). Copies far away are then out of the running: the highlight's place is known;
 *    c. candidates: every verbatim occurrence, and approximate ones (bit-parallel, ≤ 1 error in 5) near an expected
 *       position; only when none of those is acceptable, approximate ones anywhere (≤ 1 error in 10). Approximate
 *       ones get their boundaries from aligning the stored context with the text (align.ts), and are scored
 *       (`minimumFuzzyScore`). Whether a candidate is acceptable depends on where it is (`acceptable`): near an
 *       expected position one side of context must be intact, far away the evidence must be stronger. The best
 *       acceptable one wins: near before far, then score with a small discount for distance (`better`). It never
 *       short-circuits on a verbatim occurrence with partial context: a near-perfect edited copy at the stored
 *       position beats a verbatim twin elsewhere. When none is acceptable, the frame (if any) places it → `fuzzy`.
 * 4. Otherwise `orphan`: shown to the user as unplaced, never dropped.
 *
 * What a single highlight cannot tell apart (`anchorText`): a passage whose quote and 32 characters of context on
 * both sides (or on one side, the other replaced) occur word for word elsewhere, far from where it was. That is what
 * a moved paragraph looks like, and also what a deleted one looks like when the article repeats it (a planted
 * near-duplicate, a boilerplate sentence) with a difference outside the stored context. `anchorText` follows the
 * text there: only position could tell, and one stored position says little after edits elsewhere shifted
 * everything. The batch (`anchorAllText`, what the app uses on every open and re-import) knows where the text went
 * from the highlights around it, and holds candidates to that:
 * - the *window*: text keeps its order, so a highlight's text now starts between where the nearest in-order
 *   landmarks before and after its stored position went (highlights found with all of their context, in the
 *   longest run whose order is unchanged; a landmark's intact context narrows it further). Inside the window (and
 *   near an estimate, or anywhere in a window of at most `narrowWindow`) the rules above for "near" apply. The
 *   stored position counts as expected only when it lies in the window: a stale one does not pull candidates to it.
 * - outside the window only text that *arrived* there is the highlight's (`Guide.arrived`): the quote verbatim, with
 *   both sides of context intact, or as a moved paragraph (the whole paragraph, or one side intact and the other
 *   agreeing up to the paragraph break the move cut), in a paragraph that holds no in-order landmark, where every
 *   other highlight stored at the same shift is found word for word, and that either such a highlight corroborates
 *   or the gap between the landmarks around it grew (or the one around the stored position shrank) by at least
 *   `arrivedShare` of the paragraph. Else orphan. Landmarks out of order found by stage 2 (the nearest copy with
 *   context, maybe a twin) are held to the same: their copy inside the window if there is one, else arrived, else
 *   searched again.
 * - *claims*: text that pass 1 placed word for word belongs to that highlight at that shift; a candidate on it at
 *   another shift is other text. A highlight found in place with one side of context only and one found where its
 *   neighbours say (pass 2, in place at an estimate), on the same text at different shifts: the one with less
 *   verbatim evidence (quote plus agreeing context) is searched again (a deleted sentence's first words left in
 *   place by the next sentence, which begins alike).
 */

/** How sure anchoring is about where a highlight now sits. */
export type AnchorStatus =
  | { kind: 'exact' }
  | { kind: 'moved' }
  | { kind: 'fuzzy'; score: number }
  | { kind: 'orphan' };

/** Where a highlight sits in the anchor text, or that it could not be placed. */
export type AnchorResult =
  | { start: number; end: number; status: Exclude<AnchorStatus, { kind: 'orphan' }> }
  | { start?: undefined; end?: undefined; status: { kind: 'orphan' } };

/** Characters of context kept on each side of a quote (db/model.ts `limits.affixLength`; the renderer cannot import it). */
export const affixLength = 32;

/**
 * Weights of the evidence in a fuzzy score, as in Hypothesis' match-quote: the quote itself counts most, each side
 * of context a little less than half of it, and the distance from the stored position only breaks near-ties.
 */
export const scoreWeights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * Below this score a candidate is not the highlight, whatever else speaks for it.
 *
 * score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, each similarity in 0..1 (position: 1 at the stored
 * position, 0 a text length away). Reference points:
 * - a real edit keeps its context: a typo fixed gives quote ≈ 0.95–0.99 and context ≈ 1 → score ≥ 0.95;
 * - a quote edited a little (0.9) whose context changed on one side (≈ 0.3 for unrelated text) ≈ 0.79;
 * - a lookalike sentence elsewhere (quote 0.85–0.95) with unrelated context on both sides ≈ 0.60–0.70; even a
 *   verbatim copy with unrelated context cannot pass 0.70 ((50 + 2·20·0.3 + 2) / 92).
 * The score alone does not decide: a lookalike with *similar* context (a word changed on each side) clears 0.75, so
 * `acceptable` also asks for context that is intact, not merely similar. `minimumQuoteSimilarity` separately stops a
 * quote that only matches with many errors from riding in on good context.
 */
export const minimumFuzzyScore = 0.75;

/**
 * A candidate's quote must be at least this similar (at most 1 edit in 5 characters), however well its context
 * agrees: context alone cannot make different words the highlighted ones.
 */
export const minimumQuoteSimilarity = 0.8;

/** The fuzzy search allows at most this many errors whatever the quote length (as Hypothesis does). */
const maxSearchErrors = 256;

/** Of a run of equally good match ends, at most this many are scored (the run is an edge character or two). */
const maxTiedEnds = 4;

/** At most this many approximate occurrences are scored per highlight (best quote similarity first). */
const maxFuzzyCandidates = 100;

/** Selectors for text[start, end): a quote with up to 32 characters of prefix/suffix, and the position. */
export function describeText(text: string, start: number, end: number): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot describe [${start}, ${end}) in a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - affixLength);
  // Never cut a surrogate pair in half: a lone half is not text (and not valid UTF-8 on export).
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart++;
  }
  let suffixEnd = Math.min(text.length, end + affixLength);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) {
    suffixEnd--;
  }
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Finds where the selectors now point in `text` (see the module comment for the stages); else orphan. */
export function anchorText(text: string, selectors: readonly Selector[]): AnchorResult {
  const { quote, position } = selectorsOf(selectors);
  if (!quote || quote.exact.length === 0) return orphan;
  const expected = position === undefined ? [] : [position.start];
  return anchorCertain(text, quote, position)?.result ?? anchorSearch(text, quote, position, expected);
}

/**
 * `anchorText` for every highlight of an article at once (loading it, or re-importing a changed version); in input
 * order. What differs from `anchorText` is what the neighbours tell (see the module comment: window, arrival,
 * claims).
 *
 * Pass 1 runs the cheap, certain stages (1 and 2) for every highlight. Most land; each tells how far the text moved
 * around it (a landmark). The longest run of landmarks in unchanged order (`longestInOrder`) is the text that kept
 * its place: the nearest of those with all of their context, before and after a stored position, bound the window
 * and give estimates (their shifts). Stage-2 landmarks out of order are checked (module comment).
 * Pass 2a tries each remaining one in place at the estimates in its window and at the shifts of the nearest
 * landmarks out of order (its paragraph may have moved with them), unless the text there is claimed; conflicts
 * between these and pass 1's one-sided in-place finds go to the stronger. Pass 2b runs stage 3 with the window.
 * With no landmark it is exactly `anchorText`; with every highlight in place it costs nothing more.
 */
export function anchorAllText(text: string, selectorsList: ReadonlyArray<readonly Selector[]>): AnchorResult[] {
  const results = new Array<AnchorResult>(selectorsList.length);
  const pending: Array<{ at: number; quote: TextQuoteSelector; position: TextPositionSelector | undefined }> = [];
  const landmarks: Landmark[] = [];
  // Found in place with one side of context only: in a batch, another highlight may show that text is its own.
  const partial: ClaimedSpan[] = [];
  for (let i = 0; i < selectorsList.length; i++) {
    const { quote, position } = selectorsOf(selectorsList[i]!);
    if (!quote || quote.exact.length === 0) {
      results[i] = orphan;
      continue;
    }
    const placed = anchorCertain(text, quote, position);
    if (placed === undefined) {
      pending.push({ at: i, quote, position });
      continue;
    }
    results[i] = placed.result;
    // Only a highlight found with all of its context says reliably where its text went: a quote that moved onto
    // another copy with different surroundings may have jumped anywhere.
    if (position !== undefined) {
      const q = placed.result.start;
      landmarks.push({
        stored: position.start,
        placed: q,
        before: placed.agreesFully ? quote.prefix.length : prefixAgreement(quote.prefix, text, q),
        after: quote.exact.length + (placed.agreesFully ? quote.suffix.length : suffixAgreement(quote.suffix, text, q + quote.exact.length)),
        at: i,
        inPlace: placed.result.start === position.start,
        full: placed.agreesFully,
      });
      if (!placed.agreesFully) partial.push({ start: q, end: placed.result.end, shift: 0, evidence: evidenceAt(text, quote, q), at: i });
    }
  }
  // Everything where it was: nothing to check, nothing left to find.
  if (pending.length === 0 && landmarks.every((l) => l.inPlace)) return results;
  if (landmarks.length === 0) {
    for (const { at, quote, position } of pending) results[at] = anchorSearch(text, quote, position, position === undefined ? [] : [position.start]);
    return results;
  }
  landmarks.sort((a, b) => a.stored - b.stored || a.placed - b.placed);
  const inOrder = longestInOrder(landmarks);
  const stored: StoredQuote[] = [];
  for (const list of selectorsList) {
    const { quote, position } = selectorsOf(list);
    if (quote !== undefined && position !== undefined && quote.exact.length > 0) stored.push({ stored: position.start, exact: quote.exact });
  }
  stored.sort((a, b) => a.stored - b.stored);
  const guide = new Guide(landmarks.filter((_, k) => inOrder[k] === 1), text.length, stored);
  // A landmark out of order found by its context away from its stored position (stage 2, the nearest copy to
  // the stored position) may be a twin: the same words in the same surroundings elsewhere. Its own text is where
  // the neighbours say; failing that, text that arrived there (a moved paragraph, a duplicate) is the highlight's.
  // The landmarks out of order that stay: text that moved, and says where the rest of its paragraph went.
  const moved: Landmark[] = [];
  landmarks.forEach((l, k) => {
    if (inOrder[k] === 1) return;
    if (l.inPlace) {
      moved.push(l);
      return;
    }
    const { quote, position } = selectorsOf(selectorsList[l.at]!);
    const m = quote!.exact.length;
    const [lo, hi] = guide.window(l.stored);
    const own = verbatimWithContext(text, quote!, l.stored + guide.shiftAt(l.stored), [lo - windowSlack, hi + windowSlack]);
    if (own !== undefined) results[l.at] = { start: own, end: own + m, status: movedStatus };
    else if (!guide.arrived(text, l.placed, l.placed + m, l.stored)) pending.push({ at: l.at, quote: quote!, position });
    else moved.push(l);
  });
  const movedStored = Float64Array.from(moved, (l) => l.stored);
  const pendingAt = new Uint8Array(results.length);
  for (const { at } of pending) pendingAt[at] = 1;
  const partialAt = new Uint8Array(results.length);
  for (const { at } of partial) partialAt[at!] = 1;
  const spans: ClaimedSpan[] = [];
  results.forEach((r, i) => {
    if (pendingAt[i] === 1 || partialAt[i] === 1 || r.start === undefined) return;
    const { position } = selectorsOf(selectorsList[i]!);
    if (position !== undefined) spans.push({ start: r.start, end: r.end, shift: r.start - position.start, evidence: Infinity });
  });
  let claims = new Claims(spans);
  // Pass 2a: each remaining highlight in place where its neighbours say (stage 1 at the estimates), unless that
  // text is another highlight's (placed in pass 1 with its context). Two of these, or one of these and one found in
  // place in pass 1 with one side of context, on the same text at different shifts: the one with less verbatim
  // evidence gives way (a deleted sentence's words left in place by the next sentence, which begins alike).
  const hints = new Map<number, { expected: number[]; window: [number, number] }>();
  const tentative: ClaimedSpan[] = [...partial];
  const hintFor = (p: number): { expected: number[]; window: [number, number]; tries: number[] } => {
    const window = guide.window(p);
    const inWindow = (e: number) => e >= window[0] - windowSlack && e <= window[1] + windowSlack;
    const expected: number[] = [];
    for (const e of guide.estimates(p)) if (e >= 0 && e <= text.length && inWindow(e) && !expected.includes(e)) expected.push(e);
    // Where the nearest landmarks that moved went (its paragraph may have moved with them): in place only.
    const tries = [...expected];
    if (moved.length > 0) {
      const k = lowerBound(movedStored, p);
      for (const l of [moved[k - 1], moved[k]]) if (l && !tries.includes(p + l.placed - l.stored)) tries.push(p + l.placed - l.stored);
    }
    // The stored position counts as expected only where the neighbours say the text may still be.
    if (inWindow(p) && !expected.includes(p)) expected.unshift(p);
    return { expected, window, tries };
  };
  for (const { at, quote, position } of pending) {
    if (position === undefined) continue;
    const p = position.start;
    const { expected, window, tries } = hintFor(p);
    hints.set(at, { expected, window });
    const m = quote.exact.length;
    for (const e of tries) {
      if (e === p) continue;
      if (inPlace(text, quote, e) !== undefined && !claims.foreign(e, e + m, p, m)) {
        tentative.push({ start: e, end: e + m, shift: e - p, evidence: evidenceAt(text, quote, e), at });
        break;
      }
    }
  }
  tentative.sort((a, b) => a.start - b.start);
  const lost = new Set<number>();
  for (let k = 0; k < tentative.length; k++) {
    const a = tentative[k]!;
    for (let j = k + 1; j < tentative.length && tentative[j]!.start < a.end; j++) {
      const b = tentative[j]!;
      if (b.shift !== a.shift) lost.add(a.evidence < b.evidence ? a.at! : b.evidence < a.evidence ? b.at! : (lost.add(a.at!), b.at!));
    }
  }
  for (const t of tentative) {
    if (lost.has(t.at!)) {
      // Found in place in pass 1 after all doubtful: back to the search, with the neighbours' hints.
      if (partialAt[t.at!] === 1) {
        const { quote, position } = selectorsOf(selectorsList[t.at!]!);
        const { expected, window } = hintFor(position!.start);
        hints.set(t.at!, { expected, window });
        pending.push({ at: t.at!, quote: quote!, position });
        pendingAt[t.at!] = 1;
      }
      continue;
    }
    if (partialAt[t.at!] === 0) results[t.at!] = { start: t.start, end: t.end, status: movedStatus };
    pendingAt[t.at!] = 0;
    spans.push(t);
  }
  claims = new Claims(spans);
  // Pass 2b: stage 3 for the rest, with the neighbours' window and the claims.
  for (const { at, quote, position } of pending) {
    if (pendingAt[at] === 0) continue;
    const hint = hints.get(at);
    if (position === undefined || hint === undefined) {
      results[at] = anchorSearch(text, quote, position, []);
      continue;
    }
    const p = position.start;
    results[at] = anchorSearch(text, quote, position, hint.expected, {
      window: hint.window,
      arrived: (start, end) => guide.arrived(text, start, end, p),
      foreign: (start, end) => claims.foreign(start, end, p, quote.exact.length),
    });
  }
  return results;
}

/** A highlight's stored start and quote. */
interface StoredQuote {
  stored: number;
  exact: string;
}

/** How much of a paragraph's length the gap around it must have grown by for it to have arrived (moved or copied). */
const arrivedShare = 0.8;

/** A highlight placed in pass 1 (stage 1 or 2): where it was and is, and the text around it found intact. */
interface Landmark {
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
}

/** What a batch knows about a highlight's neighbourhood (raw offsets): see `Guide`. */
interface BatchHints {
  /** Where its text must start now if text kept its order. */
  window: readonly [number, number];
  /** Whether [start, end) of the text now lies in paragraphs that arrived there (`Guide.arrived`). */
  arrived(start: number, end: number): boolean;
  /** Whether [start, end) of the text now is known to be other text than the highlight's (`Claims`). */
  foreign(start: number, end: number): boolean;
}

/** Text a highlight was placed on word for word, at `shift` from its stored position. */
interface ClaimedSpan {
  start: number;
  end: number;
  shift: number;
  /** Characters found verbatim there (quote and agreeing context); Infinity for pass 1's placements. */
  evidence: number;
  at?: number;
}

/**
 * The text that pass 1 placed word for word, and where it was: every quote found verbatim (with its context when
 * all of it agreed). A candidate overlapping such text at another shift than its own is other text, known to be:
 * a twin sitting where another highlight's words are.
 */
class Claims {
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
   * than the candidate's length differs from the quote's (`length`): text inserted or deleted inside the quote.
   */
  foreign(start: number, end: number, stored: number, length: number): boolean {
    const shift = start - stored;
    const slack = Math.abs(end - start - length) + 2;
    for (let k = lowerBound(this.starts, end) - 1; k >= 0 && this.starts[k]! > start - this.longest; k--) {
      if (this.ends[k]! > start && Math.abs(this.shifts[k]! - shift) > slack) return true;
    }
    return false;
  }
}

/**
 * The landmarks that kept their order (text in between may have been edited, but nothing moved across them):
 * where a stored position must be now, and whether text at some place now was there before.
 */
class Guide {
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
    for (let k = lowerBound(this.quoteStarts, from - shift); k < this.quotes.length && this.quotes[k]!.stored + shift < to; k++) {
      const { stored: s, exact } = this.quotes[k]!;
      if (s + shift + exact.length > to) continue;
      if (s !== stored && !sameText(text, exact, s + shift)) return false;
      // Text beyond what the candidate itself (with its context) already showed.
      if (s < stored - affixLength || s + exact.length > stored + (end - start) + affixLength) corroborated = true;
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
function longestInOrder(landmarks: readonly Landmark[]): Uint8Array {
  const n = landmarks.length;
  // tails[k]: the landmark ending the best run of length k + 1 found so far (with the smallest start now).
  const tails: number[] = [];
  const previous = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const value = landmarks[i]!.placed;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (landmarks[tails[mid]!]!.placed <= value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const marks = new Uint8Array(n);
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i]!) marks[i] = 1;
  return marks;
}

/** The first index in sorted `values` whose value is >= `key`. */
function lowerBound(values: Float64Array, key: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quote and position selectors of a list (the first of each), without allocating closures. */
function selectorsOf(selectors: readonly Selector[]): { quote: TextQuoteSelector | undefined; position: TextPositionSelector | undefined } {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') quote ??= selector;
    else if (selector.type === 'TextPositionSelector') position ??= selector;
  }
  return { quote, position };
}

/**
 * Stages 1 and 2: the quote verbatim in place with one side of context, then verbatim with all of it; undefined
 * when only stage 3 can tell. `agreesFully`: the prefix and suffix were found intact around it.
 */
function anchorCertain(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
): { result: Extract<AnchorResult, { start: number }>; agreesFully: boolean } | undefined {
  const { exact } = quote;
  const hint = position?.start;

  // 1. The stored position, verified against the quote and at least one side of its context.
  if (position !== undefined && position.end - position.start === exact.length) {
    const agreement = inPlace(text, quote, position.start);
    if (agreement !== undefined) return { result: { start: position.start, end: position.end, status: exactStatus }, agreesFully: agreement === 'full' };
  }

  // 2. The quote verbatim with all of its context, nearest to the stored position among equals.
  const start = verbatimWithContext(text, quote, hint);
  if (start === undefined) return undefined;
  return { result: { start, end: start + exact.length, status: start === hint ? exactStatus : movedStatus }, agreesFully: true };
}

/**
 * Stage 1's test: the quote verbatim at `at` and its context agreeing on at least one side: the whole affix, or
 * its `inPlaceAgreement` characters next to the quote. One side is enough here, and only here: an edit next to a
 * highlight (a sentence inserted after it) changes one side, and the quote still sitting where it was, word for
 * word, with the other side as it was, is not a coincidence. Elsewhere the same evidence is weaker (a twin of a
 * boilerplate sentence has the same words and, by chance, the same few characters of context).
 */
function inPlace(text: string, quote: TextQuoteSelector, at: number): 'full' | 'partial' | undefined {
  const { exact, prefix, suffix } = quote;
  if (!occursAt(text, exact, at)) return undefined;
  const before = prefixAgreement(prefix, text, at);
  const after = suffixAgreement(suffix, text, at + exact.length);
  const prefixWhole = before === prefix.length && (prefix.length > 0 || at === 0);
  const suffixWhole = after === suffix.length && (suffix.length > 0 || at + exact.length === text.length);
  if (before === prefix.length && after === suffix.length) return 'full';
  if (prefixWhole || suffixWhole || Math.max(before, after) >= inPlaceAgreement) return 'partial';
  return undefined;
}

/** The characters found verbatim for a quote placed at `at`: the quote and the context agreeing on both sides. */
function evidenceAt(text: string, quote: TextQuoteSelector, at: number): number {
  return quote.exact.length + prefixAgreement(quote.prefix, text, at) + suffixAgreement(quote.suffix, text, at + quote.exact.length);
}

/** Characters of context next to the quote that stage 1 needs to agree on one side (a word or two). */
const inPlaceAgreement = 8;

// Statuses carry no per-highlight data when exact or moved: share them rather than allocate one per highlight.
const exactStatus = Object.freeze({ kind: 'exact' as const });
const movedStatus = Object.freeze({ kind: 'moved' as const });

const orphan: AnchorResult = { status: { kind: 'orphan' } };

/** The weighted evidence that `match` is where the highlight went, 0..1 (see `minimumFuzzyScore`). */
export function scoreMatch(text: string, quote: TextQuoteSelector, match: QuoteMatch, hint: number | undefined): number {
  const quoteSimilarity = 1 - match.errors / quote.exact.length;
  const prefix = contextSimilarity(quote.prefix, text, match.start, 'prefix');
  const suffix = contextSimilarity(quote.suffix, text, match.end, 'suffix');
  const position = hint === undefined || text.length === 0 ? 1 : Math.max(0, 1 - Math.abs(match.start - hint) / text.length);
  return weigh(quoteSimilarity, prefix, suffix, position);
}

function weigh(quote: number, prefix: number, suffix: number, position: number): number {
  const w = scoreWeights;
  return (w.quote * quote + w.prefix * prefix + w.suffix * suffix + w.position * position) / (w.quote + w.prefix + w.suffix + w.position);
}

/**
 * Context similarity on one side. An empty stored affix means the quote touched that end of the text: a candidate
 * that does too agrees fully; elsewhere it gets 0.5, "no evidence either way" (text may have been added there),
 * rather than the 1 that would let a lookalike borrow a free side of context.
 */
function contextSimilarity(affix: string, text: string, at: number, side: 'prefix' | 'suffix'): number {
  if (affix.length > 0) return affixSimilarity(affix, text, at, side);
  const atEdge = side === 'prefix' ? at === 0 : at === text.length;
  return atEdge ? 1 : 0.5;
}

/**
 * The verbatim occurrence with both affixes intact, nearest to the stored position; undefined when there is none.
 * The search widens around the stored position in bands (indexOf is fast; lastIndexOf is not), so the common case,
 * context intact and the text shifted a little, stops after a few hundred characters instead of listing every
 * occurrence of a common phrase in a long article.
 */
function verbatimWithContext(text: string, quote: TextQuoteSelector, hint: number | undefined, range?: readonly [number, number]): number | undefined {
  const { exact, prefix, suffix } = quote;
  const origin = Math.min(hint ?? 0, text.length);
  let best: number | undefined;
  let bestDistance = Infinity;
  const consider = (start: number) => {
    const distance = Math.abs(start - origin);
    if (distance < bestDistance && occursAt(text, prefix, start - prefix.length) && occursAt(text, suffix, start + exact.length)) {
      best = start;
      bestDistance = distance;
    }
  };
  if (range !== undefined) {
    forEachOccurrence(text, exact, Math.max(0, range[0]), Math.min(text.length, range[1] + 1), consider);
    return best;
  }
  // Occurrences starting in [lo, hi) have been considered.
  let lo = origin;
  let hi = origin;
  for (let band = 256; ; band *= 4) {
    const nextLo = Math.max(0, origin - band);
    const nextHi = Math.min(text.length, origin + band);
    forEachOccurrence(text, exact, nextLo, lo, consider);
    forEachOccurrence(text, exact, hi, nextHi, consider);
    lo = nextLo;
    hi = nextHi;
    if (lo === 0 && hi === text.length) break;
    // Anything not yet considered is farther away than the edge of the band on at least one side.
    const unexploredDistance = Math.min(lo === 0 ? Infinity : origin - lo, hi === text.length ? Infinity : hi - origin);
    if (bestDistance <= unexploredDistance) break;
  }
  return best;
}

/** Calls `visit` with every start in [from, to) where `exact` occurs; searches a slice so the scan stops at `to`. */
function forEachOccurrence(text: string, exact: string, from: number, to: number, visit: (start: number) => void): void {
  if (from >= to) return;
  const window = text.slice(from, Math.min(text.length, to + exact.length - 1));
  for (let at = window.indexOf(exact); at !== -1; at = window.indexOf(exact, at + 1)) visit(from + at);
}

/** A candidate of stage 3, in folded-text offsets, with its evidence. */
interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the folded quote and the folded text [start, end). */
  errors: number;
  verbatim: boolean;
  /** Found between its intact stored prefix and suffix (see `framed`). */
  framed?: boolean;
  quote: number;
  prefix: number;
  suffix: number;
  /** Distance from the nearest expected position (Infinity when none is known). */
  distance: number;
  /**
   * Within `tolerance` of an expected position; in a batch, inside the neighbours' window and either so or anywhere
   * in a window at most `narrowWindow` wide.
   */
  near: boolean;
  score: number;
}

/** The folded quote, its folded context and everything stage 3 needs about one highlight. */
interface Search {
  /** The text and the stored quote selector, unfolded. */
  raw: string;
  rawQuote: TextQuoteSelector;
  folded: Folded;
  exact: string;
  prefix: string;
  suffix: string;
  /** Expected positions, in folded offsets: the stored position first (when there is one), then estimates. */
  expected: number[];
  /** Batch only: where the neighbours say the highlight's text must start now, in folded offsets. */
  window: [number, number] | undefined;
  hints: BatchHints | undefined;
  /** The stored position, in folded offsets. */
  stored: number | undefined;
  /** How far from an expected position a candidate still counts as near. */
  tolerance: number;
  /** How many times the folded quote occurs verbatim in the folded text. */
  verbatimCount: number;
  /** No stored position and no context: only the quote's words to go by. */
  bare: boolean;
}

/**
 * Stage 3, on the folded text (fold.ts); see the module comment: 3a full folded context, 3b the frame, 3c the
 * candidates, judged by `acceptable` and ranked by `better`.
 */
function anchorSearch(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  expectedRaw: readonly number[],
  hints?: BatchHints,
): AnchorResult {
  const folded = fold(text);
  const exact = foldString(quote.exact);
  if (exact.length === 0) return orphan;
  const m = exact.length;
  // A run of whitespace across the quote's edge folds to one space in the text: give it to the quote, not twice.
  let prefix = foldString(quote.prefix);
  let suffix = foldString(quote.suffix);
  if (exact.startsWith(' ') && prefix.endsWith(' ')) prefix = prefix.slice(0, -1);
  if (exact.endsWith(' ') && suffix.startsWith(' ')) suffix = suffix.slice(1);
  const search: Search = {
    raw: text,
    rawQuote: quote,
    folded,
    exact,
    prefix,
    suffix,
    expected: expectedRaw.map((p) => folded.fromRaw[Math.max(0, Math.min(text.length, p))]!),
    window: hints && [folded.fromRaw[Math.max(0, Math.min(text.length, hints.window[0]))]!, folded.fromRaw[Math.max(0, Math.min(text.length, hints.window[1]))]!],
    hints,
    stored: position === undefined ? undefined : folded.fromRaw[Math.max(0, Math.min(text.length, position.start))]!,
    tolerance: Math.max(nearDistance, 2 * m),
    verbatimCount: 0,
    bare: position === undefined && quote.prefix === '' && quote.suffix === '',
  };
  const f = folded.text;

  // Verbatim occurrences of the folded quote. The first with all of its folded context is taken at once (3a).
  const verbatim: Candidate[] = [];
  let whole: Candidate | undefined;
  for (let at = f.indexOf(exact); at !== -1; at = f.indexOf(exact, at + 1)) {
    const c = evaluate(search, at, at + m, 0, true);
    // In a batch, a copy with all of its context away from where the neighbours say is a twin, unless it arrived
    // there (a moved paragraph): it competes as a verbatim candidate, judged as far ones are.
    if (fullContext(search, at) && !isForeign(search, c) && (search.window === undefined || c.near || arrived(search, c))) {
      if (!whole || better(search, c, whole)) whole = c;
    } else {
      verbatim.push(c);
    }
  }
  if (whole) return placement(text, quote, position, search, whole);
  search.verbatimCount = verbatim.length;

  // When the highlight's place is known by its context, copies far away are other passages: only near ones compete.
  // Near ones, or ones inside the frame (text was inserted next to the quote, between it and its context).
  const frame = framed(search);
  const local = (list: Candidate[]) =>
    frame === undefined ? list : list.filter((c) => c.near || (c.start >= frame.start && c.end <= frame.end));
  let best = bestOf(search, local(verbatim), undefined);
  best = bestOf(search, local(fuzzyCandidates(search, true)), best);
  // The frame is the fallback: the quote's own words found near, with one side of context, say more about where
  // its edges are than a frame that may also hold text inserted next to the quote.
  if (!best && frame?.candidate) best = bestOf(search, [frame.candidate], best);
  if (!best && frame === undefined) best = bestOf(search, fuzzyCandidates(search, false), undefined);
  return best ? placement(text, quote, position, search, best) : orphan;
}

/** Whether both folded affixes are intact around a folded occurrence at `at` (an empty one at the text's edge). */
function fullContext(search: Search, at: number): boolean {
  const { folded, exact, prefix, suffix } = search;
  const f = folded.text;
  const end = at + exact.length;
  const prefixOk = prefix.length > 0 ? occursAt(f, prefix, at - prefix.length) : at === 0;
  const suffixOk = suffix.length > 0 ? occursAt(f, suffix, end) : end === f.length;
  return prefixOk && suffixOk;
}

/** A candidate's evidence (folded offsets). */
function evaluate(search: Search, start: number, end: number, errors: number, verbatim: boolean): Candidate {
  const f = search.folded.text;
  const quote = 1 - errors / search.exact.length;
  const prefix = contextSimilarity(search.prefix, f, start, 'prefix');
  const suffix = contextSimilarity(search.suffix, f, end, 'suffix');
  let distance = Infinity;
  for (const e of search.expected) distance = Math.min(distance, Math.abs(start - e));
  // The score's position term counts from the stored position alone, so the batch scores a candidate as anchorText does.
  const stored = search.stored;
  const position = stored === undefined || f.length === 0 ? 1 : Math.max(0, 1 - Math.abs(start - stored) / f.length);
  // An approximate search finds verbatim occurrences too: they are judged as verbatim, whichever search found them.
  const window = search.window;
  const inWindow = window !== undefined && start >= window[0] - windowSlack && start <= window[1] + windowSlack;
  // Inside a narrow window the neighbours pin the place down better than any one estimate.
  const near = window === undefined ? distance <= search.tolerance : inWindow && (distance <= search.tolerance || window[1] - window[0] <= narrowWindow);
  return { start, end, errors, verbatim: verbatim || errors === 0, quote, prefix, suffix, distance, near, score: weigh(quote, prefix, suffix, position) };
}

/**
 * Whether a candidate is evidence enough. Every candidate needs a quote at least `minimumQuoteSimilarity` alike and
 * a score of `minimumFuzzyScore`. Beyond that (the key against lookalikes: text that merely reads like the
 * highlight, a planted near-duplicate or a boilerplate sentence repeated, comes with context that is *similar*,
 * while a real edit next to a highlight leaves the other side of its context *intact*):
 * - a verbatim quote: one side of context essentially intact (≥ `intactSide`; both sides, for a quote shorter than
 *   `shortQuote`, which recurs by chance: "whether", "Russia"), or both sides at least `farSideSimilarity`.
 * - an approximate quote near an expected position (within `tolerance`): both sides at least `farSideSimilarity`,
 *   or one side intact with a quote at least `nearLoneSideQuote` alike (a typo, not a reworded clause).
 * - an approximate quote far from every expected position (a moved paragraph, or everything shifted by edits
 *   earlier in the text): a quote at least `farQuoteSimilarity` alike and both sides at least `farSideSimilarity`.
 * - a framed candidate (`framed`): its quote at least `framedQuoteSimilarity` alike.
 * - a bare quote (no position, no context stored: a quote-only selector) has nothing but its words to go by: a
 *   candidate at least `bareQuoteSimilarity` alike (verbatim, for a quote shorter than `shortQuote`).
 * - a verbatim quote of at least `uniqueQuoteLength` characters that occurs nowhere else, whatever its context: a
 *   whole paragraph moved elsewhere keeps no context on either side, and that much text repeated word for word is
 *   deliberate, not chance (with two copies, context must decide as above).
 * In a batch, first: nothing on text another highlight claims (`BatchHints.foreign`); "near" means inside the
 * neighbours' window (`Candidate.near`); and outside it only `arrivedWhole`.
 */
function acceptable(search: Search, c: Candidate): boolean {
  if (isForeign(search, c)) return false;
  if (c.framed) return c.quote >= framedQuoteSimilarity;
  if (search.bare) return c.score >= minimumFuzzyScore && c.quote >= bareQuoteSimilarity && (c.verbatim || search.exact.length >= shortQuote);
  if (search.window !== undefined && !c.near) return arrivedWhole(search, c);
  if (c.quote < minimumQuoteSimilarity || c.score < minimumFuzzyScore) {
    return movedParagraph(search, c);
  }
  const oneSide = Math.max(c.prefix, c.suffix) >= intactSide;
  const bothSides = Math.min(c.prefix, c.suffix);
  if (movedParagraph(search, c)) return true;
  if (c.verbatim) {
    // Never less than an approximate quote would need (both sides similar), else one side intact.
    if (bothSides >= farSideSimilarity) return true;
    return oneSide && search.exact.length >= shortQuote;
  }
  if (c.near) return bothSides >= farSideSimilarity || (oneSide && c.quote >= nearLoneSideQuote);
  return c.quote >= farQuoteSimilarity && bothSides >= farSideSimilarity;
}

/**
 * Batch, outside the neighbours' window: the highlight's text moved away from where the text around it stayed. Only
 * text that arrived there (`Guide.arrived`) can be it, and only word for word: with both sides of its context
 * intact, or as a moved paragraph (the whole paragraph, `movedParagraph`; or a quote of `shortQuote`+ characters
 * with one side intact and the other agreeing up to the paragraph break in it, which the move cut).
 */
function arrivedWhole(search: Search, c: Candidate): boolean {
  if (!c.verbatim || !arrived(search, c)) return false;
  if (movedParagraph(search, c)) return true;
  if (c.quote < minimumQuoteSimilarity || c.score < minimumFuzzyScore) return false;
  if (Math.min(c.prefix, c.suffix) >= intactSide) return true;
  if (search.exact.length < shortQuote) return false;
  const { raw, rawQuote } = search;
  const start = search.folded.toRaw[c.start]!;
  const end = search.folded.toRaw[c.end - 1]! + 1;
  // The side the move cut agrees up to the paragraph break in it (the break itself included).
  if (c.prefix >= intactSide) {
    const cut = rawQuote.suffix.indexOf('\n');
    return cut !== -1 && (suffixAgreement(rawQuote.suffix, raw, end) > cut || suffixAgreement(rawQuote.suffix, raw, end) === raw.length - end);
  }
  if (c.suffix >= intactSide) {
    const cut = rawQuote.prefix.lastIndexOf('\n');
    return cut !== -1 && (prefixAgreement(rawQuote.prefix, raw, start) >= rawQuote.prefix.length - cut || prefixAgreement(rawQuote.prefix, raw, start) === start);
  }
  return false;
}

/** Whether a candidate lies on text that pass 1 placed as another highlight's, at another shift (batch only). */
function isForeign(search: Search, c: Candidate): boolean {
  if (search.hints === undefined) return false;
  const start = search.folded.toRaw[c.start]!;
  const end = c.end > c.start ? search.folded.toRaw[c.end - 1]! + 1 : start;
  return search.hints.foreign(start, end);
}

/** Whether the text of a candidate arrived where it is (always, outside a batch): see `BatchHints.room`. */
function arrived(search: Search, c: Candidate): boolean {
  if (search.hints === undefined) return true;
  const start = search.folded.toRaw[c.start]!;
  const end = search.folded.toRaw[c.end - 1]! + 1;
  return search.hints.arrived(start, end);
}

/**
 * A whole paragraph (or several) moved elsewhere keeps no context on either side. It is accepted without context
 * when the stored quote was whole paragraphs (its prefix ended and its suffix began with a line break, or the text's
 * edge), it is at least `uniqueQuoteLength` long, it occurs verbatim once, and that occurrence is whole paragraphs
 * too: that much text repeated word for word, as a paragraph of its own, is the same paragraph, not a quotation of
 * it inside another paragraph.
 */
function movedParagraph(search: Search, c: Candidate): boolean {
  if (!c.verbatim || search.verbatimCount !== 1 || search.exact.length < uniqueQuoteLength) return false;
  const { raw, rawQuote } = search;
  if (!(rawQuote.prefix === '' || /\n\s*$/.test(rawQuote.prefix)) || !(rawQuote.suffix === '' || /^\s*\n/.test(rawQuote.suffix))) return false;
  const start = search.folded.toRaw[c.start]!;
  const end = search.folded.toRaw[c.end - 1]! + 1;
  return (start === 0 || raw[start - 1] === '\n') && (end === raw.length || raw[end] === '\n');
}

/** Within this many characters (or twice the quote's length) of an expected position, a candidate is near. */
const nearDistance = 256;
/** A window between the neighbours at most this wide counts as near all over. */
const narrowWindow = 4 * nearDistance;
/** A candidate starting this little outside the neighbours' window still counts as inside (an edge edited). */
const windowSlack = 8;
/** A side of context at least this alike is essentially intact (≤ 3 edits in 32 characters). */
const intactSide = 0.9;
/** A far approximate candidate needs its quote this alike and both sides at least `farSideSimilarity`. */
const farQuoteSimilarity = 0.9;
const farSideSimilarity = 0.8;
/** A near approximate candidate with only one side intact needs its quote this alike (a typo, not a reworded clause). */
const nearLoneSideQuote = 0.95;
/** A bare quote's candidate must be this alike (a letter or two in a sentence). */
const bareQuoteSimilarity = 0.95;
/** Quotes shorter than this recur by chance ("Russia", "the talks"): far away they need both sides intact. */
const shortQuote = 12;
/** A verbatim quote at least this long that occurs once is accepted without context (a moved paragraph). */
const uniqueQuoteLength = 2 * affixLength;

/** The best acceptable candidate of a list (or `bestSoFar`): highest score, nearest among equals. */
function bestOf(search: Search, candidates: Candidate[], bestSoFar: Candidate | undefined): Candidate | undefined {
  let best = bestSoFar;
  for (const c of candidates) {
    if (!acceptable(search, c)) continue;
    if (!best || better(search, c, best)) best = c;
  }
  return best;
}

/**
 * Whether `a` beats `b`: a near candidate beats a far one (the highlight's own text, edited, is where the edits
 * around it put it; a better-looking copy far away is another passage), then the higher score, then the nearer.
 */
function better(search: Search, a: Candidate, b: Candidate): boolean {
  const aNear = a.near;
  const bNear = b.near;
  if (aNear !== bNear) return aNear;
  const length = Math.max(1, search.folded.text.length);
  const aValue = a.score - distancePenalty * (a.distance === Infinity ? 0 : a.distance / length);
  const bValue = b.score - distancePenalty * (b.distance === Infinity ? 0 : b.distance / length);
  return aValue > bValue || (aValue === bValue && a.distance < b.distance);
}

/**
 * How much farther candidates are discounted when ranking them (per text length of distance): enough that a copy
 * across the article whose context happens to agree a little better does not beat the highlight's own text a few
 * paragraphs from where it was, too little to matter between candidates of clearly different evidence.
 */
const distancePenalty = 0.2;

/**
 * The highlight's place, found by its context alone: the whole stored prefix and suffix (folded), near an expected
 * position, with at most about twice the quote between them. The quote's text there was edited (a verbatim one
 * would have been found in 3a), so what lies between them is the highlight's text now: placed (`fuzzy`) when it
 * is still at least `framedQuoteSimilarity` alike (else nothing is placed there; and it is not searched for far away
 * either, because a copy elsewhere is another passage when its own place is known). This is also what places a quote
 * with a phrase inserted into it on exactly the words between its context, edge to edge.
 */
function framed(search: Search): { start: number; end: number; candidate: Candidate | undefined } | undefined {
  const { prefix, suffix, exact, expected, tolerance } = search;
  // A shorter affix is the stored text's edge: it frames only a place at the same edge of the text now.
  const prefixAtEdge = prefix.length < minimumFrameAffix;
  const suffixAtEdge = suffix.length < minimumFrameAffix;
  if (prefix.length + suffix.length < minimumFrameContext) return undefined;
  const f = search.folded.text;
  const m = exact.length;
  const maxGap = 2 * m + minimumFrameAffix;
  let best: { start: number; end: number; distance: number } | undefined;
  for (const e of expected) {
    const from = Math.max(0, e - tolerance - prefix.length);
    const to = Math.min(f.length, e + tolerance + prefix.length);
    const window = f.slice(from, to);
    for (let at = window.indexOf(prefix); at !== -1; at = window.indexOf(prefix, at + 1)) {
      if (prefixAtEdge && from + at !== 0) continue;
      const start = from + at + prefix.length;
      const gap = f.slice(start, Math.min(f.length, start + maxGap + suffix.length)).indexOf(suffix);
      if (gap === -1 || (suffixAtEdge && start + gap + suffix.length !== f.length)) continue;
      const distance = Math.abs(start - e);
      if (!best || distance < best.distance) best = { start, end: start + gap, distance };
    }
  }
  if (!best) return undefined;
  if (best.end <= best.start) return { ...best, candidate: undefined };
  let errors = m;
  scan(new BitPattern(exact), f, { from: best.start, to: best.end, anchored: true, maxErrors: m }, (boundary, e) => {
    if (boundary === best.end) errors = e;
  });
  const c = evaluate(search, best.start, best.end, errors, false);
  return { ...best, candidate: c.quote >= framedQuoteSimilarity ? { ...c, framed: true } : undefined };
}

/**
 * Each side of context must have at least this many characters to frame a highlight's place anywhere (a shorter
 * one only at the text's edge), and both together at least `minimumFrameContext`.
 */
const minimumFrameAffix = 16;
const minimumFrameContext = 40;
/** Between its intact context, the text must still be at least this alike to be the highlight (half of it left). */
const framedQuoteSimilarity = 0.5;

/**
 * Approximate occurrences of the folded quote with their boundaries refined, near the expected positions
 * (`nearby`) or over the whole text. Far ones need `farQuoteSimilarity`, so the whole-text search allows fewer
 * errors, which is also what makes it cheap (see `approximateEndsFiltered`).
 */
function fuzzyCandidates(search: Search, nearby: boolean): Candidate[] {
  const { exact, folded } = search;
  const f = folded.text;
  const m = exact.length;
  const similarity = nearby ? minimumQuoteSimilarity : farQuoteSimilarity;
  const maxErrors = Math.min(maxSearchErrors, Math.floor(m * (1 - similarity) + 1e-9));
  if (maxErrors <= 0) return [];
  if (nearby && search.expected.length === 0) return [];
  const pattern = new BitPattern(exact);
  const groups: Array<{ ends: number[]; errors: number }> = [];
  if (nearby) {
    const windows = search.expected
      .map((e) => [Math.max(0, e - search.tolerance - maxErrors), Math.min(f.length, e + m + search.tolerance + maxErrors)] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    let [from, to] = windows[0]!;
    for (const [a, b] of windows.slice(1)) {
      if (a <= to) {
        to = Math.max(to, b);
      } else {
        groups.push(...approximateEnds(pattern, f, maxErrors, from, to));
        [from, to] = [a, b];
      }
    }
    groups.push(...approximateEnds(pattern, f, maxErrors, from, to));
  } else {
    groups.push(...approximateEndsFiltered(exact, pattern, f, maxErrors));
  }
  const reversedQuote = new BitPattern(reversed(exact));
  // Coarse candidates: the start with the fewest errors for each end (nearest first among equally good groups).
  const coarse: Candidate[] = [];
  const origin = search.expected[0] ?? 0;
  groups.sort((a, b) => a.errors - b.errors || Math.abs(a.ends[0]! - origin) - Math.abs(b.ends[0]! - origin));
  for (const group of groups.slice(0, maxFuzzyCandidates)) {
    for (const end of group.ends.slice(0, maxTiedEnds)) {
      const start = matchStart(reversedQuote, f, end, group.errors);
      coarse.push(evaluate(search, start, end, group.errors, false));
    }
  }
  coarse.sort((a, b) => b.score - a.score);
  const refined: Candidate[] = [];
  for (const c of coarse.slice(0, maxRefined)) {
    if (c.score < minimumFuzzyScore - 0.1) break;
    refined.push(refine(search, c, pattern));
  }
  return refined;
}

/** At most this many approximate candidates per search get their boundaries aligned and are judged. */
const maxRefined = 4;

/**
 * A fuzzy candidate with its boundaries placed by aligning the stored context with the text around each edge
 * (align.ts), and its quote errors measured again between the new boundaries.
 */
function refine(search: Search, c: Candidate, pattern: BitPattern): Candidate {
  const { exact, prefix, suffix } = search;
  const f = search.folded.text;
  const m = exact.length;
  const slack = c.errors + 8;
  const head = exact.slice(0, Math.min(m, edgeLength));
  const tail = exact.slice(Math.max(0, m - edgeLength));
  const startLo = Math.max(0, c.start - prefix.length - slack);
  const startHi = Math.min(f.length, c.start + head.length + slack);
  const start = alignedBoundary(f, startLo, startHi, prefix + head, prefix.length, 'start');
  const endLo = Math.max(0, c.end - tail.length - slack);
  const endHi = Math.min(f.length, c.end + suffix.length + slack);
  const end = alignedBoundary(f, endLo, endHi, tail + suffix, tail.length, 'end');
  if (end <= start) return c;
  let errors = m;
  scan(pattern, f, { from: start, to: end, anchored: true, maxErrors: m }, (boundary, e) => {
    if (boundary === end) errors = e;
  });
  return evaluate(search, start, end, errors, false);
}

/** The result for a chosen candidate, in offsets of the original text. */
function placement(text: string, quote: TextQuoteSelector, position: TextPositionSelector | undefined, search: Search, c: Candidate): AnchorResult {
  const { toRaw } = search.folded;
  const f = search.folded.text;
  let start = toRaw[c.start]!;
  let end = c.end <= c.start ? start : toRaw[c.end - 1]! + 1;
  // A folded space stands for a run of whitespace: a quote that began (ended) inside such a run in the stored text
  // takes as many of its characters as it had, the rest stays outside.
  if (c.end > c.start && f.charCodeAt(c.start) === 0x20) {
    const runEnd = whitespaceRunEnd(text, start);
    const k = leadingWhitespace(quote.exact);
    if (k > 0) start = Math.max(start, runEnd - k);
  }
  if (c.end > c.start && f.charCodeAt(c.end - 1) === 0x20) {
    const runStart = toRaw[c.end - 1]!;
    const k = trailingWhitespace(quote.exact);
    if (k > 0) end = Math.min(whitespaceRunEnd(text, runStart), runStart + k);
  }
  if (end <= start) return orphan;
  if (text.slice(start, end) === quote.exact) return { start, end, status: start === position?.start ? exactStatus : movedStatus };
  return { start, end, status: { kind: 'fuzzy', score: c.score } };
}

/** Where the run of whitespace starting at `at` ends. */
function whitespaceRunEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  return Math.max(end, at + 1);
}

function leadingWhitespace(s: string): number {
  let n = 0;
  while (n < s.length && /\s/.test(s[n]!)) n++;
  return n;
}

function trailingWhitespace(s: string): number {
  let n = 0;
  while (n < s.length && /\s/.test(s[s.length - 1 - n]!)) n++;
  return n;
}

/** Whether text holds `exact` at `at`, or a retypeset copy of it (fold.ts: quote marks, dashes; as long). */
function sameText(text: string, exact: string, at: number): boolean {
  return occursAt(text, exact, at) || (at >= 0 && foldString(text.slice(at, at + exact.length)) === foldString(exact));
}

/** Whether text holds `exact` at `at`. Comparing a slice (no copy in V8) beats both a loop and `startsWith`. */
function occursAt(text: string, exact: string, at: number): boolean {
  return at >= 0 && text.slice(at, at + exact.length) === exact;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
