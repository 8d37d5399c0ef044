import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  clickText,
  expectText,
  paintedCount,
  popover,
  remount,
  renderApp,
  renderWithOneHighlight,
} from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const searchBox = () => page.getByRole('combobox', { name: 'Search the library' });
const dialog = () => page.getByRole('dialog', { name: 'Search' });
const input = () => searchBox().element() as HTMLInputElement;

async function openSearch(): Promise<void> {
  await userEvent.keyboard('{Control>}k{/Control}');
  await expect.element(searchBox()).toHaveFocus();
}

async function search(text: string): Promise<void> {
  await openSearch();
  await userEvent.keyboard(text);
}

/** The options of the result list, as their text (kind label and snippet). */
function options(): HTMLElement[] {
  return dialog()
    .getByRole('option')
    .elements()
    .map((e) => e as HTMLElement);
}

/** The text under the flash highlight, one string per range. */
function flashedText(): string[] {
  const flash = CSS.highlights.get('marginalia-flash');
  return [...(flash ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

function inView(pane: HTMLElement, rect: DOMRect): boolean {
  const view = pane.getBoundingClientRect();
  return rect.top >= view.top && rect.bottom <= view.bottom;
}

describe('the search box', () => {
  test('Ctrl+K opens it as a named dialog with focus in the search field; the header button opens it too', async () => {
    await renderApp();
    const header = page.getByRole('button', { name: 'Search', exact: true });
    await expect.element(header).toHaveAttribute('aria-keyshortcuts', 'Control+K');
    expect(dialog().elements()).toHaveLength(0);
    await openSearch();
    await expect.element(dialog()).toBeVisible();
    await expect.element(dialog()).toHaveAttribute('aria-modal', 'true');
    await expectText(dialog(), 'Search titles, text, highlights and notes.');
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    await userEvent.click(header);
    await expect.element(searchBox()).toHaveFocus();
  });

  test('typing shows hits grouped by article, matched words marked, and announces the count', async () => {
    const fake = new FakeApi();
    fake.addArticle({ title: 'Field notes', content: 'A reader of herons.\n\nNothing else.' });
    await renderApp(fake);
    await search('reader');
    const groups = page.getByRole('group');
    await vi.waitFor(() => expect(groups.elements()).toHaveLength(2));
    const names = groups.elements().map((g) => g.getAttribute('aria-labelledby')!);
    expect(names.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'On “Marginalia” — notes in the margin…',
      'Field notes',
    ]);
    expect(options().map((o) => o.querySelector('.search-kind')?.textContent)).toEqual([
      'Text',
      'Text',
      'Text',
      'Text',
    ]);
    expect([...dialog().element().querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Readers',
      'reader',
      'reader',
      'reader',
    ]);
    expect(options()[0]!.textContent).toContain('Readers have always written in their books.');
    await expectText(dialog().getByRole('status'), '4 results in 2 articles');
    // Searching waited for typing to pause: one query, not one per key.
    expect(fake.callsTo('search.query')).toEqual([{ text: 'reader' }]);
  });

  test('only the newest query’s results show: a reply to an earlier text is dropped', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    let sawStale = false;
    const watch = new MutationObserver(() => {
      if (document.querySelector('[role="option"] mark')?.textContent?.toLowerCase().startsWith('habit'))
        sawStale = true;
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    fake.hold();
    await search('habit');
    await vi.waitFor(() => expect(fake.callsTo('search.query')).toEqual([{ text: 'habit' }]));
    // The user types on while the reply to "habit" is still on its way; then it arrives.
    await userEvent.fill(searchBox(), 'footprints');
    fake.release();
    await vi.waitFor(() => expect(options()).toHaveLength(2));
    expect(options().map((o) => o.querySelector('mark')?.textContent)).toEqual(['footprints', 'footprints']);
    expect(fake.callsTo('search.query')).toEqual([{ text: 'habit' }, { text: 'footprints' }]);
    expect(sawStale).toBe(false);
    watch.disconnect();
  });

  test('ArrowDown, ArrowUp, Home and End move the active hit; Enter chooses it', async () => {
    const m = await renderApp();
    await search('reader');
    await vi.waitFor(() => expect(options()).toHaveLength(3));
    const active = () => document.getElementById(input().getAttribute('aria-activedescendant') ?? '');
    expect(active()).toBe(options()[0]);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}');
    expect(active()).toBe(options()[1]);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(active()).toBe(options()[2]);
    await userEvent.keyboard('{ArrowUp}');
    expect(active()).toBe(options()[1]);
    await userEvent.keyboard('{Home}');
    expect(active()).toBe(options()[0]);
    await userEvent.keyboard('{End}');
    expect(active()).toBe(options()[2]);
    expect(options()[0]).toHaveAttribute('aria-selected', 'false');
    await userEvent.keyboard('{Enter}');
    expect(dialog().elements()).toHaveLength(0);
    expect(flashedText()).toEqual(['reader']);
    expect(m.article.contains(document.activeElement)).toBe(true);
  });

  test('a new jump ends the last one’s flash: a highlight chosen in the sidebar, then a text hit, flashes only the text', async () => {
    const { m } = await renderWithOneHighlight('The habit is older than print.');
    await userEvent.click(m.host.querySelector<HTMLElement>('.sidebar .entry')!);
    expect(flashedText()).toEqual(['The habit is older than print.']);
    await search('fold');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    await userEvent.click(dialog().getByRole('option'));
    expect(flashedText()).toEqual(['fold']);
    // And the other way round.
    await userEvent.click(m.host.querySelector<HTMLElement>('.sidebar .entry')!);
    expect(flashedText()).toEqual(['The habit is older than print.']);
  });

  test('choosing a text hit scrolls to it and flashes exactly the matched text', async () => {
    const m = await renderApp();
    expect(m.pane.scrollTop).toBe(0);
    await search('fold');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    await userEvent.click(dialog().getByRole('option'));
    expect(dialog().elements()).toHaveLength(0);
    expect(flashedText()).toEqual(['fold']);
    await vi.waitFor(() => {
      const last = [...m.body.querySelectorAll('p')].at(-1)!;
      expect(inView(m.pane, last.getBoundingClientRect())).toBe(true);
    });
    expect(m.pane.scrollTop).toBeGreaterThan(0);
    expect(document.activeElement).toBe(m.article);
  });

  test('choosing a hit in another article opens it there', async () => {
    const fake = new FakeApi();
    const other = fake.addArticle({
      title: 'Field notes',
      content: 'The heron stood in the shallows all morning.\n\nBy noon it had caught nothing, and flew off east.',
    });
    const m = await renderApp(fake);
    await search('nothing');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(m.host.querySelector('.article-title')?.textContent).toBe('Field notes'));
    expect(fake.callsTo('articles.get')).toEqual([{ id: other.id }]);
    await vi.waitFor(() => expect(flashedText()).toEqual(['nothing']));
    const after = remount(m);
    expect(document.activeElement).toBe(after.article);
  });

  test('choosing a note hit flashes its highlight as a sidebar card does, and opens no popover', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'green',
      note: 'Remember the footprints',
      selectors: [{ type: 'TextQuoteSelector', exact: 'It is far below the fold.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    await search('remem');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]!.querySelector('.search-kind')?.textContent).toBe('Note');
    await userEvent.keyboard('{Enter}');
    expect(paintedCount('marginalia-flash')).toBe(1);
    expect(flashedText()).toEqual(['It is far below the fold.']);
    await expect
      .element(page.getByRole('button', { name: /far below the fold/ }))
      .toHaveAttribute('aria-current', 'true');
    await vi.waitFor(() => expect(m.pane.scrollTop).toBeGreaterThan(0));
    expect(popover(m)).toBeNull();
    expect(page.getByRole('dialog').elements()).toHaveLength(0);
  });

  test('choosing the note of a highlight that could not be placed focuses its card under “Couldn’t place”', async () => {
    const fake = new FakeApi();
    fake.seed({
      note: 'Stripes on the zebra',
      selectors: [{ type: 'TextQuoteSelector', exact: 'A sentence that is gone.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    await search('zebra');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(document.activeElement?.closest('.orphans')).not.toBeNull());
    expect(paintedCount('marginalia-flash')).toBe(0);
    expect(popover(m)).toBeNull();
  });

  test('choosing a title hit shows the article from the top', async () => {
    const m = await renderApp();
    m.pane.scrollTop = 600;
    await search('margin');
    await vi.waitFor(() => expect(options().length).toBeGreaterThan(0));
    expect(options()[0]!.querySelector('.search-kind')?.textContent).toBe('Title');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(m.pane.scrollTop).toBe(0));
    expect(document.activeElement).toBe(m.article);
  });

  test('Escape closes it and gives focus back; Tab keeps focus inside', async () => {
    const m = await renderApp();
    m.article.focus();
    await search('reader');
    await userEvent.keyboard('{Tab}');
    await expect.element(searchBox()).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await expect.element(searchBox()).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    expect(document.activeElement).toBe(m.article);
    expect(flashedText()).toEqual([]);
  });

  test('Ctrl+K works while typing a note, and Escape brings focus back to the note', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    clickText(m, 'never loses');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    await userEvent.keyboard('Kept');
    await openSearch();
    // The window behind the dialog is inert: nothing there can take focus or be clicked.
    expect(m.host.querySelector('.app-shell')?.hasAttribute('inert')).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expect.element(note).toHaveFocus();
    await expect.element(note).toHaveValue('Kept');
    expect(popover(m)).not.toBeNull();
  });

  test('no results and a failed search say so in words', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await search('zebra');
    await expectText(dialog(), 'No matches for “zebra”');
    await expectText(dialog().getByRole('status'), 'No matches for “zebra”');
    fake.failNext('search.query', 'The library is busy. Try again.');
    await userEvent.keyboard('s');
    await expectText(dialog(), 'Couldn’t search: The library is busy. Try again.');
  });

  test('case and diacritics are ignored, and a Hebrew snippet reads right to left', async () => {
    const fake = new FakeApi();
    fake.addArticle({ title: 'Café notes', content: 'שלום עולם, זה מאמר קצר.' });
    await renderApp(fake);
    await search('CAFE');
    await vi.waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]!.querySelector('mark')?.textContent).toBe('Café');
    await userEvent.fill(searchBox(), 'עולם');
    await vi.waitFor(() => expect(options()[0]?.querySelector('mark')?.textContent).toBe('עולם'));
    const snippet = options()[0]!.querySelector<HTMLElement>('.search-snippet')!;
    expect(snippet.getAttribute('dir')).toBe('auto');
    expect(getComputedStyle(snippet).direction).toBe('rtl');
  });
});
