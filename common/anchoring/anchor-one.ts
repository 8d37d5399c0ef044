import { findQuoteSelector, positionSelectorOf, type Selector } from '../model.ts';
import { anchorCertain } from './anchor-certain.ts';
import { type AnchorResult, orphan } from './anchor-result.ts';
import { anchorSearch } from './anchor-search.ts';
import { splitContext } from './distinguishing-context.ts';
import { TextContext } from './text-context.ts';

/**
 * Finds where the selectors now point in `text` (docs/anchoring.md: the stages); else orphan. `context`: what is
 * computed once per text, made by the caller and passed to every call on the same text (else one per call).
 */
export function anchorText(
  text: string,
  selectors: readonly Selector[],
  context = new TextContext(text),
): AnchorResult {
  if (context.text !== text) throw new RangeError('anchorText: the context was made for another text');
  const stored = findQuoteSelector(selectors);
  if (!stored || stored.exact.length === 0) return orphan;
  const { near: quote, distinguishing } = splitContext(stored);
  const position = positionSelectorOf(selectors);
  const expected = position === undefined ? [] : [position.start];
  return (
    anchorCertain(text, quote, position, distinguishing)?.result ??
    anchorSearch(context, quote, position, expected, undefined, distinguishing)
  );
}
