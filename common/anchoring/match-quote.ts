import { BitPattern, reversed, scan } from './bit-parallel.ts';
import { affixReach, minimumPieceLength, trigramBuckets } from './thresholds.ts';

/**
 * Approximate quote matching and the evidence scores anchoring decides with. Pure (no DOM).
 *
 * Similarities are 1 - errors / length, with errors the edit distance (insertions, deletions, substitutions of
 * UTF-16 code units), so 1 is identical and 0 shares nothing.
 */

/**
 * Ends of the best approximate occurrences of `quote` in text[from, to), each a local minimum of the error count
 * (a match with k errors is surrounded by ends with k+1, k+2… that are the same occurrence, not new ones).
 * When neighbouring ends tie (an edge character changed: keep it or drop it costs the same), `ends` lists them
 * all so the caller can let the context decide. Sorted by errors, fewest first.
 */
export function approximateEnds(
  quote: BitPattern,
  text: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): Array<{ ends: number[]; errors: number }> {
  const ends: number[] = [];
  const errors: number[] = [];
  scan(quote, text, { from, to, maxErrors }, (end, e) => {
    ends.push(end);
    errors.push(e);
  });
  const found: Array<{ ends: number[]; errors: number }> = [];
  const adjacent = (i: number, j: number) => j >= 0 && j < ends.length && Math.abs(ends[i]! - ends[j]!) === 1;
  for (let i = 0; i < ends.length; i++) {
    const e = errors[i]!;
    if (adjacent(i, i - 1) && errors[i - 1]! <= e) continue; // not where a descent ends
    let last = i;
    while (adjacent(last, last + 1) && errors[last + 1] === e) last++;
    if (adjacent(last, last + 1) && errors[last + 1]! < e) continue; // still descending
    found.push({ ends: ends.slice(i, last + 1), errors: e });
  }
  return found.sort((a, b) => a.errors - b.errors);
}

/**
 * The same as `approximateEnds` over the whole text, but fast when few errors are allowed ("filter, then verify"):
 * cut the quote into maxErrors + 1 pieces; a match with at most maxErrors edits leaves at least one piece intact,
 * so only the text around exact occurrences of a piece (found with indexOf) can hold a match, and only there does
 * the bit-parallel scan run. When the pieces would be too short to be selective, the trigram filter picks the
 * regions to scan, with `trigrams` giving the text's trigram buckets (`TextContext.foldedTrigrams` for the folded
 * text, made once per text); failing that too, it scans everything.
 */
