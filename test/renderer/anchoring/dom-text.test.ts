import { afterEach, describe, expect, it } from 'vitest';

import type { Selector, TextQuoteSelector } from '../../../common/contract.ts';
import { anchor, describe as describeRange, TextIndex } from '../../../renderer/anchoring/index.ts';
import { defaultArticleParagraphs, defaultArticleText, renderArticle } from './default-article.ts';

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
  window.getSelection()?.removeAllRanges();
});

/** A live Range over the first occurrence of `quote` inside one <p> (or across, if `quote` spans "\n\n"). */
function rangeOfQuote(index: TextIndex, quote: string): Range {
  const start = index.text.indexOf(quote);
  if (start === -1) throw new Error(`test setup: "${quote}" is not in the article`);
  const r = index.rangeOf(start, start + quote.length);
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}

function quoteOf(selectors: Selector[]): TextQuoteSelector {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
}

/** Describe a range, anchor what came out, and return the text the user would see highlighted. */
function roundTrip(index: TextIndex, range: AbstractRange) {
  const selectors = describeRange(index, range);
  expect(selectors).toBeDefined();
  const placed = anchor(index, selectors!);
  expect(placed.status.kind).toBe('exact');
  return { selectors: selectors!, text: rangeText(placed.range!), placed };
}

function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

describe('TextIndex', () => {
  it('has exactly the article content as its anchor text', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    expect(index.text).toBe(defaultArticleText());
    expect(index.text).toBe(root.textContent);
    expect(root.querySelectorAll('p')).toHaveLength(defaultArticleParagraphs().length);
  });

  it('maps offsets to ranges and back, at every paragraph seam', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    let seam = index.text.indexOf('\n\n');
    while (seam !== -1) {
      for (const [start, end] of [
        [seam - 3, seam],
        [seam, seam + 2],
        [seam + 2, seam + 5],
        [seam - 1, seam + 3],
      ] as const) {
        const range = index.rangeOf(start, end);
        expect(rangeText(range)).toBe(index.text.slice(start, end));
        expect(index.offsetsOf(range)).toEqual({ start, end });
      }
      seam = index.text.indexOf('\n\n', seam + 2);
    }
  });

  it('starts a range in the paragraph it begins in, not at the end of the one before', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const second = root.querySelectorAll('p')[1]!;
    const start = index.text.indexOf(second.textContent!);
    const range = index.rangeOf(start, start + 3);
    expect(range.startContainer).toBe(second.firstChild);
    expect(range.startOffset).toBe(0);
  });
});

describe('describe → anchor round trip', () => {
  it('a sentence', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const sentence = 'The United States and NATO have said large parts of the Russian proposals are non-starters.';
    const { text, selectors } = roundTrip(index, rangeOfQuote(index, sentence));
    expect(text).toBe(sentence);
    expect(quoteOf(selectors).exact).toBe(sentence);
  });

  it('a selection across a paragraph boundary', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const [first, second] = [root.querySelectorAll('p')[3]!, root.querySelectorAll('p')[4]!];
    const range = document.createRange();
    range.setStart(first.firstChild!, first.textContent!.indexOf('weeks ahead'));
    range.setEnd(second.firstChild!, 'After the Geneva'.length);
    const { text } = roundTrip(index, range);
    expect(text).toBe('weeks ahead.”\n\nAfter the Geneva');
  });

  it('a selection with curly quotes “…’…”', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const quote = '“The United States is committed to the principle of ‘nothing about you, without you’';
    const { text } = roundTrip(index, rangeOfQuote(index, quote));
    expect(text).toBe(quote);
  });

  it('a selection whose boundaries are elements (a whole paragraph selected as a node)', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const paragraph = root.querySelectorAll('p')[7]!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    expect(roundTrip(index, range).text).toBe(paragraph.textContent);
    const around = document.createRange();
    around.selectNode(paragraph); // boundaries in the <article> itself, between children
    expect(roundTrip(index, around).text).toBe(paragraph.textContent);
  });

  it('a selection reaching outside the article is clamped to it', () => {
    const before = document.createElement('h1');
    before.textContent = 'A title outside the article';
    document.body.append(before);
    root = renderArticle();
    const after = document.createElement('footer');
    after.textContent = 'A footer outside the article';
    document.body.append(after);
    try {
      const index = new TextIndex(root);
      const first = root.querySelector('p')!;
      const range = document.createRange();
      range.setStart(before.firstChild!, 2);
      range.setEnd(first.firstChild!, 'Diplomats from'.length);
      expect(roundTrip(index, range).text).toBe('Diplomats from');
      const tail = document.createRange();
      const last = root.querySelectorAll('p')[15]!;
      tail.setStart(last.firstChild!, last.textContent!.indexOf('non-starters'));
      tail.setEnd(after.firstChild!, 5);
      expect(roundTrip(index, tail).text).toBe('non-starters.');
      const outside = document.createRange();
      outside.selectNodeContents(after);
      expect(describeRange(index, outside)).toBeUndefined();
    } finally {
      before.remove();
      after.remove();
    }
  });

  it('the real window.getSelection()', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const paragraph = root.querySelectorAll('p')[9]!;
    const selection = window.getSelection()!;
    const text = paragraph.firstChild!;
    const from = paragraph.textContent!.indexOf('we will not make');
    selection.setBaseAndExtent(text, from, text, from + 'we will not make any concessions'.length);
    expect(selection.toString()).toBe('we will not make any concessions');
    const { text: placed, selectors } = roundTrip(index, selection.getRangeAt(0));
    expect(placed).toBe('we will not make any concessions');
    expect(selectors.find((s) => s.type === 'TextPositionSelector')).toEqual({
      type: 'TextPositionSelector',
      start: index.text.indexOf('we will not make'),
      end: index.text.indexOf('we will not make') + 32,
    });
  });

  it('an empty selection describes nothing', () => {
    root = renderArticle();
    const index = new TextIndex(root);
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 4);
    expect(describeRange(index, range)).toBeUndefined();
  });

  it('anchors into a re-rendered, edited article', () => {
    root = renderArticle();
    const quote = 'Blinken reiterated the U.S. threat to impose severe economic sanctions';
    const selectors = describeRange(new TextIndex(root), rangeOfQuote(new TextIndex(root), quote))!;
    root.remove();
    root = renderArticle(['A new opening paragraph.', ...defaultArticleParagraphs()]);
    const placed = anchor(new TextIndex(root), selectors);
    expect(placed.status.kind).toBe('moved');
    expect(rangeText(placed.range!)).toBe(quote);
    root.remove();
    root = renderArticle(defaultArticleParagraphs().filter((p) => !p.startsWith('Blinken reiterated')));
    expect(anchor(new TextIndex(root), selectors)).toEqual({ status: { kind: 'orphan' } });
  });
});
