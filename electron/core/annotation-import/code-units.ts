/**
 * The UTF-16 offset (what the app stores) of each code point offset (what the W3C model counts) into `text`, in the
 * order given; undefined for one past the text's end. One pass over the text up to the largest offset, however many
 * there are: 100,000 highlights of one article walk it once. The inverse of export/code-points.ts.
 */
export function utf16Offsets(text: string, codePointOffsets: readonly number[]): (number | undefined)[] {
  const order = codePointOffsets.map((_, index) => index).sort((a, b) => codePointOffsets[a]! - codePointOffsets[b]!);
  const result = new Array<number | undefined>(codePointOffsets.length);
  let unit = 0;
  let codePoints = 0;
  for (const index of order) {
    const target = codePointOffsets[index]!;
    while (codePoints < target && unit < text.length) {
      unit += isPairAt(text, unit) ? 2 : 1;
      codePoints += 1;
    }
    result[index] = codePoints === target ? unit : undefined;
  }
  return result;
}

function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
