import type { Selector } from '../model.ts';
import { anchorCertain } from './anchor-certain.ts';
import { type AnchorResult, orphan } from './anchor-result.ts';
import { anchorSearch } from './anchor-search.ts';
import { selectorsOf } from './selectors-of.ts';

/** Finds where the selectors now point in `text` (see the module comment for the stages); else orphan. */
export function anchorText(text: string, selectors: readonly Selector[]): AnchorResult {
  const { quote, position } = selectorsOf(selectors);
  if (!quote || quote.exact.length === 0) return orphan;
  const expected = position === undefined ? [] : [position.start];
  return anchorCertain(text, quote, position)?.result ?? anchorSearch(text, quote, position, expected);
}
