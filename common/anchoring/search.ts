import type { TextQuoteSelector } from '../model.ts';
import { occursAt } from './anchor-certain.ts';
import type { DistinguishingContext } from './distinguishing-context.ts';
import type { Folded } from './fold.ts';
import { contextSimilarity, weigh } from './score.ts';
import type { TextContext } from './text-context.ts';
import { narrowWindow, windowSlack } from './thresholds.ts';

/** What a batch knows about a highlight's neighbourhood (raw offsets): see `Guide`. */
export interface BatchHints {
  /** Where its text must start now if text kept its order. */
  window: readonly [number, number];
  /** Whether [start, end) of the text now lies in paragraphs that arrived there (`Guide.arrived`). */
  arrived(start: number, end: number): boolean;
  /** Whether [start, end) of the text now is known to be other text than the highlight's (`Claims`). */
  foreign(start: number, end: number): boolean;
}

/** A candidate of stage 3, in folded-text offsets, with its evidence. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the folded quote and the folded text [start, end). */
  errors: number;
  verbatim: boolean;
  /** Found between its intact stored prefix and suffix (see `framed`). */
  framed?: boolean;
  quote: number;
  prefix: number;
  suffix: number;
  /** Distance from the nearest expected position (Infinity when none is known). */
  distance: number;
  /**
   * Within `tolerance` of an expected position; in a batch, inside the neighbours' window and either so or anywhere
   * in a window at most `narrowWindow` wide.
   */
  near: boolean;
  /** Batch only: inside the neighbours' window (give or take `windowSlack`), near or not. */
  inWindow: boolean;
  score: number;
}

/** The folded quote, its folded context and everything stage 3 needs about one highlight. */
export interface Search {
  /** The text and the stored quote selector, unfolded. */
  raw: string;
  rawQuote: TextQuoteSelector;
  /** What is computed once per text (the folded view, its trigrams); `folded` is its folded view. */
  context: TextContext;
  folded: Folded;
  exact: string;
  prefix: string;
  suffix: string;
  /** Expected positions, in folded offsets: the stored position first (when there is one), then estimates. */
  expected: number[];
  /** Batch only: where the neighbours say the highlight's text must start now, in folded offsets. */
  window: [number, number] | undefined;
  hints: BatchHints | undefined;
  /** The extended sides of the stored context: a candidate without them is a twin (distinguishing-context.ts). */
  distinguishing: DistinguishingContext | undefined;
  /** The stored position, in folded offsets. */
  stored: number | undefined;
  /** How far from an expected position a candidate still counts as near. */
  tolerance: number;
  /** How many times the folded quote occurs verbatim in the folded text. */
  verbatimCount: number;
  /** Batch only: how many of those start inside the neighbours' window. */
  verbatimInWindow: number;
  /** No stored position and no context: only the quote's words to go by. */
  bare: boolean;
}

/** Whether both folded affixes are intact around a folded occurrence at `at` (an empty one at the text's edge). */
export function fullContext(search: Search, at: number): boolean {
  const { folded, exact, prefix, suffix } = search;
  const f = folded.text;
  const end = at + exact.length;
  const prefixOk = prefix.length > 0 ? occursAt(f, prefix, at - prefix.length) : at === 0;
  const suffixOk = suffix.length > 0 ? occursAt(f, suffix, end) : end === f.length;
  return prefixOk && suffixOk;
}

/** A candidate's evidence (folded offsets). */
export function evaluate(search: Search, start: number, end: number, errors: number, verbatim: boolean): Candidate {
  const f = search.folded.text;
  const quote = 1 - errors / search.exact.length;
  const prefix = contextSimilarity(search.prefix, f, start, 'prefix');
  const suffix = contextSimilarity(search.suffix, f, end, 'suffix');
  let distance = Infinity;
  for (const e of search.expected) distance = Math.min(distance, Math.abs(start - e));
  // The score's position term counts from the stored position alone, so the batch scores a candidate as anchorText does.
  const stored = search.stored;
  const position = stored === undefined || f.length === 0 ? 1 : Math.max(0, 1 - Math.abs(start - stored) / f.length);
  // An approximate search finds verbatim occurrences too: they are judged as verbatim, whichever search found them.
  const window = search.window;
  const inWindow = window !== undefined && start >= window[0] - windowSlack && start <= window[1] + windowSlack;
  // Inside a narrow window the neighbours pin the place down better than any one estimate.
  const near =
    window === undefined
      ? distance <= search.tolerance
      : inWindow && (distance <= search.tolerance || window[1] - window[0] <= narrowWindow);
  return {
    start,
    end,
    errors,
    verbatim: verbatim || errors === 0,
    quote,
    prefix,
    suffix,
    distance,
    near,
    inWindow,
    score: weigh(quote, prefix, suffix, position),
  };
}
