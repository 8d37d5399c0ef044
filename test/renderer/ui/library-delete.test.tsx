import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, clickText, expectText, paintedCount, press, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const library = () => page.getByRole('dialog', { name: 'Library' });
const filterBox = () => page.getByRole('combobox', { name: 'Filter by title or file name' });
const question = () => page.getByRole('alertdialog');
const noticeBar = (m: { host: HTMLElement }) => m.host.querySelector('.notice-region')?.textContent ?? '';

/** The titles listed, top to bottom. */
function titles(): string[] {
  return [...document.querySelectorAll('[role="option"] .library-title')].map((t) => t.firstChild?.textContent ?? '');
}

const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

/**
 * Field notes (the newest: three highlights, two with notes, and a note of its own) and Owls (none), besides the
 * built-in article.
 */
function library3(): { fake: FakeApi; fieldNotes: Article; owls: Article } {
  const fake = new FakeApi();
  const owls = fake.addArticle({
    title: 'Owls',
    source: 'file:///home/ada/owls.txt',
    createdAt: '2025-03-01T10:00:00.000Z',
    content: 'The owl hunts at dusk.',
  });
  const fieldNotes = fake.addArticle({
    title: 'Field notes',
    source: 'file:///home/ada/field-notes.txt',
    createdAt: '2025-04-01T10:00:00.000Z',
    content: 'The heron stood in the shallows all morning.\n\nBy noon it had caught nothing.',
    note: 'Go back in May.',
  });
  fake.seed({ articleId: fieldNotes.id, selectors: quote('The heron'), note: 'Grey?' });
  fake.seed({ articleId: fieldNotes.id, selectors: quote('all morning'), note: 'Patient.' });
  fake.seed({ articleId: fieldNotes.id, selectors: quote('caught nothing') });
  return { fake, fieldNotes, owls };
}

async function openLibrary(count: number): Promise<void> {
  await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
  await expect.element(filterBox()).toHaveFocus();
  await vi.waitFor(() => expect(titles()).toHaveLength(count));
}

/** The Delete button of a listed article. */
const deleteButton = (title: string) => library().getByRole('button', { name: `Delete “${title}”` });

/** Deletes a listed article as the user does: its Delete button, then Delete in the question. */
async function deleteListed(title: string): Promise<void> {
  await userEvent.click(deleteButton(title));
  await userEvent.click(question().getByRole('button', { name: 'Delete' }));
}

