import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, expectText, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const libraryButton = () => page.getByRole('banner').getByRole('button', { name: 'Library', exact: true });
const dialog = () => page.getByRole('dialog', { name: 'Library' });
const filterBox = () => page.getByRole('combobox', { name: 'Filter by title or file name' });
const sortMenu = () => page.getByRole('combobox', { name: 'Sort by' });

/** The titles listed, top to bottom (without the "open now" mark). */
function titles(): string[] {
  return [...document.querySelectorAll('[role="option"] .library-title')].map((t) => t.firstChild?.textContent ?? '');
}

/** The listed option whose title is `title`. */
function optionOf(title: string): HTMLElement {
  const option = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find(
    (o) => o.querySelector('.library-title')?.firstChild?.textContent === title,
  );
  if (!option) throw new Error(`not listed: ${title}`);
  return option;
}

const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

/**
 * Three articles besides the built-in one (added 2025-01-01): herons (two highlights, one with a note, from a file
 * whose name has a space), Café society (three highlights, from a file), and a zebra article, the newest, without any.
 */
function library(): { fake: FakeApi; herons: Article; cafe: Article; zebra: Article } {
  const fake = new FakeApi();
  const herons = fake.addArticle({
    title: 'Notes on herons',
    source: 'file:///home/ada/reading/Grey%20herons.txt',
    createdAt: '2025-03-02T10:00:00.000Z',
    content: 'A grey heron waded along the bank.\n\nIt stood still for an hour.',
  });
  const cafe = fake.addArticle({
    title: 'Café society',
    source: 'file:///home/ada/reading/society.txt',
    createdAt: '2025-02-01T10:00:00.000Z',
    content: 'The café opened at dawn.\n\nNobody came until noon.',
  });
  const zebra = fake.addArticle({
    title: 'about zebras',
    source: 'file:///home/ada/reading/stripes.txt',
    createdAt: '2025-04-05T10:00:00.000Z',
    content: 'Zebras have stripes.',
  });
  fake.seed({ articleId: herons.id, selectors: quote('A grey heron'), note: 'Which river?' });
  fake.seed({ articleId: herons.id, selectors: quote('stood still') });
  for (const exact of ['The café', 'at dawn', 'noon']) fake.seed({ articleId: cafe.id, selectors: quote(exact) });
  return { fake, herons, cafe, zebra };
}

async function openLibrary(): Promise<void> {
  await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
  await expect.element(filterBox()).toHaveFocus();
}

