import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model.ts';
import { anchorCertain, evidenceAt, inPlace, verbatimWithContext } from './anchor-certain.ts';
import { type AnchorResult, movedStatus, orphan } from './anchor-result.ts';
import { anchorSearch } from './anchor-search.ts';
import { type ClaimedSpan, Claims } from './claims.ts';
import { Guide, type Landmark, longestInOrder, type StoredQuote } from './guide.ts';
import { lowerBound } from './lower-bound.ts';
import { prefixAgreement, suffixAgreement } from './match-quote.ts';
import { selectorsOf } from './selectors-of.ts';
import { TextContext } from './text-context.ts';
import { windowSlack } from './thresholds.ts';

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
  const context = new TextContext(text);
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
    for (const { at, quote, position } of pending) results[at] = anchorSearch(context, quote, position, position === undefined ? [] : [position.start]);
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
      results[at] = anchorSearch(context, quote, position, []);
      continue;
    }
    const p = position.start;
    results[at] = anchorSearch(context, quote, position, hint.expected, {
      window: hint.window,
      arrived: (start, end) => guide.arrived(text, start, end, p),
      foreign: (start, end) => claims.foreign(start, end, p, quote.exact.length),
    });
  }
  return results;
}
