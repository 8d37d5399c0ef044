import { holdsDistinguishingContext } from './distinguishing-context.ts';
import { prefixAgreement, suffixAgreement } from './match-quote.ts';
import type { Candidate, Search } from './search.ts';
import {
  aloneInWindowQuote,
  bareQuoteSimilarity,
  distancePenalty,
  farQuoteSimilarity,
  farSideSimilarity,
  framedQuoteSimilarity,
  intactSide,
  minimumFrameAffix,
  minimumFuzzyScore,
  minimumQuoteSimilarity,
  nearLoneSideQuote,
  onlyCopyQuote,
  shortQuote,
  uniqueQuoteLength,
} from './thresholds.ts';

/**
 * Whether a candidate is evidence enough (docs/anchoring.md, "Scoring and acceptance"; the numbers in thresholds.ts).
 * Every candidate needs a quote at least `minimumQuoteSimilarity` alike and a score of `minimumFuzzyScore`. Beyond
 * that (the key against lookalikes: text that merely reads like the highlight, a planted near-duplicate or a
 * boilerplate sentence repeated, comes with context that is *similar*, while a real edit next to a highlight leaves
 * the other side of its context *intact*):
 * - a verbatim quote: one side of context essentially intact (≥ `intactSide`; both sides, for a quote shorter than
 *   `shortQuote`, which recurs by chance: "whether", "Russia", unless it is near and occurs once in the text, or
 *   in a batch once in the window), or
 *   both sides at least `farSideSimilarity`, or in a batch, near and the only copy in the text, one side at least
 *   `farSideSimilarity` (`soleCopyNearOneSide`).
 * - an approximate quote near an expected position (within `tolerance`): both sides at least `farSideSimilarity`,
 *   or one side intact with a quote at least `nearLoneSideQuote` alike (a typo, not a reworded clause).
 * - an approximate quote far from every expected position (a moved paragraph, or everything shifted by edits
 *   earlier in the text): a quote at least `farQuoteSimilarity` alike and both sides at least `farSideSimilarity`.
 * - a framed candidate (`framed`): its quote at least `framedQuoteSimilarity` alike.
 * - a bare quote (no position, no context stored: a quote-only selector) has nothing but its words to go by: a
 *   candidate at least `bareQuoteSimilarity` alike (verbatim, for a quote shorter than `shortQuote`).
 * - in a batch, a verbatim quote of at least `onlyCopyQuote` characters inside the neighbours' window, that occurs
 *   nowhere else, whatever its context, unless a side of its stored context is still in the text
 *   (`onlyCopyInWindow`).
 * - a verbatim quote of at least `uniqueQuoteLength` characters that occurs nowhere else, whatever its context: a
 *   whole paragraph moved elsewhere keeps no context on either side, and that much text repeated word for word is
 *   deliberate, not chance (with two copies, context must decide as above).
 * In a batch, first: nothing on text another highlight claims (`BatchHints.foreign`); "near" means inside the
 * neighbours' window (`Candidate.near`); and elsewhere only `aloneInWindow` (inside it, far from the estimates) or
 * `arrivedWhole`.
 */
function acceptable(search: Search, c: Candidate): boolean {
  if (isForeign(search, c)) return false;
  if (c.framed) return c.quote >= framedQuoteSimilarity;
  if (search.bare)
    return (
      c.score >= minimumFuzzyScore &&
      c.quote >= bareQuoteSimilarity &&
      (c.verbatim || search.exact.length >= shortQuote)
    );
  if (onlyCopyInWindow(search, c)) return true;
  if (search.window !== undefined && !c.near) return aloneInWindow(search, c) || arrivedWhole(search, c);
  if (c.quote < minimumQuoteSimilarity || c.score < minimumFuzzyScore) {
    return movedParagraph(search, c);
  }
  const oneSide = Math.max(c.prefix, c.suffix) >= intactSide;
  const bothSides = Math.min(c.prefix, c.suffix);
  if (movedParagraph(search, c)) return true;
  if (c.verbatim) {
    // Never less than an approximate quote would need (both sides similar), else one side intact. A short quote
    // recurs by chance, so it needs both sides, unless it is near and occurs nowhere else (in a batch, nowhere else
    // in the window): no other copy for chance to have chosen (a heading, "## Methods", whose section around it
    // was rewritten).
    if (bothSides >= farSideSimilarity) return true;
    if (soleCopyNearOneSide(search, c)) return true;
    return oneSide && (search.exact.length >= shortQuote || (c.near && soleCopy(search)));
  }
  if (c.near) return bothSides >= farSideSimilarity || (oneSide && c.quote >= nearLoneSideQuote);
  return c.quote >= farQuoteSimilarity && bothSides >= farSideSimilarity;
}

