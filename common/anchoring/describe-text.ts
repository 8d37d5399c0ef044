import { type Selector } from '../model.ts';
import { distinguishingLengths } from './distinguishing-context.ts';
import { splitsSurrogatePair } from './surrogates.ts';

/**
 * Selectors for text[start, end): a quote with 32 characters of prefix and suffix, or more on one side where that is
 * what tells it from another occurrence of the same words with the same context (distinguishing-context.ts), and
 * the position.
 */
export function describeText(text: string, start: number, end: number): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot describe [${start}, ${end}) in a text of length ${text.length}`);
  }
  const lengths = distinguishingLengths(text, start, end);
  let prefixStart = Math.max(0, start - lengths.prefix);
  // Never cut a surrogate pair in half: a lone half is not text (and not valid UTF-8 on export).
  if (splitsSurrogatePair(text, prefixStart)) {
    prefixStart++;
  }
  let suffixEnd = Math.min(text.length, end + lengths.suffix);
  if (splitsSurrogatePair(text, suffixEnd)) {
    suffixEnd--;
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
