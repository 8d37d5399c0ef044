import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article, OpenedArticle } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, clickText, expectText, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'marginaliaFiles');
});

function article(id: number, title: string, content: string): Article {
  return { ...testArticle, id, title, source: `file:///home/ada/${title}.txt`, content };
}

const fieldNotes = article(11, 'Field notes', 'The heron stood in the shallows all morning.');
const owls = article(12, 'Owls', 'The owl hunts at dusk.');

function opened(a: Article, extra: Partial<OpenedArticle> = {}): OpenedArticle {
  return { article: a, created: true, report: null, notices: [], ...extra };
}

/**
 * A fake that opens field-notes.txt and owls.md when dropped; anything else is refused. Its `files` stands in for the
 * preload's `marginaliaFiles` (a dropped file's path is its name there).
 */
function withFiles(): FakeApi {
  const fake = new FakeApi();
  Object.defineProperty(window, 'marginaliaFiles', { value: fake.files, configurable: true });
  fake.droppedFiles.set('field-notes.txt', opened(fieldNotes, { notices: ['1 image could not be loaded.'] }));
  fake.droppedFiles.set('owls.md', opened(owls));
  return fake;
}

/** What the window sees of a drag from the file manager carrying these files (or, with none, some text). */
function transfer(names: string[], text?: string): DataTransfer {
  const data = new DataTransfer();
  for (const name of names) data.items.add(new File(['…'], name, { type: 'text/plain' }));
  if (text !== undefined) data.setData('text/plain', text);
  return data;
}

function drag(type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', target: Element, data: DataTransfer): DragEvent {
  const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** Drags files onto the article and drops them, as a drag from the file manager does. */
function dropOn(target: Element, data: DataTransfer): DragEvent {
  drag('dragenter', target, data);
  drag('dragover', target, data);
  return drag('drop', target, data);
}

const hint = () => page.getByText('Drop to open');
const notice = (m: { host: HTMLElement }) => m.host.querySelector('.notice-region')?.textContent ?? '';

describe('dropping files on the window', () => {
  test('shows “Drop to open” while files are dragged over it, and hides it when they leave', async () => {
    const m = await renderApp(withFiles());
    const data = transfer(['field-notes.txt']);
    const enter = drag('dragenter', m.body, data);
    const over = drag('dragover', m.body, data);
    await expect.element(hint()).toBeVisible();
    // Accepted, so the browser neither refuses the drop nor opens the file itself.
    expect(over.defaultPrevented).toBe(true);
    expect(enter.defaultPrevented).toBe(false);
    // Moving onto another element inside the window keeps it.
    drag('dragenter', m.article, data);
    drag('dragleave', m.body, data);
    await expect.element(hint()).toBeVisible();
    drag('dragleave', m.article, data);
    await expect.element(hint()).not.toBeInTheDocument();
    expect(m.fake.callsTo('articles.openDropped')).toEqual([]);
  });

  test('a dropped file opens: its article is shown, and what main said about it is in the notice', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    const drop = dropOn(m.body, transfer(['field-notes.txt']));
    expect(drop.defaultPrevented).toBe(true);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await expect.element(hint()).not.toBeInTheDocument();
    expect(fake.callsTo('articles.openDropped')).toEqual([{ paths: ['field-notes.txt'] }]);
    await expect.poll(() => remount(m).body.textContent).toBe(fieldNotes.content);
    expect(notice(m)).toContain('1 image could not be loaded.');
  });

  test('several files: the last one opened is shown, and each refused file is listed with the reason', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    dropOn(m.body, transfer(['owls.md', 'notes.pdf', 'field-notes.txt']));
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    const lines = () => [...m.host.querySelectorAll('.notice-region li')].map((li) => li.textContent);
    await expect
      .poll(lines)
      .toEqual([
        '1 image could not be loaded.',
        'Opened 2 files: “Field notes” is shown, the others are in the library.',
        'notes.pdf cannot be opened: it is not a text, Markdown or HTML file.',
      ]);
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    await expect.poll(() => notice(m)).toBe('');
  });

  test('only refused files: the article stays and the notice says why', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    dropOn(m.body, transfer(['notes.pdf']));
    await expect
      .poll(() => notice(m))
      .toContain('notes.pdf cannot be opened: it is not a text, Markdown or HTML file.');
    expect(m.host.querySelector('article.article')).toBe(m.article);
  });

  test('a file without a path (made by script) is refused here, without asking main', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    const noPaths = { ...fake.files, pathsOf: (files: File[]) => files.map(() => '') };
    Object.defineProperty(window, 'marginaliaFiles', { value: noPaths, configurable: true });
    dropOn(m.body, transfer(['field-notes.txt']));
    await expect
      .poll(() => notice(m))
      .toContain('field-notes.txt cannot be opened: it is not a file on this computer.');
    expect(fake.callsTo('articles.openDropped')).toEqual([]);
  });

  test('dropped text or a link opens nothing, shows no hint and never navigates the window', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    const data = transfer([], 'https://example.org/elsewhere');
    data.setData('text/uri-list', 'https://example.org/elsewhere');
    drag('dragenter', m.body, data);
    const over = drag('dragover', m.body, data);
    const drop = drag('drop', m.body, data);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer?.dropEffect).toBe('none');
    expect(drop.defaultPrevented).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(hint().elements()).toHaveLength(0);
    expect(fake.callsTo('articles.openDropped')).toEqual([]);
    expect(m.host.querySelector('article.article')).toBe(m.article);
  });

  test('text dropped into a note still goes into the note (its drop is left to it)', async () => {
    const fake = withFiles();
    fake.seed({ selectors: [{ type: 'TextQuoteSelector', exact: 'It never loses a note.', prefix: '', suffix: '' }] });
    const m = await renderApp(fake);
    clickText(m, 'never loses');
    const note = page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
    await expect.element(note).toBeVisible();
    const data = transfer([], 'a quoted line');
    expect(drag('dragover', note.element(), data).defaultPrevented).toBe(false);
    expect(drag('drop', note.element(), data).defaultPrevented).toBe(false);
  });

  test('while a dialog is open, a drop is swallowed: nothing opens behind it', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    await userEvent.keyboard('{Control>}k{/Control}');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect.element(dialog).toBeVisible();
    const data = transfer(['field-notes.txt']);
    drag('dragenter', dialog.element(), data);
    const over = drag('dragover', dialog.element(), data);
    expect(over.dataTransfer?.dropEffect).toBe('none');
    expect(drag('drop', dialog.element(), data).defaultPrevented).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(hint().elements()).toHaveLength(0);
    expect(fake.callsTo('articles.openDropped')).toEqual([]);
    expect(m.host.querySelector('article.article')).toBe(m.article);
  });

  test('main failing the whole drop shows why in an alert', async () => {
    const fake = withFiles();
    const m = await renderApp(fake);
    fake.failNext('articles.openDropped', 'The disk is full: free some space and try again.', 'disk-full');
    dropOn(m.body, transfer(['field-notes.txt']));
    await expectText(
      page.getByRole('alert').filter({ hasText: 'Couldn’t open' }),
      'Couldn’t open the dropped files: The disk is full: free some space and try again.',
    );
    expect(m.host.querySelector('article.article')).toBe(m.article);
  });
});
