/**
 * A quote found word for word once: with one side of its context intact, where the other side was edited, a short
 * quote near where it was is no chance recurrence when there is no other; and in a batch, a quote the only copy of
 * which inside its neighbours' window lies far from their estimates is still the highlight's. A sentence's worth
 * near where it was is the highlight's even with both sides rewritten, unless its stored context is still there.
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, anchorText, describeText } from '../../../renderer/anchoring/index.ts';

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

describe('a short quote found once in its window', () => {
  const sentence = 'The ferry to Zanzibar leaves at noon every day.';
  // Another copy of it far away, outside its neighbours' window.
  const text = `${article.slice(0, 2_000)}\n\n${sentence}\n\n${article.slice(2_000, 6_000)} Zanzibar is far.`;
  const at = text.indexOf('Zanzibar');
  const neighbours = Array.from({ length: 40 }, (_, k) => 20 + k * 150)
    .filter((a) => Math.abs(a - at) > 300)
    .map((a) => describeText(text, a, a + 20));

  it('near where it was, with one side of its context intact, is found in a batch', () => {
    // Forty characters inserted between it and its nearest neighbour before it, the rest of its sentence rewritten.
    const edited = text
      .replace(article.slice(1_900, 1_940), `${article.slice(1_900, 1_940)} Tickets are sold at the pier alone.`)
      .replace('leaves at noon every day', 'sails twice a week');
    const [found] = anchorAllText(edited, [describeText(text, at, at + 'Zanzibar'.length), ...neighbours]);
    expect(found).toEqual({
      start: edited.indexOf('Zanzibar'),
      end: edited.indexOf('Zanzibar') + 'Zanzibar'.length,
      status: { kind: 'moved' },
    });
  });
});

describe('a quote alone in its window', () => {
  const quote = 'the quarterly ferry timetable';
  const paragraph = `Passengers should consult ${quote} before they travel to the islands.`;
  // Its neighbours: highlights every 150 characters, except over the 3,000 characters around it.
  const text = `${article.slice(0, 3_000)}\n\n${paragraph}\n\n${article.slice(3_000, 7_000)}`;
  const at = text.indexOf(quote);
  const highlight = describeText(text, at, at + quote.length);
  const neighbours = Array.from({ length: 46 }, (_, k) => 20 + k * 150)
    .filter((a) => Math.abs(a - at) > 1_500)
    .map((a) => describeText(text, a, a + 20));
  // 600 characters inserted before it and as many deleted after it, inside the gap: the neighbours did not move,
  // and it moved by 600; the rest of its sentence was rewritten.
  const inserted = 'An inserted passage. '.repeat(30).slice(0, 600);
  const edited = (t: string) =>
    t.slice(0, 2_000) +
    inserted +
    t.slice(2_000, at + quote.length) +
    ' when they plan a crossing.' +
    t.slice(at + quote.length + ' before they travel to the islands.'.length, at + 700) +
    t.slice(at + 1_300);

  it('far from where its neighbours put it, with one side of its context intact, is found', () => {
    const target = edited(text);
    const [found] = anchorAllText(target, [highlight, ...neighbours]);
    expect(found).toEqual({
      start: target.indexOf(quote),
      end: target.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });

  it('is not taken when another copy of it lies in the window', () => {
    const target = edited(text).replace(inserted, `${inserted.slice(0, 300)} See ${quote}. ${inserted.slice(300)}`);
    expect(target.indexOf(quote)).not.toBe(target.lastIndexOf(quote));
    const [found] = anchorAllText(target, [highlight, ...neighbours]);
    expect(found?.status.kind).toBe('orphan');
  });
});

describe('a sentence found once near where it was, both sides of its context rewritten', () => {
  const quote = 'the window that opens when the user clicks';
  const sentence = `Call setTitle(name) first to name ${quote} the icon, and no other.`;
  const text = `${article.slice(0, 2_000)}\n\n${sentence}\n\n${article.slice(2_000, 4_000)}`;
  /** Highlights of twenty characters every 150 characters away from the sentence: the neighbours. */
  const neighboursOf = (t: string, at: number) =>
    Array.from({ length: 40 }, (_, k) => 20 + k * 150)
      .filter((a) => Math.abs(a - at) > 300 && a + 20 <= t.length)
      .map((a) => describeText(t, a, a + 20));

  it('is found in a batch', () => {
    const at = text.indexOf(quote);
    const edited = text.replace(sentence, `Since version 2, setTitle(name) renames ${quote}; it returns nothing.`);
    const [found] = anchorAllText(edited, [describeText(text, at, at + quote.length), ...neighboursOf(text, at)]);
    expect(found).toEqual({
      start: edited.indexOf(quote),
      end: edited.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });

  it('is not taken for another copy when the highlight’s own context is still there without it', () => {
    // The original says it twice; the highlighted sentence loses these words, its context stays.
    const twice = text.replace(sentence, `Resize ${quote} at will. ${sentence}`);
    const own = twice.lastIndexOf(quote);
    const edited = twice.slice(0, own) + twice.slice(own + quote.length);
    expect(edited.indexOf(quote)).toBe(edited.lastIndexOf(quote));
    const [found] = anchorAllText(edited, [describeText(twice, own, own + quote.length), ...neighboursOf(twice, own)]);
    expect(found?.status.kind).toBe('orphan');
  });
});