describe('the library', () => {
  test('the header button (showing Ctrl+Shift+L) opens it as a named modal dialog; Escape gives focus back', async () => {
    await renderApp();
    await expect.element(libraryButton()).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+L');
    await expectText(libraryButton(), 'Ctrl+Shift+L');
    expect(dialog().elements()).toHaveLength(0);
    await userEvent.click(libraryButton());
    await expect.element(dialog()).toBeVisible();
    await expect.element(dialog()).toHaveAttribute('aria-modal', 'true');
    await expect.element(filterBox()).toHaveFocus();
    expect(document.querySelector('.app-shell')?.hasAttribute('inert')).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    await expect.element(libraryButton()).toHaveFocus();
  });

  test('Ctrl+Shift+L opens it from the article; Escape closes it and focus goes back to the article', async () => {
    const m = await renderApp();
    m.article.focus();
    await openLibrary();
    await expect.element(dialog()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    expect(document.activeElement).toBe(m.article);
  });

  test('says it is loading, then lists every article newest first with its source, date and counts', async () => {
    const { fake } = library();
    await renderApp(fake);
    fake.hold();
    await openLibrary();
    await expectText(dialog(), 'Loading the library…');
    fake.release();
    await vi.waitFor(() =>
      expect(titles()).toEqual(['about zebras', 'Notes on herons', 'Café society', testArticle.title]),
    );
    const herons = optionOf('Notes on herons');
    expect(herons.textContent).toContain('Grey herons.txt');
    expect(herons.textContent).toContain('2 highlights, 1 note');
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date('2025-03-02T10:00:00Z'));
    expect(herons.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-02T10:00:00.000Z');
    expect(herons.querySelector('time')?.textContent).toBe(date);
    expect(optionOf('Café society').textContent).toContain('society.txt');
    expect(optionOf('Café society').textContent).toContain('3 highlights, 0 notes');
    expect(optionOf('about zebras').textContent).toContain('0 highlights, 0 notes');
    expect(optionOf(testArticle.title).textContent).toContain('Built in');
    expect(fake.callsTo('articles.list')).toHaveLength(1);
  });

  test('sorts by title (locale-aware, ignoring case) and by most highlighted, and back to recent', async () => {
    const { fake } = library();
    await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await expect.element(sortMenu()).toHaveValue('recent');
    await userEvent.selectOptions(sortMenu(), 'Title');
    expect(titles()).toEqual(['about zebras', 'Café society', 'Notes on herons', testArticle.title]);
    await userEvent.selectOptions(sortMenu(), 'Most highlighted');
    // The built-in article and the zebras tie at none: the newer first.
    expect(titles()).toEqual(['Café society', 'Notes on herons', 'about zebras', testArticle.title]);
    await userEvent.selectOptions(sortMenu(), 'Recently added');
    expect(titles()).toEqual(['about zebras', 'Notes on herons', 'Café society', testArticle.title]);
  });

  test('Tab moves between the filter and the sort menu and never leaves the dialog', async () => {
    await renderApp(library().fake);
    await openLibrary();
    await userEvent.keyboard('{Tab}');
    await expect.element(sortMenu()).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect.element(filterBox()).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await expect.element(sortMenu()).toHaveFocus();
  });

  test('filters as you type by title or file name, ignoring case and accents, and says when nothing matches', async () => {
    await renderApp(library().fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await userEvent.keyboard('CAFE');
    expect(titles()).toEqual(['Café society']);
    await userEvent.clear(filterBox());
    await userEvent.type(filterBox(), 'stripés');
    expect(titles()).toEqual(['about zebras']);
    await userEvent.clear(filterBox());
    await userEvent.type(filterBox(), 'no such thing');
    expect(titles()).toEqual([]);
    await expectText(dialog(), 'No articles match “no such thing”');
    await expect.element(filterBox()).toHaveAttribute('aria-expanded', 'false');
  });

  test('arrows move the active article and Enter opens it: the view closes and the article has focus', async () => {
    const { fake, herons } = library();
    const m = await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    const input = filterBox().element() as HTMLInputElement;
    const activeTitle = () =>
      document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.querySelector('.library-title')
        ?.firstChild?.textContent;
    expect(activeTitle()).toBe('about zebras');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeTitle()).toBe('Café society');
    await userEvent.keyboard('{ArrowUp}');
    expect(activeTitle()).toBe('Notes on herons');
    expect(optionOf('Notes on herons').getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Notes on herons' })).toBeVisible();
    expect(dialog().elements()).toHaveLength(0);
    expect(fake.callsTo('articles.get')).toEqual([{ id: herons.id }]);
    await vi.waitFor(() => expect(document.activeElement).toBe(remount(m).article));
  });

  test('a click opens an article too', async () => {
    const { fake, cafe } = library();
    await renderApp(fake);
    await userEvent.click(libraryButton());
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await userEvent.click(optionOf('Café society'));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Café society' })).toBeVisible();
    expect(fake.callsTo('articles.get')).toEqual([{ id: cafe.id }]);
    expect(dialog().elements()).toHaveLength(0);
  });

  test('the library stays until the chosen article is here, then closes as it shows, with its highlights', async () => {
    const { fake, cafe } = library();
    await renderApp(fake);
    await userEvent.click(libraryButton());
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    fake.hold();
    await userEvent.click(optionOf('Café society'));
    // Asked for together: the article and its highlights.
    expect(fake.callsTo('articles.get')).toEqual([{ id: cafe.id }]);
    expect(fake.callsTo('annotations.list')).toContainEqual({ articleId: cafe.id });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog().elements()).toHaveLength(1);
    expect(document.getElementById('article-title')?.textContent).toBe(testArticle.title);
    fake.release();
    await expect.element(page.getByRole('heading', { level: 1, name: 'Café society' })).toBeVisible();
    expect(dialog().elements()).toHaveLength(0);
    await expect.element(page.getByRole('heading', { name: 'Highlights 3' })).toBeVisible();
  });

  test('an article that cannot be opened: the library closes, the reason shows, focus goes back', async () => {
    const { fake } = library();
    const m = await renderApp(fake);
    await userEvent.click(libraryButton());
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    fake.failNext('articles.get', 'The disk is not readable.');
    await userEvent.click(optionOf('Café society'));
    await expect.element(page.getByText('Couldn’t open the article: The disk is not readable.')).toBeVisible();
    expect(dialog().elements()).toHaveLength(0);
    expect(document.getElementById('article-title')?.textContent).toBe(testArticle.title);
    await vi.waitFor(() => expect(document.activeElement).toBe(libraryButton().element()));
    expect(m.pane.isConnected).toBe(true);
  });

  test('marks the article that is open, and lists afresh each time it opens', async () => {
    const { fake, herons } = library();
    await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    expect([...document.querySelectorAll('[aria-current="true"]')]).toEqual([optionOf(testArticle.title)]);
    expect(optionOf(testArticle.title).textContent).toContain('open now');
    await userEvent.click(optionOf('Notes on herons'));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Notes on herons' })).toBeVisible();

    fake.seed({ articleId: herons.id, selectors: quote('an hour'), note: 'Patience.' });
    await openLibrary();
    await vi.waitFor(() => expect(optionOf('Notes on herons').textContent).toContain('3 highlights, 2 notes'));
    expect([...document.querySelectorAll('[aria-current="true"]')]).toEqual([optionOf('Notes on herons')]);
    expect(fake.callsTo('articles.list')).toHaveLength(2);
  });

  test('names a web article by its site, and Home and End jump to the first and last article', async () => {
    const { fake } = library();
    fake.addArticle({
      title: 'Herons online',
      source: 'https://www.example.org/birds/herons',
      createdAt: '2025-05-01T10:00:00.000Z',
      content: 'Herons.',
    });
    await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(5));
    expect(optionOf('Herons online').textContent).toContain('example.org ·');
    const input = filterBox().element() as HTMLInputElement;
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    await userEvent.keyboard('{End}');
    expect(active()).toBe(optionOf(testArticle.title));
    await userEvent.keyboard('{Home}');
    expect(active()).toBe(optionOf('Herons online'));
    // The active article stays active while the filter keeps it.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}herons');
    expect(titles()).toEqual(['Herons online', 'Notes on herons']);
    expect(active()).toBe(optionOf('Notes on herons'));
  });

  test('names a page by its site name (else the file name), with its byline, how far it was read and its note', async () => {
    const { fake, herons } = library();
    const page1 = fake.addArticle({
      title: 'Herons online',
      source: 'https://www.example.org/birds/herons',
      createdAt: '2025-05-01T10:00:00.000Z',
      content: 'Herons.',
      meta: { byline: 'A. Birder', siteName: 'Birds Online', publishedAt: null, language: 'en', direction: null },
      note: 'Read again in spring.',
      reading: { offset: 3, progress: 0.4 },
    });
    fake.api.articles.setReading({ id: herons.id, reading: { offset: 10, progress: 1 } });
    await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(5));
    const online = optionOf(page1.title);
    const percent = (p: number) => new Intl.NumberFormat(undefined, { style: 'percent' }).format(p);
    expect(online.textContent).toContain('Birds Online · A. Birder · Added');
    expect(online.textContent).not.toContain('example.org');
    expect(online.textContent).toContain(`${percent(0.4)} read`);
    expect(online.textContent).toContain('Article note');
    expect(online.querySelector('.library-progress-bar span')?.getAttribute('style')).toContain('40%');
    expect(optionOf('Notes on herons').textContent).toContain(`${percent(1)} read`);
    expect(optionOf('Notes on herons').textContent).toContain('Grey herons.txt ·');
    expect(optionOf('Notes on herons').textContent).not.toContain('Article note');
    expect(optionOf('Café society').textContent).toContain('Not started');
    // The site name is found by the filter too.
    await userEvent.keyboard('birds online');
    expect(titles()).toEqual(['Herons online']);
  });

  test('says why the library could not be listed, in the words of the error, and can try again', async () => {
    const fake = new FakeApi();
    fake.failNext('articles.list', 'The library is locked by another program.');
    await renderApp(fake);
    await openLibrary();
    await expectText(dialog(), 'Couldn’t load the library: The library is locked by another program.');
    expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option').elements()).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(titles()).toEqual([testArticle.title]));
    expect(fake.callsTo('articles.list')).toHaveLength(2);
    await expect.element(filterBox()).toHaveFocus();
  });
});

