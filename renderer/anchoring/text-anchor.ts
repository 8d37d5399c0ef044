import type { Selector } from '../../electron/ipc/contract.ts';

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

/** Below this fuzzy score a highlight is an orphan rather than risk landing on the wrong text. */
export const minimumFuzzyScore = 0.75;

/** Selectors for text[start, end): a quote with up to 32 characters of prefix/suffix, and the position. */
export function describeText(_text: string, _start: number, _end: number): Selector[] {
  throw new Error('not implemented');
}

/** Finds where the selectors now point in `text`: stored position, then exact quote, then fuzzy quote; else orphan. */
export function anchorText(_text: string, _selectors: readonly Selector[]): AnchorResult {
  throw new Error('not implemented');
}
