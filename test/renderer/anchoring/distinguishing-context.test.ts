/**
 * Highlights whose words recur with the same context elsewhere (boilerplate twins in reference documentation):
 * described with context long enough to tell them apart, and never moved onto a twin when their own text goes.
 */
import { describe, expect, it } from 'vitest';

import type { Selector, TextQuoteSelector } from '../../../common/contract.ts';
import { limits } from '../../../common/model.ts';
import { anchorAllText, anchorText, describeText } from '../../../renderer/anchoring/index.ts';

/** An API page: sibling sections that end in the same sentence, word for word, as reference pages do. */
function apiPage(sections: ReadonlyArray<{ name: string; lead: string; ending?: string }>): string {
  return sections
    .map(
      ({ name, lead, ending = 'Returns `boolean` - Whether the window is visible to the user.' }) =>
        `### \`win.${name}()\`\n\n${lead}\n\n* \`options\` Object (optional)\n  * \`inactive\` boolean\n\n${ending}\n\n`,
    )
    .join('');
}

const sections = [
  { name: 'showInactive', lead: 'Shows the window but does not focus it.' },
  { name: 'showAgain', lead: 'Shows the window again after it was hidden by the system tray.' },
  { name: 'isVisible', lead: 'Tells whether the window is on the screen.' },
];
const base = apiPage(sections);
const sentence = 'Whether the window is visible to the user.';

function selectNth(text: string, quote: string, n: number): Selector[] {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`test setup: occurrence ${n} of "${quote}" is not in the text`);
  return describeText(text, at, at + quote.length);
}

const quoteOf = (selectors: Selector[]) =>
  selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;

/** The text each selector list now covers, by the batch and by the single path (they must agree here). */
function placedTexts(text: string, list: Selector[][]): Array<string | undefined> {
  const batch = anchorAllText(text, list).map((r) => (r.start === undefined ? undefined : text.slice(r.start, r.end)));
  const single = list.map((selectors) => {
    const r = anchorText(text, selectors);
    return r.start === undefined ? undefined : text.slice(r.start, r.end);
  });
  expect(single).toEqual(batch);
  return batch;
}

describe('describing a highlight that has twins', () => {
  it('keeps 32 characters on each side of a quote that occurs once', () => {
    const quote = quoteOf(selectNth(base, 'does not focus it', 0));
    expect(quote.prefix).toHaveLength(limits.affixLength);
    expect(quote.suffix).toHaveLength(limits.affixLength);
  });

  it('keeps 32 characters where the words recur with other context (told apart already)', () => {
    // "the window" recurs, but "Shows the window but" has other words around it than every other copy.
    const quote = quoteOf(selectNth(base, 'the window', 0));
    expect(quote.prefix).toBe('### `win.showInactive()`\n\nShows ');
    expect(quote.suffix).toHaveLength(limits.affixLength);
  });

  it('extends the context past the point where each twin starts to differ, within the cap', () => {
    const quote = quoteOf(selectNth(base, sentence, 1));
    // The sections differ in their lead sentence, about 60 characters before the quote: the prefix reaches one
    // character into it ("system tray." where the twins have "focus it." and "the screen.").
    expect(quote.prefix.length).toBeGreaterThan(limits.affixLength);
    expect(quote.prefix.length).toBeLessThanOrEqual(limits.affixMaxLength);
    expect(quote.prefix.startsWith('y.\n\n* `options`')).toBe(true);
    // After the quote come the next section's heading and lead, different for each twin: the suffix tells too.
    expect(quote.suffix.length).toBeGreaterThan(limits.affixLength);
    expect(quote.suffix).toContain('isVisible');
  });

  it('extends nothing where no context within the cap tells the copies apart (a long passage repeated)', () => {
    const passage = `${'Long context. '.repeat(45)}${sentence}${' More context.'.repeat(45)}`;
    const repeated = `${passage}\n\n${passage}`;
    const quote = quoteOf(selectNth(repeated, sentence, 1));
    expect(quote.prefix).toHaveLength(limits.affixLength);
    expect(quote.suffix).toHaveLength(limits.affixLength);
  });
});

