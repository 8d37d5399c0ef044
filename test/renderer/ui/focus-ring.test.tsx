import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, rangeOfText, renderApp } from './harness.tsx';

afterEach(cleanup);

/** Whether an element draws a visible outline around itself. */
function outlined(element: Element): boolean {
  const style = getComputedStyle(element);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
}

/** Presses Tab (real key presses) until the article has focus. */
async function tabToArticle(article: HTMLElement): Promise<void> {
  page
    .getByRole('button', { name: /^Open…/ })
    .element()
    .closest<HTMLElement>('button')!
    .focus();
  for (let i = 0; i < 5 && document.activeElement !== article; i++) await userEvent.keyboard('{Tab}');
  expect(document.activeElement).toBe(article);
}

describe('focus frames', () => {
  test('highlighting a mouse selection with a key leaves no frame around the article', async () => {
    const m = await renderApp();
    // A real click in the text gives the article focus the way the start of a drag does.
    await userEvent.click(page.getByText('It never loses a note.', { exact: false }));
    expect(document.activeElement).toBe(m.article);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeOfText(m.body, 'It never loses a note.'));
    m.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await expect.element(page.getByRole('toolbar')).toBeVisible();
    await userEvent.keyboard('1');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    expect(document.activeElement).toBe(m.article);
    expect(outlined(m.article)).toBe(false);
  });

  test('tabbing to the article frames it, and ] then shows the ring on a highlight', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    await tabToArticle(m.article);
    expect(outlined(m.article)).toBe(true);
    await userEvent.keyboard(']');
    const ring = m.article.querySelector('.focus-layer .focus-ring');
    expect(ring).not.toBeNull();
    expect(ring!.getBoundingClientRect().width).toBeGreaterThan(0);
  });

  test('focus that leaves and comes back by mouse is not framed', async () => {
    const m = await renderApp();
    await tabToArticle(m.article);
    expect(outlined(m.article)).toBe(true);
    await userEvent.click(page.getByRole('heading', { name: /^Highlights/ }));
    await userEvent.click(page.getByText('It never loses a note.', { exact: false }));
    expect(document.activeElement).toBe(m.article);
    await userEvent.keyboard('x');
    expect(outlined(m.article)).toBe(false);
  });

  test('closing a popover with the mouse gives focus back to the article without a frame', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    const line = rangeOfText(m.body, 'never loses').getClientRects()[0]!;
    await userEvent.click(m.article, {
      position: {
        x: line.left - m.article.getBoundingClientRect().left + 4,
        y: line.top - m.article.getBoundingClientRect().top + line.height / 2,
      },
    });
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Close' }));
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(m.article);
    expect(outlined(m.article)).toBe(false);
  });
});
