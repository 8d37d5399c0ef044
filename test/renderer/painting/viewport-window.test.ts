import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { HighlightColor } from '../../../common/contract.ts';
import { TextIndex } from '../../../renderer/anchoring/index.ts';
import {
  flashHighlightName,
  focusHighlightName,
  highlightName,
  HighlightPainter,
} from '../../../renderer/painting/highlight-painter.ts';
import css from '../../../renderer/painting/highlights.css?raw';
import { defaultArticleParagraphs, renderArticle } from '../anchoring/default-article.ts';

const colors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const satisfies readonly HighlightColor[];

let style: HTMLStyleElement;
let scroller: HTMLElement;
let root: HTMLElement;
let index: TextIndex;
let painter: HighlightPainter;
/** Start offset of each paragraph in the anchor text. */
let starts: number[];

/** A long article (the default one, six times over) in a 400px scroller, as the reader lays it out. */
beforeEach(() => {
  style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const paragraphs = Array.from({ length: 6 }, () => defaultArticleParagraphs()).flat();
  root = renderArticle(paragraphs);
  scroller = document.createElement('div');
  scroller.style.cssText = 'height: 400px; width: 600px; overflow-y: auto; font: 16px/1.5 serif;';
  document.body.append(scroller);
  scroller.append(root);
  index = new TextIndex(root);
  starts = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    starts.push(at);
    at += paragraph.length + 2;
  }
  painter = new HighlightPainter({ viewport: { root, scroller } });
});

afterEach(() => {
  painter.dispose();
  scroller.remove();
  style.remove();
});

/** Two highlights in every paragraph: `p<i>a` at its start, `p<i>b` in its middle. */
function paintEveryParagraph(): void {
  painter.paintAll(
    starts.flatMap((start, i) => {
      const length = (starts[i + 1] ?? index.text.length + 2) - 2 - start;
      return [
        { id: `p${i}a`, color: colors[i % 5]!, range: index.rangeOf(start, start + Math.min(10, length)) },
        {
          id: `p${i}b`,
          color: colors[(i + 1) % 5]!,
          range: index.rangeOf(start + (length >> 1), start + (length >> 1) + 5),
        },
      ];
    }),
  );
}

/** Every range registered in the colour highlights. */
function registered(): Set<AbstractRange> {
  const all = new Set<AbstractRange>();
  for (const color of colors) for (const range of CSS.highlights.get(highlightName(color)) ?? []) all.add(range);
  return all;
}

function rectOf(range: AbstractRange): DOMRect {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.getBoundingClientRect();
}

