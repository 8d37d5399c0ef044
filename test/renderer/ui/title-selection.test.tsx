import { afterEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  type Mounted,
  press,
  quoteOfCreate,
  rangeOfText,
  renderApp,
  selectRange,
  selectText,
} from './harness.tsx';

afterEach(cleanup);

/** The toolbar's description as the user reads it: its note, with the quote marks the <q> draws. */
function description(toolbar: Element): string {
  const id = toolbar.getAttribute('aria-describedby');
  const note = id ? document.getElementById(id) : null;
  if (!note) return '';
  return [...note.childNodes]
    .map((n) => (n instanceof HTMLQuoteElement ? `“${n.textContent}”` : n.textContent))
    .join('');
}

/** Selects from inside the article's title to the end of `bodyText`, as a drag from the title down would. */
function selectFromTitle(m: Mounted, bodyText: string): void {
  const title = m.article.querySelector('h1')!.firstChild!;
  const end = rangeOfText(m.body, bodyText);
  const range = document.createRange();
  range.setStart(title, 3);
  range.setEnd(end.endContainer, end.endOffset);
  selectRange(m, range);
}

describe('a selection that starts in the title', () => {
  test('the toolbar says only the article text will be highlighted, and shows where that starts', async () => {
    const m = await renderApp();
    selectFromTitle(m, 'Readers have always written in their books.');
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    await expect.element(toolbar).toBeVisible();
    await expect
      .poll(() => description(toolbar.element()))
      .toBe('Highlights only the article text: “Readers have always written in their books.”');
    press(m.article, '2');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    expect(quoteOfCreate(m.fake.callsTo('annotations.create')[0])).toBe('Readers have always written in their books.');
  });

  test('a long clipped quote is shown by its start', async () => {
    const m = await renderApp();
    selectFromTitle(m, '“are the footprints of attention”');
    await expect.poll(() => m.host.querySelector('.selection-toolbar .toolbar-quote')).not.toBeNull();
    const text = m.host.querySelector('.selection-toolbar .toolbar-quote')!.textContent!;
    expect(text.startsWith('Readers have always')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  test('while re-attaching, the toolbar says the same for the new place', async () => {
    const fake = new FakeApi();
    fake.seed({
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Words that are nowhere in this article', prefix: '', suffix: '' },
      ],
    });
    const m = await renderApp(fake);
    page
      .getByRole('button', { name: 'Re-attach…' })
      .element()
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await expect.element(page.getByRole('region', { name: 'Re-attaching a highlight' })).toBeVisible();
    selectFromTitle(m, 'The habit is older than print.');
    const toolbar = page.getByRole('toolbar', { name: 'Re-attach highlight' });
    await expect
      .poll(() => description(toolbar.element()))
      .toMatch(/^Re-attaches to the article text only: “Readers have always/);
  });

  test('a selection inside the article text says nothing extra', async () => {
    const m = await renderApp();
    selectText(m, 'It never loses a note.');
    const toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    await expect.element(toolbar).toBeVisible();
    expect(description(toolbar.element())).toBe('');
    expect(m.host.querySelector('.toolbar-note')).toBeNull();
  });
});
