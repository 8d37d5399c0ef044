import { limits, type Selector } from '../model.ts';
import { splitsSurrogatePair } from './surrogates.ts';

/** Selectors for text[start, end): a quote with up to 32 characters of prefix/suffix, and the position. */
export function describeText(text: string, start: number, end: number): Selector[] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot describe [${start}, ${end}) in a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - limits.affixLength);
  // Never cut a surrogate pair in half: a lone half is not text (and not valid UTF-8 on export).
  if (splitsSurrogatePair(text, prefixStart)) {
    prefixStart++;
  }
  let suffixEnd = Math.min(text.length, end + limits.affixLength);
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
