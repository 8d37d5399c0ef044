import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import { cleanup, clickText, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const quote = 'It never loses a note.';

async function withNote(note: string, extra?: (fake: FakeApi) => void) {
  const fake = new FakeApi();
  fake.seed({ note, selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }] });
  extra?.(fake);
  const m = await renderApp(fake);
  const card = m.host.querySelector<HTMLElement>('.sidebar .entry-list .entry')!;
  const preview = card.querySelector<HTMLElement>('.entry-note')!;
  return { m, card, preview };
}

function lineHeight(element: Element): number {
  return parseFloat(getComputedStyle(element).lineHeight);
}

describe('sidebar cards', () => {
  test('a long note shows as a three-line preview; the popover still has all of it', async () => {
    const long = Array.from({ length: 1000 }, (_, i) => `word${i}`)
      .join(' ')
      .slice(0, 10_000);
    const { m, card, preview } = await withNote(long);
    // Three lines of the note, not thousands of pixels.
    expect(preview.getBoundingClientRect().height).toBeLessThanOrEqual(3 * lineHeight(preview) + 1);
    expect(preview.getBoundingClientRect().height).toBeGreaterThanOrEqual(3 * lineHeight(preview) - 1);
    expect(card.getBoundingClientRect().height).toBeLessThan(200);
    // The preview is cut, so the reader can tell there is more (the clamp draws the ellipsis).
    expect(preview.scrollHeight).toBeGreaterThan(preview.clientHeight);
    clickText(m, 'never loses');
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveValue(long);
  });

  test('a short note is shown whole', async () => {
    const { preview } = await withNote('Short and sweet.');
    expect(preview.textContent).toBe('Short and sweet.');
    expect(preview.scrollHeight).toBeLessThanOrEqual(preview.clientHeight);
  });

  test('a long URL in a note wraps inside its card, and the card stays inside the sidebar', async () => {
    const url = `https://example.com/${'a'.repeat(400)}`;
    const { m, card, preview } = await withNote(`See ${url}`);
    const sidebar = m.host.querySelector('.sidebar')!.getBoundingClientRect();
    const box = card.getBoundingClientRect();
    expect(box.right).toBeLessThanOrEqual(sidebar.right);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    expect(preview.getBoundingClientRect().right).toBeLessThanOrEqual(box.right);
    expect(preview.scrollWidth).toBeLessThanOrEqual(preview.clientWidth);
  });

  test('an unbroken word in an orphan’s quote wraps inside its card', async () => {
    const word = 'x'.repeat(200);
    const { m } = await withNote('', (fake) =>
      fake.seed({ note: word, selectors: [{ type: 'TextQuoteSelector', exact: word, prefix: '', suffix: '' }] }),
    );
    const sidebar = m.host.querySelector('.sidebar')!.getBoundingClientRect();
    const orphan = m.host.querySelector<HTMLElement>('.sidebar .orphans .entry')!;
    expect(orphan.getBoundingClientRect().right).toBeLessThanOrEqual(sidebar.right);
    for (const text of orphan.querySelectorAll<HTMLElement>('.entry-quote, .entry-note')) {
      expect(text.getBoundingClientRect().right).toBeLessThanOrEqual(orphan.getBoundingClientRect().right);
    }
  });
});
