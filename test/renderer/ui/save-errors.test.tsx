import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  clickText,
  expectText,
  paintedCount,
  press,
  renderApp,
  renderWithOneHighlight,
  selectText,
  sidebarQuotes,
} from './harness.tsx';

afterEach(cleanup);

const quote = 'The habit is older than print.';
const diskFull = 'The disk is full: Marginalia could not save your change. Free some space and try again.';

const withOneHighlight = (note = '') => renderWithOneHighlight(quote, note);

/** The text of the error region the user sees (empty when there is no error). */
function alertText(): string {
  return page.getByRole('alert').query()?.textContent ?? '';
}

async function openEditor(m: Awaited<ReturnType<typeof withOneHighlight>>['m']) {
  clickText(m, 'older than');
  const note = page.getByRole('textbox', { name: 'Note' });
  await userEvent.click(note);
  return note;
}

describe('save errors', () => {
  test('a refused note says why in user words, and the message goes once a note saves', async () => {
    const { m, stored } = await withOneHighlight();
    m.fake.failNext('annotations.update', 'The note is too long: at most 100,000 characters.', 'invalid-input');
    const note = await openEditor(m);
    await userEvent.keyboard('Too long');
    await expectText(
      page.getByRole('alert'),
      "Couldn't save the note: The note is too long: at most 100,000 characters.",
    );
    await expect.element(note).toHaveValue('Too long');
    await userEvent.keyboard(', now fine');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Too long, now fine'));
    await expect.poll(alertText).toBe('');
  });

  test('a full disk keeps the typed note in the editor and on the card, and says what to do', async () => {
    const { m, stored } = await withOneHighlight('Draft');
    m.fake.failNext('annotations.update', diskFull, 'disk-full');
    const note = await openEditor(m);
    await userEvent.keyboard(' kept');
    await expectText(page.getByRole('alert'), `Couldn't save the note: ${diskFull}`);
    await expect.element(note).toHaveValue('Draft kept');
    expect(m.host.querySelector('.sidebar .entry-note')?.textContent).toBe('Draft kept');
    expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft');
  });

  test('a full disk puts the old colour back', async () => {
    const { m, stored } = await withOneHighlight();
    m.fake.failNext('annotations.update', diskFull, 'disk-full');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await expectText(page.getByRole('alert'), `Couldn't change the colour: ${diskFull}`);
    expect(paintedCount('marginalia-green')).toBe(0);
    expect(paintedCount('marginalia-yellow')).toBe(1);
    await expect
      .element(page.getByRole('dialog').getByRole('button', { name: 'Yellow' }))
      .toHaveAttribute('aria-pressed', 'true');
    expect(m.host.querySelector('.sidebar .entry .swatch-dot')?.getAttribute('aria-label')).toBe('Yellow highlight');
    expect(m.fake.annotations.get(stored.id)?.color).toBe('yellow');
  });

  test('a full disk brings a deleted highlight back', async () => {
    const { m, stored } = await withOneHighlight('Keep me');
    m.fake.failNext('annotations.delete', diskFull, 'disk-full');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('button', { name: 'Delete highlight' }));
    await expectText(page.getByRole('alert'), `Couldn't delete the highlight: ${diskFull}`);
    expect(paintedCount('marginalia-yellow')).toBe(1);
    await expect.poll(() => sidebarQuotes(m)).toEqual([quote]);
    expect(m.host.querySelector('.sidebar .entry-note')?.textContent).toBe('Keep me');
    expect(m.fake.annotations.has(stored.id)).toBe(true);
  });

  test('after a full disk, the next change that saves clears the message', async () => {
    const { m } = await withOneHighlight();
    m.fake.failNext('annotations.update', diskFull, 'disk-full');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await expectText(page.getByRole('alert'), diskFull);
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Blue' }));
    await vi.waitFor(() => expect([...m.fake.annotations.values()][0]?.color).toBe('blue'));
    await expect.poll(alertText).toBe('');
  });

  test('after a note fails on a full disk, a recolour that saves keeps the message; a note that saves clears it', async () => {
    const { m, stored } = await withOneHighlight('Draft');
    m.fake.failNext('annotations.update', diskFull, 'disk-full');
    const note = await openEditor(m);
    await userEvent.keyboard(' kept');
    await expectText(page.getByRole('alert'), `Couldn't save the note: ${diskFull}`);
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('green'));
    // The card still shows "Draft kept", which is not stored: the message must stay.
    expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft');
    expect(alertText()).toContain(`Couldn't save the note: ${diskFull}`);
    await userEvent.click(note);
    await userEvent.keyboard('!');
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.note).toBe('Draft kept!'));
    await expect.poll(alertText).toBe('');
  });

  test("a note that failed stays reported when another highlight's note saves", async () => {
    const fake = new FakeApi();
    const first = fake.seed({
      color: 'yellow',
      selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    });
    const other = 'It never loses a note.';
    const second = fake.seed({
      color: 'blue',
      selectors: [{ type: 'TextQuoteSelector', exact: other, prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    fake.failNext('annotations.update', diskFull, 'disk-full');
    await openEditor(m);
    await userEvent.keyboard('Lost?');
    await expectText(page.getByRole('alert'), `Couldn't save the note: ${diskFull}`);
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    clickText(m, 'loses a note');
    await expect
      .element(page.getByRole('dialog').getByRole('button', { name: 'Blue' }))
      .toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(page.getByRole('textbox', { name: 'Note' }));
    await userEvent.keyboard('Saved');
    await vi.waitFor(() => expect(fake.annotations.get(second.id)?.note).toBe('Saved'));
    expect(fake.annotations.get(first.id)?.note).toBe('');
    expect(alertText()).toContain(`Couldn't save the note: ${diskFull}`);
  });

  test('a highlight that failed to save is cleared from the message once another highlight saves', async () => {
    const m = await renderApp(new FakeApi());
    m.fake.failNext('annotations.create', diskFull, 'disk-full');
    selectText(m, 'older than print');
    press(m.article, '1');
    await expectText(page.getByRole('alert'), `Couldn't save the highlight: ${diskFull}`);
    selectText(m, 'footprints where they were left');
    press(m.article, '2');
    await vi.waitFor(() => expect(m.fake.annotations.size).toBe(1));
    await expect.poll(alertText).toBe('');
  });

  test('a change that was already in flight when another failed does not clear that failure', async () => {
    const { m } = await withOneHighlight();
    clickText(m, 'older than');
    const dialog = page.getByRole('dialog');
    await expect.element(dialog).toBeVisible();
    m.fake.hold();
    m.fake.failNext('annotations.update', diskFull, 'disk-full');
    await userEvent.click(dialog.getByRole('button', { name: 'Green' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Blue' }));
    m.fake.release();
    await vi.waitFor(() => expect([...m.fake.annotations.values()][0]?.color).toBe('blue'));
    await expectText(page.getByRole('alert'), `Couldn't change the colour: ${diskFull}`);
    expect(paintedCount('marginalia-blue')).toBe(1);
  });
});