describe('deleting an article from the library', () => {
  test('its Delete button asks first, saying what goes with it, with Cancel focused; Cancel deletes nothing', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    await userEvent.click(deleteButton('Field notes'));
    await expect.element(question()).toBeVisible();
    await expect.element(question()).toHaveAccessibleName('Delete “Field notes”?');
    await expect.element(question()).toHaveAccessibleDescription('Its 3 highlights and 3 notes will be deleted too.');
    await expect.element(question().getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // The list behind it is out of reach meanwhile.
    expect(document.querySelector('.library-body')?.hasAttribute('inert')).toBe(true);
    await userEvent.keyboard('{Tab}');
    await expect.element(question().getByRole('button', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect.element(question().getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(question().elements()).toHaveLength(0);
    await expect.element(filterBox()).toHaveFocus();
    expect(fake.callsTo('articles.delete')).toEqual([]);
    expect(titles()).toEqual(['Field notes', 'Owls', testArticle.title]);
  });

  test('the Delete key asks about the active article; Escape cancels the question, not the library', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    await userEvent.keyboard('{ArrowDown}{Delete}');
    await expect.element(question()).toHaveAccessibleName('Delete “Owls”?');
    await expect.element(question()).toHaveAccessibleDescription('It has no highlights or notes.');
    await userEvent.keyboard('{Escape}');
    expect(question().elements()).toHaveLength(0);
    await expect.element(library()).toBeVisible();
    await expect.element(filterBox()).toHaveFocus();
    expect(fake.callsTo('articles.delete')).toEqual([]);
  });

  test('Delete in the middle of the filter text edits the filter, as it always does', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    await userEvent.keyboard('owlsx{ArrowLeft}{Delete}');
    await expect.element(filterBox()).toHaveValue('owls');
    expect(question().elements()).toHaveLength(0);
  });

  test('deleting: the article leaves the list, the next one is active, and Undo (here or in the notice) brings it back', async () => {
    const { fake, fieldNotes } = library3();
    const m = await renderApp(fake);
    await openLibrary(3);
    await userEvent.keyboard('{Delete}');
    await userEvent.click(question().getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(titles()).toEqual(['Owls', testArticle.title]));
    expect(fake.callsTo('articles.delete')).toEqual([{ id: fieldNotes.id }]);
    expect([...fake.annotations.values()].filter((a) => a.articleId === fieldNotes.id)).toEqual([]);
    await expect.element(filterBox()).toHaveFocus();
    const input = filterBox().element() as HTMLInputElement;
    expect(document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent).toContain('Owls');
    // The window behind is inert, so the library says it too, with its own Undo.
    await expectText(library(), 'Deleted “Field notes”.');

    await userEvent.keyboard('{Escape}');
    await expect.poll(() => noticeBar(m)).toContain('Deleted “Field notes”.');
    await userEvent.click(page.getByRole('banner').getByRole('button', { name: /^Library/ }));
    await vi.waitFor(() => expect(titles()).toEqual(['Owls', testArticle.title]));
    await userEvent.click(library().getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', 'Owls', testArticle.title]));
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
    expect([...fake.annotations.values()].filter((a) => a.articleId === fieldNotes.id)).toHaveLength(3);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => noticeBar(m)).toContain('Restored “Field notes”.');
    expect(page.getByRole('button', { name: 'Undo' }).elements()).toHaveLength(0);
  });

  test('the notice’s Undo button, and Ctrl+Z while the notice shows, undo the deletion', async () => {
    const { fake } = library3();
    const m = await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('{Escape}');
    const noticeUndo = page.getByRole('button', { name: 'Undo' });
    await expect.element(noticeUndo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
    m.article.focus();
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => noticeBar(m)).toContain('Restored “Owls”.');
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
    expect(fake.callsTo('articles.get')).toEqual([]);
    // It was not open: the reader stays where it was.
    expect(m.host.querySelector('article.article')).toBe(m.article);
    // A second Ctrl+Z has nothing more to undo.
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
  });

  test('Ctrl+Z is the text field’s own undo once the user has typed in it after the deletion', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('fie');
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(fake.callsTo('articles.restore')).toEqual([]);
  });

  test('deleting the open article shows the default article; undoing opens it again', async () => {
    const { fake, fieldNotes } = library3();
    const m = await renderApp(fake);
    await openLibrary(3);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await openLibrary(3);
    await deleteListed('Field notes');
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => noticeBar(m)).toContain('Deleted “Field notes”.');
    await userEvent.click(page.getByRole('button', { name: 'Undo' }));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    expect(remount(m).body.textContent).toBe(fieldNotes.content);
    await expect.poll(() => noticeBar(m)).toContain('Restored “Field notes”.');
  });

  test('Ctrl+Shift+Z deletes it again and Ctrl+Z brings it back again, with main’s new token each time', async () => {
    const { fake, owls } = library3();
    const m = await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    // In the library, away from its filter field, the keys undo and redo the deletion the library shows.
    const list = document.querySelector<HTMLElement>('.library-body')!;
    press(list, 'z', { ctrlKey: true });
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', 'Owls', testArticle.title]));
    press(list, 'Z', { ctrlKey: true, shiftKey: true });
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => noticeBar(m)).toContain('Deleted “Owls” again.');
    expect(fake.callsTo('articles.delete')).toEqual([{ id: owls.id }, { id: owls.id }]);
    press(m.article, 'z', { ctrlKey: true });
    await expect.poll(() => noticeBar(m)).toContain('Restored “Owls”.');
    const restores = fake.callsTo('articles.restore') as { undoToken: string }[];
    expect(restores).toHaveLength(2);
    expect(restores[1]!.undoToken).not.toBe(restores[0]!.undoToken);
    await openLibrary(3);
  });

  test('a highlight changed after the deletion is undone first; the notice’s Undo still restores the article', async () => {
    const { fake, owls } = library3();
    const stored = fake.seed({ selectors: quote('The habit is older than print.') });
    const m = await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('{Escape}');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('green'));
    press(m.article, 'Escape');

    // Ctrl+Z: the colour, the latest change, then the deletion.
    press(m.article, 'z', { ctrlKey: true });
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('yellow'));
    expect(fake.callsTo('articles.restore')).toEqual([]);
    press(m.article, 'z', { ctrlKey: true });
    await expect.poll(() => noticeBar(m)).toContain('Restored “Owls”.');
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
    // And redo goes forward in the same order.
    press(m.article, 'Z', { ctrlKey: true, shiftKey: true });
    await vi.waitFor(() => expect(fake.callsTo('articles.delete')).toEqual([{ id: owls.id }, { id: owls.id }]));
    press(m.article, 'Z', { ctrlKey: true, shiftKey: true });
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('green'));
    expect(paintedCount('marginalia-green')).toBe(1);
  });

  test('the notice’s Undo pressed after a later change restores the article out of turn, and only once', async () => {
    const { fake } = library3();
    const stored = fake.seed({ selectors: quote('The habit is older than print.') });
    const m = await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('{Escape}');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Blue' }));
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('blue'));
    press(m.article, 'Escape');
    await userEvent.click(page.getByRole('button', { name: 'Undo' }));
    await expect.poll(() => noticeBar(m)).toContain('Restored “Owls”.');
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
    // The colour is still the latest change; after it there is nothing left to undo, the article is not restored twice.
    press(m.article, 'z', { ctrlKey: true });
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('yellow'));
    press(m.article, 'z', { ctrlKey: true });
    await expect.poll(() => noticeBar(m)).toContain('Nothing to undo.');
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
  });

  test('redoing the deletion of the article being read shows the default article again', async () => {
    const { fake } = library3();
    const m = await renderApp(fake);
    await openLibrary(3);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await openLibrary(3);
    await deleteListed('Field notes');
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    press(remount(m).article, 'z', { ctrlKey: true });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    press(remount(m).article, 'Z', { ctrlKey: true, shiftKey: true });
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    await expect.poll(() => noticeBar(m)).toContain('Deleted “Field notes” again.');
  });

  test('an undo main can never do (the article came back another way) is left out, and Ctrl+Z goes on with the older change', async () => {
    const { fake } = library3();
    const stored = fake.seed({ selectors: quote('The habit is older than print.') });
    const m = await renderApp(fake);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Pink' }));
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('pink'));
    press(m.article, 'Escape');
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    await userEvent.keyboard('{Escape}');
    fake.failNext('articles.restore', 'An article from that file is in the library again.', 'conflict');
    press(m.article, 'z', { ctrlKey: true });
    await expect
      .poll(() => noticeBar(m))
      .toContain('It is left out; pressing again goes on with the change before it.');
    press(m.article, 'z', { ctrlKey: true });
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.color).toBe('yellow'));
    expect(fake.callsTo('articles.restore')).toHaveLength(1);
  });

  test('Ctrl+Z while a deletion is on its way undoes that deletion, not an older one', async () => {
    const { fake, fieldNotes, owls } = library3();
    await renderApp(fake);
    await openLibrary(3);
    await deleteListed('Owls');
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    fake.hold();
    await deleteListed('Field notes');
    press(document.querySelector<HTMLElement>('.library-body')!, 'z', { ctrlKey: true });
    fake.release();
    await vi.waitFor(() => expect(fake.callsTo('articles.restore')).toHaveLength(1));
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
    expect(fake.callsTo('articles.delete')).toEqual([{ id: owls.id }, { id: fieldNotes.id }]);
  });

  test('the built-in article has no Delete button, and the Delete key on it asks nothing', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    expect(deleteButton(testArticle.title).elements()).toHaveLength(0);
    expect(deleteButton('Owls').elements()).toHaveLength(1);
    await userEvent.keyboard('{End}{Delete}');
    expect(question().elements()).toHaveLength(0);
  });

  test('a deletion main refuses is explained in the question, which stays', async () => {
    const { fake } = library3();
    await renderApp(fake);
    await openLibrary(3);
    fake.failNext('articles.delete', 'The disk is full: free some space and try again.', 'disk-full');
    await deleteListed('Owls');
    await expectText(
      question().getByRole('alert'),
      'Couldn’t delete it: The disk is full: free some space and try again.',
    );
    expect(titles()).toEqual(['Field notes', 'Owls', testArticle.title]);
    await userEvent.click(question().getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(titles()).toEqual(['Field notes', testArticle.title]));
  });

  test('the question reads well for one highlight and for an article note alone', async () => {
    const fake = new FakeApi();
    const one = fake.addArticle({ title: 'One', source: 'file:///a/one.txt', content: 'Just one line here.' });
    fake.seed({ articleId: one.id, selectors: quote('one line') });
    fake.addArticle({ title: 'Noted', source: 'file:///a/noted.txt', content: 'Text.', note: 'Mine.' });
    await renderApp(fake);
    await openLibrary(3);
    await userEvent.click(deleteButton('One'));
    await expect.element(question()).toHaveAccessibleDescription('Its 1 highlight will be deleted too.');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(deleteButton('Noted'));
    await expect.element(question()).toHaveAccessibleDescription('Its 1 note will be deleted too.');
  });
});
