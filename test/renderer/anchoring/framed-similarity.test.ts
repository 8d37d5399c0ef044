/**
 * The frame (docs/anchoring.md, 3b): both sides of the stored context intact around the highlight's place, its
 * words between them edited. What lies between is the highlight only while enough of it is the quote's: a sentence
 * rewritten in place, barely half of its characters left, is new text (real revisions: API reference entries whose
 * line was rewritten between an unchanged heading and an unchanged next line).
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, anchorText, describeText } from '../../../renderer/anchoring/index.ts';
import { domPath } from './dom-path.ts';

/** Filler text of `length` characters, every sentence of it different (numbered). */
const filler = (length: number): string =>
  Array.from({ length: Math.ceil(length / 40) }, (_, i) => `Line ${1000 + i} of the filler says nothing.`)
    .join(' ')
    .slice(0, length);

const quote = 'the grain export deal would be signed by the court';
const text = `${filler(2_000)}\n\nThe council said ${quote} before Brussels voted on it.\n\n${filler(2_000)}`;
const at = text.indexOf(quote);
const highlight = describeText(text, at, at + quote.length);

/** The quote with its last `n` characters written over by digits (none of which it holds): n errors. */
const rewritten = (n: number): string => quote.slice(0, quote.length - n) + '0123456789'.repeat(10).slice(0, n);
/** The quote with `n` characters deleted from its middle: n errors, and nothing written that it did not hold. */
const shortened = (n: number): string => quote.slice(0, 10) + quote.slice(10 + n);

describe('a frame whose text is barely the quote any more', () => {
  it('is placed while well over half of it is left', () => {
    // 20 of 50 characters deleted: 60 % alike, every character left is the quote's.
    const edited = text.replace(quote, shortened(20));
    expect(anchorText(edited, highlight)).toMatchObject({
      start: at,
      end: at + quote.length - 20,
      status: { kind: 'fuzzy' },
    });
  });

  it('is not with barely half of it left', () => {
    // 24 of 50 characters deleted: 52 % alike.
    const edited = text.replace(quote, shortened(24));
    expect(anchorText(edited, highlight).status.kind).toBe('orphan');
  });
});

describe('a frame whose text was rewritten (framedKeptShare)', () => {
  it('is not the highlight once a fifth of its characters or more were written over', () => {
    // 20 of 50 characters replaced: 60 % alike as the deletion above, but only 30 of its characters are left.
    const edited = text.replace(quote, rewritten(20));
    expect(anchorText(edited, highlight).status.kind).toBe('orphan');
    expect(anchorAllText(edited, [highlight])[0]!.status.kind).toBe('orphan');
    const { path, problems } = domPath();
    const [found] = path.anchorAll(edited, path.describeAll(text, [{ start: at, end: at + quote.length }]));
    expect(problems).toEqual([]);
    expect(found!.status.kind).toBe('orphan');
  });

  it('is, with fewer written over (as alike as any other candidate must be)', () => {
    // 9 of 50 replaced: 82 % alike.
    const edited = text.replace(quote, rewritten(9));
    expect(anchorText(edited, highlight)).toMatchObject({
      start: at,
      end: at + quote.length,
      status: { kind: 'fuzzy' },
    });
  });

  it('is, with a word written into it: all of its characters are still there', () => {
    // 26 characters inserted into a 50-character quote: 48 % alike by edit distance, nothing of it lost.
    const inserted = quote.replace('deal ', 'deal (and the rules around it) ');
    const edited = text.replace(quote, inserted);
    expect(anchorText(edited, highlight)).toMatchObject({
      start: at,
      end: at + inserted.length,
      status: { kind: 'fuzzy' },
    });
  });
});
