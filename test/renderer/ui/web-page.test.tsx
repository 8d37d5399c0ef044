import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article, OpenedArticle } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, expectText, remount, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const herons: Article = {
  ...testArticle,
  id: 7,
  title: 'Grey herons of the estuary',
  source: 'https://birds.example.org/herons',
  format: 'text',
  content: 'The grey heron waits at the edge of the tide.\n\nIt strikes once, and rarely misses.',
  meta: { byline: 'A. Birder', siteName: 'Birds Online', publishedAt: null, language: 'en', direction: null },
};

/** A fake that knows one page, with two images that could not be loaded. */
function withPage(opened: Partial<OpenedArticle> = {}): FakeApi {
  const fake = new FakeApi();
  fake.webPages.set('https://birds.example.org/herons', {
    article: herons,
    created: true,
    report: null,
    notices: ['2 images could not be loaded and were left out.'],
    ...opened,
  });
  return fake;
}

const dialog = () => page.getByRole('dialog', { name: 'Open web page' });
const address = () => page.getByRole('textbox', { name: 'Web address' });
const headerButton = () => page.getByRole('banner').getByRole('button', { name: /^Open web page…/ });
const notice = (m: { host: HTMLElement }) => m.host.querySelector('.notice-region')?.textContent ?? '';

async function openDialog(): Promise<void> {
  await userEvent.keyboard('{Control>}l{/Control}');
  await expect.element(address()).toHaveFocus();
}

describe('opening a web page', () => {
  test('Ctrl+L opens a named dialog with the address field focused; the header button (showing Ctrl+L) too', async () => {
    const m = await renderApp(withPage());
    m.article.focus();
    await expect.element(headerButton()).toHaveAttribute('aria-keyshortcuts', 'Control+L');
    await expectText(headerButton(), 'Ctrl+L');
    await openDialog();
    await expect.element(dialog()).toHaveAttribute('aria-modal', 'true');
    expect(document.querySelector('.app-shell')?.hasAttribute('inert')).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    expect(document.activeElement).toBe(m.article);

    await userEvent.click(headerButton());
    await expect.element(address()).toHaveFocus();
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    expect(dialog().elements()).toHaveLength(0);
    await expect.element(headerButton()).toHaveFocus();
  });

  test('a typed address opens the page: the dialog closes, the article has focus, and its notices show', async () => {
    const fake = withPage();
    const m = await renderApp(fake);
    await openDialog();
    // The user types it as people do, without the scheme: main reads it as https.
    await userEvent.keyboard('birds.example.org/herons{Enter}');
    await expect.element(page.getByRole('heading', { level: 1, name: herons.title })).toBeVisible();
    expect(dialog().elements()).toHaveLength(0);
    expect(fake.callsTo('articles.openWebPage')).toEqual([{ url: 'birds.example.org/herons' }]);
    await expect.poll(() => remount(m).body.textContent).toBe(herons.content);
    await vi.waitFor(() => expect(document.activeElement).toBe(remount(m).article));
    await expect.poll(() => notice(m)).toContain('2 images could not be loaded and were left out.');
  });

  test('main’s refusal is shown in the dialog, which stays open with the address to fix', async () => {
    const fake = withPage();
    const m = await renderApp(fake);
    await openDialog();
    await userEvent.keyboard('ftp://birds.example.org/herons{Enter}');
    const alert = dialog().getByRole('alert');
    await expectText(alert, 'Only http and https pages can be opened, not ftp:.');
    await expect.element(address()).toHaveValue('ftp://birds.example.org/herons');
    await expect.element(address()).toHaveAttribute('aria-invalid', 'true');
    await expect.element(address()).toHaveFocus();
    expect(m.host.querySelector('article.article')).toBe(m.article);

    // A page main cannot find: its words, too.
    await userEvent.clear(address());
    await userEvent.keyboard('birds.example.org/owls{Enter}');
    await expectText(dialog().getByRole('alert'), 'https://birds.example.org/owls was not found (404).');

    // Editing the address clears the message; the fixed address opens.
    await userEvent.clear(address());
    await expect.element(dialog().getByRole('alert')).not.toBeInTheDocument();
    await userEvent.keyboard('https://birds.example.org/herons');
    await userEvent.click(dialog().getByRole('button', { name: 'Open' }));
    await expect.element(page.getByRole('heading', { level: 1, name: herons.title })).toBeVisible();
  });

  test('says “Opening…” while main fetches; Escape then cancels, and the late page is not shown', async () => {
    const fake = withPage();
    const m = await renderApp(fake);
    await openDialog();
    await userEvent.keyboard('birds.example.org/herons');
    fake.hold();
    await userEvent.keyboard('{Enter}');
    const busy = dialog().getByRole('button', { name: 'Opening…' });
    await expect.element(busy).toBeVisible();
    await expect.element(dialog()).toHaveAttribute('aria-busy', 'true');
    await expectText(dialog(), 'this can take up to 30 seconds');
    await expect.element(address()).toHaveAttribute('readonly');
    // Submitting again while it fetches asks nothing more of main.
    await userEvent.keyboard('{Enter}');
    expect(fake.callsTo('articles.openWebPage')).toHaveLength(1);

    await userEvent.keyboard('{Escape}');
    expect(dialog().elements()).toHaveLength(0);
    fake.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(m.host.querySelector('article.article')).toBe(m.article);
    expect(notice(m)).toBe('');
  });

  test('a page opened again says what re-anchoring did, as opening a file does', async () => {
    const fake = withPage({ created: false, report: { kept: 2, moved: 0, fuzzy: 0, orphaned: 0 }, notices: [] });
    const m = await renderApp(fake);
    await openDialog();
    await userEvent.keyboard('birds.example.org/herons{Enter}');
    await expect.element(page.getByRole('heading', { level: 1, name: herons.title })).toBeVisible();
    await expect
      .poll(() => notice(m))
      .toContain('its 2 highlights were re-placed: 2 kept, 0 moved, 0 fuzzy, 0 orphaned');
  });

  test('Tab stays inside the dialog', async () => {
    await renderApp(withPage());
    await openDialog();
    await userEvent.keyboard('{Tab}');
    await expect.element(dialog().getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect.element(dialog().getByRole('button', { name: 'Open' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    await expect.element(address()).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await expect.element(dialog().getByRole('button', { name: 'Open' })).toHaveFocus();
  });
});
