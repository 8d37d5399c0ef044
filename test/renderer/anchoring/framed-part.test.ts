/**
 * The frame (docs/anchoring.md, 3b) with text written next to the quote, inside its context: the highlight is the
 * part of the frame that is the quote's, not the words added after it (real revisions: Electron's
 * "* `image` [NativeImage](native-image.md)" as "* `image` ([NativeImage](native-image.md) | string)").
 */
import { describe, expect, it } from 'vitest';

import { anchorText, describeText } from '../../../renderer/anchoring/index.ts';

/** Filler text of `length` characters, every sentence of it different (numbered). */
const filler = (length: number): string =>
  Array.from({ length: Math.ceil(length / 40) }, (_, i) => `Line ${1000 + i} of the filler says nothing.`)
    .join(' ')
    .slice(0, length);

const quote = 'the council will sign the grain export deal with its neighbours this week';
const text = `${filler(2_000)}\n\nThe chair said ${quote} before the summer vote.\n\n${filler(2_000)}`;
const at = text.indexOf(quote);
const highlight = describeText(text, at, at + quote.length);
const edited = quote.replace('export deal', 'import pact');

describe('a frame with text written after the quote', () => {
  it('places the highlight on the quote, without the words added after it', () => {
    const changed = text.replace(quote, `${edited} (if Brussels agrees)`);
    expect(anchorText(changed, highlight)).toMatchObject({
      start: at,
      end: at + edited.length,
      status: { kind: 'fuzzy' },
    });
  });

  it('keeps an edge whose own words were edited', () => {
    // The quote's last words changed: the text up to the context is still the highlight's.
    const changed = text.replace(quote, `${edited.replace('this week', 'next month')}`);
    expect(anchorText(changed, highlight)).toMatchObject({
      start: at,
      end: changed.indexOf(' before the summer vote'),
      status: { kind: 'fuzzy' },
    });
  });
});