describe('a sentence found once in its window, far from where its neighbours put it', () => {
  const quote = 'the quarterly ferry timetable of the island line';
  const sentence = `Passengers should consult ${quote} before they travel there.`;
  const text = `${article.slice(0, 3_000)}\n\n${sentence}\n\n${article.slice(3_000, 7_000)}`;
  const at = text.indexOf(quote);
  // Its neighbours: highlights every 150 characters, except over the 3,000 characters around it.
  const neighbours = Array.from({ length: 46 }, (_, k) => 20 + k * 150)
    .filter((a) => Math.abs(a - at) > 1_500)
    .map((a) => describeText(text, a, a + 20));
  // 600 characters inserted before it and as many deleted after it: it moved by 600, its neighbours did not; and
  // both sides of its sentence were rewritten.
  const inserted = 'An inserted passage. '.repeat(30).slice(0, 600);
  const target =
    text.slice(0, 2_000) +
    inserted +
    text.slice(2_000, at).replace('Passengers should consult ', 'Everyone reads ') +
    quote +
    ' first of all.' +
    text.slice(at + sentence.length - 'Passengers should consult '.length, at + 700) +
    text.slice(at + 1_300);

  it('is found', () => {
    const [found] = anchorAllText(target, [describeText(text, at, at + quote.length), ...neighbours]);
    expect(found).toEqual({
      start: target.indexOf(quote),
      end: target.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });
});

describe('a quote moved with its paragraph, one side of its context rewritten', () => {
  const quote = "the harbour master's new schedule";
  const paragraph = `Boats leave from the eastern quay at dawn. Since March, ${quote} applies to every boat in the bay.`;
  const text = `${article.slice(0, 2_000)}\n\n${paragraph}\n\n${article.slice(2_000, 6_000)}`;
  const at = text.indexOf(quote);
  const neighbours = Array.from({ length: 40 }, (_, k) => 20 + k * 150)
    .filter((a) => a + 20 < at - 200 || a > at + 200)
    .map((a) => describeText(text, a, a + 20));

  it('is found where it arrived, the only copy of it', () => {
    const moved = paragraph.replace('applies to every boat in the bay', 'is posted at the pier each morning');
    const target = `${article.slice(0, 2_000)}\n\n${article.slice(2_000, 6_000)}\n\n${moved}`;
    const [found] = anchorAllText(target, [describeText(text, at, at + quote.length), ...neighbours]);
    expect(found).toEqual({
      start: target.indexOf(quote),
      end: target.indexOf(quote) + quote.length,
      status: { kind: 'moved' },
    });
  });
});
