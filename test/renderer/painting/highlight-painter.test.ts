import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { HighlightColor } from '../../../common/contract.ts';
import { highlightColors } from '../../../common/model.ts';
import { TextIndex } from '../../../renderer/anchoring/index.ts';
import {
  flashHighlightName,
  focusHighlightName,
  highlightName,
  HighlightPainter,
} from '../../../renderer/painting/highlight-painter.ts';
import css from '../../../renderer/painting/highlights.css?raw';
import { renderArticle } from '../anchoring/default-article.ts';

let root: HTMLElement;
let index: TextIndex;
let painter: HighlightPainter;
let style: HTMLStyleElement;

beforeEach(() => {
  style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  root = renderArticle();
  root.style.cssText = 'display:block; width: 600px; font: 16px/1.5 serif;';
  index = new TextIndex(root);
  painter = new HighlightPainter();
});

afterEach(() => {
  painter.dispose();
  root.remove();
  style.remove();
});

/** The range of the first occurrence of `quote` in the article. */
function rangeOf(quote: string, occurrence = 0): StaticRange {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = index.text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`test setup: "${quote}" is not in the article`);
  return index.rangeOf(at, at + quote.length);
}

/** The viewport point in the middle of the first occurrence of `word`. */
function middleOf(word: string): { x: number; y: number } {
  const r = rangeOf(word);
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  const rect = live.getClientRects()[0]!;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

function countIn(name: string): number {
  return CSS.highlights.get(name)?.size ?? 0;
}

describe('HighlightPainter', () => {
  it('paints each colour as one registered highlight holding its ranges', () => {
    const colors: HighlightColor[] = ['yellow', 'green', 'blue', 'yellow', 'pink', 'yellow'];
    const words = ['Diplomats', 'Geneva', 'Moscow', 'troop', 'Ukraine', 'security'];
    painter.paintAll(words.map((w, i) => ({ id: `h${i}`, color: colors[i]!, range: rangeOf(w) })));
    expect(countIn(highlightName('yellow'))).toBe(3);
    expect(countIn(highlightName('green'))).toBe(1);
    expect(countIn(highlightName('blue'))).toBe(1);
    expect(countIn(highlightName('pink'))).toBe(1);
    expect(countIn(highlightName('purple'))).toBe(0);
    for (const range of CSS.highlights.get(highlightName('yellow'))!) expect(range).toBeInstanceOf(StaticRange);
  });

  it('leaves the article DOM byte-for-byte unchanged', () => {
    const before = root.innerHTML;
    painter.paintAll(
      ['Diplomats', 'Geneva', 'the talks', 'Ryabkov'].map((w, i) => ({
        id: `h${i}`,
        color: 'blue' as const,
        range: rangeOf(w),
      })),
    );
    painter.flash('h1');
    painter.focus('h2');
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('mark, span')).toHaveLength(0);
  });

  it('removes and recolours highlights', () => {
    painter.paint('a', 'yellow', rangeOf('Diplomats'));
    painter.paint('b', 'yellow', rangeOf('Geneva'));
    painter.paint('a', 'green', rangeOf('Diplomats'));
    expect(countIn(highlightName('yellow'))).toBe(1);
    expect(countIn(highlightName('green'))).toBe(1);
    expect(painter.colorOf('a')).toBe('green');
    painter.remove('b');
    expect(countIn(highlightName('yellow'))).toBe(0);
    expect(painter.rangeOf('b')).toBeUndefined();
    painter.remove('not-painted');
    painter.clear();
    expect(painter.size).toBe(0);
    expect(countIn(highlightName('green'))).toBe(0);
  });

  it('keeps overlapping highlights both painted', () => {
    painter.paint('outer', 'yellow', rangeOf('massive troop buildup along its Ukraine border'));
    painter.paint('inner', 'blue', rangeOf('troop buildup'));
    expect(countIn(highlightName('yellow'))).toBe(1);
    expect(countIn(highlightName('blue'))).toBe(1);
  });

  it('finds the highlight under a point, innermost first where two overlap', () => {
    painter.paint('outer', 'yellow', rangeOf('massive troop buildup along its Ukraine border'));
    painter.paint('inner', 'blue', rangeOf('troop buildup'));
    painter.paint('other', 'yellow', rangeOf('Western security guarantees'));
    const troop = middleOf('troop');
    expect(painter.idsAtPoint(troop.x, troop.y)).toEqual(['inner', 'outer']);
    const border = middleOf('border');
    expect(painter.idsAtPoint(border.x, border.y)).toEqual(['outer']);
    const security = middleOf('security');
    expect(painter.idsAtPoint(security.x, security.y)).toEqual(['other']);
    const unpainted = middleOf('Diplomats');
    expect(painter.idsAtPoint(unpainted.x, unpainted.y)).toEqual([]);
  });

  it('finds a highlight under a point with the caret fallback too (no highlightsFromPoint)', () => {
    // A registry without highlightsFromPoint (a plain Map): the painter must fall back to the caret position.
    const registry = new Map<string, Highlight>() as HighlightRegistry;
    const fallback = new HighlightPainter({ registry });
    try {
      fallback.paint('outer', 'yellow', rangeOf('massive troop buildup along its Ukraine border'));
      fallback.paint('inner', 'blue', rangeOf('troop buildup'));
      const troop = middleOf('troop');
      expect(fallback.idsAtPoint(troop.x, troop.y)).toEqual(['inner', 'outer']);
      const massive = middleOf('massive');
      expect(fallback.idsAtPoint(massive.x, massive.y)).toEqual(['outer']);
    } finally {
      fallback.dispose();
    }
  });

  it('flashes a highlight, then takes the flash away', async () => {
    painter.paint('a', 'pink', rangeOf('Ryabkov'));
    painter.flash('a', 50);
    expect(countIn(flashHighlightName)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(countIn(flashHighlightName)).toBe(0);
    expect(countIn(highlightName('pink'))).toBe(1);
  });

  it('marks one highlight as focused', () => {
    painter.paint('a', 'pink', rangeOf('Ryabkov'));
    painter.paint('b', 'pink', rangeOf('Blinken'));
    painter.focus('a');
    painter.focus('b');
    expect(countIn(focusHighlightName)).toBe(1);
    painter.remove('b');
    expect(countIn(focusHighlightName)).toBe(0);
  });

  it('paints 10,000 highlights and leaves the article DOM alone', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const start = (i * 37) % (index.text.length - 20);
      return {
        id: `h${i}`,
        color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
        range: index.rangeOf(start, start + 12),
      };
    });
    const before = root.innerHTML;
    painter.paintAll(items);
    expect(painter.size).toBe(10_000);
    const painted = (['yellow', 'green', 'blue', 'pink', 'purple'] as const).reduce(
      (n, c) => n + countIn(highlightName(c)),
      0,
    );
    expect(painted).toBe(10_000);
    expect(root.innerHTML).toBe(before);
  });

  it('styles every colour, the flash and the focus', () => {
    for (const name of ['yellow', 'green', 'blue', 'pink', 'purple', 'flash', 'focus']) {
      expect(css).toContain(`::highlight(marginalia-${name})`);
    }
  });

  it('paints each colour with the same value a swatch filled with --marginalia-<colour> shows', () => {
    const swatch = document.createElement('span');
    document.body.append(swatch);
    try {
      for (const color of highlightColors) {
        swatch.style.backgroundColor = `var(--marginalia-${color})`;
        const painted = getComputedStyle(root, `::highlight(${highlightName(color)})`).backgroundColor;
        expect(painted).not.toBe('rgba(0, 0, 0, 0)');
        expect(painted).toBe(getComputedStyle(swatch).backgroundColor);
      }
    } finally {
      swatch.remove();
    }
  });
});