export function approximateEndsFiltered(
  quote: string,
  pattern: BitPattern,
  text: string,
  maxErrors: number,
  trigrams: () => Uint16Array = () => textTrigrams(text),
): Array<{ ends: number[]; errors: number }> {
  const m = quote.length;
  const pieceLength = Math.floor(m / (maxErrors + 1));
  if (pieceLength < minimumPieceLength) {
    const regions = trigramRegions(quote, text, maxErrors, trigrams);
    if (regions === undefined) return approximateEnds(pattern, text, maxErrors);
    const found: Array<{ ends: number[]; errors: number }> = [];
    for (const [from, to] of regions) found.push(...approximateEnds(pattern, text, maxErrors, from, to));
    return found.sort((a, b) => a.errors - b.errors);
  }
  const windows: Array<[number, number]> = [];
  for (let p = 0; p <= maxErrors; p++) {
    const piece = quote.slice(p * pieceLength, (p + 1) * pieceLength);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      // The piece sits within maxErrors of its place in the quote, so the match starts and ends near here.
      const start = at - p * pieceLength;
      windows.push([Math.max(0, start - maxErrors), Math.min(text.length, start + m + 2 * maxErrors)]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const found: Array<{ ends: number[]; errors: number }> = [];
  for (let i = 0; i < windows.length;) {
    const from = windows[i]![0];
    let to = windows[i]![1];
    for (i++; i < windows.length && windows[i]![0] <= to; i++) to = Math.max(to, windows[i]![1]);
    found.push(...approximateEnds(pattern, text, maxErrors, from, to));
  }
  return found.sort((a, b) => a.errors - b.errors);
}

/**
 * The text regions that can hold a match of `quote` with at most `maxErrors` edits, by the q-gram lemma (q = 3):
 * such a match shares at least (m − 2) − 3·maxErrors of the quote's trigrams (counted with multiplicity), so every
 * window of m + maxErrors characters holding fewer cannot contain one. One pass over the text with a sliding count
 * (trigrams hashed into buckets: a collision can only raise a count, so the filter stays sound), then the overlapping
 * passing windows merged. Undefined when the bound says nothing (short quotes, many errors): scan everything then.
 */
function trigramRegions(
  quote: string,
  text: string,
  maxErrors: number,
  trigrams: () => Uint16Array,
): Array<[number, number]> | undefined {
  const q = 3;
  const m = quote.length;
  const threshold = m - q + 1 - maxErrors * q;
  if (threshold <= 0 || text.length < q) return undefined;
  const need = new Uint16Array(trigramBuckets);
  for (let i = 0; i + q <= m; i++) need[trigramBucket(quote, i)]!++;
  const have = new Uint16Array(trigramBuckets);
  const buckets = trigrams();
  // The window at j holds the trigrams starting in [j − span + 1, j]: the text [j − span + 1, j + q).
  const span = m + maxErrors - q + 1;
  const regions: Array<[number, number]> = [];
  let shared = 0;
  for (let j = 0; j < buckets.length; j++) {
    if (j >= span) {
      const leaving = buckets[j - span]!;
      if (need[leaving]! > 0 && --have[leaving]! < need[leaving]!) shared--;
    }
    const entering = buckets[j]!;
    if (need[entering]! > 0 && have[entering]!++ < need[entering]!) shared++;
    if (shared >= threshold) {
      const from = Math.max(0, j - span + 1);
      const to = Math.min(text.length, j + q);
      const last = regions[regions.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else regions.push([from, to]);
    }
  }
  return regions;
}

/**
 * The trigram bucket at every offset of `text`. A batch searches one text many times: `TextContext` keeps the
 * folded text's buckets for as long as the caller keeps the context.
 */
export function textTrigrams(text: string): Uint16Array {
  const buckets = new Uint16Array(Math.max(0, text.length - 2));
  for (let j = 0; j < buckets.length; j++) buckets[j] = trigramBucket(text, j);
  return buckets;
}

function trigramBucket(s: string, at: number): number {
  const h =
    Math.imul(s.charCodeAt(at), 0x9e3779b1) ^
    Math.imul(s.charCodeAt(at + 1), 0x85ebca6b) ^
    Math.imul(s.charCodeAt(at + 2), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & (trigramBuckets - 1);
}

/**
 * Where the occurrence ending at `end` with `errors` edits starts: the start whose span fits the quote with that
 * many errors, preferring the span whose length is closest to the quote's (an edge character that changed, like
 * a straight quote for a curly one, is then inside the match rather than dropped).
 */
export function matchStart(reversedQuote: BitPattern, text: string, end: number, errors: number): number {
  const m = reversedQuote.length;
  let best = end - m;
  let bestErrors = Infinity;
  scan(
    reversedQuote,
    text,
    { from: end, to: Math.max(0, end - m - errors), backward: true, anchored: true, maxErrors: errors },
    (start, e) => {
      const closer = Math.abs(end - start - m) < Math.abs(end - best - m);
      if (e < bestErrors || (e === bestErrors && closer)) {
        best = start;
        bestErrors = e;
      }
    },
  );
  return best;
}

/**
 * How well `affix` fits the text right next to `at`: before it (`side` = 'prefix', the affix must end at `at`) or
 * after it ('suffix', it must start at `at`). The far end is free, so text inserted or deleted inside the affix
 * costs only its own length. 1 = identical, 0 = nothing in common.
 */
export function affixSimilarity(affix: string, text: string, at: number, side: 'prefix' | 'suffix'): number {
  if (affix.length === 0) return 1;
  const window = affix.length + Math.ceil(affix.length * affixReach);
  let minErrors = affix.length;
  const keep = (_boundary: number, e: number) => {
    if (e < minErrors) minErrors = e;
  };
  if (side === 'prefix') {
    const pattern = new BitPattern(reversed(affix));
    scan(
      pattern,
      text,
      { from: at, to: Math.max(0, at - window), backward: true, anchored: true, maxErrors: affix.length },
      keep,
    );
  } else {
    const pattern = new BitPattern(affix);
    scan(
      pattern,
      text,
      { from: at, to: Math.min(text.length, at + window), anchored: true, maxErrors: affix.length },
      keep,
    );
  }
  return 1 - minErrors / affix.length;
}

/** How many characters of `prefix` agree, exactly, with the text right before `at` (counted from `at` backwards). */
export function prefixAgreement(prefix: string, text: string, at: number): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(at - 1 - n)) n++;
  return n;
}

/** How many characters of `suffix` agree, exactly, with the text right after `at`. */
export function suffixAgreement(suffix: string, text: string, at: number): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}
