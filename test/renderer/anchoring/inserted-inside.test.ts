/**
 * A phrase longer than the quote inserted inside it, between its intact context: every character of the quote is
 * still there, around the insertion, so what lies between its context is the highlight, though more than half of
 * it is new.
 */
import { describe, expect, it } from 'vitest';

import { anchorText, describeText } from '../../../renderer/anchoring/index.ts';

/** Filler text of `length` characters, every sentence of it different (numbered). */
const filler = (length: number): string =>
  Array.from({ length: Math.ceil(length / 40) }, (_, i) => `Line ${1000 + i} of the filler says nothing.`)
    .join(' ')
    .slice(0, length);

const quote = 'the grain export deal would be signed';
const sentence = `The council said ${quote} before Brussels voted on it.`;
const text = `${filler(2_000)}\n\n${sentence}\n\n${filler(2_000).replaceAll('Line', 'Row')}`;
const at = text.indexOf(quote);
const highlight = describeText(text, at, at + quote.length);
const inserted = ' (after months of talks with all the unions)';

describe('a phrase longer than the quote inserted inside it', () => {
  it('places the highlight on its words and the phrase between them', () => {
    const edited = text.replace('export deal', `export deal${inserted}`);
    const found = anchorText(edited, highlight);
    const start = edited.indexOf('the grain');
    expect(found).toMatchObject({ start, end: edited.indexOf(' before Brussels'), status: { kind: 'fuzzy' } });
  });

  it('does not when a piece of the quote around it is found elsewhere too', () => {
    const edited = `${text.replace('export deal', `export deal${inserted}`)} The treaty would be signed later.`;
    expect(anchorText(edited, highlight).status.kind).toBe('orphan');
  });
});
