import { describe, expect, it } from 'vitest';

import { BitPattern, reversed, scan } from '../../../common/anchoring/bit-parallel.ts';
import { approximateEnds, approximateEndsFiltered } from '../../../common/anchoring/match-quote.ts';

/** The textbook dynamic programme: D[m][j] for every column j of text[from, to), read forwards. */
function naiveLastRow(pattern: string, text: string, anchored: boolean): number[] {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out = [previous[pattern.length]!];
  for (const ch of text.split('')) {
    const current = [anchored ? previous[0]! + 1 : 0];
    for (let i = 1; i <= pattern.length; i++) {
      current[i] = Math.min(previous[i - 1]! + (pattern[i - 1] === ch ? 0 : 1), previous[i]! + 1, current[i - 1]! + 1);
    }
    previous = current;
    out.push(current[pattern.length]!);
  }
  return out;
}

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('bit-parallel matching', () => {
  // Small alphabets make many near matches (every block and the cut-off get exercised); patterns up to 110
  // characters span four 32-bit blocks.
  for (const alphabet of ['ab', 'abcd', 'abcdefghijklmnopqrstuvwxyz']) {
    it(`agrees with the textbook edit distance on random ${alphabet.length}-letter texts`, () => {
      const random = seeded(alphabet.length);
      const word = (n: number) =>
        Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (let round = 0; round < 400; round++) {
        const pattern = word(1 + Math.floor(random() * 110));
        const text = word(Math.floor(random() * 200));
        const maxErrors = Math.floor(random() * (pattern.length + 3));
        const anchored = random() < 0.4;

        const forward = new Map<number, number>();
        scan(new BitPattern(pattern), text, { from: 0, to: text.length, maxErrors, anchored }, (end, e) =>
          forward.set(end, e),
        );
        const expected = naiveLastRow(pattern, text, anchored);
        const expectedHits = new Map(expected.flatMap((e, j) => (e <= maxErrors ? [[j, e] as const] : [])));
        expect(forward).toEqual(expectedHits);

        const backward = new Map<number, number>();
        const back = new BitPattern(reversed(pattern));
        scan(back, text, { from: text.length, to: 0, backward: true, maxErrors, anchored }, (start, e) =>
          backward.set(start, e),
        );
        const expectedBack = naiveLastRow(reversed(pattern), reversed(text), anchored);
        const expectedBackHits = new Map(
          expectedBack.flatMap((e, j) => (e <= maxErrors ? [[text.length - j, e] as const] : [])),
        );
        expect(backward).toEqual(expectedBackHits);
      }
    });
  }

  it('treats characters outside ASCII (curly quotes, surrogate halves) like any other', () => {
    const hits: Array<[number, number]> = [];
    scan(new BitPattern('“it’s 😀”'), 'say "it\'s 😀" now', { from: 0, to: 17, maxErrors: 3 }, (end, e) =>
      hits.push([end, e]),
    );
    expect(Math.min(...hits.map(([, e]) => e))).toBe(3);
  });
});

describe('filtered approximate search', () => {
  it('finds the same best matches as scanning everything', () => {
    const random = seeded(99);
    const words = 'talks meeting Geneva Russia troops border security allies the of and to in a said NATO'.split(' ');
    const text = Array.from({ length: 20_000 }, () => words[Math.floor(random() * words.length)]).join(' ');
    for (let round = 0; round < 60; round++) {
      const start = Math.floor(random() * (text.length - 400));
      const length = 60 + Math.floor(random() * 300);
      let quote = text.slice(start, start + length);
      const edits = Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * quote.length);
        quote = quote.slice(0, at) + 'XYZ'[e % 3] + quote.slice(at + (random() < 0.5 ? 1 : 0));
      }
      const maxErrors = Math.floor(random() * 6);
      const pattern = new BitPattern(quote);
      const best = (found: Array<{ ends: number[]; errors: number }>) => {
        const fewest = Math.min(...found.map((f) => f.errors));
        return {
          fewest,
          ends: found
            .filter((f) => f.errors === fewest)
            .flatMap((f) => f.ends)
            .sort((a, b) => a - b),
        };
      };
      expect(best(approximateEndsFiltered(quote, pattern, text, maxErrors))).toEqual(
        best(approximateEnds(pattern, text, maxErrors)),
      );
    }
  });

  it('finds exactly the matches a full scan finds when the pieces are too short and the trigram count filters', () => {
    // maxErrors at a fifth of the quote (what anchoring allows): pieces of ~4 characters, so the trigram filter runs.
    const random = seeded(7);
    const words = 'talks meeting Geneva Russia troops border security allies the of and to in a said NATO'.split(' ');
    const text = Array.from({ length: 20_000 }, () => words[Math.floor(random() * words.length)]).join(' ');
    for (let round = 0; round < 40; round++) {
      const start = Math.floor(random() * (text.length - 400));
      const length = 20 + Math.floor(random() * 300);
      let quote = text.slice(start, start + length);
      for (let e = Math.floor(random() * (length / 6)); e > 0; e--) {
        const at = Math.floor(random() * quote.length);
        quote = quote.slice(0, at) + 'XYZ'[e % 3] + quote.slice(at + (random() < 0.5 ? 1 : 0));
      }
      const maxErrors = Math.floor(quote.length / 5);
      const pattern = new BitPattern(quote);
      expect(approximateEndsFiltered(quote, pattern, text, maxErrors)).toEqual(
        approximateEnds(pattern, text, maxErrors),
      );
    }
  });
});
