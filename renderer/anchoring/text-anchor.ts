import type { Selector, TextPositionSelector, TextQuoteSelector } from '../../electron/ipc/contract.ts';
import { BitPattern, reversed } from './bit-parallel.ts';
import { affixSimilarity, approximateEnds, approximateEndsFiltered, matchStart, prefixAgreement, type QuoteMatch, suffixAgreement } from './match-quote.ts';

/**
 * Describing and anchoring on plain text. Pure (no DOM): the renderer uses it through dom-text.ts and the main
 * process uses it directly to re-anchor highlights when an article is re-imported.
 *
 * Anchoring goes from cheap and certain to expensive and unsure, and says which it was:
 * 1. the stored position still holds the quote and its context → `exact` (O(quote length));
 * 2. the quote occurs verbatim: the occurrence whose neighbours agree most with the stored prefix/suffix, then the
 *    nearest to the stored position → `moved` (`exact` if that is the stored position). A short quote (< 32
 *    characters) whose context no longer agrees must also clear the fuzzy bar, or a deleted "Russia" would jump
 *    to the next "Russia";
 * 3. an approximate occurrence, scored on quote, context and position (see `minimumFuzzyScore`) → `fuzzy`;
 * 4. otherwise `orphan`: shown to the user as unplaced, never dropped.
 * Nothing is normalised silently: whitespace or quote-mark changes are edits the fuzzy stage scores like any other.
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
 * Below this fuzzy score a highlight is an orphan rather than risk landing on the wrong text.
 *
 * score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, each similarity in 0..1. Tuned on the cases the tests
 * pin down:
 * - a real edit keeps its context: a typo fixed, quote marks straightened or spaces collapsed give quote ≈ 0.95–0.99
 *   and context ≈ 0.9–1 → score ≥ 0.93;
 * - a quote edited a little (0.9) whose context changed on one side (≈ 0.3 for unrelated text) still scores ≈ 0.79;
 * - a lookalike sentence elsewhere (quote 0.85–0.95) has unrelated context on both sides → ≈ 0.60–0.70; even a
 *   verbatim copy with unrelated context cannot pass 0.70 ((50 + 2·20·0.3 + 2) / 92).
 * 0.75 sits between the last two; `minimumQuoteSimilarity` separately stops a quote that only matches with many
 * errors from riding in on good context.
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

/** How far around the stored position the first, cheap fuzzy search looks (or 4× the quote, if longer). */
const nearbyReach = 2048;

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

/** Finds where the selectors now point in `text`: stored position, then exact quote, then fuzzy quote; else orphan. */
export function anchorText(text: string, selectors: readonly Selector[]): AnchorResult {
  const { quote, position } = selectorsOf(selectors);
  if (!quote || quote.exact.length === 0) return orphan;
  return anchorCertain(text, quote, position)?.result ?? anchorFuzzy(text, quote, position?.start);
}

/**
 * `anchorText` for every highlight of an article at once (loading it, or re-importing a changed version). The
 * result for each is what `anchorText` gives it, except that a fuzzy highlight may be settled by a local search
 * alone (see below); in input order.
 *
 * Pass 1 runs the cheap, certain stages (stored position, verbatim quote) for every highlight. Most land, and each
 * one that lands with its context intact tells how far the text moved around it: edits shift everything after
 * them, so the shift seen at the nearest such highlights before and after a stored position says where that text
 * should now be.
 * Pass 2 searches for each remaining one approximately in a small window around that estimate and accepts the
 * best match there when it scores at least `confidentFuzzyScore`. Only when none does (an orphan, or a match that
 * is not clearly the same passage), or when its two neighbours moved by different amounts (so text the stored
 * context never saw was inserted or deleted near it), is the whole text searched, exactly as `anchorText` does.
 */
