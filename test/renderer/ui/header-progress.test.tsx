import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';

import { testArticle } from './fake-api.ts';
import { cleanup, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 500);
});
afterEach(cleanup);

const bar = () => page.getByRole('progressbar', { name: 'Read so far' });

describe('the header', () => {
  test('shows the open article’s title and how much of it is read, following the scroll', async () => {
    const m = await renderApp();
    const title = m.host.querySelector('header .app-article-title');
    expect(title?.textContent).toBe(testArticle.title);
    // Cut short in a narrow window, it is whole in its tooltip.
    expect(title?.getAttribute('title')).toBe(testArticle.title);
    await expect.element(bar()).toHaveAttribute('value', '0');
    m.pane.scrollTop = (m.pane.scrollHeight - m.pane.clientHeight) / 2;
    await expect.element(bar()).toHaveAttribute('value', '50');
    expect(m.host.querySelector('.reading-percent')?.textContent).toBe('50%');
    m.pane.scrollTop = m.pane.scrollHeight;
    await expect.element(bar()).toHaveAttribute('value', '100');
  });
});

describe('the header’s buttons', () => {
  for (const [width, height] of [
    [640, 480],
    [1200, 800],
  ] as const) {
    test(`are all inside the window at ${width}×${height}, none over another`, async () => {
      await page.viewport(width, height);
      const m = await renderApp();
      const controls = [...m.host.querySelectorAll<HTMLElement>('header button, header select')];
      expect(controls.length).toBeGreaterThan(8);
      const boxes = controls.map((control) => control.getBoundingClientRect());
      for (const [i, box] of boxes.entries()) {
        expect(box.left, controls[i]!.textContent ?? '').toBeGreaterThanOrEqual(0);
        expect(box.right, controls[i]!.textContent ?? '').toBeLessThanOrEqual(width);
        for (const other of boxes.slice(i + 1)) {
          const apart =
            box.right <= other.left || other.right <= box.left || box.bottom <= other.top || other.bottom <= box.top;
          expect(apart, `${controls[i]!.textContent} overlaps another control`).toBe(true);
        }
      }
      // The text keeps most of the window.
      expect(m.pane.getBoundingClientRect().height).toBeGreaterThan(height / 2);
    });
  }
});
