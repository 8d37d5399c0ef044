import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article } from '../../../common/contract.ts';
import type { ReadingPosition } from '../../../common/model.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, type Mounted, rangeOfText, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

/** The top edge of the article view, in client coordinates. */
const viewTop = (m: Mounted) => m.pane.getBoundingClientRect().top + m.pane.clientTop;

/** Scrolls the view so that `text` starts `below` pixels under its top edge, as the user would by scrolling. */
async function scrollTextToTop(m: Mounted, text: string, below = 0): Promise<void> {
  const rect = rangeOfText(m.body, text).getClientRects()[0]!;
  m.pane.scrollTop += rect.top - viewTop(m) - below;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** The box of one character of the article text. */
function charRect(m: Mounted, offset: number): DOMRect {
  const range = document.createRange();
  const walker = document.createTreeWalker(m.body, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (offset < at + length) {
      range.setStart(node, offset - at);
      range.setEnd(node, offset - at + 1);
      return range.getClientRects()[0] ?? range.getBoundingClientRect();
    }
    at += length;
  }
  throw new Error(`no character at ${offset}`);
}

const saves = (fake: FakeApi) => fake.callsTo('articles.setReading') as Array<{ id: number; reading: ReadingPosition }>;

/** The built-in test article, with a reading position already stored. */
function withReading(reading: ReadingPosition): FakeApi {
  const fake = new FakeApi();
  fake.article = { ...testArticle, reading };
  return fake;
}

const offsetOf = (text: string) => testArticle.content.indexOf(text);

/** A plain article of `count` short paragraphs. */
const entries = (count: number) =>
  Array.from({ length: count }, (_, i) => `Entry ${i + 1}: the heron waited.`).join('\n\n');

describe('the reading position', () => {
  test('is saved about a second after scrolling stops: the offset of the text at the top, and the progress', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await scrollTextToTop(m, 'Filler paragraph 6 ');
    await scrollTextToTop(m, 'Filler paragraph 7 ');
    await new Promise((r) => setTimeout(r, 500));
    expect(saves(fake)).toEqual([]);
    await expect.poll(() => saves(fake), { timeout: 3000 }).toHaveLength(1);
    const { id, reading } = saves(fake)[0]!;
    expect(id).toBe(testArticle.id);
    expect(reading.offset).toBe(offsetOf('Filler paragraph 7 '));
    const max = m.pane.scrollHeight - m.pane.clientHeight;
    expect(reading.progress).toBeCloseTo(m.pane.scrollTop / max, 2);
    expect(reading.progress).toBeGreaterThan(0.2);
    expect(reading.progress).toBeLessThan(0.9);
    // Stored: the library would now show it.
    expect(fake.article.reading).toEqual(reading);
  });

  test('when the top edge cuts a line, the offset is the start of that line', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    // Half a line into the long fourth filler paragraph, which wraps at this width.
    const start = offsetOf('Filler paragraph 4 ');
    const first = charRect(m, start);
    await scrollTextToTop(m, 'Filler paragraph 4 ', -(first.height * 1.5));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const { reading } = saves(fake)[0]!;
    const top = viewTop(m);
    const rect = charRect(m, reading.offset);
    expect(rect.top).toBeLessThanOrEqual(top);
    expect(rect.bottom).toBeGreaterThan(top);
    expect(reading.offset).toBeGreaterThan(start);
    // The character before it is on the line above, wholly out of view.
    expect(charRect(m, reading.offset - 1).bottom).toBeLessThanOrEqual(top + 1);
  });

  test('is saved at once when the page goes away, and not at all when the user did not scroll', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saves(fake)).toEqual([]);
    await scrollTextToTop(m, 'Filler paragraph 3 ');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saves(fake).map((s) => s.reading.offset)).toEqual([offsetOf('Filler paragraph 3 ')]);
    // The same place again is not saved twice.
    await new Promise((r) => setTimeout(r, 1300));
    expect(saves(fake)).toHaveLength(1);
  });

  test('an article opens where the user left it, by text and not by pixels: the same words at the top at another width', async () => {
    const reading = { offset: offsetOf('Filler paragraph 9 '), progress: 0.5 };
    const m = await renderApp(withReading(reading));
    await vi.waitFor(() => expect(charRect(m, reading.offset).top).toBeCloseTo(viewTop(m), 0));
    const pixels = m.pane.scrollTop;
    cleanup();

    await page.viewport(1400, 700);
    const wide = await renderApp(withReading(reading));
    await vi.waitFor(() => expect(charRect(wide, reading.offset).top).toBeCloseTo(viewTop(wide), 0));
    // Longer lines: the same words sit higher in the article, so fewer pixels down.
    expect(wide.pane.scrollTop).toBeLessThan(pixels - 20);
    // Opening and not scrolling saves nothing.
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saves(wide.fake)).toEqual([]);
  });

  test('the place is kept while the layout settles (the window resizes) until the user scrolls', async () => {
    const reading = { offset: offsetOf('Filler paragraph 9 '), progress: 0.5 };
    const m = await renderApp(withReading(reading));
    await vi.waitFor(() => expect(charRect(m, reading.offset).top).toBeCloseTo(viewTop(m), 0));
    await page.viewport(900, 700);
    await vi.waitFor(() => expect(charRect(m, reading.offset).top).toBeCloseTo(viewTop(m), 0));
    // The user scrolls with the wheel: the place is theirs again, and saved.
    m.pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 300, bubbles: true }));
    await scrollTextToTop(m, 'Filler paragraph 12 ');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(saves(m.fake).map((s) => s.reading.offset)).toEqual([offsetOf('Filler paragraph 12 ')]);
  });

  test('choosing a search hit wins over the saved place: the view never goes there first', async () => {
    const fake = new FakeApi();
    // The hit is near the top, the saved place far below it.
    const content = `A kingfisher!\n\n${entries(40)}`;
    const readAt = content.indexOf('Entry 30:');
    fake.addArticle({ title: 'Long field notes', content, reading: { offset: readAt, progress: 0.7 } });
    const m = await renderApp(fake);
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.keyboard('kingfisher');
    await expect.element(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    let deepest = 0;
    const onScroll = (event: Event) => {
      const pane = event.target as HTMLElement;
      if (pane.classList?.contains('reader-pane')) deepest = Math.max(deepest, pane.scrollTop);
    };
    document.addEventListener('scroll', onScroll, true);
    try {
      await userEvent.keyboard('{Enter}');
      await expect.element(page.getByRole('heading', { level: 1, name: 'Long field notes' })).toBeVisible();
      const shown = remount(m);
      await vi.waitFor(() => {
        const hit = rangeOfText(shown.body, 'A kingfisher!').getBoundingClientRect();
        const view = shown.pane.getBoundingClientRect();
        expect(hit.top).toBeGreaterThan(view.top);
        expect(hit.bottom).toBeLessThan(view.bottom);
      });
      await new Promise((r) => setTimeout(r, 300));
      const saved = charRect(shown, readAt).top - viewTop(shown) + shown.pane.scrollTop;
      expect(deepest).toBeLessThan(saved / 2);
    } finally {
      document.removeEventListener('scroll', onScroll, true);
    }
  });

  test('the library opens an article where the user left it', async () => {
    const fake = new FakeApi();
    const content = entries(40);
    const readAt = content.indexOf('Entry 20:');
    fake.addArticle({ title: 'Long field notes', content, reading: { offset: readAt, progress: 0.5 } });
    const m = await renderApp(fake);
    await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await userEvent.click(page.getByRole('dialog').getByRole('option').filter({ hasText: 'Long field notes' }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Long field notes' })).toBeVisible();
    const shown = remount(m);
    await vi.waitFor(() => expect(charRect(shown, readAt).top).toBeCloseTo(viewTop(shown), 0));
    await vi.waitFor(() => expect(document.activeElement).toBe(shown.article));
  });

  test('a position that could not be saved is reported', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    fake.failNext('articles.setReading', 'The disk is full: free some space and try again.', 'disk-full');
    await scrollTextToTop(m, 'Filler paragraph 3 ');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await expect
      .poll(() => m.host.querySelector('.error-region')?.textContent ?? '')
      .toContain('Couldn’t remember where you are in this article: The disk is full: free some space and try again.');
  });

  test('on a 5,000-paragraph article the place is found exactly and quickly', async () => {
    const fake = new FakeApi();
    const paragraphs = Array.from(
      { length: 5000 },
      (_, i) => `Paragraph ${i + 1}. ${'A reader keeps the footprints of attention where they were left. '.repeat(2)}`,
    );
    const long: Article = { ...testArticle, content: paragraphs.join('\n\n') };
    fake.article = long;
    const m = await renderApp(fake);
    await scrollTextToTop(m, 'Paragraph 3217. ');
    const started = performance.now();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const took = performance.now() - started;
    expect(saves(fake).map((s) => s.reading.offset)).toEqual([long.content.indexOf('Paragraph 3217. ')]);
    // Measured at about 0.6 ms for these 740,000 characters; the bound leaves room for a slow machine.
    expect(took).toBeLessThan(50);
  });
});