describe('starting where the user left off', () => {
  const marks = (fake: FakeApi) => fake.callsTo('articles.markOpened');

  test('a new library starts on the built-in article, and starting writes nothing', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    expect(fake.callsTo('articles.getLastOpened')).toHaveLength(2); // StrictMode mounts twice
    expect(marks(fake)).toEqual([]);
  });

  test('the app starts on the article open when it last closed, with its highlights', async () => {
    const { fake, herons } = library();
    fake.lastOpened = herons.id;
    await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Notes on herons' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Highlights 2' })).toBeVisible();
    expect(marks(fake)).toEqual([]);
  });

  test('each article the user opens is remembered, the built-in one too, and the next start opens the last', async () => {
    const { fake, cafe } = library();
    const first = await renderApp(fake);
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await userEvent.click(optionOf('Café society'));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Café society' })).toBeVisible();
    await expect.poll(() => marks(fake)).toEqual([{ id: cafe.id }]);

    // Closed and started again: Café society.
    first.unmount();
    const second = await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Café society' })).toBeVisible();

    await userEvent.click(page.getByRole('banner').getByRole('button', { name: 'Default article' }));
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    await expect.poll(() => marks(fake)).toEqual([{ id: cafe.id }, { id: testArticle.id }]);
    second.unmount();
    await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
  });

  test('when the article open last cannot be had, the app starts on the built-in one', async () => {
    const { fake, herons } = library();
    fake.lastOpened = herons.id;
    fake.failEvery('articles.getLastOpened', 'Your library is busy.');
    await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
  });

  test('when it cannot be remembered, the article still opens and the alert says why', async () => {
    const { fake } = library();
    await renderApp(fake);
    fake.failNext('articles.markOpened', 'The disk is full: free some space and try again.', 'disk-full');
    await openLibrary();
    await vi.waitFor(() => expect(titles()).toHaveLength(4));
    await userEvent.click(optionOf('Café society'));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Café society' })).toBeVisible();
    await expectText(
      page.getByRole('alert').filter({ hasText: 'Couldn’t remember' }),
      'Couldn’t remember that “Café society” is open, for next time: The disk is full: free some space and try again.',
    );
  });
});
