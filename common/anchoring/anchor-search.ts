import type { TextPositionSelector, TextQuoteSelector } from '../model.ts';
import { arrived, bestOf, better, isForeign } from './acceptance.ts';
import { type AnchorResult, exactStatus, movedStatus, orphan } from './anchor-result.ts';
import { framed, fuzzyCandidates } from './candidates.ts';
import type { DistinguishingContext } from './distinguishing-context.ts';
import { foldString } from './fold.ts';
import { type BatchHints, type Candidate, evaluate, fullContext, type Search } from './search.ts';
import type { TextContext } from './text-context.ts';
import { nearDistance, nearQuoteLengths } from './thresholds.ts';

/**
 * Stage 3, on the folded text (docs/anchoring.md, "One highlight: the stages"): 3a verbatim with all of its folded
 * context, 3b the frame, 3c the candidates, judged by `acceptable` and ranked by `better`. `quote` holds the near
 * context; a candidate lacking the extended sides of the stored context (`distinguishing`) is a twin, never taken.
 */
export function anchorSearch(
  context: TextContext,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  expectedRaw: readonly number[],
  hints?: BatchHints,
  distinguishing?: DistinguishingContext,
): AnchorResult {
  const text = context.text;
  const folded = context.folded;
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
    context,
    folded,
    exact,
    prefix,
    suffix,
    expected: expectedRaw.map((p) => folded.fromRaw[Math.max(0, Math.min(text.length, p))]!),
    window: hints && [
      folded.fromRaw[Math.max(0, Math.min(text.length, hints.window[0]))]!,
      folded.fromRaw[Math.max(0, Math.min(text.length, hints.window[1]))]!,
    ],
    hints,
    distinguishing,
    stored: position === undefined ? undefined : folded.fromRaw[Math.max(0, Math.min(text.length, position.start))]!,
    tolerance: Math.max(nearDistance, nearQuoteLengths * m),
    verbatimCount: 0,
    verbatimInWindow: 0,
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
    if (
      fullContext(search, at) &&
      !isForeign(search, c) &&
      (search.window === undefined || c.near || arrived(search, c))
    ) {
      if (!whole || better(search, c, whole)) whole = c;
    } else {
      verbatim.push(c);
    }
  }
  if (whole) return placement(text, quote, position, search, whole);
  search.verbatimCount = verbatim.length;
  search.verbatimInWindow = verbatim.filter((c) => c.inWindow).length;

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

/** The result for a chosen candidate, in offsets of the original text. */
function placement(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  search: Search,
  c: Candidate,
): AnchorResult {
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
  if (text.slice(start, end) === quote.exact)
    return { start, end, status: start === position?.start ? exactStatus : movedStatus };
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
