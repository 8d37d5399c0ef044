import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, press, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const toggle = () => page.getByRole('button', { name: 'Sidebar' });
const sidebar = (host: HTMLElement) => host.querySelector<HTMLElement>('.sidebar-column')!;

describe('hiding the sidebar', () => {
  test('the Sidebar button puts it away, the text taking the whole width, and brings it back; main keeps the choice', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await expect.element(toggle()).toHaveAttribute('aria-pressed', 'true');
    const column = m.host.querySelector<HTMLElement>('.reader-column')!;
    const narrow = column.getBoundingClientRect().width;
    await userEvent.click(toggle());
    await expect.element(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(sidebar(m.host).checkVisibility()).toBe(false);
    expect(column.getBoundingClientRect().width).toBe(window.innerWidth);
    expect(column.getBoundingClientRect().width).toBeGreaterThan(narrow);
    await vi.waitFor(() => expect(fake.settings.sidebarHidden).toBe(true));
    await userEvent.click(toggle());
    expect(sidebar(m.host).checkVisibility()).toBe(true);
    await vi.waitFor(() => expect(fake.settings.sidebarHidden).toBe(false));
  });

  test('Ctrl+\\ does the same from the article; a hidden sidebar stays hidden when the app opens again', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    press(m.article, '\\', { ctrlKey: true, code: 'Backslash' });
    await vi.waitFor(() => expect(sidebar(m.host).checkVisibility()).toBe(false));
    await vi.waitFor(() => expect(fake.settings.sidebarHidden).toBe(true));
    cleanup();
    const again = await renderApp(fake);
    await vi.waitFor(() => expect(sidebar(again.host).checkVisibility()).toBe(false));
    press(again.article, '\\', { ctrlKey: true, code: 'Backslash' });
    await vi.waitFor(() => expect(sidebar(again.host).checkVisibility()).toBe(true));
  });

  test('AltGr+ß (Ctrl+Alt on Windows), a German keyboard’s backslash, types into a note and leaves the sidebar be', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    const shortcut = new KeyboardEvent('keydown', {
      key: '\\',
      code: 'Minus',
      ctrlKey: true,
      altKey: true,
      bubbles: true,
      cancelable: true,
    });
    m.article.dispatchEvent(shortcut);
    expect(shortcut.defaultPrevented).toBe(false);
    expect(sidebar(m.host).checkVisibility()).toBe(true);
    expect(fake.callsTo('settings.set')).toEqual([]);
  });
});
