import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, expectText, popover, press, renderApp } from './harness.tsx';

afterEach(cleanup);

async function withTwoHighlights() {
  const fake = new FakeApi();
  fake.seed({
    color: 'green',
    selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }],
  });
  fake.seed({
    color: 'blue',
    selectors: [{ type: 'TextQuoteSelector', exact: 'The habit is older than print.', prefix: '', suffix: '' }],
  });
  return renderApp(fake);
}

function ringCount(m: { article: HTMLElement }): number {
  return m.article.querySelectorAll('.focus-layer .focus-ring').length;
}

describe('keyboard access to highlights', () => {
  test('] moves a focus ring to the first highlight and Enter opens it', async () => {
    const m = await withTwoHighlights();
    m.article.focus();
    expect(ringCount(m)).toBe(0);
    press(m.article, ']');
    expect(ringCount(m)).toBeGreaterThan(0);
    await expectText(page.getByRole('status'), 'Blue highlight 1 of 2');
    press(m.article, 'Enter');
    await expect.element(page.getByRole('dialog', { name: 'Blue highlight' })).toBeVisible();
  });

  test('[ and ] step in document order and wrap around; Alt+arrows do the same', async () => {
    const m = await withTwoHighlights();
    m.article.focus();
    press(m.article, ']');
    press(m.article, ']');
    await expectText(page.getByRole('status'), 'Green highlight 2 of 2');
    press(m.article, ']');
    await expectText(page.getByRole('status'), 'Blue highlight 1 of 2');
    press(m.article, '[');
    await expectText(page.getByRole('status'), 'Green highlight 2 of 2');
    press(m.article, 'ArrowUp', { altKey: true });
    await expectText(page.getByRole('status'), 'Blue highlight 1 of 2');
    press(m.article, 'ArrowDown', { altKey: true });
    await expectText(page.getByRole('status'), 'Green highlight 2 of 2');
  });

  test('Escape in the popover closes it and brings focus back to the same highlight', async () => {
    const m = await withTwoHighlights();
    m.article.focus();
    press(m.article, ']');
    press(m.article, 'Enter');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await vi.waitFor(() => expect(popover(m)?.contains(document.activeElement)).toBe(true));
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(m.article);
    expect(ringCount(m)).toBeGreaterThan(0);
    press(m.article, 'Enter');
    await expect.element(page.getByRole('dialog', { name: 'Blue highlight' })).toBeVisible();
  });

  test('real key presses: Tab reaches the article, ] then Enter open the popover', async () => {
    const m = await withTwoHighlights();
    (document.activeElement as HTMLElement | null)?.blur();
    m.article.focus();
    await userEvent.keyboard(']');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('dialog', { name: 'Blue highlight' })).toBeVisible();
  });

  test('moving keyboard focus onto a highlight opens its popover as a preview that follows, without taking focus', async () => {
    const m = await withTwoHighlights();
    m.article.focus();
    press(m.article, ']');
    await expect.element(page.getByRole('dialog', { name: 'Blue highlight' })).toBeVisible();
    expect(document.activeElement).toBe(m.article);
    press(m.article, ']');
    await expect.element(page.getByRole('dialog', { name: 'Green highlight' })).toBeVisible();
    expect(page.getByRole('dialog').elements()).toHaveLength(1);
    expect(document.activeElement).toBe(m.article);
    press(m.article, 'Enter');
    await vi.waitFor(() => expect(popover(m)?.contains(document.activeElement)).toBe(true));
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    press(m.article, ']');
    await expect.element(page.getByRole('dialog', { name: 'Blue highlight' })).toBeVisible();
    press(m.article, 'Escape');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(m.article);
  });

  test('Enter with no highlight focused does nothing', async () => {
    const m = await withTwoHighlights();
    m.article.focus();
    press(m.article, 'Enter');
    await new Promise((r) => setTimeout(r, 50));
    expect(popover(m)).toBeNull();
  });
});