export function anchorAllText(text: string, selectorsList: ReadonlyArray<readonly Selector[]>): AnchorResult[] {
  const results = new Array<AnchorResult>(selectorsList.length);
  const pending: Array<{ at: number; quote: TextQuoteSelector; hint: number | undefined }> = [];
  // Stored start → shift observed there, for every highlight placed in pass 1 that had a stored position.
  const landmarks: Array<{ stored: number; shift: number }> = [];
  for (let i = 0; i < selectorsList.length; i++) {
    const { quote, position } = selectorsOf(selectorsList[i]!);
    if (!quote || quote.exact.length === 0) {
      results[i] = orphan;
      continue;
    }
    const placed = anchorCertain(text, quote, position);
    if (placed === undefined) {
      pending.push({ at: i, quote, hint: position?.start });
      continue;
    }
    results[i] = placed.result;
    // Only a highlight found with all of its context says reliably where its text went: a quote that moved onto
    // another copy with different surroundings may have jumped anywhere.
    if (position !== undefined && placed.agreesFully) landmarks.push({ stored: position.start, shift: placed.result.start - position.start });
  }
  if (pending.length === 0) return results;
  landmarks.sort((a, b) => a.stored - b.stored);
  const stored = Float64Array.from(landmarks, (l) => l.stored);
  for (const { at, quote, hint } of pending) {
    let placed: AnchorResult | undefined;
    if (hint !== undefined && landmarks.length > 0) {
      // The nearest landmarks at or before and at or after the stored start (one of them may not exist).
      const after = lowerBound(stored, hint);
      const before = landmarks[after - 1]?.shift ?? landmarks[after]!.shift;
      const next = landmarks[after]?.shift ?? before;
      // Neighbours that disagree by more than the pad had text inserted or deleted between them: the highlight
      // could be anywhere in it, among text the stored context never saw. Only the full search decides those.
      if (Math.abs(next - before) <= localPad) {
        const m = quote.exact.length;
        const pad = Math.max(localPad, 2 * m);
        // Around the estimate, and around the stored position too: a neighbour may itself have moved onto a copy
        // of its passage elsewhere, and then the stored position is the better guess.
        const from = Math.max(0, hint + Math.min(before, next, 0) - pad);
        const to = Math.min(text.length, hint + m + Math.max(before, next, 0) + pad);
        const local = from < to ? bestFuzzyIn(text, quote, hint, from, to) : undefined;
        if (local && local.score >= confidentFuzzyScore) placed = { start: local.start, end: local.end, status: { kind: 'fuzzy', score: local.score } };
      }
    }
    results[at] = placed ?? anchorFuzzy(text, quote, hint);
  }
  return results;
}

/**
 * A fuzzy match found in the local window of `anchorAllText` at or above this score is taken without searching the
 * rest of the text. Clearing it takes the quote and most of both sides of context: a verbatim quote needs its
 * prefix and suffix to agree 77% on average ((0.9·92 − 52) / 40), and a lookalike sentence with unrelated context
 * scores 0.60–0.70 (see `minimumFuzzyScore`; the benchmark's lookalikes score 0.66–0.68) while real edits in the
 * tests and the benchmark score 0.92–0.995. A second place that clears it is the same passage with the same
 * context repeated, and then the local one, where the neighbouring highlights say the text went, is the better
 * answer anyway.
 */
export const confidentFuzzyScore = 0.9;

/** How far beyond the shifts seen at its neighbours `anchorAllText` first looks for a fuzzy highlight (or 2× the quote). */
const localPad = 512;

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
 * Stages 1 and 2: the stored position, then the quote verbatim; undefined when only a fuzzy search can tell.
 * `agreesFully`: the prefix and suffix were found intact around it.
 */
function anchorCertain(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
): { result: Extract<AnchorResult, { start: number }>; agreesFully: boolean } | undefined {
  const { exact } = quote;
  const hint = position?.start;

  // 1. The stored position, verified against the quote and its context.
  const spansQuote = position !== undefined && position.end - position.start === exact.length;
  if (spansQuote && occursAt(text, exact, position.start) && fullAgreement(quote, text, position.start)) {
    return { result: { start: position.start, end: position.end, status: exactStatus }, agreesFully: true };
  }

  // 2. The quote, verbatim.
  const verbatim = bestVerbatim(text, quote, hint);
  if (verbatim !== undefined && (verbatim.agreesFully || verbatimIsConvincing(text, quote, verbatim.start, hint))) {
    const status = verbatim.start === hint ? exactStatus : movedStatus;
    return { result: { start: verbatim.start, end: verbatim.start + exact.length, status }, agreesFully: verbatim.agreesFully };
  }
  return undefined;
}

