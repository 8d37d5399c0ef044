/**
 * A long formatted page, whose blocks off screen are not laid out until they scroll near (article-document.css,
 * content-visibility): the reading position, a reopened place and a revealed highlight must still be exact, though
 * every block the user has not reached yet stands in at a guessed height.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { describeText } from '../../../common/anchoring/text-anchor.ts';
import type { DocumentNode } from '../../../common/document.ts';
import { liveRange } from '../../../renderer/anchoring/index.ts';
import { layingOutClass } from '../../../renderer/app/reader/block-sizes.ts';
import { documentArticle, h } from '../reader/document-trees.ts';
import { FakeApi } from './fake-api.ts';
import { cleanup, type Mounted, paintedCount, rangeOfText, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1000, 640);
});
afterEach(cleanup);

/** 300 sections of a heading and paragraphs of very different lengths, so no guessed height is right. */
function longPage(): DocumentNode[] {
  const blocks: DocumentNode[] = [];
  for (let i = 1; i <= 300; i++) {
    if (blocks.length > 0) blocks.push('\n\n');
    if (i % 10 === 1) blocks.push(h('h2', null, `Section ${i}`), '\n\n');
    const words = 8 + ((i * 37) % 160);
    const body = Array.from({ length: words }, (_, w) => `word${(w * 13 + i) % 97}`).join(' ');
    blocks.push(h('p', null, `Paragraph ${i} begins here: `, h('em', null, 'now'), ` ${body}.`));
  }
  return blocks;
}

const tree = longPage();
const article = documentArticle(tree);
const offsetOf = (text: string) => article.content.indexOf(text);
const viewTop = (m: Mounted) => m.pane.getBoundingClientRect().top + m.pane.clientTop;
const topOf = (m: Mounted, text: string) => rangeOfText(m.body, text).getClientRects()[0]!.top;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

function fakeWith(extra: Partial<typeof article> = {}): FakeApi {
  const fake = new FakeApi();
  fake.article = { ...article, ...extra };
  return fake;
}

describe('a long formatted page', () => {
  test('skips the blocks far below, which stand in at their real size once the page has painted', async () => {
    const m = await renderApp(fakeWith());
    // The pass begins after the first frame and ends two frames later.
    for (let i = 0; i < 6; i++) await frame();
    expect(m.body.classList).not.toContain(layingOutClass);
    const far = rangeOfText(m.body, 'Paragraph 280 begins').startContainer.parentElement!;
    expect(getComputedStyle(far).contentVisibility).toBe('auto');
    // Not laid out: what is inside it is not rendered at all.
    expect(far.querySelector('em')!.checkVisibility({ contentVisibilityAuto: true })).toBe(false);
    const standIn = far.getBoundingClientRect().height;
    far.style.contentVisibility = 'visible';
    const real = far.getBoundingClientRect().height;
    far.style.contentVisibility = '';
    // A 128-word paragraph: many lines, not the guessed six, and exactly as tall as when it is laid out.
    expect(real).toBeGreaterThan(6 * parseFloat(getComputedStyle(far).lineHeight));
    expect(standIn).toBe(real);
    // Its text is all there to find and to anchor on.
    expect(m.body.textContent).toContain('Paragraph 300 begins here');
  });

  test('after the window narrows (the sidebar moves below), the blocks far below stand in at their new size', async () => {
    const m = await renderApp(fakeWith());
    for (let i = 0; i < 6; i++) await frame();
    const far = rangeOfText(m.body, 'Paragraph 280 begins').startContainer.parentElement!;
    const wide = far.getBoundingClientRect().height;
    await page.viewport(700, 640);
    for (let i = 0; i < 8; i++) await frame();
    expect(far.querySelector('em')!.checkVisibility({ contentVisibilityAuto: true })).toBe(false);
    const standIn = far.getBoundingClientRect().height;
    far.style.contentVisibility = 'visible';
    const real = far.getBoundingClientRect().height;
    far.style.contentVisibility = '';
    expect(Math.abs(real - wide)).toBeGreaterThan(20);
    expect(standIn).toBe(real);
  });

  test('saves the offset of the text at the top after the user scrolls deep into it', async () => {
    const fake = fakeWith();
    const m = await renderApp(fake);
    for (const target of ['Paragraph 120 begins', 'Paragraph 233 begins']) {
      // As a user scrolls: a jump, then a settle, with the blocks on the way laid out as they come into view.
      m.pane.scrollTop += topOf(m, target) - viewTop(m);
      await frame();
      m.pane.scrollTop += topOf(m, target) - viewTop(m);
      await frame();
    }
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const saved = fake.callsTo('articles.setReading') as Array<{ reading: { offset: number } }>;
    expect(saved.at(-1)?.reading.offset).toBe(offsetOf('Paragraph 233 begins'));
  });

  test('reopens at the stored place: the same words at the top, though nothing above them was laid out', async () => {
    const reading = { offset: offsetOf('Paragraph 251 begins'), progress: 0.8 };
    const m = await renderApp(fakeWith({ reading }));
    await vi.waitFor(() => expect(topOf(m, 'Paragraph 251 begins')).toBeCloseTo(viewTop(m), 0));
    // Still there once the frames after opening have laid out what came into view.
    for (let i = 0; i < 5; i++) await frame();
    expect(topOf(m, 'Paragraph 251 begins')).toBeCloseTo(viewTop(m), 0);
  });

  test('a highlight far down is painted where its text is and revealed from the sidebar', async () => {
    const start = offsetOf('Paragraph 277 begins');
    const fake = fakeWith();
    fake.seed({ color: 'green', selectors: describeText(article.content, start, start + 'Paragraph 277'.length) });
    const m = await renderApp(fake);
    await userEvent.click(page.getByRole('button', { name: /Paragraph 277/ }));
    await vi.waitFor(
      () => {
        const rect = rangeOfText(m.body, 'Paragraph 277 begins').getClientRects()[0]!;
        const view = m.pane.getBoundingClientRect();
        expect(rect.top).toBeGreaterThan(view.top);
        expect(rect.bottom).toBeLessThan(view.bottom);
      },
      { timeout: 5000 },
    );
    // The painted highlight covers exactly that text, now that its block is laid out.
    expect(paintedCount('marginalia-green')).toBe(1);
    const painted = liveRange([...CSS.highlights.get('marginalia-green')!][0] as StaticRange)!;
    const words = rangeOfText(m.body, 'Paragraph 277').getClientRects()[0]!;
    const box = painted.getClientRects()[0]!;
    expect(box.left).toBeCloseTo(words.left, 0);
    expect(box.top).toBeCloseTo(words.top, 0);
    expect(box.width).toBeCloseTo(words.width, 0);
  });
});
