import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  clickText,
  type Mounted,
  paintedCount,
  popover,
  rangeOfText,
  renderApp,
  selectText,
} from './harness.tsx';

afterEach(cleanup);

const quote = 'Filler paragraph 8 keeps the page long enough to scroll';
const viewports = [
  [800, 600],
  [480, 360],
] as const;
const heights = ['top', 'middle', 'bottom'] as const;

/** Two frames: placement runs once per frame, and once more if placing changed the element's size. */
async function settled(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
}

/** Scrolls the article so the quote's first line sits near the top, the middle or the bottom of the pane. */
function scrollQuoteTo(m: Mounted, where: (typeof heights)[number]): DOMRect {
  const view = m.pane.getBoundingClientRect();
  const line = rangeOfText(m.body, quote).getClientRects()[0]!;
  const y =
    where === 'top' ? view.top + 8 : where === 'middle' ? (view.top + view.bottom) / 2 : view.bottom - line.height - 8;
  m.pane.scrollTop += line.top - y;
  const placed = rangeOfText(m.body, quote).getBoundingClientRect();
  expect(Math.abs(rangeOfText(m.body, quote).getClientRects()[0]!.top - y)).toBeLessThan(2);
  return placed;
}

function expectInsideWindow(element: HTMLElement): void {
  const box = element.getBoundingClientRect();
  expect(getComputedStyle(element).visibility).toBe('visible');
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
  expect(box.right).toBeLessThanOrEqual(window.innerWidth);
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe.each(viewports)('at %i×%i', (width, height) => {
  test.each(heights)(
    'the popover of a highlight near the %s fits in the window, beside the highlight',
    async (where) => {
      await page.viewport(width, height);
      const fake = new FakeApi();
      fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }] });
      const m = await renderApp(fake);
      const target = scrollQuoteTo(m, where);
      // Highlights are painted near the view: wait until the scrolled-to one is, so a click can find it.
      await expect.poll(() => paintedCount('marginalia-yellow')).toBe(1);
      clickText(m, 'paragraph 8');
      await expect.element(page.getByRole('dialog')).toBeVisible();
      await settled();
      const dialog = popover(m)!;
      expectInsideWindow(dialog);
      expect(overlaps(dialog.getBoundingClientRect(), target)).toBe(false);
      // Still usable when squeezed: the note box is there to type in.
      await userEvent.click(page.getByRole('textbox', { name: 'Note' }));
      await userEvent.keyboard('fits');
      await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveValue('fits');
    },
  );

  test.each(heights)(
    'the selection toolbar for text near the %s fits in the window, beside the selection',
    async (where) => {
      await page.viewport(width, height);
      const m = await renderApp();
      const target = scrollQuoteTo(m, where);
      selectText(m, quote);
      await expect.element(page.getByRole('toolbar')).toBeVisible();
      await settled();
      const toolbar = m.host.querySelector<HTMLElement>('.selection-toolbar')!;
      expectInsideWindow(toolbar);
      expect(overlaps(toolbar.getBoundingClientRect(), target)).toBe(false);
    },
  );

  test('the editor of a highlight that could not be placed fits in the window', async () => {
    await page.viewport(width, height);
    const fake = new FakeApi();
    fake.seed({
      note: 'Orphaned',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Words that are nowhere in this article at all', prefix: '', suffix: '' },
      ],
    });
    const m = await renderApp(fake);
    const card = m.host.querySelector<HTMLElement>('.sidebar .orphans .entry-open')!;
    card.scrollIntoView({ block: 'nearest' });
    await userEvent.click(card);
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await settled();
    expectInsideWindow(popover(m)!);
  });
});
