/**
 * In a batch, a quote found word for word once in the text, near where its neighbours say, whose sentence was edited
 * on both sides: one side of its context rewritten, the other still similar though not intact (a word changed in
 * it). With no other copy of its words for chance or a twin to have chosen, it is the highlight's
 * (`soleCopyNearOneSide`); with another copy anywhere, context must decide as before.
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, describeText } from '../../../renderer/anchoring/index.ts';
import { domPath } from './dom-path.ts';

/** Filler text of `length` characters, every sentence of it different (numbered). */
const filler = (length: number): string =>
  Array.from({ length: Math.ceil(length / 40) }, (_, i) => `Line ${1000 + i} of the filler says nothing.`)
    .join(' ')
    .slice(0, length);
const article = filler(8_000);

const quote = 'the quarterly ferry timetable';
const paragraph = `Passengers should always consult ${quote} before they travel out to the islands.`;
const text = `${article.slice(0, 3_000)}\n\n${paragraph}\n\n${article.slice(3_000, 6_000)}`;
const at = text.indexOf(quote);
const highlight = describeText(text, at, at + quote.length);
// Its neighbours: a highlight every 150 characters, none within 300 of it.
const neighbours = Array.from({ length: 40 }, (_, k) => 20 + k * 150)
  .filter((a) => Math.abs(a - at) > 300)
  .map((a) => describeText(text, a, a + 20));
/** The sentence around it edited on both sides: rewritten before it, one word changed after it. */
const edit = (t: string): string =>
  t.replace('Passengers should always consult', 'Every visitor to the harbour reads').replace('travel out', 'sail out');

describe('a quote found once, near where its neighbours say, its context edited on both sides', () => {
  it('is the highlight when one side is still similar', () => {
    const edited = edit(text);
    const [found] = anchorAllText(edited, [highlight, ...neighbours]);
    expect(found).toEqual({
      start: edited.indexOf(quote),
      end: edited.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });

  it('is the highlight through the DOM path too (describe and anchorAll on the rendered article)', () => {
    const edited = edit(text);
    const spans = [at, ...Array.from({ length: 40 }, (_, k) => 20 + k * 150).filter((a) => Math.abs(a - at) > 300)];
    const { path, problems } = domPath();
    const selectors = path.describeAll(
      text,
      spans.map((start, k) => ({ start, end: start + (k === 0 ? quote.length : 20) })),
    );
    const [found] = path.anchorAll(edited, selectors);
    expect(problems).toEqual([]);
    expect(found).toEqual({
      start: edited.indexOf(quote),
      end: edited.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });

  it('is not when another copy of its words exists elsewhere in the text', () => {
    const edited = `${edit(text)}\n\nSee ${quote} for winter sailings.`;
    expect(anchorAllText(edited, [highlight, ...neighbours])[0]!.status.kind).toBe('orphan');
  });

  it('is not when neither side is similar any more', () => {
    const edited = edit(text).replace('before they sail out to the islands.', 'and it changes with the tides.');
    expect(anchorAllText(edited, [highlight, ...neighbours])[0]!.status.kind).toBe('orphan');
  });
});
