import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article } from '../../../common/contract.ts';
import { describeReport } from '../../../renderer/app/articles/reanchor-report.ts';
import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  clickText,
  expectText,
  orphanQuotes,
  paintedCount,
  remount,
  renderApp,
  sidebarQuotes,
} from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const fieldNotes: Article = {
  id: 2,
  title: 'Field notes',
  source: '/home/reader/field-notes.txt',
  format: 'text',
  document: null,
  meta: { byline: '', siteName: '', publishedAt: null, language: null, direction: null },
  note: '',
  reading: null,
  content: 'The heron stood in the shallows all morning.\n\nBy noon it had caught nothing, and flew off east.',
  textHash: '1'.repeat(64),
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-02T00:00:00.000Z',
};

/** A fake whose "Open…" returns a changed version of Field notes with one highlight kept and one orphaned. */
function withChangedFile(): FakeApi {
  const fake = new FakeApi();
  fake.seed({
    articleId: 2,
    color: 'blue',
    selectors: [{ type: 'TextQuoteSelector', exact: 'all morning', prefix: '', suffix: '' }],
  });
  fake.seed({
    articleId: 2,
    color: 'pink',
    note: 'Which river?',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'It waded along the river bank for an hour.', prefix: '', suffix: '' },
    ],
  });
  fake.opened = {
    article: fieldNotes,
    created: false,
    report: { kept: 1, moved: 0, fuzzy: 0, orphaned: 1 },
    notices: [],
  };
  return fake;
}

const openButton = () => page.getByRole('banner').getByRole('button', { name: /^Open…/ });
const notice = (m: { host: HTMLElement }) => m.host.querySelector('.notice-region')?.textContent ?? '';

describe('opening a file', () => {
  test('“Open…” shows the opened article with its highlights and says what re-anchoring did', async () => {
    const m = await renderApp(withChangedFile());
    await userEvent.click(openButton());
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await expect.poll(() => sidebarQuotes(m)).toEqual(['all morning']);
    expect(orphanQuotes(m)).toEqual(['It waded along the river bank for an hour.']);
    expect(paintedCount('marginalia-blue')).toBe(1);
    expect(m.fake.callsTo('annotations.list').at(-1)).toEqual({ articleId: 2 });

    await expect.poll(() => notice(m)).toContain('1 kept, 0 moved, 0 fuzzy, 1 orphaned');
    expect(notice(m)).toContain('its 2 highlights were re-placed');
    expect(notice(m)).toContain(
      'The orphaned one is under “Couldn’t place” in the sidebar, where you can re-attach it.',
    );
    expect(m.host.querySelector('.notice-region')?.getAttribute('aria-live')).toBe('polite');
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    await expect.poll(() => notice(m)).toBe('');
  });

  test('Ctrl+O opens too, and a new article (no report) shows no notice', async () => {
    const fake = new FakeApi();
    fake.opened = { article: fieldNotes, created: true, report: null, notices: [] };
    const m = await renderApp(fake);
    m.article.focus();
    await userEvent.keyboard('{Control>}o{/Control}');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    expect(fake.callsTo('articles.openFile')).toHaveLength(1);
    expect(notice(m)).toBe('');
    await expect.poll(() => remount(m).body.textContent).toBe(fieldNotes.content);
  });

  test('what main says about the import is shown after the re-anchoring report, one sentence a line', async () => {
    const fake = withChangedFile();
    fake.opened = { ...fake.opened!, notices: ['2 images could not be loaded and were left out.'] };
    const m = await renderApp(fake);
    await userEvent.click(openButton());
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    const lines = () => [...m.host.querySelectorAll('.notice-region li')].map((li) => li.textContent ?? '');
    await expect.poll(lines).toHaveLength(2);
    expect(lines()[0]).toContain('1 kept, 0 moved, 0 fuzzy, 1 orphaned');
    expect(lines()[1]).toBe('2 images could not be loaded and were left out.');
  });

  test('a cancelled dialog changes nothing', async () => {
    const fake = new FakeApi();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    const article = m.article;
    await userEvent.click(openButton());
    await vi.waitFor(() => expect(fake.callsTo('articles.openFile')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(m.host.querySelector('article.article')).toBe(article);
    expect(sidebarQuotes(m)).toEqual(['It never loses a note.']);
    expect(paintedCount('marginalia-yellow')).toBe(1);
    expect(notice(m)).toBe('');
    expect(m.host.querySelectorAll('[role="alert"]:not(:empty)')).toHaveLength(0);
  });

  test('a file that cannot be opened says why and keeps the article', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    fake.failNext('articles.openFile', 'notes.pdf is not a text file', 'invalid-input');
    await userEvent.click(openButton());
    await expectText(
      page.getByRole('alert').filter({ hasText: 'Couldn’t open' }),
      'Couldn’t open the file: notes.pdf is not a text file',
    );
    expect(m.host.querySelector('article.article')).toBe(m.article);
    await userEvent.click(
      page.getByRole('alert').filter({ hasText: 'Couldn’t open' }).getByRole('button', { name: 'Dismiss' }),
    );
    await expect.element(page.getByRole('alert').filter({ hasText: 'Couldn’t open' })).not.toBeInTheDocument();
  });

  test('“Default article” goes back to the built-in article', async () => {
    const fake = new FakeApi();
    fake.opened = { article: fieldNotes, created: true, report: null, notices: [] };
    const m = await renderApp(fake);
    await expect.element(page.getByRole('button', { name: 'Default article' })).not.toBeInTheDocument();
    await userEvent.click(openButton());
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Default article' }));
    await expect.element(page.getByRole('heading', { level: 1, name: fake.article.title })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Default article' })).not.toBeInTheDocument();
    expect(remount(m).body.textContent).toBe(fake.article.content);
  });

  test('a note being typed is saved when another article is opened', async () => {
    const fake = new FakeApi();
    const stored = fake.seed({
      selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }],
    });
    fake.opened = { article: fieldNotes, created: true, report: null, notices: [] };
    const m = await renderApp(fake);
    clickText(m, 'never loses');
    await userEvent.click(page.getByRole('dialog').getByRole('textbox', { name: 'Note' }));
    await userEvent.keyboard('Half a thought');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    expect(fake.annotations.get(stored.id)?.note).toBe('Half a thought');
  });
});

describe('the re-anchoring report', () => {
  test('gets singular and plural right', () => {
    expect(describeReport('A', { kept: 0, moved: 0, fuzzy: 0, orphaned: 1 })).toBe(
      '“A” has changed; its highlight was re-placed: 0 kept, 0 moved, 0 fuzzy, 1 orphaned. The orphaned one is under “Couldn’t place” in the sidebar, where you can re-attach it.',
    );
    expect(describeReport('A', { kept: 1, moved: 2, fuzzy: 2, orphaned: 3 })).toBe(
      '“A” has changed; its 8 highlights were re-placed: 1 kept, 2 moved, 2 fuzzy, 3 orphaned. Fuzzy ones are marked “Closest match” in the sidebar. The 3 orphans are under “Couldn’t place” in the sidebar, where you can re-attach them.',
    );
    expect(describeReport('A', { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 })).toBe(
      '“A” has changed. It had no highlights to re-place.',
    );
  });
});
