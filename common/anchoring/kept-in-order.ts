/**
 * How many of a quote's characters a stretch of text still holds in their order: the length of the longest common
 * subsequence of the two. Text inserted into the quote or next to it keeps every one of them; a rewrite drops the
 * characters it replaced. The edit distance cannot tell these apart (it counts an inserted character as an error
 * just as it counts a replaced one), and the frame needs to (`framedKeptShare`).
 *
 * Bit-parallel (Allison and Dix 1986, in the form of Hyyrö 2004): one bit per quote character, a column per text
 * character, so a frame costs O(text length × quote length / 32) word operations. Pure, UTF-16 code units.
 */

const wordBits = 32;

/** The longest common subsequence of `quote` and text[start, end), in UTF-16 code units. */
export function keptInOrder(quote: string, text: string, start: number, end: number): number {
  const m = quote.length;
  if (m === 0 || end <= start) return 0;
  const words = Math.ceil(m / wordBits);
  // Per character of the quote, a bit at every position where it occurs.
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    const code = quote.charCodeAt(i);
    let mask = masks.get(code);
    if (mask === undefined) masks.set(code, (mask = new Uint32Array(words)));
    mask[(i / wordBits) | 0]! |= 1 << (i % wordBits);
  }
  // V's zero bits count the characters matched so far; V' = (V + (V & M)) | (V & ~M), the sum carried across words.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = start; j < end; j++) {
    const mask = masks.get(text.charCodeAt(j));
    if (mask === undefined) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]!;
      const u = (vw & mask[w]!) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum | (vw & ~mask[w]!)) >>> 0;
    }
  }
  let kept = 0;
  for (let i = 0; i < m; i++) if ((v[(i / wordBits) | 0]! & (1 << (i % wordBits))) === 0) kept++;
  return kept;
}