describe('finding a highlight that has twins', () => {
  const highlights = [0, 1, 2].map((n) => selectNth(base, sentence, n));

  it('finds every copy where it is when nothing changed', () => {
    const texts = placedTexts(base, highlights);
    expect(texts).toEqual([sentence, sentence, sentence]);
    const starts = anchorAllText(base, highlights).map((r) => r.start);
    expect(new Set(starts).size).toBe(3);
  });

  it('makes a highlight whose own sentence was deleted an orphan, not its twin in the next section', () => {
    const edited = apiPage([sections[0]!, { ...sections[1]!, ending: 'Returns `boolean`.' }, sections[2]!]);
    expect(placedTexts(edited, [highlights[1]!])).toEqual([undefined]);
    // Its twins, with all of their own context, are still found.
    expect(placedTexts(edited, [highlights[0]!, highlights[2]!])).toEqual([sentence, sentence]);
  });

  it('makes a highlight whose own sentence was reworded an orphan, not its twin', () => {
    const reworded = apiPage([
      sections[0]!,
      { ...sections[1]!, ending: 'Returns `boolean` - Whether the tray icon is shown.' },
      sections[2]!,
    ]);
    expect(placedTexts(reworded, [highlights[1]!])).toEqual([undefined]);
  });

  it('still finds a highlight whose section was edited on one side, by the other side of its context', () => {
    // The lead sentence before it is rewritten (its prefix no longer holds), the next section is untouched.
    const edited = apiPage([
      sections[0]!,
      { ...sections[1]!, lead: 'Brings the window back from the tray.' },
      sections[2]!,
    ]);
    const [found] = anchorAllText(edited, [highlights[1]!]);
    expect(found?.start).toBe(edited.indexOf(sentence, edited.indexOf('from the tray.')));
  });

  it('never follows a section that moved onto its twin, though the twin now has one side of its context', () => {
    // The section moves to the top; the one that was before it now ends where it ended, before "isVisible".
    const moved = apiPage([sections[1]!, sections[0]!, sections[2]!]);
    const own = moved.indexOf(sentence, moved.indexOf('system tray.'));
    const [found] = anchorAllText(moved, [highlights[1]!]);
    expect([own, undefined]).toContain(found?.start);
  });

  it('finds highlights stored with 32 characters of context, as before', () => {
    const old = highlights.map((selectors) =>
      selectors.map((s) =>
        s.type === 'TextQuoteSelector' ? { ...s, prefix: s.prefix.slice(-32), suffix: s.suffix.slice(0, 32) } : s,
      ),
    );
    expect(placedTexts(base, old)).toEqual([sentence, sentence, sentence]);
  });
});

describe('twins told apart only by spacing', () => {
  // Scrapy's request attributes: the two paragraphs differ in one word before the quote, and after it only by a
  // double space, which folding (and so the test an extended side must pass) does not see.
  const attribute = (name: string, what: string, spacing: string) =>
    `.. attribute:: Request.${name}\n\n        A dict that contains arbitrary ${what} for this request. This dict is\n` +
    `        empty for new Requests, and is usually${spacing}populated by different Scrapy\n        components.\n\n`;
  const meta = attribute('meta', 'metadata', '  ');
  const cache = attribute('cache', 'cached data', ' ');
  const page = `${cache}${meta}.. attribute:: Request.priority\n\n        The priority of this request.\n`;
  const highlight = selectNth(page, 'empty', 0);

  it('extends the context past the spacing, to where the words differ', () => {
    const quote = quoteOf(highlight);
    // The prefix tells them apart at "cached data"; the suffix only at the next attribute's heading, not at the
    // double space.
    expect(quote.prefix).toContain(' data for this request.');
    expect(quote.suffix).toContain('components.\n\n.. attribute:: Request.m');
  });

  it('makes the highlight an orphan when its paragraph is deleted, not its twin', () => {
    const deleted = page.replace(cache, '');
    expect(placedTexts(deleted, [highlight])).toEqual([undefined]);
    expect(placedTexts(page, [highlight])).toEqual(['empty']);
  });
});
