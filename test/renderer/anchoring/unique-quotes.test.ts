/**
 * A quote found word for word once, with one side of its context intact, where the other side was edited: a short
 * quote near where it was is no chance recurrence when there is no other.
 */
import { describe, expect, it } from 'vitest';

import { anchorText, describeText } from '../../../renderer/anchoring/index.ts';
/** Filler text of `length` characters, every sentence of it different (numbered). */
const filler = (length: number): string =>
  Array.from({ length: Math.ceil(length / 40) }, (_, i) => `Line ${1000 + i} of the filler says nothing.`)
    .join(' ')
    .slice(0, length);
const article = filler(8_000);

describe('a short quote found once', () => {
  const sentence = 'The ferry to Zanzibar leaves at noon every day.';
  const text = `${article.slice(0, 2_000)}\n\n${sentence}\n\n${article.slice(2_000, 4_000)}`;
  const at = text.indexOf('Zanzibar');
  const highlight = describeText(text, at, at + 'Zanzibar'.length);
  /** A paragraph inserted a little before it, and the rest of its sentence rewritten. */
  const edit = (t: string) =>
    t
      .replace(article.slice(1_800, 1_840), `${article.slice(1_800, 1_840)} Tickets are sold at the pier alone.`)
      .replace('leaves at noon every day', 'sails twice a week');

  it('near where it was, with one side of its context intact, is found', () => {
    const edited = edit(text);
    const found = anchorText(edited, highlight);
    expect(found).toEqual({
      start: edited.indexOf('Zanzibar'),
      end: edited.indexOf('Zanzibar') + 'Zanzibar'.length,
      status: { kind: 'moved' },
    });
  });

  it('is not taken where another copy of it exists', () => {
    const edited = `${edit(text)}\n\nFerries to Zanzibar are often late.`;
    expect(anchorText(edited, highlight).status.kind).toBe('orphan');
  });
});
