import { alignedBoundary } from './align.ts';
import { BitPattern, reversed, scan } from './bit-parallel.ts';
import { keptInOrder } from './kept-in-order.ts';
import { approximateEnds, approximateEndsFiltered, matchStart } from './match-quote.ts';
import { type Candidate, evaluate, type Search } from './search.ts';
import {
  alignSlack,
  edgeLength,
  farQuoteSimilarity,
  framedKeptShare,
  framedQuoteSimilarity,
  frameQuoteLengths,
  maxFuzzyCandidates,
  maxRefined,
  maxSearchErrors,
  maxTiedEnds,
  minimumFrameAffix,
  minimumFrameContext,
  minimumFuzzyScore,
  minimumQuoteSimilarity,
  quoteEdge,
  quoteEdgeSlack,
  refineScoreMargin,
} from './thresholds.ts';

/**
 * The highlight's place, found by its context alone: the whole stored prefix and suffix (folded), near an expected
 * position, with at most about twice the quote between them. The quote's text there was edited (a verbatim one
 * would have been found in 3a), so what lies between them is the highlight's text now: placed (`fuzzy`) when it
 * is still at least `framedQuoteSimilarity` alike (else nothing is placed there; and it is not searched for far away
 * either, because a copy elsewhere is another passage when its own place is known). This is also what places a quote
 * with a phrase inserted into it on exactly the words between its context, edge to edge; a quote whose every
 * character is still there around the insertion (`insertedInside`) is as alike as can be.
 */
export function framed(search: Search): { start: number; end: number; candidate: Candidate | undefined } | undefined {
  const { prefix, suffix, exact, expected, tolerance } = search;
  // A shorter affix is the stored text's edge: it frames only a place at the same edge of the text now.
  const prefixAtEdge = prefix.length < minimumFrameAffix;
  const suffixAtEdge = suffix.length < minimumFrameAffix;
  if (prefix.length + suffix.length < minimumFrameContext) return undefined;
  const f = search.folded.text;
  const m = exact.length;
  const maxGap = frameQuoteLengths * m + minimumFrameAffix;
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
  if (insertedInside(exact, f, best.start, best.end)) errors = 0;
  const c = evaluate(search, best.start, best.end, errors, false);
  if (c.quote < framedQuoteSimilarity) return { ...best, candidate: undefined };
  // Less alike than any other candidate may be: still the highlight when text was written into it or next to it
  // (its characters are all still there) or only deleted from it (nothing written that it did not hold), not when a
  // fifth of it or more was written over.
  if (c.quote < minimumQuoteSimilarity) {
    const kept = keptInOrder(exact, f, best.start, best.end);
    if (kept < framedKeptShare * m && kept < best.end - best.start) return { ...best, candidate: undefined };
  }
  // Judged as the whole frame, placed on the part of it that is the quote's.
  const part = errors > 0 ? quotePart(exact, f, best.start, best.end, errors) : undefined;
  const placed = part === undefined ? c : { ...evaluate(search, part.start, part.end, errors, false), quote: c.quote };
  return { ...best, candidate: { ...placed, framed: true } };
}

/**
 * The part of a frame's text f[start, end) that is the quote's, when text was written next to it, between it and its
 * context ("* `image` [NativeImage](native-image.md)" as "* `image` ([NativeImage](native-image.md) | string)"):
 * where the quote aligns with fewer errors than the whole frame (`errors`), an edge moves in if the quote's own first
 * (last) `quoteEdge` characters are there word for word (at the start, its first character may be written over:
 * "-   Value for the ``format`` key in the :setting:`FEEDS` setting" for "* :setting:`FEED_FORMAT`"). Otherwise that edge stays: an edit of the quote's own words
 * at its edge is the highlight's text ("### `enableblinkfeatures`" for "### `blinkfeatures`").
 */
function quotePart(
  exact: string,
  f: string,
  start: number,
  end: number,
  errors: number,
): { start: number; end: number } | undefined {
  let bestEnd = -1;
  let bestErrors = errors;
  scan(new BitPattern(exact), f, { from: start, to: end, maxErrors: errors - 1 }, (boundary, e) => {
    if (e < bestErrors || (e === bestErrors && boundary > bestEnd)) {
      bestEnd = boundary;
      bestErrors = e;
    }
  });
  if (bestEnd === -1) return undefined;
  const from = Math.max(start, matchStart(new BitPattern(reversed(exact)), f, bestEnd, bestErrors));
  const k = Math.min(exact.length, quoteEdge);
  // The quote's first character may be one the edit wrote over (a list's "*" become "-"): its next characters then
  // mark the edge, found where the alignment starts or `quoteEdgeSlack` further in.
  let partStart = start;
  for (let j = 0; from > start && j <= quoteEdgeSlack && partStart === start; j++)
    for (let d = 0; d <= quoteEdgeSlack && partStart === start; d++)
      if (f.startsWith(exact.slice(j, j + k), from + d)) partStart = from + d;
  const partEnd = bestEnd < end && f.startsWith(exact.slice(-k), bestEnd - k) ? bestEnd : end;
  if ((partStart === start && partEnd === end) || partEnd <= partStart) return undefined;
  return { start: partStart, end: partEnd };
}

/**
 * Whether f[start, end), a frame's text, is the quote with text inserted inside it: it begins with a piece of the
 * quote's start and ends with a piece of its end that are together all of the quote, neither the whole quote (then
 * the text was inserted next to it, not inside), and each found once in the text (a piece another passage repeats,
 * a list's closing lines, may be that passage's). Nothing of the highlighted text was lost: its errors count as none,
 * where the edit distance would count every inserted character as one.
 */
function insertedInside(exact: string, f: string, start: number, end: number): boolean {
  const m = exact.length;
  const n = Math.min(m, end - start);
  let head = 0;
  while (head < n && exact.charCodeAt(head) === f.charCodeAt(start + head)) head++;
  let tail = 0;
  while (tail < n && exact.charCodeAt(m - 1 - tail) === f.charCodeAt(end - 1 - tail)) tail++;
  if (head === m || tail === m || head + tail < m) return false;
  const once = (piece: string) => {
    const at = f.indexOf(piece);
    return piece.length > 0 && at !== -1 && f.indexOf(piece, at + 1) === -1;
  };
  return once(exact.slice(0, head)) && once(exact.slice(head));
}

/**
 * Approximate occurrences of the folded quote with their boundaries refined, near the expected positions
 * (`nearby`) or over the whole text. Far ones need `farQuoteSimilarity`, so the whole-text search allows fewer
 * errors, which is also what makes it cheap (see `approximateEndsFiltered`).
 */
export function fuzzyCandidates(search: Search, nearby: boolean): Candidate[] {
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
      .map(
        (e) =>
          [Math.max(0, e - search.tolerance - maxErrors), Math.min(f.length, e + m + search.tolerance + maxErrors)] as [
            number,
            number,
          ],
      )
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
    groups.push(...approximateEndsFiltered(exact, pattern, f, maxErrors, () => search.context.foldedTrigrams()));
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
    if (c.score < minimumFuzzyScore - refineScoreMargin) break;
    refined.push(refine(search, c, pattern));
  }
  return refined;
}

/**
 * A fuzzy candidate with its boundaries placed by aligning the stored context with the text around each edge
 * (align.ts), and its quote errors measured again between the new boundaries.
 */
function refine(search: Search, c: Candidate, pattern: BitPattern): Candidate {
  const { exact, prefix, suffix } = search;
  const f = search.folded.text;
  const m = exact.length;
  const slack = c.errors + alignSlack;
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
