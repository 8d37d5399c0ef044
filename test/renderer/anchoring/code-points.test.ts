import { describe, expect, it } from 'vitest';

import type { TextPositionSelector } from '../../../common/contract.ts';
import { fromCodePointOffsets, toCodePointOffsets } from '../../../renderer/anchoring/index.ts';
import { defaultArticleText } from './default-article.ts';

const position = (start: number, end: number): TextPositionSelector => ({ type: 'TextPositionSelector', start, end });

/** The span of `quote` in `text` in both units: UTF-16 (what the app stores) and code points (what W3C means). */
function spans(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`test setup: "${quote}" is not in the text`);
  const points = (s: string) => [...s].length;
  const before = text.slice(0, start);
  return {
    utf16: position(start, start + quote.length),
    codePoints: position(points(before), points(before) + points(quote)),
  };
}

describe('UTF-16 ↔ code point offsets (W3C export)', () => {
  it('changes nothing where there are no characters outside the Basic Multilingual Plane', () => {
    const text = defaultArticleText(); // curly quotes and "…" are one code unit each
    const { utf16 } = spans(text, 'the Americans… should have no illusions');
    expect(toCodePointOffsets(text, utf16)).toEqual(utf16);
    expect(fromCodePointOffsets(text, utf16)).toEqual(utf16);
  });

  it('counts an emoji (a surrogate pair) as one code point', () => {
    const text = 'Coffee ☕ and cake 🍰 and tea 🫖 are served.';
    const { utf16, codePoints } = spans(text, 'tea 🫖 are');
    expect(utf16).toEqual(position(25, 35)); // 🍰 before it is 2 code units, 🫖 in it is 2
    expect(codePoints).toEqual(position(24, 33));
    expect(toCodePointOffsets(text, utf16)).toEqual(codePoints);
    expect(fromCodePointOffsets(text, codePoints)).toEqual(utf16);
  });

  it('keeps combining marks as separate code points', () => {
    const text = 'The cafe\u0301 sign and the café sign.';
    const { utf16, codePoints } = spans(text, 'cafe\u0301 sign');
    expect(utf16).toEqual(codePoints); // "e" + U+0301 is two code points, two code units
    expect(codePoints.end - codePoints.start).toBe(10);
    expect(toCodePointOffsets(text, utf16)).toEqual(codePoints);
  });

  it('counts a ZWJ emoji family as its separate code points', () => {
    const text = 'Say 👩‍👩‍👧 hi, then 👍🏽 bye.';
    for (const quote of ['👩‍👩‍👧 hi', 'then 👍🏽 bye', 'bye.']) {
      const { utf16, codePoints } = spans(text, quote);
      expect(toCodePointOffsets(text, utf16)).toEqual(codePoints);
      expect(fromCodePointOffsets(text, codePoints)).toEqual(utf16);
    }
    expect(toCodePointOffsets(text, spans(text, 'hi').utf16)).toEqual(position(10, 12)); // 👩‍👩‍👧 = 5 code points
  });

  it('round-trips every boundary of a mixed text', () => {
    const text = 'a😀b\u0301c🎉\n\n🇫🇷 d';
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const splits = (i: number) =>
          i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!);
        if (splits(start) || splits(end)) continue;
        const utf16 = position(start, end);
        const codePoints = toCodePointOffsets(text, utf16);
        expect(codePoints).toEqual(position([...text.slice(0, start)].length, [...text.slice(0, end)].length));
        expect(fromCodePointOffsets(text, codePoints)).toEqual(utf16);
      }
    }
  });

  it('refuses offsets inside a surrogate pair or past the end, instead of guessing', () => {
    const text = 'x😀y';
    expect(() => toCodePointOffsets(text, position(0, 2))).toThrow(/surrogate pair/);
    expect(() => toCodePointOffsets(text, position(0, 9))).toThrow(RangeError);
    expect(() => fromCodePointOffsets(text, position(0, 4))).toThrow(/past the end/);
    expect(fromCodePointOffsets(text, position(1, 3))).toEqual(position(1, 4));
  });
});
