import type { TextPositionSelector, TextQuoteSelector } from '../model.ts';
import { type AnchorResult, exactStatus, movedStatus } from './anchor-result.ts';
import { type DistinguishingContext, holdsDistinguishingContext } from './distinguishing-context.ts';
import { foldString } from './fold.ts';
import { prefixAgreement, suffixAgreement } from './match-quote.ts';
import { firstVerbatimBand, inPlaceAgreement, shortQuote, verbatimBandGrowth } from './thresholds.ts';

/**
 * Stages 1 and 2: the quote verbatim in place with one side of context, then verbatim with all of it; undefined
 * when only stage 3 can tell. `quote` holds the near context; a place that lacks the extended sides of the stored
 * context (`distinguishing`) is a twin and never taken. `agreesFully`: the prefix and suffix were found intact.
 */
export function anchorCertain(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  distinguishing?: DistinguishingContext,
): { result: Extract<AnchorResult, { start: number }>; agreesFully: boolean } | undefined {
  const { exact } = quote;
  const hint = position?.start;
  const own = (start: number) => holdsDistinguishingContext(text, distinguishing, start, start + exact.length);

  // 1. The stored position, verified against the quote and at least one side of its context.
  if (position !== undefined && position.end - position.start === exact.length && own(position.start)) {
    const agreement = inPlace(text, quote, position.start);
    if (agreement !== undefined)
      return {
        result: { start: position.start, end: position.end, status: exactStatus },
        agreesFully: agreement === 'full',
      };
  }

  // 2. The quote verbatim with all of its context, nearest to the stored position among equals.
  const start = verbatimWithContext(text, quote, hint, undefined, distinguishing === undefined ? undefined : own);
  if (start === undefined) return undefined;
  return {
    result: { start, end: start + exact.length, status: start === hint ? exactStatus : movedStatus },
    agreesFully: true,
  };
}

/**
 * Stage 1's test: the quote verbatim at `at` and its context agreeing on at least one side: the whole affix, or
 * its `inPlaceAgreement` characters next to the quote. One side is enough here, and only here: an edit next to a
 * highlight (a sentence inserted after it) changes one side, and the quote still sitting where it was, word for
 * word, with the other side as it was, is not a coincidence. Elsewhere the same evidence is weaker (a twin of a
 * boilerplate sentence has the same words and, by chance, the same few characters of context).
 *
 * A short quote (under `shortQuote` characters: "instances", a version number) is another matter: after an edit
 * nearby, another of its occurrences may sit exactly at the stored offset by chance, with a few characters of
 * context agreeing (a list's next line begins alike). So on its own it needs both sides to agree; one side is
 * enough only with the batch's evidence (`byNeighbours`: the highlights around it say the text there did not move).
 */
export function inPlace(
  text: string,
  quote: TextQuoteSelector,
  at: number,
  byNeighbours = false,
): 'full' | 'partial' | undefined {
  const { exact, prefix, suffix } = quote;
  if (!occursAt(text, exact, at)) return undefined;
  const before = prefixAgreement(prefix, text, at);
  const after = suffixAgreement(suffix, text, at + exact.length);
  const prefixWhole = before === prefix.length && (prefix.length > 0 || at === 0);
  const suffixWhole = after === suffix.length && (suffix.length > 0 || at + exact.length === text.length);
  if (before === prefix.length && after === suffix.length) return 'full';
  const prefixAgrees = prefixWhole || before >= inPlaceAgreement;
  const suffixAgrees = suffixWhole || after >= inPlaceAgreement;
  if (exact.length < shortQuote && !byNeighbours) return prefixAgrees && suffixAgrees ? 'partial' : undefined;
  return prefixAgrees || suffixAgrees ? 'partial' : undefined;
}

/** The characters found verbatim for a quote placed at `at`: the quote and the context agreeing on both sides. */
export function evidenceAt(text: string, quote: TextQuoteSelector, at: number): number {
  return (
    quote.exact.length +
    prefixAgreement(quote.prefix, text, at) +
    suffixAgreement(quote.suffix, text, at + quote.exact.length)
  );
}

/**
 * The verbatim occurrence with both affixes intact, nearest to the stored position; undefined when there is none.
 * The search widens around the stored position in bands (indexOf is fast; lastIndexOf is not), so the common case,
 * context intact and the text shifted a little, stops after a few hundred characters instead of listing every
 * occurrence of a common phrase in a long article.
 */
export function verbatimWithContext(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  range?: readonly [number, number],
  accept?: (start: number) => boolean,
): number | undefined {
  const { exact, prefix, suffix } = quote;
  const origin = Math.min(hint ?? 0, text.length);
  let best: number | undefined;
  let bestDistance = Infinity;
  const consider = (start: number) => {
    const distance = Math.abs(start - origin);
    if (
      distance < bestDistance &&
      occursAt(text, prefix, start - prefix.length) &&
      occursAt(text, suffix, start + exact.length) &&
      (accept === undefined || accept(start))
    ) {
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
  for (let band = firstVerbatimBand; ; band *= verbatimBandGrowth) {
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
function forEachOccurrence(
  text: string,
  exact: string,
  from: number,
  to: number,
  visit: (start: number) => void,
): void {
  if (from >= to) return;
  const window = text.slice(from, Math.min(text.length, to + exact.length - 1));
  for (let at = window.indexOf(exact); at !== -1; at = window.indexOf(exact, at + 1)) visit(from + at);
}

/** Whether text holds `exact` at `at`, or a retypeset copy of it (fold.ts: quote marks, dashes; as long). */
export function sameText(text: string, exact: string, at: number): boolean {
  return occursAt(text, exact, at) || (at >= 0 && foldString(text.slice(at, at + exact.length)) === foldString(exact));
}

/** Whether text holds `exact` at `at`. Comparing a slice (no copy in V8) beats both a loop and `startsWith`. */
export function occursAt(text: string, exact: string, at: number): boolean {
  return at >= 0 && text.slice(at, at + exact.length) === exact;
}