/** Ids of the painted highlights with a box inside the scroller's view. */
function inView(ids: Iterable<string>): string[] {
  const view = scroller.getBoundingClientRect();
  return [...ids].filter((id) => {
    const rect = rectOf(painter.rangeOf(id)!);
    return rect.height > 0 && rect.bottom > view.top && rect.top < view.bottom;
  });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function allIds(): string[] {
  return starts.flatMap((_, i) => [`p${i}a`, `p${i}b`]);
}

describe('HighlightPainter viewport windowing', () => {
  it('keeps every highlight but registers only those near the view', () => {
    paintEveryParagraph();
    const ids = allIds();
    expect(painter.size).toBe(ids.length);
    const shown = registered();
    expect(shown.size).toBeGreaterThan(0);
    expect(shown.size).toBeLessThan(ids.length / 2);
    const visible = inView(ids);
    expect(visible.length).toBeGreaterThan(0);
    for (const id of visible) expect(shown.has(painter.rangeOf(id)!), id).toBe(true);
    // Everything painted is still known: ranges and colours of far-away highlights too.
    const last = `p${starts.length - 1}b`;
    expect(shown.has(painter.rangeOf(last)!)).toBe(false);
    expect(painter.colorOf(last)).toBeDefined();
  });

  it('registers the highlights at the end of the article in the first frame after scrolling there', async () => {
    paintEveryParagraph();
    const ids = allIds();
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame(); // the scroll event has been dispatched; this frame has not been painted yet
    const shown = registered();
    const visible = inView(ids);
    expect(visible).toContain(`p${starts.length - 1}b`);
    for (const id of visible) expect(shown.has(painter.rangeOf(id)!), id).toBe(true);
    // The top of the article has left the window.
    expect(shown.has(painter.rangeOf('p0a')!)).toBe(false);
  });

  it('never shows an unregistered highlight in view while scrolling down and back up in jumps', async () => {
    paintEveryParagraph();
    const ids = allIds();
    const height = scroller.scrollHeight;
    for (const fraction of [0.15, 0.4, 0.9, 0.55, 0.05, 1, 0]) {
      scroller.scrollTop = fraction * height;
      await nextFrame();
      const shown = registered();
      for (const id of inView(ids)) expect(shown.has(painter.rangeOf(id)!), `${id} at ${fraction}`).toBe(true);
    }
  });

  it('keeps a highlight spanning several paragraphs registered while any of them is near', async () => {
    const from = starts[3]!;
    const to = starts[40]! + 10;
    painter.paint('long', 'blue', index.rangeOf(from, to));
    const range = painter.rangeOf('long')!;
    expect(registered().has(range)).toBe(true);
    // Scroll into its middle, then past its end.
    const middle = rectOf(index.rangeOf(starts[20]!, starts[20]! + 5));
    scroller.scrollTop += middle.top - scroller.getBoundingClientRect().top;
    await nextFrame();
    expect(registered().has(range)).toBe(true);
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame();
    expect(registered().has(range)).toBe(false);
    scroller.scrollTop = 0;
    await nextFrame();
    expect(registered().has(range)).toBe(true);
  });

  it('removes, recolours, flashes and focuses highlights whether or not they are near', async () => {
    paintEveryParagraph();
    const near = 'p0a';
    const far = `p${starts.length - 1}a`;
    painter.paint(near, 'purple', painter.rangeOf(near)!);
    expect(painter.colorOf(near)).toBe('purple');
    expect(CSS.highlights.get(highlightName('purple'))!.has(painter.rangeOf(near)!)).toBe(true);
    painter.paint(far, 'purple', painter.rangeOf(far)!);
    expect(registered().has(painter.rangeOf(far)!)).toBe(false);
    painter.flash(far, 50);
    painter.focus(far);
    expect(CSS.highlights.get(flashHighlightName)!.has(painter.rangeOf(far)!)).toBe(true);
    expect(CSS.highlights.get(focusHighlightName)!.has(painter.rangeOf(far)!)).toBe(true);
    painter.remove(near);
    painter.remove(far);
    expect(painter.rangeOf(near)).toBeUndefined();
    expect(CSS.highlights.get(focusHighlightName)!.size).toBe(0);
    expect(CSS.highlights.get(flashHighlightName)!.size).toBe(0);
    expect(registered().size).toBeGreaterThan(0);
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame();
    expect(painter.size).toBe(starts.length * 2 - 2);
  });

  it('shows the neighbours of a highlight flashed right after a jump to it, in the same frame', () => {
    paintEveryParagraph();
    const target = `p${starts.length - 3}b`;
    // Jump and flash in one go, as revealing a highlight from the sidebar does (no scroll event yet).
    scroller.scrollTop += rectOf(painter.rangeOf(target)!).top - scroller.getBoundingClientRect().top - 100;
    painter.flash(target);
    const shown = registered();
    for (const id of inView(allIds())) expect(shown.has(painter.rangeOf(id)!), id).toBe(true);
  });

  it('finds the highlight under a point', () => {
    paintEveryParagraph();
    const rect = rectOf(painter.rangeOf('p0a')!);
    expect(painter.idsAtPoint(rect.left + 3, rect.top + rect.height / 2)).toEqual(['p0a']);
  });

  it('follows a re-rendered article after clear(), and stops following after dispose()', async () => {
    paintEveryParagraph();
    painter.clear();
    expect(registered().size).toBe(0);
    // New blocks under the same root, as when the article is rendered again.
    const paragraphs = Array.from({ length: 6 }, () => defaultArticleParagraphs()).flat();
    const fresh = renderArticle(paragraphs);
    root.replaceChildren(...fresh.childNodes);
    fresh.remove();
    index = new TextIndex(root);
    paintEveryParagraph();
    expect(painter.size).toBe(starts.length * 2);
    for (const id of inView(allIds())) expect(registered().has(painter.rangeOf(id)!), id).toBe(true);
    painter.dispose();
    expect(CSS.highlights.has(highlightName('yellow'))).toBe(false);
    scroller.scrollTop = scroller.scrollHeight;
    await nextFrame(); // no listener left to throw or to register anything
  });

  it('registers a highlight outside the blocks (not under the root) all the time', () => {
    const outside = document.createElement('p');
    outside.textContent = 'outside the article';
    document.body.append(outside);
    try {
      const text = outside.firstChild!;
      painter.paint(
        'out',
        'green',
        new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 7 }),
      );
      expect(registered().has(painter.rangeOf('out')!)).toBe(true);
    } finally {
      outside.remove();
    }
  });
});
