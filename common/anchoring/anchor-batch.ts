import {
  findQuoteSelector,
  positionSelectorOf,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../model.ts';
import { anchorCertain, evidenceAt, inPlace, verbatimWithContext } from './anchor-certain.ts';
import { type AnchorResult, exactStatus, movedStatus, orphan } from './anchor-result.ts';
import { anchorSearch } from './anchor-search.ts';
import { type ClaimedSpan, Claims, type TentativeSpan } from './claims.ts';
import { type DistinguishingContext, holdsDistinguishingContext, splitContext } from './distinguishing-context.ts';
import { Guide, type Landmark, longestInOrder, type StoredQuote } from './guide.ts';
import { lowerBound } from './lower-bound.ts';
import { prefixAgreement, suffixAgreement } from './match-quote.ts';
import { TextContext } from './text-context.ts';
import { shortQuote, windowSlack } from './thresholds.ts';

/** A highlight of the batch with a quote to look for. */
interface Highlight {
  /** Its index in the batch. */
  at: number;
  /** The stored quote with its near context, the one the stages reason with. */
  quote: TextQuoteSelector;
  /** The extended sides of its stored context, if any: a place without them is a twin. */
  distinguishing: DistinguishingContext | undefined;
  position: TextPositionSelector | undefined;
}

/**
 * Whether [start, start + quote length) holds the highlight's extended context, when it has one; `byNeighbours`
 * when the neighbours say the highlight's text is there (distinguishing-context.ts).
 */
function ownText(text: string, h: Highlight, start: number, byNeighbours = false): boolean {
  return holdsDistinguishingContext(text, h.distinguishing, start, start + h.quote.exact.length, byNeighbours);
}

/**
 * Whether the highlight's quote with all of its near context (and its extended sides) also occurs at a place other
 * than `start`: copies that context cannot tell apart, of which stage 2 took the nearest to the stored position.
 */
function hasOtherCopy(text: string, h: Highlight, start: number): boolean {
  const { prefix, exact, suffix } = h.quote;
  const whole = prefix + exact + suffix;
  for (let at = text.indexOf(whole); at !== -1; at = text.indexOf(whole, at + 1))
    if (at + prefix.length !== start && ownText(text, h, at + prefix.length)) return true;
  return false;
}

/** Where a highlight's neighbours say its text is now (raw offsets): its expected positions and its window. */
interface Hint {
  expected: number[];
  window: [number, number];
}

/** What the passes share: the results so far and what is still to do. */
interface Batch {
  readonly text: string;
  /** By index: the highlight, or undefined for one with no quote to look for (an orphan). */
  readonly highlights: ReadonlyArray<Highlight | undefined>;
  readonly results: AnchorResult[];
  /** Not placed yet (pass 2 places them), in the order they joined. */
  readonly pending: Highlight[];
  /** By index: 1 while the highlight is pending. */
  pendingAt: Uint8Array;
  /** Pass 1's placements of highlights with a stored position. */
  readonly landmarks: Landmark[];
  /** Found in place in pass 1 with one side of context only: another highlight may show that text is its own. */
  readonly partial: TentativeSpan[];
  /** By index: 1 for a highlight in `partial`. */
  partialAt: Uint8Array;
}

/** The in-order landmarks, and the landmarks out of order that stay: text that moved, with its paragraph. */
interface Neighbours {
  guide: Guide;
  moved: Landmark[];
  movedStored: Float64Array;
}

/**
 * `anchorText` for every highlight of an article at once (loading it, or re-importing a changed version); in input
 * order. What differs from `anchorText` is what the neighbours tell: the window, arrival and claims. The passes, in
 * order, are those of docs/anchoring.md ("The batch"). With no landmark it is exactly `anchorText`; with every
 * highlight in place it costs nothing more.
 */
export function anchorAllText(
  text: string,
  selectorsList: ReadonlyArray<readonly Selector[]>,
  context = new TextContext(text),
): AnchorResult[] {
  if (context.text !== text) throw new RangeError('the text context was made for another text');
  const batch = placeCertain(text, selectorsList);
  // Everything where it was: nothing to check, nothing left to find.
  if (batch.pending.length === 0 && batch.landmarks.every((l) => l.inPlace)) return batch.results;
  if (batch.landmarks.length === 0) {
    for (const { at, quote, position, distinguishing } of batch.pending)
      batch.results[at] = anchorSearch(
        context,
        quote,
        position,
        position === undefined ? [] : [position.start],
        undefined,
        distinguishing,
      );
    return batch.results;
  }
  const neighbours = readNeighbours(batch);
  const hints = new Map<number, Hint>();
  const claims = placeAtEstimates(batch, neighbours, hints);
  searchRest(context, batch, neighbours.guide, claims, hints);
  return batch.results;
}

/**
 * Pass 1: the cheap, certain stages (in place, then verbatim with all of the context) for every highlight. Each
 * one placed with a stored position is a landmark: how far the text moved around it.
 */
function placeCertain(text: string, selectorsList: ReadonlyArray<readonly Selector[]>): Batch {
  const n = selectorsList.length;
  const batch: Batch = {
    text,
    highlights: new Array<Highlight | undefined>(n),
    results: new Array<AnchorResult>(n),
    pending: [],
    pendingAt: new Uint8Array(n),
    landmarks: [],
    partial: [],
    partialAt: new Uint8Array(n),
  };
  const highlights = batch.highlights as Array<Highlight | undefined>;
  for (let i = 0; i < n; i++) {
    const selectors = selectorsList[i]!;
    const stored = findQuoteSelector(selectors);
    if (!stored || stored.exact.length === 0) {
      batch.results[i] = orphan;
      continue;
    }
    const { near: quote, distinguishing } = splitContext(stored);
    const highlight: Highlight = { at: i, quote, distinguishing, position: positionSelectorOf(selectors) };
    highlights[i] = highlight;
    const { position } = highlight;
    const placed = anchorCertain(text, quote, position, distinguishing);
    if (placed === undefined) {
      batch.pending.push(highlight);
      continue;
    }
    batch.results[i] = placed.result;
    // Only a highlight found with all of its context says reliably where its text went: a quote that moved onto
    // another copy with different surroundings may have jumped anywhere.
    if (position !== undefined) {
      const q = placed.result.start;
      batch.landmarks.push({
        stored: position.start,
        placed: q,
        before: placed.agreesFully ? quote.prefix.length : prefixAgreement(quote.prefix, text, q),
        after:
          quote.exact.length +
          (placed.agreesFully ? quote.suffix.length : suffixAgreement(quote.suffix, text, q + quote.exact.length)),
        at: i,
        inPlace: placed.result.start === position.start,
        full: placed.agreesFully,
        ambiguous: q !== position.start && placed.agreesFully && hasOtherCopy(text, highlight, q),
      });
      if (!placed.agreesFully) {
        batch.partial.push({
          start: q,
          end: placed.result.end,
          shift: 0,
          evidence: evidenceAt(text, quote, q),
          at: i,
          stored: position.start,
        });
      }
    }
  }
  return batch;
}

/**
 * The landmarks in their longest run of unchanged order (`longestInOrder`) make the guide: the text that kept its
 * place. The landmarks out of order are checked (`checkOutOfOrder`).
 */
function readNeighbours(batch: Batch): Neighbours {
  const { landmarks, highlights, text } = batch;
  landmarks.sort((a, b) => a.stored - b.stored || a.placed - b.placed);
  // An ambiguous landmark was placed by its stored position alone: it does not vote on what kept its order, and is
  // checked as a landmark out of order (its copy inside the window, if there is one).
  const certain: number[] = [];
  landmarks.forEach((l, k) => {
    if (!l.ambiguous) certain.push(k);
  });
  const inCertain = longestInOrder(certain.map((k) => landmarks[k]!));
  const inOrder = new Uint8Array(landmarks.length);
  certain.forEach((k, j) => (inOrder[k] = inCertain[j]!));
  const stored: StoredQuote[] = [];
  for (const h of highlights)
    if (h !== undefined && h.position !== undefined) stored.push({ stored: h.position.start, exact: h.quote.exact });
  stored.sort((a, b) => a.stored - b.stored);
  const guide = new Guide(
    landmarks.filter((_, k) => inOrder[k] === 1),
    text.length,
    stored,
  );
  const moved = checkOutOfOrder(batch, guide, inOrder);
  for (const { at } of batch.pending) batch.pendingAt[at] = 1;
  for (const { at } of batch.partial) batch.partialAt[at] = 1;
  return { guide, moved, movedStored: Float64Array.from(moved, (l) => l.stored) };
}

/**
 * A landmark out of order found by its context away from its stored position (stage 2, the nearest copy to the
 * stored position) may be a twin: the same words in the same surroundings elsewhere. Its own text is where the
 * neighbours say (its copy inside the window); failing that, text that arrived there (a moved paragraph, a
 * duplicate) is the highlight's; else it is searched again. Returns the landmarks out of order that stay: text that
 * moved, and says where the rest of its paragraph went.
 */
function checkOutOfOrder(batch: Batch, guide: Guide, inOrder: Uint8Array): Landmark[] {
  const { text, landmarks, highlights } = batch;
  const moved: Landmark[] = [];
  landmarks.forEach((l, k) => {
    if (inOrder[k] === 1) return;
    if (l.inPlace) {
      moved.push(l);
      return;
    }
    const highlight = highlights[l.at]!;
    const m = highlight.quote.exact.length;
    const [lo, hi] = guide.window(l.stored);
    const own = verbatimWithContext(
      text,
      highlight.quote,
      l.stored + guide.shiftAt(l.stored),
      [lo - windowSlack, hi + windowSlack],
      (start) => ownText(text, highlight, start),
    );
    if (own !== undefined) batch.results[l.at] = { start: own, end: own + m, status: movedStatus };
    else if (!guide.arrived(text, l.placed, l.placed + m, l.stored)) batch.pending.push(highlight);
    else moved.push(l);
  });
  return moved;
}

/** Claims: the text that pass 1 placed with all of its context (in place or verbatim), at its shift. */
function claimPlaced(batch: Batch): ClaimedSpan[] {
  const spans: ClaimedSpan[] = [];
  batch.results.forEach((r, i) => {
    if (batch.pendingAt[i] === 1 || batch.partialAt[i] === 1 || r.start === undefined) return;
    const position = batch.highlights[i]?.position;
    if (position !== undefined) spans.push({ start: r.start, end: r.end, shift: r.start - position.start });
  });
  return spans;
}

/**
 * A highlight's hint: its window, its expected positions (the estimates inside the window, and the stored position
 * when it lies there), and where to try it in place (the estimates, and the shifts of the nearest landmarks out of
 * order: its paragraph may have moved with them).
 */
function hintFor(batch: Batch, neighbours: Neighbours, p: number): Hint & { tries: number[] } {
  const { guide, moved, movedStored } = neighbours;
  const window = guide.window(p);
  const inWindow = (e: number) => e >= window[0] - windowSlack && e <= window[1] + windowSlack;
  const expected: number[] = [];
  for (const e of guide.estimates(p))
    if (e >= 0 && e <= batch.text.length && inWindow(e) && !expected.includes(e)) expected.push(e);
  // Where the nearest landmarks that moved went (its paragraph may have moved with them): in place only.
  const tries = [...expected];
  if (moved.length > 0) {
    const k = lowerBound(movedStored, p);
    for (const l of [moved[k - 1], moved[k]])
      if (l && !tries.includes(p + l.placed - l.stored)) tries.push(p + l.placed - l.stored);
  }
  // The stored position counts as expected only where the neighbours say the text may still be.
  if (inWindow(p) && !expected.includes(p)) expected.unshift(p);
  return { expected, window, tries };
}

/**
 * Pass 2a: each pending highlight in place where its neighbours say (stage 1 at its tries), unless that text is
 * claimed at another shift; then `settleConflicts`. Records every pending highlight's hint in `hints`; returns the
 * claims pass 2b holds candidates to.
 */
function placeAtEstimates(batch: Batch, neighbours: Neighbours, hints: Map<number, Hint>): Claims {
  const { text } = batch;
  const spans = claimPlaced(batch);
  const claims = new Claims(spans);
  const tentative: TentativeSpan[] = [...batch.partial];
  for (const highlight of batch.pending) {
    const { at, quote, position } = highlight;
    if (position === undefined) continue;
    const p = position.start;
    const { expected, window, tries } = hintFor(batch, neighbours, p);
    hints.set(at, { expected, window });
    const m = quote.exact.length;
    for (const e of tries) {
      // In place was tried in pass 1, except for a short quote with one side of context: the neighbours may vouch.
      if (e === p && quote.exact.length >= shortQuote) continue;
      if (
        inPlace(text, quote, e, true) !== undefined &&
        !claims.foreign(e, e + m, p, m) &&
        ownText(text, highlight, e, true)
      ) {
        tentative.push({ start: e, end: e + m, shift: e - p, evidence: evidenceAt(text, quote, e), at, stored: p });
        break;
      }
    }
  }
  settleConflicts(batch, neighbours, hints, tentative, spans);
  return new Claims(spans);
}

/**
 * Two tentative claims on the same text at different shifts (one found in place in pass 1 with one side of
 * context, one found in place at an estimate): the one with less verbatim evidence gives way, both on a tie (a
 * deleted sentence's words left in place by the next sentence, which begins alike). A pass-1 find that gives way
 * goes back to the search with its hint; the others that stand are placed (`moved`) and claim their text (`spans`).
 */
function settleConflicts(
  batch: Batch,
  neighbours: Neighbours,
  hints: Map<number, Hint>,
  tentative: TentativeSpan[],
  spans: ClaimedSpan[],
): void {
  tentative.sort((a, b) => a.start - b.start);
  const lost = new Set<number>();
  for (let k = 0; k < tentative.length; k++) {
    const a = tentative[k]!;
    for (let j = k + 1; j < tentative.length && tentative[j]!.start < a.end; j++) {
      const b = tentative[j]!;
      if (b.shift !== a.shift)
        lost.add(a.evidence < b.evidence ? a.at : b.evidence < a.evidence ? b.at : (lost.add(a.at), b.at));
    }
  }
  for (const t of tentative) {
    if (lost.has(t.at)) {
      // Found in place in pass 1 after all doubtful: back to the search, with the neighbours' hints.
      if (batch.partialAt[t.at] === 1) {
        const { expected, window } = hintFor(batch, neighbours, t.stored);
        hints.set(t.at, { expected, window });
        batch.pending.push(batch.highlights[t.at]!);
        batch.pendingAt[t.at] = 1;
      }
      continue;
    }
    if (batch.partialAt[t.at] === 0)
      batch.results[t.at] = { start: t.start, end: t.end, status: t.shift === 0 ? exactStatus : movedStatus };
    batch.pendingAt[t.at] = 0;
    spans.push(t);
  }
}

/** Pass 2b: stage 3 for every highlight still pending, with its neighbours' window, arrival and the claims. */
function searchRest(context: TextContext, batch: Batch, guide: Guide, claims: Claims, hints: Map<number, Hint>): void {
  const { text } = context;
  for (const { at, quote, position, distinguishing } of batch.pending) {
    if (batch.pendingAt[at] === 0) continue;
    const hint = hints.get(at);
    if (position === undefined || hint === undefined) {
      batch.results[at] = anchorSearch(context, quote, position, [], undefined, distinguishing);
      continue;
    }
    const p = position.start;
    batch.results[at] = anchorSearch(
      context,
      quote,
      position,
      hint.expected,
      {
        window: hint.window,
        arrived: (start, end) => guide.arrived(text, start, end, p),
        foreign: (start, end) => claims.foreign(start, end, p, quote.exact.length),
      },
      distinguishing,
    );
  }
}
