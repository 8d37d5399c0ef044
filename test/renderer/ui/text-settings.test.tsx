import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { defaultSettings } from '../../../common/model.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, type Mounted, rangeOfText, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(() => {
  cleanup();
  const root = document.documentElement;
  delete root.dataset['settings'];
  delete root.dataset['font'];
  root.removeAttribute('style');
});

const textButton = () => page.getByRole('button', { name: 'Text…' });
const dialog = () => page.getByRole('dialog', { name: 'Text' });
const type = (m: Mounted) => getComputedStyle(m.body);

/** A plain article long enough to scroll through: `count` numbered paragraphs. */
function longArticle(count: number): FakeApi {
  const fake = new FakeApi();
  const content = Array.from(
    { length: count },
    (_, i) => `Paragraph ${i + 1}: the heron waited by the reeds while the tide turned over the flats.`,
  ).join('\n\n');
  fake.article = { ...testArticle, content };
  return fake;
}

describe('the text settings', () => {
  test('Text… opens a dialog whose typeface, size, spacing and width show on the article at once and are kept by main', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    expect(type(m).fontSize).toBe('19px');
    expect(type(m).fontFamily).toContain('serif');
    await userEvent.click(textButton());
    await expect.element(dialog()).toBeVisible();
    // Focus moves into it, on the typeface chosen, so the keys (Escape among them) reach it.
    await expect.element(page.getByRole('radio', { name: 'Serif' })).toHaveFocus();
    // Nothing dims the article behind it: the change is seen where it happens.
    expect(getComputedStyle(document.querySelector('.search-backdrop')!).backgroundColor).toBe('rgba(0, 0, 0, 0)');

    await userEvent.click(page.getByRole('radio', { name: 'Monospace' }));
    expect(type(m).fontFamily).toContain('monospace');
    await vi.waitFor(() => expect(fake.settings.fontFamily).toBe('mono'));

    // The slider moves with the arrow keys, as a screen reader user would use it; its value is said in pixels.
    const size = page.getByRole('slider', { name: 'Text size' });
    await userEvent.click(size);
    await userEvent.keyboard('{Home}');
    await expect.element(size).toHaveAttribute('aria-valuetext', '12 px');
    for (let i = 0; i < 8; i++) await userEvent.keyboard('{ArrowRight}');
    await expect.element(size).toHaveAttribute('aria-valuetext', '20 px');
    expect(type(m).fontSize).toBe('20px');
    await vi.waitFor(() => expect(fake.settings.fontSize).toBe(20));

    const spacing = page.getByRole('slider', { name: 'Line spacing' });
    await userEvent.click(spacing);
    await userEvent.keyboard('{End}');
    await expect.element(spacing).toHaveAttribute('aria-valuetext', '2.40');
    expect(type(m).lineHeight).toBe(`${20 * 2.4}px`);
    await userEvent.keyboard('{ArrowLeft}');
    // Stepped exactly: 2.35, not 2.3499999.
    await vi.waitFor(() => expect(fake.settings.lineHeight).toBe(2.35));

    const width = page.getByRole('slider', { name: 'Column width' });
    await userEvent.click(width);
    await userEvent.keyboard('{Home}');
    await vi.waitFor(() => expect(fake.settings.columnWidth).toBe(40));
    const column = m.article.getBoundingClientRect().width;
    const ch = rangeOfText(m.body, '0').getBoundingClientRect().width;
    // 40 monospace characters, give or take the padding and the font's rounding.
    expect(column).toBeLessThan(ch * 44);
    expect(column).toBeGreaterThan(ch * 30);

    await userEvent.click(page.getByRole('button', { name: 'Reset to defaults' }));
    expect(type(m).fontSize).toBe('19px');
    expect(type(m).fontFamily).not.toContain('monospace');
    await vi.waitFor(() =>
      expect(fake.settings).toMatchObject({ fontFamily: 'serif', fontSize: 19, lineHeight: 1.65, columnWidth: 68 }),
    );
    await expect
      .element(page.getByRole('button', { name: 'Reset to defaults' }))
      .toHaveAttribute('aria-disabled', 'true');

    // Escape closes it and gives focus back to the button that opened it.
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(textButton()).toHaveFocus();
  });

  test('opens on the type main kept, and on the type main served the page with before main has answered (here: never)', async () => {
    const kept = new FakeApi();
    Object.assign(kept.settings, { fontFamily: 'sans', fontSize: 26 });
    const m = await renderApp(kept);
    expect(type(m).fontSize).toBe('26px');
    cleanup();

    document.documentElement.dataset['settings'] = JSON.stringify({
      ...defaultSettings,
      fontSize: 30,
      lineHeight: 2,
      sidebarHidden: true,
      // A value this version does not know reads as the default, as main reads it.
      fontFamily: 'fantasy',
    });
    const fake = new FakeApi();
    fake.failEvery('settings.get', 'The library is being restored from a backup: try again in a moment.', 'storage');
    const served = await renderApp(fake);
    expect(type(served).fontSize).toBe('30px');
    expect(type(served).lineHeight).toBe('60px');
    expect(document.documentElement.dataset['font']).toBe('serif');
    // The hidden sidebar is hidden from the first frame, not shown until main answers.
    expect(served.host.querySelector<HTMLElement>('.sidebar-column')!.checkVisibility()).toBe(false);
  });

  test('a larger text keeps the reader on the same words, not on the same scroll offset', async () => {
    const fake = longArticle(400);
    const m = await renderApp(fake);
    const top = () => m.pane.getBoundingClientRect().top + m.pane.clientTop;
    const target = rangeOfText(m.body, 'Paragraph 200:');
    m.pane.scrollTop += target.getBoundingClientRect().top - top();
    // The place is noted once scrolling settles.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await userEvent.click(textButton());
    const size = page.getByRole('slider', { name: 'Text size' });
    await userEvent.click(size);
    await userEvent.keyboard('{End}');
    expect(type(m).fontSize).toBe('36px');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Paragraph 200 is still at the top of the view (its line, within a line's height).
    const offset = rangeOfText(m.body, 'Paragraph 200:').getBoundingClientRect().top - top();
    expect(Math.abs(offset)).toBeLessThan(36 * 1.65);
  });
});
