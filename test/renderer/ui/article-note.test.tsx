import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, expectText, press, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const toggle = () => page.getByRole('button', { name: 'Article note' });
const field = () => page.getByRole('textbox', { name: 'Article note' });
const notes = (fake: FakeApi) => fake.callsTo('articles.setNote');

describe('the article note', () => {
  test('is a closed disclosure above the highlights; opening it focuses the note', async () => {
    const m = await renderApp();
    await expect.element(toggle()).toHaveAttribute('aria-expanded', 'false');
    expect(field().elements()).toHaveLength(0);
    // Above the sidebar's list of highlights.
    const sidebar = m.host.querySelector('.sidebar')!;
    expect(toggle().element().compareDocumentPosition(sidebar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(toggle());
    await expect.element(toggle()).toHaveAttribute('aria-expanded', 'true');
    await expect.element(field()).toHaveFocus();
  });

  test('is saved once typing pauses, and shown by its first lines when closed', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('Read this before the seminar.{Enter}Then the footnotes.');
    expect(notes(fake)).toEqual([]);
    await expect
      .poll(() => notes(fake))
      .toEqual([{ id: testArticle.id, note: 'Read this before the seminar.\nThen the footnotes.' }]);
    expect(fake.article.note).toBe('Read this before the seminar.\nThen the footnotes.');
    await userEvent.click(toggle());
    expect(field().elements()).toHaveLength(0);
    const preview = m.host.querySelector('.article-note-preview');
    expect(preview?.textContent).toBe('Read this before the seminar.\nThen the footnotes.');
    await expect.element(preview as HTMLElement).toBeVisible();
  });

  test('closing it saves at once, and so does the page going away', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('First');
    await userEvent.click(toggle());
    expect(notes(fake)).toEqual([{ id: testArticle.id, note: 'First' }]);
    await userEvent.click(toggle());
    await userEvent.keyboard(' thought');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(notes(fake).at(-1)).toEqual({ id: testArticle.id, note: 'First thought' });
  });

  test('Escape closes it, saving, and focus goes to its heading', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('Short{Escape}');
    expect(notes(fake)).toEqual([{ id: testArticle.id, note: 'Short' }]);
    await expect.element(toggle()).toHaveFocus();
    await expect.element(toggle()).toHaveAttribute('aria-expanded', 'false');
  });

  test('a note being typed is saved when another article is opened, and each article has its own', async () => {
    const fake = new FakeApi();
    const other = fake.addArticle({ title: 'Owls', source: 'file:///a/owls.txt', content: 'The owl hunts at dusk.' });
    fake.opened = { article: other, created: true, report: null, notices: [] };
    await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('Half a thought');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Owls' })).toBeVisible();
    expect(notes(fake)).toEqual([{ id: testArticle.id, note: 'Half a thought' }]);
    await userEvent.click(toggle());
    await expect.element(field()).toHaveValue('');
  });

  test('an article that has a note opens with it shown, and editing starts from it', async () => {
    const fake = new FakeApi();
    fake.article = { ...testArticle, note: 'Kept from before.' };
    await renderApp(fake);
    await expect.element(page.getByText('Kept from before.')).toBeVisible();
    await userEvent.click(toggle());
    await expect.element(field()).toHaveValue('Kept from before.');
  });

  test('a save that fails says so, keeps the text, and “Try again” saves it', async () => {
    const fake = new FakeApi();
    await renderApp(fake);
    fake.failNext('articles.setNote', 'The disk is full: free some space and try again.', 'disk-full');
    await userEvent.click(toggle());
    await userEvent.keyboard('Important');
    const alert = page.getByRole('alert').filter({ hasText: 'article note' });
    await expectText(alert, 'Couldn’t save the article note: The disk is full: free some space and try again.');
    await expect.element(field()).toHaveValue('Important');
    expect(fake.article.note).toBe('');
    await userEvent.click(alert.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(fake.article.note).toBe('Important'));
    await expect.element(alert).not.toBeInTheDocument();
  });
});

describe('undoing the article note', () => {
  const preview = (host: HTMLElement) => host.querySelector('.article-note-preview')?.textContent ?? '';
  const ctrl = (key: 'z' | 'Z') =>
    press(document.activeElement ?? document.body, key, { ctrlKey: true, shiftKey: key === 'Z' });

  test('Ctrl+Z outside the box takes back one save at a time, and Ctrl+Shift+Z does it again', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('First');
    await userEvent.click(toggle());
    await userEvent.click(toggle());
    await userEvent.keyboard(' thought');
    await userEvent.click(toggle());
    expect(notes(fake).map((n) => (n as { note: string }).note)).toEqual(['First', 'First thought']);
    m.article.focus();

    ctrl('z');
    await expect.poll(() => fake.article.note).toBe('First');
    await expect.poll(() => preview(m.host)).toBe('First');
    ctrl('z');
    await expect.poll(() => fake.article.note).toBe('');
    await expect.poll(() => preview(m.host)).toBe('');
    ctrl('Z');
    await expect.poll(() => fake.article.note).toBe('First');
    await expect.poll(() => preview(m.host)).toBe('First');
    // Open again, the box holds the note Undo and Redo left.
    await userEvent.click(toggle());
    await expect.element(field()).toHaveValue('First');
  });

  test('typing still waiting to be saved is saved as its own step when focus leaves the box', async () => {
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await userEvent.click(toggle());
    await userEvent.keyboard('Draft');
    m.article.focus();
    expect(notes(fake)).toEqual([{ id: testArticle.id, note: 'Draft' }]);
    ctrl('z');
    await expect.poll(() => fake.article.note).toBe('');
    await expect.element(field()).toHaveValue('');
  });
});
