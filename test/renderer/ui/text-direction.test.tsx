import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, clickText, press, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const quote = 'It never loses a note.';
const hebrew = 'זו הערה בעברית על המשפט הזה';
const arabic = 'هذه ملاحظة باللغة العربية';

function direction(element: Element | null): string {
  if (!element) throw new Error('element not found');
  return getComputedStyle(element).direction;
}

/** The box of an element's text itself (not of the element), to see which side the text starts on. */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

async function withNote(note: string) {
  const fake = new FakeApi();
  fake.seed({ note, selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }] });
  const m = await renderApp(fake);
  return { m, preview: m.host.querySelector<HTMLElement>('.sidebar .entry-note')! };
}

describe('text direction of user text', () => {
  test('a Hebrew note reads right to left on its card and in the editor', async () => {
    const { m, preview } = await withNote(hebrew);
    expect(direction(preview)).toBe('rtl');
    // It starts at the card's right edge, as Hebrew does.
    expect(Math.abs(textBox(preview).right - preview.getBoundingClientRect().right)).toBeLessThan(2);
    clickText(m, 'never loses');
    const note = page.getByRole('textbox', { name: 'Note' });
    await expect.element(note).toHaveValue(hebrew);
    expect(direction(note.element())).toBe('rtl');
  });

  test('an English note stays left to right', async () => {
    const { m, preview } = await withNote('A plain English note.');
    expect(direction(preview)).toBe('ltr');
    expect(Math.abs(textBox(preview).left - preview.getBoundingClientRect().left)).toBeLessThan(2);
    clickText(m, 'never loses');
    const note = page.getByRole('textbox', { name: 'Note' });
    await expect.element(note).toHaveValue('A plain English note.');
    expect(direction(note.element())).toBe('ltr');
  });

  test('the editor turns right to left as Arabic is typed into an empty note', async () => {
    const { m } = await withNote('');
    clickText(m, 'never loses');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    expect(direction(note.element())).toBe('ltr');
    await userEvent.keyboard(arabic);
    await expect.element(note).toHaveValue(arabic);
    expect(direction(note.element())).toBe('rtl');
  });

  test('Hebrew article text, its quotes on cards and in the popover, and orphan cards read right to left', async () => {
    const fake = new FakeApi();
    const paragraph = 'שורה ראשונה של מאמר בעברית.';
    fake.article = { ...testArticle, content: `${testArticle.content}\n\n${paragraph}` };
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: paragraph, prefix: '', suffix: '' }] });
    fake.seed({
      note: arabic,
      selectors: [{ type: 'TextQuoteSelector', exact: 'ציטוט שכבר אינו במאמר כלל וכלל', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    const hebrewParagraph = [...m.body.querySelectorAll('p')].at(-1)!;
    expect(direction(hebrewParagraph)).toBe('rtl');
    expect(direction(m.body.querySelector('p'))).toBe('ltr');
    expect(direction(m.host.querySelector('.sidebar .entry-list .entry-quote'))).toBe('rtl');
    const orphan = m.host.querySelector('.sidebar .orphans')!;
    expect(direction(orphan.querySelector('.entry-quote'))).toBe('rtl');
    expect(direction(orphan.querySelector('.entry-note'))).toBe('rtl');
    m.article.focus();
    press(m.article, ']');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(direction(m.host.querySelector('.popover-quote'))).toBe('rtl');
  });
});
