import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { HighlightColor } from '../../../common/model.ts';
import { FakeApi } from './fake-api.ts';
import { cleanup, clickText, orphanQuotes, paintedCount, renderApp, sidebarQuotes } from './harness.tsx';

afterEach(cleanup);

const quoteOf = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

/** Five highlights in reading order, in four colours, some tagged, and one that cannot be placed. */
async function renderFiltered() {
  const fake = new FakeApi();
  const seeded: Array<[string, HighlightColor, string[]]> = [
    ['Readers have always written', 'yellow', ['history']],
    ['The habit is older than print.', 'green', ['History', 'print']],
    ['the footprints of attention', 'blue', []],
    ['It never loses a note.', 'green', ['apps']],
    ['The last paragraph holds', 'pink', ['print']],
  ];
  for (const [exact, color, tags] of seeded) fake.seed({ selectors: quoteOf(exact), color, tags });
  fake.seed({ selectors: quoteOf('words that were edited away'), color: 'green', tags: ['print'] });
  const m = await renderApp(fake);
  return { m, fake };
}

const sidebar = () => page.getByRole('complementary');
const colorButton = (name: string) =>
  sidebar()
    .getByRole('group', { name: 'Filter by colour' })
    .getByRole('button', { name: `${name} highlights` });
const tagMenu = () => sidebar().getByRole('combobox', { name: 'Tag' });
const count = () => document.querySelector('.sidebar-heading .count')?.textContent ?? '';
/** What the filter status says; it is hidden (and empty) while nothing is filtered. */
const status = () => {
  const region = sidebar().getByRole('status').query();
  return region?.textContent ?? '';
};
const tagOptions = () => [...tagMenu().element().querySelectorAll('option')].map((option) => option.textContent);

describe('sidebar filters', () => {
  test('colour toggles narrow the list to any of the pressed colours, and the count says so', async () => {
    const { m } = await renderFiltered();
    expect(count()).toBe('6');
    expect(sidebar().getByRole('group', { name: 'Filter by colour' }).getByRole('button').elements()).toHaveLength(5);
    await userEvent.click(colorButton('Green'));
    await expect.element(colorButton('Green')).toHaveAttribute('aria-pressed', 'true');
    expect(sidebarQuotes(m)).toEqual(['The habit is older than print.', 'It never loses a note.']);
    expect(orphanQuotes(m)).toEqual(['words that were edited away']);
    expect(count()).toBe('3 of 6');
    expect(status()).toBe('3 of 6 highlights: green');
    await userEvent.click(colorButton('Blue'));
    expect(sidebarQuotes(m)).toEqual([
      'The habit is older than print.',
      'the footprints of attention',
      'It never loses a note.',
    ]);
    expect(status()).toBe('4 of 6 highlights: green or blue');
    await userEvent.click(colorButton('Green'));
    await expect.element(colorButton('Green')).toHaveAttribute('aria-pressed', 'false');
    expect(sidebarQuotes(m)).toEqual(['the footprints of attention']);
    expect(orphanQuotes(m)).toEqual([]);
  });

  test('the article keeps every highlight painted while the list is narrowed', async () => {
    await renderFiltered();
    const before = ['yellow', 'green', 'blue', 'pink'].map((color) => paintedCount(`marginalia-${color}`));
    await userEvent.click(colorButton('Pink'));
    await userEvent.selectOptions(tagMenu(), 'print');
    expect(['yellow', 'green', 'blue', 'pink'].map((color) => paintedCount(`marginalia-${color}`))).toEqual(before);
    // Everything near the view is painted (the pink one is far below, where the painter leaves it until scrolled to).
    expect(before.slice(0, 3)).toEqual([1, 2, 1]);
  });

  test('the tag menu lists this article’s tags once each, and narrows the list to one of them', async () => {
    const { m } = await renderFiltered();
    expect(tagOptions()).toEqual(['Any tag', 'apps', 'history', 'print']);
    await userEvent.selectOptions(tagMenu(), 'history');
    expect(sidebarQuotes(m)).toEqual(['Readers have always written', 'The habit is older than print.']);
    expect(count()).toBe('2 of 6');
    expect(status()).toBe('2 of 6 highlights: tagged “history”');
    await userEvent.click(colorButton('Green'));
    expect(sidebarQuotes(m)).toEqual(['The habit is older than print.']);
    expect(status()).toBe('1 of 6 highlights: green, tagged “history”');
    await userEvent.click(colorButton('Blue'));
    await userEvent.click(colorButton('Green'));
    expect(sidebarQuotes(m)).toEqual([]);
    expect(sidebar().element().textContent).toContain('No highlights match these filters.');
    expect(count()).toBe('0 of 6');
  });

  test('Clear filters shows every highlight again and leaves focus on the filters', async () => {
    const { m } = await renderFiltered();
    await userEvent.click(colorButton('Green'));
    await userEvent.selectOptions(tagMenu(), 'print');
    expect(sidebarQuotes(m)).toEqual(['The habit is older than print.']);
    await userEvent.click(sidebar().getByRole('button', { name: 'Clear filters' }));
    expect(sidebarQuotes(m)).toHaveLength(5);
    expect(orphanQuotes(m)).toHaveLength(1);
    expect(count()).toBe('6');
    expect(status()).toBe('');
    await expect.element(tagMenu()).toHaveValue('');
    await expect.element(colorButton('Green')).toHaveAttribute('aria-pressed', 'false');
    expect(sidebar().getByRole('button', { name: 'Clear filters' }).query()).toBeNull();
    await expect.element(colorButton('Yellow')).toHaveFocus();
  });

  test('the filtered list is described by what filters it; cards show their tags', async () => {
    const { m } = await renderFiltered();
    await userEvent.click(colorButton('Pink'));
    const list = sidebar().getByRole('list', { name: 'Highlights in reading order' }).element();
    const description = document.getElementById(list.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('1 of 6 highlights: pink');
    await userEvent.click(colorButton('Pink'));
    expect(list.getAttribute('aria-describedby')).toBeNull();
    await expect
      .element(sidebar().getByRole('button', { name: /older than print.*Tags: History.*print/ }))
      .toBeVisible();
    expect(m.host.querySelectorAll('.sidebar .tag-label')).toHaveLength(6);
  });

  test('a tag added in the popover joins the menu; an article without tags has no menu', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: quoteOf('The habit is older than print.') });
    const m = await renderApp(fake);
    await expect.element(colorButton('Yellow')).toBeVisible();
    expect(tagMenu().query()).toBeNull();
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('combobox', { name: 'Tags' }));
    await userEvent.keyboard('printing{Enter}');
    await expect.poll(() => tagMenu().query() !== null).toBe(true);
    expect(tagOptions()).toEqual(['Any tag', 'printing']);
  });

  test('an article without highlights shows no filters', async () => {
    await renderApp();
    expect(sidebar().getByRole('group', { name: 'Filter by colour' }).query()).toBeNull();
  });
});