/** Stages 3 and 4: the quote approximately, over the whole text; else orphan. */
function anchorFuzzy(text: string, quote: TextQuoteSelector, hint: number | undefined): AnchorResult {
  const fuzzy = bestFuzzy(text, quote, hint);
  if (fuzzy) return { start: fuzzy.start, end: fuzzy.end, status: { kind: 'fuzzy', score: fuzzy.score } };
  return orphan;
}

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
  const w = scoreWeights;
  return (w.quote * quoteSimilarity + w.prefix * prefix + w.suffix * suffix + w.position * position) / (w.quote + w.prefix + w.suffix + w.position);
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

function fullAgreement(quote: TextQuoteSelector, text: string, start: number): boolean {
  return occursAt(text, quote.prefix, start - quote.prefix.length) && occursAt(text, quote.suffix, start + quote.exact.length);
}

/**
 * The verbatim occurrence whose neighbours agree most with the stored prefix and suffix, nearest to the stored
 * position among equals. The search widens around the stored position in bands (indexOf is fast; lastIndexOf is
 * not), so the common case, context intact and the text shifted a little, stops after a few hundred characters
 * instead of listing every occurrence of a common phrase in a long article.
 */
function bestVerbatim(text: string, quote: TextQuoteSelector, hint: number | undefined): { start: number; agreesFully: boolean } | undefined {
  const { exact, prefix, suffix } = quote;
  const origin = Math.min(hint ?? 0, text.length);
  const fullMark = prefix.length + suffix.length;
  let best: { start: number; agreement: number; distance: number } | undefined;
  const consider = (start: number) => {
    const agreement = prefixAgreement(prefix, text, start) + suffixAgreement(suffix, text, start + exact.length);
    const distance = Math.abs(start - origin);
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      best = { start, agreement, distance };
    }
  };
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
    const searchedAll = lo === 0 && hi === text.length;
    // Anything not yet considered is farther away than the edge of the band on at least one side.
    const unexploredDistance = Math.min(lo === 0 ? Infinity : origin - lo, hi === text.length ? Infinity : hi - origin);
    const settled = best !== undefined && best.agreement === fullMark && best.distance <= unexploredDistance;
    if (searchedAll || settled) break;
  }
  const found: { start: number; agreement: number } | undefined = best;
  return found && { start: found.start, agreesFully: found.agreement === fullMark };
}

/** Calls `visit` with every start in [from, to) where `exact` occurs; searches a slice so the scan stops at `to`. */
function forEachOccurrence(text: string, exact: string, from: number, to: number, visit: (start: number) => void): void {
  if (from >= to) return;
  const window = text.slice(from, Math.min(text.length, to + exact.length - 1));
  for (let at = window.indexOf(exact); at !== -1; at = window.indexOf(exact, at + 1)) visit(from + at);
}

/**
 * Whether a verbatim occurrence whose context changed is still believable. A quote of 32+ characters is: repeating
 * that much text word for word is deliberate, not chance. A shorter one ("Russia", "the talks") occurs by chance,
 * so its context must carry it past the same bar as a fuzzy match; otherwise the fuzzy stage decides (usually
 * orphan), and deleting a sentence does not move its highlight onto the same word elsewhere.
 */
function verbatimIsConvincing(text: string, quote: TextQuoteSelector, start: number, hint: number | undefined): boolean {
  if (quote.exact.length >= affixLength) return true;
  const match = { start, end: start + quote.exact.length, errors: 0 };
  return scoreMatch(text, quote, match, hint) >= minimumFuzzyScore;
}

/**
 * The best-scoring approximate occurrence that clears both bars, or undefined.
 *
 * Most fuzzy re-anchoring is a small edit near where the highlight was, so the text around the stored position is
 * searched first. That is only a shortcut, never a different answer: the whole text is then searched for anything
 * that could still beat what was found nearby, which after a good nearby match means very few errors, the cheapest
 * kind of search.
 */