/**
 * Batch: a verbatim quote that is not short, the only copy of it in the text, near where the neighbours say, with one
 * side of its context at least `farSideSimilarity` alike though not intact: the sentence around it was edited on
 * both sides (a line reworded before it and a word changed after it), and no other copy of its words exists for
 * chance or a twin to have chosen. The neighbours and the similar side say where; the quote is there word for word.
 * Real revisions: misses d5/d30 119/768 → 118/762, no wrong anchor; with 0.7 alike, 7 more found at d30 but a
 * wrong anchor (a heading moved to another section, its text said destroyed there).
 */
function soleCopyNearOneSide(search: Search, c: Candidate): boolean {
  return (
    search.window !== undefined &&
    c.near &&
    search.verbatimCount === 1 &&
    search.exact.length >= shortQuote &&
    Math.max(c.prefix, c.suffix) >= farSideSimilarity
  );
}

/**
 * Whether the quote occurs verbatim once in the text, or in a batch once inside the neighbours' window (where the
 * text that kept its order says the highlight's text must be; copies outside it are other passages).
 */
function soleCopy(search: Search): boolean {
  return search.verbatimCount === 1 || (search.window !== undefined && search.verbatimInWindow === 1);
}

/**
 * Batch: a verbatim quote at least `onlyCopyQuote` long inside the neighbours' window (near their estimates or not),
 * that occurs nowhere else in the text, is the highlight's whatever became of its context (both sides rewritten: an
 * entry's surroundings reworded, a list reformatted around it): that much text is not repeated where the text that
 * kept its order puts it by chance. Unless a whole side of its stored context (at least `minimumFrameAffix` of it) is still in the text: then
 * the highlight's place is there, its words deleted or edited there, and this copy another passage (a sentence said
 * twice in the original, once deleted). Alone, a stored position says too little for this: a quotation of a deleted
 * sentence a paragraph away is near it.
 */
function onlyCopyInWindow(search: Search, c: Candidate): boolean {
  if (search.window === undefined || !c.verbatim || !c.inWindow || search.verbatimCount !== 1) return false;
  if (search.exact.length < onlyCopyQuote) return false;
  const f = search.folded.text;
  const { prefix, suffix } = search;
  return (
    !(prefix.length >= minimumFrameAffix && f.includes(prefix)) &&
    !(suffix.length >= minimumFrameAffix && f.includes(suffix))
  );
}

/**
 * Batch, inside the neighbours' window but far from their estimates (a wide window: few landmarks, many edits
 * between them, so the estimates say little): the quote verbatim, at least `aloneInWindowQuote` long, with one side
 * of its context intact, where no other copy of it lies in the window. Text that kept its order is there; with no
 * other copy to choose from, this one is the highlight's (a line whose rest was reworded, a screen away from where
 * the shifts of the landmarks around it put it).
 */
function aloneInWindow(search: Search, c: Candidate): boolean {
  return (
    c.inWindow &&
    c.verbatim &&
    search.verbatimInWindow === 1 &&
    search.exact.length >= aloneInWindowQuote &&
    Math.max(c.prefix, c.suffix) >= intactSide
  );
}

/**
 * Batch, outside the neighbours' window: the highlight's text moved away from where the text around it stayed. Only
 * text that arrived there (`Guide.arrived`) can be it, and only word for word: with both sides of its context
 * intact, or as a moved paragraph (the whole paragraph, `movedParagraph`; or a quote of `shortQuote`+ characters
 * with one side intact and the other agreeing up to the paragraph break in it, which the move cut), or as the only
 * copy of the quote in the text, `aloneInWindowQuote`+ characters, with one side intact.
 */
