import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { keptInOrder } from '../../common/anchoring/kept-in-order.ts';

/** The longest common subsequence by the textbook table: what the bit-parallel count must always give. */
function lcsByTable(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(a[i] === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
  }
  return previous[b.length]!;
}

/** Strings of a small alphabet (so characters recur), with an accent and a two-unit emoji. */
const word = (maxLength: number) =>
  fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), { minLength: 0, maxLength }).map((parts) => parts.join(''));

describe('keptInOrder: how many of a quote’s characters a stretch of text still holds in order', () => {
  it('keeps every character of a quote with text inserted into it or next to it', () => {
    const quote = 'the grain export deal';
    const text = '>> the grain (wheat and barley) export deal, signed <<';
    expect(keptInOrder(quote, text, 3, text.length - 3)).toBe(quote.length);
  });

  it('drops the characters a rewrite replaced', () => {
    // "url" rewritten as "href": u, r, l gone, r kept.
    expect(keptInOrder('for url in', 'for href in', 0, 11)).toBe(8);
  });

  it('counts only the text between start and end', () => {
    expect(keptInOrder('abc', 'abcxxx', 3, 6)).toBe(0);
    expect(keptInOrder('abc', 'xabcx', 1, 4)).toBe(3);
  });

  it('is the longest common subsequence, for quotes of any length (several 32-bit words)', () => {
    fc.assert(
      fc.property(word(120), word(160), (quote, text) => {
        expect(keptInOrder(quote, `z${text}z`, 1, 1 + text.length)).toBe(lcsByTable(quote, text));
      }),
      { numRuns: 400 },
    );
  });
});