function bestFuzzy(text: string, quote: TextQuoteSelector, hint: number | undefined): Scored | undefined {
  const m = quote.exact.length;
  // Allowing more errors than minimumQuoteSimilarity accepts would only find candidates that are thrown away.
  let maxErrors = Math.min(maxSearchErrors, Math.floor(m / 2), Math.floor(m * (1 - minimumQuoteSimilarity)));
  if (maxErrors === 0) return undefined; // Only verbatim matches are possible, and step 2 found none worth taking.
  const pattern = new BitPattern(quote.exact);
  const reversedQuote = new BitPattern(reversed(quote.exact));
  let best: Scored | undefined;
  const reach = Math.max(nearbyReach, 4 * m);
  if (hint !== undefined && text.length > 4 * reach) {
    const from = Math.max(0, hint - reach);
    const to = Math.min(text.length, hint + m + reach);
    best = bestCandidate(text, quote, hint, reversedQuote, approximateEnds(pattern, text, maxErrors, from, to), undefined);
    if (best) maxErrors = Math.min(maxErrors, errorsThatCouldBeat(best.score, m));
    if (maxErrors < 0) return best;
  }
  return bestCandidate(text, quote, hint, reversedQuote, approximateEndsFiltered(quote.exact, pattern, text, maxErrors), best);
}

/** The best approximate occurrence ending inside text[from, to) that clears both bars, or undefined. */
function bestFuzzyIn(text: string, quote: TextQuoteSelector, hint: number | undefined, from: number, to: number): Scored | undefined {
  const m = quote.exact.length;
  const maxErrors = Math.min(maxSearchErrors, Math.floor(m / 2), Math.floor(m * (1 - minimumQuoteSimilarity)));
  if (maxErrors === 0) return undefined;
  const pattern = new BitPattern(quote.exact);
  const reversedQuote = new BitPattern(reversed(quote.exact));
  return bestCandidate(text, quote, hint, reversedQuote, approximateEnds(pattern, text, maxErrors, from, to), undefined);
}

type Scored = QuoteMatch & { score: number };

/** Scores candidates (fewest errors first, nearest first among equals) until none left could beat the best. */
function bestCandidate(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  reversedQuote: BitPattern,
  candidates: Array<{ ends: number[]; errors: number }>,
  bestSoFar: Scored | undefined,
): Scored | undefined {
  const m = quote.exact.length;
  const origin = hint ?? 0;
  candidates.sort((a, b) => a.errors - b.errors || Math.abs(a.ends[0]! - origin) - Math.abs(b.ends[0]! - origin));
  let best = bestSoFar;
  for (const candidate of candidates.slice(0, maxFuzzyCandidates)) {
    const { errors } = candidate;
    const ceiling = scoreCeiling(errors, m);
    if (ceiling < minimumFuzzyScore || (best && ceiling <= best.score)) break;
    // Tied ends are the same occurrence with an edge character in or out: the context says which.
    for (const end of candidate.ends.slice(0, maxTiedEnds)) {
      const start = matchStart(reversedQuote, text, end, errors);
      const match = { start, end, errors };
      const score = scoreMatch(text, quote, match, hint);
      if (score >= minimumFuzzyScore && (!best || score > best.score)) best = { ...match, score };
    }
  }
  return best;
}

/** The best score a match with this many errors could reach, with perfect context at the stored position. */
function scoreCeiling(errors: number, quoteLength: number): number {
  const w = scoreWeights;
  return (w.quote * (1 - errors / quoteLength) + w.prefix + w.suffix + w.position) / (w.quote + w.prefix + w.suffix + w.position);
}

/** The most errors a match may have and still be able to score above `score` (negative when none can). */
function errorsThatCouldBeat(score: number, quoteLength: number): number {
  const w = scoreWeights;
  const total = w.quote + w.prefix + w.suffix + w.position;
  const needed = (score * total - (w.prefix + w.suffix + w.position)) / w.quote; // quote similarity to tie
  let errors = Math.ceil(quoteLength * (1 - needed)) - 1;
  while (errors >= 0 && scoreCeiling(errors, quoteLength) <= score) errors--; // guard against rounding
  return errors;
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
