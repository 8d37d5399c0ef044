import type { TextPositionSelector } from '../model.ts';
import { isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from './surrogates.ts';

/**
 * The W3C export boundary for positions. Inside the app, TextPositionSelector offsets count UTF-16 code units
 * (what JavaScript strings and the DOM count); the Web Annotation model counts Unicode code points. These convert
 * one to the other for a given text. Pure (no DOM).
 *
 * Only surrogate pairs differ: an emoji such as "😀" is two code units but one code point. Combining marks
 * ("e" + U+0301) and ZWJ sequences stay several code points, exactly as the W3C model counts them (it does not
 * count graphemes). A lone surrogate counts as one code point, as `for…of` iterates it.
 */

/** A TextPositionSelector in UTF-16 code units, converted to Unicode code points of `text`. */
export function toCodePointOffsets(text: string, selector: TextPositionSelector): TextPositionSelector {
  const [start, end] = [selector.start, selector.end].map((offset) => codeUnitsToCodePoints(text, offset)) as [
    number,
    number,
  ];
  return { type: 'TextPositionSelector', start, end };
}

/** A TextPositionSelector in Unicode code points of `text`, converted to UTF-16 code units. */
export function fromCodePointOffsets(text: string, selector: TextPositionSelector): TextPositionSelector {
  const [start, end] = [selector.start, selector.end].map((offset) => codePointsToCodeUnits(text, offset)) as [
    number,
    number,
  ];
  return { type: 'TextPositionSelector', start, end };
}

/** How many code points text[0, units) holds; refuses an offset outside the text or inside a surrogate pair. */
function codeUnitsToCodePoints(text: string, units: number): number {
  if (!Number.isInteger(units) || units < 0 || units > text.length) {
    throw new RangeError(`offset ${units} is outside a text of ${text.length} UTF-16 code units`);
  }
  if (splitsSurrogatePair(text, units)) {
    throw new RangeError(`offset ${units} falls inside a surrogate pair (the middle of one character)`);
  }
  let points = units;
  for (let i = 1; i < units; i++)
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) points--;
  return points;
}

/** The UTF-16 offset of the code point boundary `points` in text; refuses one past the text's end. */
function codePointsToCodeUnits(text: string, points: number): number {
  if (!Number.isInteger(points) || points < 0)
    throw new RangeError(`code point offset ${points} is not a whole number ≥ 0`);
  let units = 0;
  for (let seen = 0; seen < points; seen++) {
    if (units >= text.length)
      throw new RangeError(`code point offset ${points} is past the end of the text (${seen} code points)`);
    units += isHighSurrogate(text.charCodeAt(units)) && isLowSurrogate(text.charCodeAt(units + 1)) ? 2 : 1;
  }
  return units;
}
