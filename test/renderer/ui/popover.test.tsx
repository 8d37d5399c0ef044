import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import {
  cleanup,
  clickText,
  expectText,
  paintedCount,
  popover,
  press,
  renderWithOneHighlight,
  sidebarQuotes,
} from './harness.tsx';

afterEach(cleanup);

const quote = 'The habit is older than print.';

const withOneHighlight = (note = '') => renderWithOneHighlight(quote, note);

describe('the highlight popover', () => {
  test('opens when a highlight is clicked, as a labelled dialog', async () => {
    const { m } = await withOneHighlight('Old note');
    clickText(m, 'older than');
    const dialog = page.getByRole('dialog', { name: 'Yellow highlight' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('Old note');
    await expect.element(dialog.getByRole('button', { name: 'Yellow' })).toHaveAttribute('aria-pressed', 'true');
    expect(m.host.querySelector('.popover-quote')?.textContent).toBe(quote);
  });

  test('clicking plain text opens nothing', async () => {
    const { m } = await withOneHighlight();
    clickText(m, 'Readers have always');
    await new Promise((r) => setTimeout(r, 50));
    expect(popover(m)).toBeNull();
  });

  test('recolours a highlight', async () => {
    const { m, stored } = await withOneHighlight();
    clickText(m, 'older than');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Purple' }));
    expect(paintedCount('marginalia-purple')).toBe(1);
    expect(paintedCount('marginalia-yellow')).toBe(0);
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.update')).toEqual([{ id: stored.id, color: 'purple' }]));
    await expect.element(page.getByRole('dialog', { name: 'Purple highlight' })).toBeVisible();
  });

  test('a failed recolour goes back to the old colour and says why', async () => {
    const { m } = await withOneHighlight();
    m.fake.failNext('annotations.update', 'the database is read-only');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Green' }));
    await expectText(page.getByRole('alert'), 'the database is read-only');
    expect(paintedCount('marginalia-green')).toBe(0);
    expect(paintedCount('marginalia-yellow')).toBe(1);
  });

  test('deletes a highlight', async () => {
    const { m, stored } = await withOneHighlight();
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('button', { name: 'Delete highlight' }));
    expect(paintedCount('marginalia-yellow')).toBe(0);
    await expect.poll(() => popover(m)).toBeNull();
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.delete')).toEqual([{ id: stored.id }]));
    expect(m.fake.annotations.size).toBe(0);
    await expect.poll(() => sidebarQuotes(m)).toEqual([]);
    expect(document.activeElement).toBe(m.article);
  });

  test('a failed delete puts the highlight back', async () => {
    const { m } = await withOneHighlight();
    m.fake.failNext('annotations.delete', 'not allowed right now');
    clickText(m, 'older than');
    await userEvent.click(page.getByRole('button', { name: 'Delete highlight' }));
    await expectText(page.getByRole('alert'), 'not allowed right now');
    expect(paintedCount('marginalia-yellow')).toBe(1);
    await expect.poll(() => sidebarQuotes(m)).toEqual([quote]);
  });

  test('edits a note; Escape closes and saves at once, returning focus to the article', async () => {
    const { m, stored } = await withOneHighlight('Draft');
    clickText(m, 'older than');
    const note = page.getByRole('textbox', { name: 'Note' });
    await userEvent.click(note);
    await userEvent.keyboard(' two');
    expect(m.fake.callsTo('annotations.update')).toEqual([]);
    press(popover(m)!.querySelector('textarea')!, 'Escape');
    expect(m.fake.callsTo('annotations.update')).toEqual([{ id: stored.id, note: 'Draft two' }]);
    await expect.poll(() => popover(m)).toBeNull();
    expect(document.activeElement).toBe(m.article);
  });

  test('a press outside closes it', async () => {
    const { m } = await withOneHighlight();
    clickText(m, 'older than');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    await userEvent.click(page.getByRole('heading', { level: 1 }));
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });
});
