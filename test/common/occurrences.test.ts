import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { occurrencesOf } from '../../common/anchoring/occurrences.ts';

/** What the engine did before, and what `occurrencesOf` must always give. */
function indexOfLoop(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Characters of a small alphabet, so that quotes recur and overlap, with accents, CJK and emoji (two code units). */
const letter = fc.constantFrom('a', 'b', 'a', 'b', ' ', 'é', '中', '😀', '\n', 'ab', 'ba');
const words = fc.array(letter, { minLength: 0, maxLength: 300 }).map((parts) => parts.join(''));
/** A short run of letters repeated, between other letters: long quotes recur there, many times and overlapping. */
const repeats = fc
  .tuple(words, fc.array(letter, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2, max: 80 }), words)
  .map(([before, unit, times, after]) => before.slice(0, 50) + unit.join('').repeat(times) + after.slice(0, 50));
const text = fc.oneof(words, repeats);

/** A quote of any length from 1: mostly a piece of the text, sometimes one it may not hold. */
function quoteOf(text: string): fc.Arbitrary<string> {
  const other = fc.oneof(
    fc.array(letter, { minLength: 1, maxLength: 20 }).map((parts) => parts.join('')),
    fc.constantFrom('q', 'zz', 'abq', 'ababababababq'),
  );
  if (text.length === 0) return other;
  const pieceOf = (maxLength: number): fc.Arbitrary<string> =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: maxLength }))
      .map(([start, length]) => text.slice(start, start + length));
  return fc.oneof(pieceOf(40), pieceOf(3), other);
}

describe('occurrencesOf', () => {
  it('gives every start of the quote, rising, overlapping copies included, as the indexOf loop does', () => {
    fc.assert(
      fc.property(
        text.chain((text) => fc.tuple(fc.constant(text), fc.array(quoteOf(text), { minLength: 1, maxLength: 30 }))),
        ([text, quotes]) => {
          // Many searches of the same text in a row: past the first few, they go through its index.
          for (const quote of quotes) expect(occurrencesOf(text, quote)).toEqual(indexOfLoop(text, quote));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same on a long text of a repeated two-letter word, searched many times', () => {
    const text = 'ab'.repeat(5000) + 'abc' + 'ba'.repeat(3000) + '😀ab😀';
    const quotes = ['ab', 'aba', 'abab', 'ababababababab', 'bababababababa', 'abc', 'ababcba', 'b😀ab😀', '😀', 'x'];
    for (let round = 0; round < 3; round++) {
      for (const quote of quotes) expect(occurrencesOf(text, quote)).toEqual(indexOfLoop(text, quote));
    }
  });

  it('finds a quote at the very start and the very end of the text', () => {
    const text = 'the start of it, then the middle of it, then the end of it';
    for (let round = 0; round < 5; round++) {
      expect(occurrencesOf(text, 'the start of it')).toEqual([0]);
      expect(occurrencesOf(text, 'then the end of it')).toEqual([text.length - 'then the end of it'.length]);
      expect(occurrencesOf(text, 'of it')).toEqual(indexOfLoop(text, 'of it'));
      expect(occurrencesOf(text, text)).toEqual([0]);
      expect(occurrencesOf(text, text + '.')).toEqual([]);
    }
  });

  it('answers a text searched only once', () => {
    const text = `${'a quote, then another quote; '.repeat(20)}${Math.random()}`;
    expect(occurrencesOf(text, 'another quote')).toEqual(indexOfLoop(text, 'another quote'));
  });

  it('answers for each text when searches switch between two texts, indexed or not', () => {
    const first = 'one two one two three one two '.repeat(30);
    const second = 'two one two one three two one '.repeat(30);
    const quotes = ['one two', 'two one', 'three two one', 'one two three', 'one two one two three one two one'];
    // Alternating: neither text is searched three times in a row.
    for (const quote of quotes) {
      expect(occurrencesOf(first, quote)).toEqual(indexOfLoop(first, quote));
      expect(occurrencesOf(second, quote)).toEqual(indexOfLoop(second, quote));
    }
    // In runs: each is indexed in turn, and the other's index never answers for it.
    for (const [text, other] of [
      [first, second],
      [second, first],
      [first, second],
    ] as const) {
      for (const quote of quotes) expect(occurrencesOf(text, quote)).toEqual(indexOfLoop(text, quote));
      expect(occurrencesOf(other, quotes[0]!)).toEqual(indexOfLoop(other, quotes[0]!));
      for (const quote of quotes) expect(occurrencesOf(text, quote)).toEqual(indexOfLoop(text, quote));
    }
  });

  it('answers for a text equal to the one indexed but another string', () => {
    const text = 'same words, same words, other words. '.repeat(10);
    for (let round = 0; round < 4; round++) occurrencesOf(text, 'same words');
    const copy = [...text].join('');
    expect(occurrencesOf(copy, 'same words, other')).toEqual(indexOfLoop(text, 'same words, other'));
  });

  it('answers for texts shorter than the code units it hashes', () => {
    for (const text of ['', 'a', 'ab', 'abc', '😀', 'aaaa']) {
      for (let round = 0; round < 4; round++) {
        for (const quote of ['a', 'aa', 'abc', 'aaaa', '😀', 'aaaaaaaaaaaaaaa']) {
          expect(occurrencesOf(text, quote)).toEqual(indexOfLoop(text, quote));
        }
      }
    }
  });

  it('refuses the empty quote, on which the indexOf loop never ends', () => {
    expect(() => occurrencesOf('some text', '')).toThrow(RangeError);
  });
});
