import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  clickText,
  expectText,
  orphanQuotes,
  paintedCount,
  popover,
  press,
  renderApp,
  renderWithOneHighlight,
  selectText,
  sidebarQuotes,
} from './harness.tsx';

afterEach(cleanup);

const sentence = 'It never loses a note.';
const quote = 'The habit is older than print.';

/** Ctrl+Z (or Ctrl+Shift+Z, Ctrl+Y) pressed where the focus is, as the window's shortcut handler hears it. */
function undo(target: Element = document.activeElement ?? document.body): void {
  press(target, 'z', { ctrlKey: true });
}
function redo(target: Element = document.activeElement ?? document.body, keys: 'shift-z' | 'y' = 'shift-z'): void {
  if (keys === 'y') press(target, 'y', { ctrlKey: true });
  else press(target, 'Z', { ctrlKey: true, shiftKey: true });
}

const notice = (host: HTMLElement) => host.querySelector('.notice-region')?.textContent ?? '';

describe('undo and redo of highlight changes', () => {
  test('make, recolour, delete; then Ctrl+Z three times takes each back in reverse order, and redo does them again', async () => {
    const m = await renderApp();
    selectText(m, sentence);
    press(m.article, '1');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    const [made] = [...m.fake.annotations.values()];
    clickText(m, 'loses a');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Purple' }));
    await userEvent.click(page.getByRole('button', { name: 'Delete highlight' }));
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(0));
    await expect.poll(() => popover(m)).toBeNull();

    undo(m.article);
    // The deleted highlight is back, as it was: same id, colour and creation date.
    await vi.waitFor(() => expect(paintedCount('marginalia-purple')).toBe(1));
    await vi.waitFor(() => expect(m.fake.annotations.get(made!.id)).toMatchObject({ color: 'purple' }));
    expect(m.fake.annotations.get(made!.id)?.createdAt).toBe(made!.createdAt);
    await expectText(page.getByText(/Undone: delete highlight/), 'Undone: delete highlight.');

    undo(m.article);
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(1));
    await vi.waitFor(() => expect(m.fake.annotations.get(made!.id)?.color).toBe('yellow'));

    undo(m.article);
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(0));
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(0));
    await expect.poll(() => sidebarQuotes(m)).toEqual([]);

    undo(m.article);
    await expect.poll(() => notice(m.host)).toContain('Nothing to undo.');

    redo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(made!.id)?.color).toBe('yellow'));
    redo(m.article, 'y');
    await vi.waitFor(() => expect(m.fake.annotations.get(made!.id)?.color).toBe('purple'));
    redo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(0));
    expect(paintedCount('marginalia-purple')).toBe(0);
    redo(m.article);
    await expect.poll(() => notice(m.host)).toContain('Nothing to redo.');
  });

  test('presses made in quick succession are replayed one after another, in order', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    for (const color of ['Green', 'Blue', 'Pink']) {
      await userEvent.click(page.getByRole('dialog').getByRole('button', { name: color }));
    }
    press(m.article, 'Escape');
    await expect.poll(() => popover(m)).toBeNull();
    m.fake.hold();
    undo(m.article);
    undo(m.article);
    undo(m.article);
    m.fake.release();
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('yellow'));
    const colours = m.fake.callsTo('annotations.update').map((input) => (input as { color: string }).color);
    expect(colours).toEqual(['green', 'blue', 'pink', 'blue', 'green', 'yellow']);
  });

  test('a new change after an undo drops what could have been redone', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    press(m.article, 'Escape');
    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('yellow'));
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Blue' }));
    press(m.article, 'Escape');
    redo(m.article);
    await expect.poll(() => notice(m.host)).toContain('Nothing to redo.');
    expect(m.fake.annotations.get(stored.id)?.color).toBe('blue');
  });

  test('a note is undone one pause of typing at a time, not one keystroke at a time', async () => {
    const { m, stored } = await renderWithOneHighlight(quote, 'Draft');
    clickText(m, 'older than');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    await userEvent.keyboard(' one');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft one'), { timeout: 3000 });
    await userEvent.keyboard(' two');
    press(popover(m)!.querySelector('textarea')!, 'Escape');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft one two'));
    expect(m.fake.callsTo('annotations.update')).toHaveLength(2);

    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft one'));
    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft'));
    clickText(m, 'older than');
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Draft');
  });

  test('typing left in the open note, then Ctrl+Z on a colour button: that typing is undone first, shown in the field', async () => {
    const { m, stored } = await renderWithOneHighlight(quote, 'Draft');
    clickText(m, 'older than');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    await userEvent.keyboard(' more');
    // Straight to a colour button, before the pause that would save it.
    const yellow = page.getByRole('dialog').getByRole('button', { name: 'Yellow' });
    (yellow.element() as HTMLElement).focus();
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft more'));
    undo(yellow.element());
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft'));
    await expect.element(note).toHaveValue('Draft');
    redo(yellow.element());
    await expect.element(note).toHaveValue('Draft more');
  });

  test('Ctrl+Z in a text field is the field’s own undo: no highlight changes', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    const field = popover(m)!.querySelector('textarea')!;
    field.focus();
    undo(field);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(m.fake.annotations.get(stored.id)?.color).toBe('green');
    expect(m.fake.callsTo('annotations.update')).toHaveLength(1);
  });

  test('after a restart the history is empty: Ctrl+Z changes nothing', async () => {
    const first = await renderWithOneHighlight(quote);
    clickText(first.m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await vi.waitFor(() => expect(first.m.fake.annotations.get(first.stored.id)?.color).toBe('green'));
    first.m.unmount();
    // The same stored data, a new window: what the app sees after it restarts.
    const m = await renderApp(first.m.fake);
    undo(m.article);
    await expect.poll(() => notice(m.host)).toContain('Nothing to undo.');
    expect(m.fake.annotations.get(first.stored.id)?.color).toBe('green');
    expect(m.fake.callsTo('annotations.update')).toHaveLength(1);
  });

  test('a highlight change after an article deletion is undone first, then the deletion', async () => {
    const m = await renderApp();
    m.fake.addArticle({ title: 'Owls', source: 'file:///owls.txt', content: 'The owl hunts at dusk.' });
    await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await userEvent.click(page.getByRole('button', { name: 'Delete “Owls”' }));
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }));
    await expect.poll(() => notice(m.host)).toContain('Deleted “Owls”.');
    await userEvent.keyboard('{Escape}');
    selectText(m, sentence);
    press(m.article, '3');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));

    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(0));
    expect(m.fake.callsTo('articles.restore')).toEqual([]);
  });

  test('a tag change is undone and redone as one step', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('combobox', { name: 'Tags' }));
    await userEvent.keyboard('birds{Enter}');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['birds']));
    press(popover(m)!.querySelector('input')!, 'Escape');
    await expect.poll(() => popover(m)).toBeNull();
    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual([]));
    redo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.tags).toEqual(['birds']));
  });

  test('re-attaching an orphan is undone: it is an orphan again, with its old selectors', async () => {
    const lost =
      'Footnotes once lived at the bottom of every page, where the eye could find them without turning back.';
    const fake = new FakeApi();
    const stored = fake.seed({
      color: 'green',
      selectors: [{ type: 'TextQuoteSelector', exact: lost, prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    expect(orphanQuotes(m)).toEqual([lost]);
    await userEvent.click(page.getByRole('button', { name: 'Re-attach…' }));
    selectText(m, sentence);
    await userEvent.click(
      page.getByRole('toolbar', { name: 'Re-attach highlight' }).getByRole('button', { name: 'Re-attach here' }),
    );
    await vi.waitFor(() => expect(orphanQuotes(m)).toEqual([]));
    undo(m.article);
    await vi.waitFor(() => expect(orphanQuotes(m)).toEqual([lost]));
    expect(paintedCount('marginalia-green')).toBe(0);
    await vi.waitFor(() => expect(fake.annotations.get(stored.id)?.selectors).toEqual(stored.selectors));
  });

  test('Ctrl+Z pressed while the delete is still on its way waits for it, then brings the highlight back', async () => {
    const { m, stored } = await renderWithOneHighlight(quote, 'Keep me');
    clickText(m, 'older than');
    m.fake.hold();
    await userEvent.click(page.getByRole('button', { name: 'Delete highlight' }));
    undo(m.article);
    m.fake.release();
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)).toMatchObject({ note: 'Keep me' }));
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(1));
  });

  test('an undo main refuses stays to be tried again, and says so; it is not skipped', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Blue' }));
    press(m.article, 'Escape');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('blue'));
    m.fake.failNext('annotations.update', 'the database is read-only');
    undo(m.article);
    await expectText(page.getByRole('alert'), 'the database is read-only');
    await expect.poll(() => notice(m.host)).toContain('Not undone');
    expect(m.fake.annotations.get(stored.id)?.color).toBe('blue');
    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('green'));
  });

  test('an undo main refuses for good is left out, so it cannot block the older changes', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Blue' }));
    press(m.article, 'Escape');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('blue'));
    m.fake.failNext('annotations.update', 'No annotation with that id.', 'not-found');
    undo(m.article);
    await expect.poll(() => notice(m.host)).toContain('It is left out');
    undo(m.article);
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('yellow'));
    expect(m.fake.callsTo('annotations.update')).toHaveLength(4);
  });

  test('Ctrl+Z while a dialog is open changes nothing behind it', async () => {
    const { m, stored } = await renderWithOneHighlight(quote);
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    press(m.article, 'Escape');
    await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    const library = page.getByRole('dialog', { name: 'Library' });
    await expect.element(library).toBeVisible();
    const listed = library.getByRole('option').first().element();
    undo(listed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(m.fake.annotations.get(stored.id)?.color).toBe('green');
  });
});
