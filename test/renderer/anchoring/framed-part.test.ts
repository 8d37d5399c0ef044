/**
 * The frame (docs/anchoring.md, 3b) with text written next to the quote, inside its context: the highlight is the
 * part of the frame that is the quote's, not the words added after it (real revisions: Electron's
 * "* `image` [NativeImage](native-image.md)" as "* `image` ([NativeImage](native-image.md) | string)").
 */
import { describe, expect, it } from 'vitest';

import { anchorText, describeText } from '../../../renderer/anchoring/index.ts';
import { domPath } from './dom-path.ts';

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

describe('a frame with text written before the quote, whose first character was written over (quoteEdgeSlack)', () => {
  // A list entry rewritten: its "*" marker became "-", a word of it changed, and a new entry was written before it,
  // inside its context (real revisions: Scrapy's "* :setting:`FEED_FORMAT`: ``csv``" as
  // "-   Value for the ``format`` key in the :setting:`FEEDS` setting: ``csv``").
  const entry = '* Exporter used: the CSV item exporter, with its default options.';
  const list = `${filler(2_000)}\n\nThe CSV format\n\n${entry}\n\nOther feed exporters can use these too.\n\n${filler(2_000)}`;
  const from = list.indexOf(entry);
  const described = describeText(list, from, from + entry.length);
  const rewritten = entry.replace('*', '-').replace('default', 'usual');
  const changed = list.replace(entry, `- Value: csv\n${rewritten}`);

  it('places the highlight on what is left of the quote, not on the entry written before it', () => {
    const own = changed.indexOf(' Exporter used');
    expect(anchorText(changed, described)).toMatchObject({
      start: own,
      end: own + rewritten.length - 1,
      status: { kind: 'fuzzy' },
    });
    const { path, problems } = domPath();
    const [found] = path.anchorAll(changed, path.describeAll(list, [{ start: from, end: from + entry.length }]));
    expect(problems).toEqual([]);
    expect(found).toMatchObject({ start: own, end: own + rewritten.length - 1 });
  });
});
