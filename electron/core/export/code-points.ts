/**
 * Converting text offsets from UTF-16 code units (what JavaScript strings and the app's selectors count) to Unicode
 * code points (what the W3C Web Annotation model counts, and what other tools in other languages count). The two
 * differ by one for every character beyond U+FFFF before the offset: emoji, many CJK ideographs, historic scripts.
 */

/**
 * The code point offset of each UTF-16 offset into `text`, in the order given. One pass over the text up to the
 * largest offset, whatever their number: an article with 100,000 highlights is walked once, not 100,000 times. An
 * offset inside a surrogate pair counts as the end of that pair; callers pass only offsets between characters
 * (`splitsSurrogatePair` tells them apart).
 */
export function codePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const order = utf16Offsets.map((_, index) => index).sort((a, b) => utf16Offsets[a]! - utf16Offsets[b]!);
  const result = new Array<number>(utf16Offsets.length);
  let unit = 0;
  let codePoints = 0;
  for (const index of order) {
    const target = utf16Offsets[index]!;
    while (unit < target) {
      unit += isPairAt(text, unit) ? 2 : 1;
      codePoints += 1;
    }
    result[index] = codePoints;
  }
  return result;
}

/** Whether a UTF-16 offset lies between the two halves of a surrogate pair: no character starts or ends there. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isPairAt(text, offset - 1);
}

function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
