import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi } from './fake-api.ts';
import {
  cleanup,
  expectText,
  orphanQuotes,
  paintedCount,
  press,
  renderApp,
  selectText,
  sidebarQuotes,
} from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

/** A quote whose text is nowhere in the test article, so it cannot be placed. */
const lost = 'Footnotes once lived at the bottom of every page, where the eye could find them without turning back.';
const target = 'It never loses a note.';

async function withOrphan() {
  const fake = new FakeApi();
  const stored = fake.seed({
    color: 'green',
    note: 'Check the footnote',
    selectors: [{ type: 'TextQuoteSelector', exact: lost, prefix: 'the reader… ', suffix: ' A good reader' }],
  });
  const m = await renderApp(fake);
  return { m, fake, stored };
}

function quoteOfUpdate(input: unknown): string | undefined {
  const selectors = (input as { selectors?: Array<{ type: string; exact?: string }> }).selectors;
  return selectors?.find((s) => s.type === 'TextQuoteSelector')?.exact;
}

const orphanSection = () => page.getByRole('region', { name: /Couldn’t place/ });
const banner = () => page.getByRole('region', { name: 'Re-attaching a highlight' });

describe('highlights that could not be placed', () => {
  test('are listed under “Couldn’t place” with their quote and note, and are not painted', async () => {
    const { m } = await withOrphan();
    await expect.element(orphanSection()).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Couldn’t place 1' })).toBeVisible();
    expect(orphanQuotes(m)).toEqual([lost]);
    await expectText(orphanSection(), 'Check the footnote');
    expect(sidebarQuotes(m)).toEqual([]);
    expect(paintedCount('marginalia-green')).toBe(0);
    await expect.element(orphanSection().getByRole('button', { name: 'Re-attach…' })).toBeVisible();
  });

  test('re-attach: choose Re-attach…, select the new text, press “Re-attach here” — stored, painted, listed in order', async () => {
    const { m, stored } = await withOrphan();
    await userEvent.click(orphanSection().getByRole('button', { name: 'Re-attach…' }));
    await expect.element(banner()).toBeVisible();
    await expectText(banner(), 'Select the text where');
    expect(document.activeElement).toBe(m.article);

    selectText(m, target);
    const toolbar = page.getByRole('toolbar', { name: 'Re-attach highlight' });
    await expect.element(toolbar).toBeVisible();
    expect(toolbar.getByRole('button', { name: /^Highlight / }).elements()).toEqual([]);
    await userEvent.click(toolbar.getByRole('button', { name: 'Re-attach here' }));

    expect(paintedCount('marginalia-green')).toBe(1);
    await expect.poll(() => sidebarQuotes(m)).toEqual([target]);
    expect(orphanQuotes(m)).toEqual([]);
    await expect.element(orphanSection()).not.toBeInTheDocument();
    await expect.element(banner()).not.toBeInTheDocument();
    expect(m.fake.callsTo('annotations.create')).toEqual([]);
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.update')).toHaveLength(1));
    const [update] = m.fake.callsTo('annotations.update');
    expect(Object.keys(update as object).sort()).toEqual(['id', 'selectors']);
    expect(update).toMatchObject({ id: stored.id });
    expect(quoteOfUpdate(update)).toBe(target);
    expect(m.fake.annotations.get(stored.id)).toMatchObject({ note: 'Check the footnote', color: 'green' });
  });

  test('works from the keyboard: Enter re-attaches to the selection', async () => {
    const { m, stored } = await withOrphan();
    const start = orphanSection().getByRole('button', { name: 'Re-attach…' }).element() as HTMLElement;
    start.focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(banner()).toBeVisible();
    selectText(m, 'The habit is older than print.');
    // Colour keys do nothing while re-attaching.
    press(m.article, '3');
    expect(paintedCount('marginalia-blue')).toBe(0);
    press(m.article, 'Enter');
    expect(paintedCount('marginalia-green')).toBe(1);
    await vi.waitFor(() =>
      expect(quoteOfUpdate(m.fake.callsTo('annotations.update')[0])).toBe('The habit is older than print.'),
    );
    expect(m.fake.callsTo('annotations.create')).toEqual([]);
    expect(m.fake.annotations.get(stored.id)?.selectors.some((s) => s.type === 'TextPositionSelector')).toBe(true);
    await expectText(page.getByRole('status'), 'Re-attached');
  });

  test('Escape cancels re-attaching and gives focus back, with nothing sent', async () => {
    const { m } = await withOrphan();
    await userEvent.click(orphanSection().getByRole('button', { name: 'Re-attach…' }));
    await expect.element(banner()).toBeVisible();
    await expect.element(orphanSection().getByRole('button', { name: 'Cancel re-attach' })).toBeVisible();
    selectText(m, target);
    press(m.article, 'Escape');
    await expect.element(banner()).not.toBeInTheDocument();
    await expect.element(page.getByRole('toolbar')).not.toBeInTheDocument();
    await expect.element(orphanSection().getByRole('button', { name: 'Re-attach…' })).toHaveFocus();
    // Back to normal: a selection offers colours again.
    selectText(m, target);
    await expect.element(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible();
    expect(m.fake.callsTo('annotations.update')).toEqual([]);
  });

  test('a failed re-attach puts it back under “Couldn’t place” and says why', async () => {
    const { m } = await withOrphan();
    m.fake.failNext('annotations.update', 'the database is locked');
    await userEvent.click(orphanSection().getByRole('button', { name: 'Re-attach…' }));
    selectText(m, target);
    await userEvent.click(page.getByRole('button', { name: 'Re-attach here' }));
    await expectText(page.getByRole('alert'), "Couldn't re-attach the highlight: the database is locked");
    expect(paintedCount('marginalia-green')).toBe(0);
    expect(sidebarQuotes(m)).toEqual([]);
    expect(orphanQuotes(m)).toEqual([lost]);
  });

  test('opens an editor beside its card: the note saves as you type, the colour changes, and it can be deleted', async () => {
    const { m, stored } = await withOrphan();
    await userEvent.click(orphanSection().getByRole('button', { name: /Footnotes once lived/ }));
    const dialog = page.getByRole('dialog', { name: 'Green highlight' });
    await expect.element(dialog).toBeVisible();
    await expectText(dialog, 'Couldn’t place this');
    // Beside its card, not over it.
    const card = m.host.querySelector('.orphans li')!.getBoundingClientRect();
    expect((dialog.element() as HTMLElement).getBoundingClientRect().right).toBeLessThanOrEqual(card.left);
    const note = dialog.getByRole('textbox', { name: 'Note' });
    await expect.element(note).toHaveValue('Check the footnote');
    await userEvent.click(note);
    await userEvent.keyboard(' twice');
    await vi.waitFor(
      () => expect(m.fake.callsTo('annotations.update')).toEqual([{ id: stored.id, note: 'Check the footnote twice' }]),
      {
        timeout: 2000,
      },
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Pink' }));
    await vi.waitFor(() => expect(m.fake.annotations.get(stored.id)?.color).toBe('pink'));
    await expectText(orphanSection(), 'Check the footnote twice');

    press(m.host.querySelector('[role="dialog"] textarea')!, 'Escape');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(orphanSection().getByRole('button', { name: /Footnotes once lived/ })).toHaveFocus();

    await userEvent.click(orphanSection().getByRole('button', { name: /Footnotes once lived/ }));
    await userEvent.click(page.getByRole('dialog').getByRole('button', { name: 'Delete highlight' }));
    await vi.waitFor(() => expect(m.fake.callsTo('annotations.delete')).toEqual([{ id: stored.id }]));
    expect(orphanQuotes(m)).toEqual([]);
  });

  test('the editor of an orphan, or of a fuzzy match, offers Re-attach…', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'blue',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'A good reader app keeps these footprints where they were left.',
          prefix: '',
          suffix: '',
        },
      ],
    });
    const m = await renderApp(fake);
    await expect.poll(() => sidebarQuotes(m)).toHaveLength(1);
    await userEvent.click(page.getByRole('complementary').getByRole('button', { name: /footprints/ }));
    m.article.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const dialog = page.getByRole('dialog', { name: 'Blue highlight' });
    await expect.element(dialog).toBeVisible();
    await expectText(dialog, 'Closest match (');
    await userEvent.click(dialog.getByRole('button', { name: 'Re-attach…' }));
    await expect.element(banner()).toBeVisible();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    selectText(m, 'A good reader app keeps those footprints where they were left.');
    press(m.article, 'Enter');
    await vi.waitFor(() =>
      expect(quoteOfUpdate(fake.callsTo('annotations.update')[0])).toBe(
        'A good reader app keeps those footprints where they were left.',
      ),
    );
    await expect.poll(() => m.host.querySelector('.sidebar .entry-badge')).toBeNull();
  });
});
