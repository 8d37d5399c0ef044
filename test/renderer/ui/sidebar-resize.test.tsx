import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, type Mounted, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1280, 800);
});
afterEach(cleanup);

const handle = () => page.getByRole('separator', { name: 'Sidebar width' });
const sidebarWidth = (m: Mounted) => m.host.querySelector('.sidebar-column')!.getBoundingClientRect().width;
const widthsKept = (fake: FakeApi) =>
  (fake.callsTo('settings.set') as Array<Record<string, unknown>>)
    .filter((patch) => 'sidebarWidth' in patch)
    .map((patch) => patch['sidebarWidth']);

/** A pointer gesture on the handle, as a mouse makes it: press, move by `dx`, release. */
function drag(element: Element, dx: number): void {
  const { left, top, width } = element.getBoundingClientRect();
  const x = left + width / 2;
  const y = top + 100;
  const at = (type: string, clientX: number) =>
    element.dispatchEvent(
      new PointerEvent(type, { bubbles: true, clientX, clientY: y, button: 0, pointerId: 1, isPrimary: true }),
    );
  at('pointerdown', x);
  for (let step = 1; step <= 5; step += 1) at('pointermove', x + (dx * step) / 5);
  at('pointerup', x + dx);
}

describe('resizing the sidebar', () => {
  test('← and → on its handle make it wider and narrower, Home and End to its limits; main keeps the width', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await expect.element(handle()).toHaveAttribute('aria-valuenow', '340');
    expect(sidebarWidth(m)).toBe(340);
    const text = m.article.getBoundingClientRect().width;

    await userEvent.click(handle());
    await userEvent.keyboard('{ArrowLeft}');
    await expect.element(handle()).toHaveAttribute('aria-valuetext', '356 px');
    expect(sidebarWidth(m)).toBe(356);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(sidebarWidth(m)).toBe(292);
    await userEvent.keyboard('{Home}');
    expect(sidebarWidth(m)).toBe(240);
    await vi.waitFor(() => expect(fake.settings.sidebarWidth).toBe(240));
    // A narrower sidebar gives the text more room.
    expect(m.article.getBoundingClientRect().width).toBeGreaterThanOrEqual(text);

    // At most 45% of the window, whatever the setting, so the text keeps a readable measure.
    await userEvent.keyboard('{End}');
    await vi.waitFor(() => expect(fake.settings.sidebarWidth).toBe(640));
    expect(sidebarWidth(m)).toBe(Math.round(window.innerWidth * 0.45));
  });

  test('a drag shows each width as it goes and keeps only the last; the width is there again at the next start', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    const separator = handle().element();
    drag(separator, -120);
    await vi.waitFor(() => expect(sidebarWidth(m)).toBe(460));
    await vi.waitFor(() => expect(widthsKept(fake)).toEqual([460]));
    drag(separator, 400);
    await vi.waitFor(() => expect(sidebarWidth(m)).toBe(240));
    await vi.waitFor(() => expect(widthsKept(fake)).toEqual([460, 240]));

    cleanup();
    fake.settings.sidebarWidth = 400;
    const again = await renderApp(fake);
    await vi.waitFor(() => expect(sidebarWidth(again)).toBe(400));
  });

  test('is not offered where the sidebar stacks under the text', async () => {
    await page.viewport(700, 700);
    const m = await renderApp(new FakeApi());
    expect(m.host.querySelector('.sidebar-column')!.checkVisibility()).toBe(true);
    expect(m.host.querySelector('.sidebar-splitter')!.checkVisibility()).toBe(false);
  });
});
