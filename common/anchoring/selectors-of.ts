import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model.ts';

/** The quote and position selectors of a list (the first of each), without allocating closures. */
export function selectorsOf(selectors: readonly Selector[]): { quote: TextQuoteSelector | undefined; position: TextPositionSelector | undefined } {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') quote ??= selector;
    else if (selector.type === 'TextPositionSelector') position ??= selector;
  }
  return { quote, position };
}
