import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, clickText, paintedCount, popover, press, renderApp, selectText, sidebarQuotes } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

describe('the sidebar', () => {
  test('lists highlights in document order, whatever order they were made in', async () => {
    const m = await renderApp();
    selectText(m, 'It is far below the fold.');
    press(m.article, '1');
    selectText(m, 'The habit is older than print.');
    press(m.article, '2');
    selectText(m, 'It never loses a note.');
    press(m.article, '3');
    await expect
      .poll(() => sidebarQuotes(m))
      .toEqual(['The habit is older than print.', 'It never loses a note.', 'It is far below the fold.']);
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(3));
    await expect.element(page.getByRole('heading', { name: 'Highlights 3' })).toBeVisible();
  });

  test('keeps the order after a reload, from stored positions', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'Readers have always', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    await expect.poll(() => sidebarQuotes(m)).toEqual(['Readers have always', 'It never loses a note.']);
  });

  test('lists overlapping highlights both, paints both, and a click opens the innermost', async () => {
    const m = await renderApp();
    selectText(m, 'A good reader app keeps those footprints where they were left.');
    press(m.article, '3');
    selectText(m, 'those footprints');
    press(m.article, '4');
    await expect
      .poll(() => sidebarQuotes(m))
      .toEqual(['A good reader app keeps those footprints where they were left.', 'those footprints']);
    expect(paintedCount('marginalia-blue')).toBe(1);
    expect(paintedCount('marginalia-pink')).toBe(1);
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(2));
    clickText(m, 'footprints where');
    await expect.element(page.getByRole('dialog', { name: 'Pink highlight' })).toBeVisible();
  });

  test('marks a highlight placed by a fuzzy match as the closest match', async () => {
    const fake = new FakeApi();
    fake.seed({
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'A good reader app keeps these footprints where they were left.',
          prefix: '',
          suffix: '',
        },
      ],
    });
    const m = await renderApp(fake);
    await expect.poll(() => sidebarQuotes(m)).toHaveLength(1);
    expect(m.host.querySelector('.sidebar .entry-badge')?.textContent).toMatch(/^Closest match \(\d+%\)$/);
  });

  test('shortens long quotes and shows the start of the note', async () => {
    const fake = new FakeApi();
    const long = fake.article.content.split('\n\n')[3]!;
    fake.seed({
      note: 'First line\nSecond line\nThird\nFourth',
      selectors: [{ type: 'TextQuoteSelector', exact: long, prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    const [quote] = sidebarQuotes(m);
    expect(quote!.length).toBeLessThanOrEqual(100);
    expect(quote!.endsWith('…')).toBe(true);
    expect(m.host.querySelector('.sidebar .entry-note')?.textContent).toBe('First line\nSecond line\nThird…');
  });

  test('choosing an item scrolls its highlight into the middle of the view and flashes it', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'green',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It is far below the fold.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    expect(m.pane.scrollHeight).toBeGreaterThan(m.pane.clientHeight);
    expect(m.pane.scrollTop).toBe(0);
    await userEvent.click(page.getByRole('button', { name: /far below the fold/ }));
    expect(paintedCount('marginalia-flash')).toBeGreaterThan(0);
    await vi.waitFor(() => {
      const view = m.pane.getBoundingClientRect();
      const rect = [...m.body.querySelectorAll('p')].at(-1)!.getBoundingClientRect();
      expect(rect.top).toBeGreaterThan(view.top);
      expect(rect.bottom).toBeLessThan(view.bottom);
    });
    expect(m.pane.scrollTop).toBeGreaterThan(0);
  });

  test('sidebar items are buttons reachable with the keyboard', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    await renderApp(fake);
    const item = page.getByRole('button', { name: /It never loses a note/ });
    (item.element() as HTMLElement).focus();
    await expect.element(item).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(paintedCount('marginalia-flash')).toBeGreaterThan(0);
    await expect.element(item).toHaveAttribute('aria-current', 'true');
  });

  test('highlights far from the view are painted once the view reaches them', async () => {
    await page.viewport(1100, 300);
    const fake = new FakeApi();
    fake.seed({
      color: 'green',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It is far below the fold.', prefix: '', suffix: '' }],
    });
    fake.seed({
      color: 'blue',
      selectors: [{ type: 'TextQuoteSelector', exact: 'Readers have always', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    expect(paintedCount('marginalia-blue')).toBe(1);
    expect(paintedCount('marginalia-green')).toBe(0);
    await userEvent.click(page.getByRole('button', { name: /far below the fold/ }));
    await vi.waitFor(() => expect(paintedCount('marginalia-green')).toBe(1));
    expect(m.pane.scrollTop).toBeGreaterThan(0);
  });

  test('choosing a card scrolls to and flashes its highlight without opening a popover over the text', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'green',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It is far below the fold.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    const card = page.getByRole('button', { name: /far below the fold/ });
    await userEvent.click(card);
    // The card is marked current in the same update that used to open the preview.
    await expect.element(card).toHaveAttribute('aria-current', 'true');
    expect(paintedCount('marginalia-flash')).toBeGreaterThan(0);
    expect(popover(m)).toBeNull();
    expect(page.getByRole('dialog').elements()).toHaveLength(0);
  });

  test('choosing a card with the keyboard opens no popover either; ] in the article still previews', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    const card = page.getByRole('button', { name: /It never loses a note/ });
    (card.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(card).toHaveAttribute('aria-current', 'true');
    expect(popover(m)).toBeNull();
    expect(document.activeElement).toBe(card.element());
    m.article.focus();
    press(m.article, 'Escape');
    press(m.article, ']');
    await expect.element(page.getByRole('dialog', { name: 'Yellow highlight' })).toBeVisible();
  });
});