function arrivedWhole(search: Search, c: Candidate): boolean {
  if (!c.verbatim || !arrived(search, c)) return false;
  if (movedParagraph(search, c)) return true;
  if (c.quote < minimumQuoteSimilarity || c.score < minimumFuzzyScore) return false;
  if (Math.min(c.prefix, c.suffix) >= intactSide) return true;
  // The only copy in the text, with one side intact, is the highlight's text wherever it went.
  if (
    search.verbatimCount === 1 &&
    search.exact.length >= aloneInWindowQuote &&
    Math.max(c.prefix, c.suffix) >= intactSide
  )
    return true;
  if (search.exact.length < shortQuote) return false;
  const { raw, rawQuote } = search;
  const start = search.folded.toRaw[c.start]!;
  const end = search.folded.toRaw[c.end - 1]! + 1;
  // The side the move cut agrees up to the paragraph break in it (the break itself included).
  if (c.prefix >= intactSide) {
    const cut = rawQuote.suffix.indexOf('\n');
    return (
      cut !== -1 &&
      (suffixAgreement(rawQuote.suffix, raw, end) > cut ||
        suffixAgreement(rawQuote.suffix, raw, end) === raw.length - end)
    );
  }
  if (c.suffix >= intactSide) {
    const cut = rawQuote.prefix.lastIndexOf('\n');
    return (
      cut !== -1 &&
      (prefixAgreement(rawQuote.prefix, raw, start) >= rawQuote.prefix.length - cut ||
        prefixAgreement(rawQuote.prefix, raw, start) === start)
    );
  }
  return false;
}

/** Whether a candidate lies on text that pass 1 placed as another highlight's, at another shift (batch only). */
export function isForeign(search: Search, c: Candidate): boolean {
  if (search.hints === undefined && search.distinguishing === undefined) return false;
  const start = search.folded.toRaw[c.start]!;
  const end = c.end > c.start ? search.folded.toRaw[c.end - 1]! + 1 : start;
  // A twin: the highlight's stored context was extended to tell it from text like this, and this lacks it.
  if (!holdsDistinguishingContext(search.raw, search.distinguishing, start, end)) return true;
  return search.hints?.foreign(start, end) ?? false;
}

/** Whether the text of a candidate arrived where it is (always, outside a batch): see `BatchHints.room`. */
export function arrived(search: Search, c: Candidate): boolean {
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
  if (
    !(rawQuote.prefix === '' || /\n\s*$/.test(rawQuote.prefix)) ||
    !(rawQuote.suffix === '' || /^\s*\n/.test(rawQuote.suffix))
  )
    return false;
  const start = search.folded.toRaw[c.start]!;
  const end = search.folded.toRaw[c.end - 1]! + 1;
  return (start === 0 || raw[start - 1] === '\n') && (end === raw.length || raw[end] === '\n');
}

/** The best acceptable candidate of a list (or `bestSoFar`): highest score, nearest among equals. */
export function bestOf(
  search: Search,
  candidates: Candidate[],
  bestSoFar: Candidate | undefined,
): Candidate | undefined {
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
export function better(search: Search, a: Candidate, b: Candidate): boolean {
  const aNear = a.near;
  const bNear = b.near;
  if (aNear !== bNear) return aNear;
  // The quote word for word with one side of its context intact beats an edited quote (both near): a sibling entry
  // copied from the highlight's own, with one word changed, has all of its context and would score higher
  // ("middle clicked." for "double clicked.": real revisions). Twins of the very words are told apart by their
  // distinguishing context (distinguishing-context.ts).
  const aWords = a.verbatim && Math.max(a.prefix, a.suffix) >= intactSide;
  const bWords = b.verbatim && Math.max(b.prefix, b.suffix) >= intactSide;
  if (aWords !== bWords && a.verbatim !== b.verbatim) return aWords;
  const length = Math.max(1, search.folded.text.length);
  const aValue = a.score - distancePenalty * (a.distance === Infinity ? 0 : a.distance / length);
  const bValue = b.score - distancePenalty * (b.distance === Infinity ? 0 : b.distance / length);
  return aValue > bValue || (aValue === bValue && a.distance < b.distance);
}
