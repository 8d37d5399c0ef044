import { affixSimilarity } from './match-quote.ts';
import { absentAffixSimilarity, scoreWeights } from './thresholds.ts';

/** The score of a candidate from its similarities, each 0..1 (see `minimumFuzzyScore`). */
export function weigh(quote: number, prefix: number, suffix: number, position: number): number {
  const w = scoreWeights;
  return (
    (w.quote * quote + w.prefix * prefix + w.suffix * suffix + w.position * position) /
    (w.quote + w.prefix + w.suffix + w.position)
  );
}

/**
 * Context similarity on one side. An empty stored affix means the quote touched that end of the text: a candidate
 * that does too agrees fully; elsewhere it gets `absentAffixSimilarity`.
 */
export function contextSimilarity(affix: string, text: string, at: number, side: 'prefix' | 'suffix'): number {
  if (affix.length > 0) return affixSimilarity(affix, text, at, side);
  const atEdge = side === 'prefix' ? at === 0 : at === text.length;
  return atEdge ? 1 : absentAffixSimilarity;
}
