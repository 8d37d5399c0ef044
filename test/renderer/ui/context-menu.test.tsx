import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { ContextMenuRequest } from '../../../common/commands.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import {
  cleanup,
  expectText,
  type Mounted,
  paintedCount,
  press,
  rangeOfText,
  renderApp,
  selectText,
} from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(cleanup);

const quote = 'The habit is older than print.';

/** A real right-click (through the browser's own input) in the middle of `text` in the article. */
async function rightClick(m: Mounted, text: string): Promise<void> {
  const rect = rangeOfText(m.body, text).getClientRects()[0]!;
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const target = document.elementFromPoint(x, y) as HTMLElement;
  const box = target.getBoundingClientRect();
  await userEvent.click(page.elementLocator(target), {
    button: 'right',
    position: { x: x - box.left, y: y - box.top },
  });
}

const menusAsked = (fake: FakeApi) => fake.callsTo('menus.context') as ContextMenuRequest[];

/** The app on an article with an author and a web address, and one stored yellow highlight on `exact`, if given. */
async function renderArticle(exact?: string) {
  const fake = new FakeApi();
  fake.article = {
    ...testArticle,
    source: 'https://example.org/marginalia',
    meta: { ...testArticle.meta, byline: 'Ada Reader', siteName: 'The Quarterly' },
  };
  const stored = exact
    ? fake.seed({ color: 'yellow', selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] })
    : undefined;
  const m = await renderApp(fake);
  return { m, fake, stored };
}

describe('the context menu on selected text', () => {
  test('a right-click asks main for the selection’s menu; choosing Green makes a green highlight', async () => {
    const { m, fake } = await renderArticle();
    selectText(m, quote);
    fake.contextMenuChoices.push('color:green');
    await rightClick(m, 'older than');
    await vi.waitFor(() => expect(paintedCount('marginalia-green')).toBe(1));
    expect(menusAsked(fake).map((request) => request.kind)).toEqual(['selection']);
    await vi.waitFor(() =>
      expect(fake.callsTo('annotations.create')).toEqual([
        expect.objectContaining({
          color: 'green',
          selectors: expect.arrayContaining([expect.objectContaining({ exact: quote })]),
        }),
      ]),
    );
  });

  test.each([
    ['the ContextMenu key', '{ContextMenu}'],
    ['Shift+F10', '{Shift>}{F10}{/Shift}'],
  ])('%s asks for it too; Add note makes a yellow highlight and opens its note', async (_name, keys) => {
    const { m, fake } = await renderArticle();
    selectText(m, quote);
    fake.contextMenuChoices.push('note');
    await userEvent.keyboard(keys);
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(1));
    expect(menusAsked(fake).map((request) => request.kind)).toEqual(['selection']);
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveFocus();
  });

  test('“Copy quote with citation” puts the quote, who wrote it and where, and the link on the clipboard', async () => {
    const { m, fake } = await renderArticle();
    selectText(m, quote);
    fake.contextMenuChoices.push('copy-quote');
    await rightClick(m, 'older than');
    await vi.waitFor(() =>
      expect(fake.clipboard).toBe(
        [
          `“${quote}”`,
          `— Ada Reader, ${testArticle.title}, The Quarterly, https://example.org/marginalia`,
          'marginalia://open?article=1',
        ].join('\n'),
      ),
    );
    expect(paintedCount('marginalia-yellow')).toBe(0);
  });

  test('dismissed, it does nothing; where there is neither a selection nor a highlight, no menu is asked for', async () => {
    const { m, fake } = await renderArticle();
    selectText(m, quote);
    await rightClick(m, 'older than');
    await vi.waitFor(() => expect(menusAsked(fake)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.callsTo('annotations.create')).toEqual([]);
    window.getSelection()?.removeAllRanges();
    await rightClick(m, 'Readers have always');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(menusAsked(fake)).toHaveLength(1);
  });
});

describe('the context menu on a highlight', () => {
  test('offers its colour; Delete deletes it, and Ctrl+Z brings it back', async () => {
    const { m, fake, stored } = await renderArticle(quote);
    expect(paintedCount('marginalia-yellow')).toBe(1);
    fake.contextMenuChoices.push('delete');
    await rightClick(m, 'older than');
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(0));
    expect(menusAsked(fake)).toEqual([
      { kind: 'highlight', color: 'yellow', text: quote, cited: expect.stringContaining(`&highlight=${stored!.id}`) },
    ]);
    await vi.waitFor(() => expect(fake.callsTo('annotations.delete')).toEqual([{ id: stored!.id }]));
    press(m.article, 'z', { ctrlKey: true, code: 'KeyZ' });
    await vi.waitFor(() => expect(paintedCount('marginalia-yellow')).toBe(1));
    expect(fake.callsTo('annotations.restore')).toHaveLength(1);
  });

  test('recolours it, and Edit note opens its note', async () => {
    const { m, fake, stored } = await renderArticle(quote);
    fake.contextMenuChoices.push('color:purple', 'note');
    await rightClick(m, 'older than');
    await vi.waitFor(() => expect(paintedCount('marginalia-purple')).toBe(1));
    expect(fake.callsTo('annotations.update')).toEqual([{ id: stored!.id, color: 'purple' }]);
    await rightClick(m, 'older than');
    await expect.element(page.getByRole('dialog', { name: 'Purple highlight' })).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    expect(menusAsked(fake).map((request) => request.kind === 'highlight' && request.color)).toEqual([
      'yellow',
      'purple',
    ]);
  });

  test('Copy puts its quote on the clipboard, and the citation links to the highlight', async () => {
    const { m, fake, stored } = await renderArticle(quote);
    fake.contextMenuChoices.push('copy', 'copy-quote');
    await rightClick(m, 'older than');
    await vi.waitFor(() => expect(fake.clipboard).toBe(quote));
    await rightClick(m, 'older than');
    await vi.waitFor(() =>
      expect(fake.clipboard?.split('\n').at(-1)).toBe(`marginalia://open?article=1&highlight=${stored!.id}`),
    );
  });

  test('from the keyboard it is about the highlight under the focus ring (] to step there, then the ContextMenu key)', async () => {
    const { m, fake } = await renderArticle(quote);
    fake.contextMenuChoices.push('color:blue');
    m.article.focus();
    await userEvent.keyboard(']');
    await userEvent.keyboard('{ContextMenu}');
    await vi.waitFor(() => expect(paintedCount('marginalia-blue')).toBe(1));
    expect(menusAsked(fake)).toEqual([expect.objectContaining({ kind: 'highlight', color: 'yellow' })]);
  });

  test('a menu main could not show says why', async () => {
    const { m, fake } = await renderArticle(quote);
    fake.failNext('menus.context', 'the window is closing');
    await rightClick(m, 'older than');
    await expectText(page.getByRole('alert'), 'Couldn’t show the menu: the window is closing');
  });
});
