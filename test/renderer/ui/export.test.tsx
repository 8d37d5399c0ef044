import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, expectText, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const exportButton = () => page.getByRole('banner').getByRole('button', { name: 'Export…' });
const dialog = () => page.getByRole('dialog', { name: 'Export or import highlights' });
const noticeText = () => document.querySelector('.notice-region')?.textContent ?? '';
const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];

/** The built-in article with two highlights, and another article with one. */
function withHighlights(): FakeApi {
  const fake = new FakeApi();
  fake.seed({ selectors: quote('It never loses a note.') });
  fake.seed({ selectors: quote('never') });
  const other = fake.addArticle({ title: 'Owls', content: 'The owl hunts at dusk.' });
  fake.seed({ articleId: other.id, selectors: quote('owl') });
  return fake;
}

describe('exporting', () => {
  test('the header button opens the dialog on this article in Markdown; Export asks main, and the notice says what went where', async () => {
    const fake = withHighlights();
    const m = await renderApp(fake);
    await userEvent.click(exportButton());
    await expect.element(dialog()).toBeVisible();
    const thisArticle = dialog().getByRole('radio', { name: `This article, “${testArticle.title}”` });
    await expect.element(thisArticle).toBeChecked();
    await expect.element(thisArticle).toHaveFocus();
    await expect.element(dialog().getByRole('radio', { name: /^Markdown files/ })).toBeChecked();
    await userEvent.click(dialog().getByRole('button', { name: 'Export…' }));
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(fake.callsTo('export.run')).toEqual([{ format: 'markdown', articleIds: [testArticle.id] }]);
    await expect.poll(() => noticeText()).toContain('Exported 2 highlights of 1 article to /home/ada/Vault (1 file).');
    // Focus goes back to the button that opened it.
    await expect.element(exportButton()).toHaveFocus();
    expect(m.host.querySelector('.article-body')).not.toBeNull();
  });

  test('the whole library as CSV, chosen with the keyboard alone', async () => {
    const fake = withHighlights();
    fake.exportTo = '/home/ada/highlights.csv';
    await renderApp(fake);
    (exportButton().element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).toBeVisible();
    // Arrow keys move through a radio group; Tab goes to the next group.
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(dialog().getByRole('radio', { name: 'The whole library' })).toBeChecked();
    await userEvent.keyboard('{Tab}{ArrowDown}{ArrowDown}');
    await expect.element(dialog().getByRole('radio', { name: /^CSV for Readwise/ })).toBeChecked();
    // Then past Import annotations… and Cancel to Export….
    await userEvent.keyboard('{Tab}{Tab}{Tab}{Enter}');
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(fake.callsTo('export.run')).toEqual([{ format: 'csv' }]);
    await expect.poll(() => noticeText()).toContain('Exported 3 highlights of 2 articles to /home/ada/highlights.csv.');
  });

  test('cancelling main’s dialog keeps the choices; a failure is shown in the dialog; Escape closes it', async () => {
    const fake = withHighlights();
    fake.exportTo = null;
    await renderApp(fake);
    await userEvent.click(exportButton());
    await userEvent.click(dialog().getByRole('radio', { name: /^Web Annotation JSON-LD/ }));
    await userEvent.click(dialog().getByRole('button', { name: 'Export…' }));
    await expect.poll(() => fake.callsTo('export.run')).toHaveLength(1);
    await expect.element(dialog().getByRole('button', { name: 'Export…' })).toBeVisible();
    await expect.element(dialog().getByRole('radio', { name: /^Web Annotation JSON-LD/ })).toBeChecked();

    fake.exportTo = '/media/usb/annotations.jsonld';
    fake.failNext('export.run', 'The disk is full: /media/usb/annotations.jsonld could not be written.', 'storage');
    await userEvent.click(dialog().getByRole('button', { name: 'Export…' }));
    await expectText(
      dialog().getByRole('alert'),
      'The disk is full: /media/usb/annotations.jsonld could not be written.',
    );
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(exportButton()).toHaveFocus();
  });

  test('Import annotations… asks main for the file, then says what came of it and shows the article with them', async () => {
    const fake = withHighlights();
    fake.importReport = {
      imported: 5,
      orphaned: 1,
      alreadyThere: 2,
      articlesMissing: { count: 3, sources: ['https://example.org/a', 'https://example.org/b'] },
      notImported: [{ reason: 'page notes without a passage', count: 4 }],
    };
    await renderApp(fake);
    await userEvent.click(exportButton());
    await userEvent.click(dialog().getByRole('button', { name: 'Import annotations…' }));
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(fake.callsTo('annotations.importFile')).toEqual([undefined]);
    await expect
      .poll(() => [...document.querySelectorAll('.notice-region li')].map((li) => li.textContent))
      .toEqual([
        'Imported 5 annotations (1 was not found in its article’s text and is listed under “Couldn’t place”).',
        '2 were already in your library and left as they were.',
        '3 belong to articles not in your library (https://example.org/a, https://example.org/b): open them, then import again.',
        '4 not imported: page notes without a passage.',
      ]);
    // The article shown is asked for again, with its highlights.
    expect(fake.callsTo('articles.get')).toEqual([{ id: testArticle.id }]);
  });
});
