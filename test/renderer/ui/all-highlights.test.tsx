import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article, HighlightColor } from '../../../common/model.ts';
import { FakeApi } from './fake-api.ts';
import { cleanup, expectText, paintedCount, popover, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const headerButton = () => page.getByRole('banner').getByRole('button', { name: 'All highlights', exact: true });
const dialog = () => page.getByRole('dialog', { name: 'All highlights' });
const wordsField = () => page.getByRole('combobox', { name: 'Filter by words in the quote or note' });
const list = () => page.getByRole('listbox', { name: 'Highlights, newest first' });
const colorButton = (name: string) =>
  dialog()
    .getByRole('group', { name: 'Filter by colour' })
    .getByRole('button', { name: `${name} highlights` });

/** The listed highlights' quotes, top to bottom. */
function quotes(): string[] {
  return [...document.querySelectorAll('[role="option"] .entry-quote')].map((q) => q.textContent ?? '');
}

function options(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.highlights-dialog [role="option"]')];
}

/** The text under the flash highlight, one string per range. */
function flashedText(): string[] {
  return [...(CSS.highlights.get('marginalia-flash') ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

const quoteOf = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

/** The built-in article and a second one, with highlights made in this order (the last is the newest). */
function library(): { fake: FakeApi; herons: Article } {
  const fake = new FakeApi();
  const herons = fake.addArticle({
    title: 'Field notes on herons',
    content: 'The heron stood in the shallows all morning.\n\nBy noon it had caught nothing, and flew off east.',
  });
  const made: Array<[number, string, HighlightColor, string, string[]]> = [
    [fake.article.id, 'Readers have always written in their books.', 'yellow', '', ['reading']],
    [herons.id, 'The heron stood in the shallows', 'green', 'Patience itself', ['birds']],
    [fake.article.id, 'It never loses a note.', 'blue', 'The whole point of the café app', []],
    [herons.id, 'flew off east', 'green', '', ['Birds', 'travel']],
  ];
  for (const [articleId, exact, color, note, tags] of made) {
    fake.seed({ articleId, selectors: quoteOf(exact), color, note, tags });
  }
  return { fake, herons };
}

async function openView(): Promise<void> {
  await userEvent.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
  await expect.element(wordsField()).toHaveFocus();
}

describe('all highlights', () => {
  test('the header button (showing Ctrl+Shift+A) opens a named modal dialog; Escape closes it and gives focus back', async () => {
    const m = await renderApp(library().fake);
    await expect.element(headerButton()).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+A');
    await expect.element(headerButton()).toHaveAttribute('aria-haspopup', 'dialog');
    await expectText(headerButton(), 'Ctrl+Shift+A');
    await userEvent.click(headerButton());
    await expect.element(dialog()).toBeVisible();
    await expect.element(dialog()).toHaveAttribute('aria-modal', 'true');
    await expect.element(wordsField()).toHaveFocus();
    expect(m.host.querySelector('.app-shell')?.hasAttribute('inert')).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    await expect.element(headerButton()).toHaveFocus();
  });

  test('lists every article’s highlights newest first, with quote, note, tags, colour and article title', async () => {
    await renderApp(library().fake);
    await openView();
    await expect
      .poll(quotes)
      .toEqual([
        'flew off east',
        'It never loses a note.',
        'The heron stood in the shallows',
        'Readers have always written in their books.',
      ]);
    const [first, second] = options();
    expect(first?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Green highlight');
    expect(first?.textContent).toContain('Tags: Birds, travel');
    expect(first?.textContent).toContain('Field notes on herons');
    expect(second?.textContent).toContain('The whole point of the café app');
    expect(second?.textContent).toContain('On “Marginalia” — notes in the margin…');
    await expectText(dialog().getByRole('status'), '4 highlights');
    await expect.element(wordsField()).toHaveAttribute('aria-expanded', 'true');
    expect(wordsField().element().getAttribute('aria-activedescendant')).toBe(first?.id);
    expect(first?.getAttribute('aria-selected')).toBe('true');
  });

  test('words filter as you type (case and accents ignored), once typing pauses', async () => {
    const { fake } = library();
    await renderApp(fake);
    await openView();
    await expect.poll(quotes).toHaveLength(4);
    const before = fake.callsTo('annotations.listAll').length;
    await userEvent.keyboard('CAFE');
    await expect.poll(quotes).toEqual(['It never loses a note.']);
    // One call for the four keys, not four.
    expect(fake.callsTo('annotations.listAll').slice(before)).toEqual([{ text: 'CAFE', limit: 100 }]);
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}heron');
    await expect.poll(quotes).toEqual(['The heron stood in the shallows']);
    await userEvent.keyboard(' zebra');
    await expectText(dialog(), 'No highlights match these filters.');
    expect(options()).toHaveLength(0);
  });

  test('colour toggles and the tag menu (the library’s tags, any case) narrow the list; Clear filters undoes all', async () => {
    await renderApp(library().fake);
    await openView();
    await userEvent.click(colorButton('Green'));
    await expect.poll(quotes).toEqual(['flew off east', 'The heron stood in the shallows']);
    await userEvent.click(colorButton('Yellow'));
    await expect.poll(quotes).toHaveLength(3);
    const tagMenu = dialog().getByRole('combobox', { name: 'Tag' });
    expect([...tagMenu.element().querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Any tag',
      'birds',
      'reading',
      'travel',
    ]);
    await userEvent.selectOptions(tagMenu, 'birds');
    await expect.poll(quotes).toEqual(['flew off east', 'The heron stood in the shallows']);
    await userEvent.click(dialog().getByRole('button', { name: 'Clear filters' }));
    await expect.poll(quotes).toHaveLength(4);
    await expect.element(tagMenu).toHaveValue('');
    await expect.element(colorButton('Green')).toHaveAttribute('aria-pressed', 'false');
    await expect.element(wordsField()).toHaveFocus();
  });

  test('arrows and Enter open the chosen highlight’s article and flash the highlight, focus in the article', async () => {
    const { fake, herons } = library();
    const m = await renderApp(fake);
    await openView();
    await expect.poll(quotes).toHaveLength(4);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(options()[2]?.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    expect(dialog().elements()).toHaveLength(0);
    await vi.waitFor(() => expect(m.host.querySelector('.article-title')?.textContent).toBe('Field notes on herons'));
    expect(fake.callsTo('articles.get')).toEqual([{ id: herons.id }]);
    await vi.waitFor(() => expect(flashedText()).toEqual(['The heron stood in the shallows']));
    expect(document.activeElement).toBe(remount(m).article);
    expect(popover(m)).toBeNull();
  });

  test('a click on a highlight in the open article shows it there', async () => {
    const m = await renderApp(library().fake);
    await openView();
    await expect.poll(quotes).toHaveLength(4);
    await userEvent.click(page.getByRole('option', { name: /It never loses a note/ }));
    await vi.waitFor(() => expect(flashedText()).toEqual(['It never loses a note.']));
    expect(paintedCount('marginalia-blue')).toBe(1);
    expect(document.activeElement).toBe(m.article);
  });

  test('long lists come a page at a time: more as the list is scrolled to its end, the arrows near it, or Show more', async () => {
    const fake = new FakeApi();
    for (let i = 0; i < 230; i += 1) fake.seed({ selectors: quoteOf('Readers have always written'), note: `n${i}` });
    await renderApp(fake);
    await openView();
    await expect.poll(() => options().length).toBe(100);
    await expectText(dialog().getByRole('status'), '100 highlights shown, more below');
    // Newest first: the last one made is the first listed.
    expect(options()[0]?.textContent).toContain('n229');
    const listbox = list().element();
    listbox.scrollTop = listbox.scrollHeight;
    await expect.poll(() => options().length).toBe(200);
    await userEvent.keyboard('{End}');
    await expect.poll(() => options().length).toBe(230);
    expect(options()[229]?.textContent).toContain('n0');
    expect(new Set(options().map((o) => o.id)).size).toBe(230);
    expect(dialog().getByRole('button', { name: 'Show more' }).query()).toBeNull();
    await expectText(dialog().getByRole('status'), '230 highlights');
    // Each next page was asked once, however many scroll events and keys came while it was on its way.
    const pages = fake.callsTo('annotations.listAll').filter((input) => 'after' in (input as object));
    expect(pages).toHaveLength(2);
  });

  test('Show more asks for the next page; a failed page says why and Show more tries it again', async () => {
    const fake = new FakeApi();
    for (let i = 0; i < 120; i += 1) fake.seed({ selectors: quoteOf('Readers have always written') });
    await renderApp(fake);
    await openView();
    await expect.poll(() => options().length).toBe(100);
    fake.failNext('annotations.listAll', 'the library is busy', 'storage');
    await userEvent.click(dialog().getByRole('button', { name: 'Show more' }));
    await expectText(dialog(), 'Couldn’t load more highlights: the library is busy');
    expect(options()).toHaveLength(100);
    await userEvent.click(dialog().getByRole('button', { name: 'Show more' }));
    await expect.poll(() => options().length).toBe(120);
    expect(dialog().element().textContent).not.toContain('Couldn’t load more');
  });

  test('a failed listing says why, and Try again lists again with focus kept in the words field', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: quoteOf('Readers have always written') });
    // Every call fails until the test says otherwise (StrictMode asks twice on opening).
    const listAll = fake.api.annotations.listAll;
    let failing = true;
    Object.assign(fake.api.annotations, {
      listAll: (input: Parameters<typeof listAll>[0]) =>
        failing
          ? Promise.resolve({ ok: false, error: { code: 'storage', message: 'the disk is busy' } })
          : listAll(input),
    });
    await renderApp(fake);
    await openView();
    await expectText(dialog(), 'Couldn’t list the highlights: the disk is busy');
    failing = false;
    await userEvent.click(dialog().getByRole('button', { name: 'Try again' }));
    await expect.poll(quotes).toEqual(['Readers have always written']);
    await expect.element(wordsField()).toHaveFocus();
  });

  test('Tab moves between the words field and the filters and never leaves the dialog', async () => {
    await renderApp(library().fake);
    await openView();
    await expect.poll(quotes).toHaveLength(4);
    const visited: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      await userEvent.keyboard('{Tab}');
      const focused = document.activeElement as HTMLElement;
      expect(dialog().element().contains(focused)).toBe(true);
      visited.push(focused.getAttribute('aria-label') ?? focused.tagName.toLowerCase());
    }
    expect(visited).toEqual([
      'Yellow highlights',
      'Green highlights',
      'Blue highlights',
      'Pink highlights',
      'Purple highlights',
      'select',
      'Filter by words in the quote or note',
    ]);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement?.tagName).toBe('SELECT');
  });

  test('an empty library says so', async () => {
    await renderApp();
    await openView();
    await expectText(dialog(), 'No highlights yet: select text in an article.');
    expect(options()).toHaveLength(0);
    await expect.element(wordsField()).toHaveAttribute('aria-expanded', 'false');
  });
});
