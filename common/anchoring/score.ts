import type { TextQuoteSelector } from '../model.ts';
import { affixSimilarity, type QuoteMatch } from './match-quote.ts';

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

/** The weighted evidence that `match` is where the highlight went, 0..1 (see `minimumFuzzyScore`). */
export function scoreMatch(text: string, quote: TextQuoteSelector, match: QuoteMatch, hint: number | undefined): number {
  const quoteSimilarity = 1 - match.errors / quote.exact.length;
  const prefix = contextSimilarity(quote.prefix, text, match.start, 'prefix');
  const suffix = contextSimilarity(quote.suffix, text, match.end, 'suffix');
  const position = hint === undefined || text.length === 0 ? 1 : Math.max(0, 1 - Math.abs(match.start - hint) / text.length);
  return weigh(quoteSimilarity, prefix, suffix, position);
}

/** The score of a candidate from its similarities, each 0..1 (see `minimumFuzzyScore`). */
export function weigh(quote: number, prefix: number, suffix: number, position: number): number {
  const w = scoreWeights;
  return (w.quote * quote + w.prefix * prefix + w.suffix * suffix + w.position * position) / (w.quote + w.prefix + w.suffix + w.position);
}

/**
 * Context similarity on one side. An empty stored affix means the quote touched that end of the text: a candidate
 * that does too agrees fully; elsewhere it gets 0.5, "no evidence either way" (text may have been added there),
 * rather than the 1 that would let a lookalike borrow a free side of context.
 */
export function contextSimilarity(affix: string, text: string, at: number, side: 'prefix' | 'suffix'): number {
  if (affix.length > 0) return affixSimilarity(affix, text, at, side);
  const atEdge = side === 'prefix' ? at === 0 : at === text.length;
  return atEdge ? 1 : 0.5;
}
