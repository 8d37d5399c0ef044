import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import { noteField, paintedHighlights, sidebarList } from '../harness/reader.ts';

/**
 * Keyboard-only annotation (issue 11, section 3), through the built renderer and the real main-process handlers on
 * a real SQLite file: a user who cannot use a mouse reaches the article with Tab, turns on caret mode with F7,
 * selects with Shift and the arrow keys, highlights with a colour key, adds a note with N and closes it with Escape.
 * Only page.keyboard drives the page; page.evaluate only reads what is on it.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The text the page's selection holds now. */
function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Presses Tab until the article has focus, as a keyboard user would; fails if it never gets there. */
async function tabToArticle(page: Page): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('article.article') ?? false)) return;
  }
  throw new Error('Tab never reached the article');
}

/** Presses a key `times` times. */
async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe('keyboard-only annotation', () => {
  it('highlights and annotates with keys alone, and it is all there after a restart', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);
    const app = await launchApp({ dataDir });
    let running = app;
    cleanups.push(() => running.close());
    const { page } = app;

    await tabToArticle(page);
    await page.keyboard.press('F7');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Caret mode on.');
    // The hint under the article and the drawn caret pass axe's WCAG 2.1 AA checks.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    // "Diplomats from the United States and Russia held day-long talks …": three words on, past the space, then
    // four words selected.
    await pressTimes(page, 'Control+ArrowRight', 3);
    await page.keyboard.press('ArrowRight');
    await pressTimes(page, 'Control+Shift+ArrowRight', 4);
    await expect.poll(() => selectedText(page)).toBe('United States and Russia');
    await page.keyboard.press('2');
    await expect.poll(() => paintedHighlights(page, 'green')).toEqual(['United States and Russia']);

    // On from where the caret was left (after "Russia"): past " held ", then "day-long" by characters and " talks"
    // as a word.
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('ArrowRight');
    await pressTimes(page, 'Shift+ArrowRight', 8);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect.poll(() => selectedText(page)).toBe('day-long talks');
    await page.keyboard.press('n');
    await expect.poll(() => noteField(page).evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Geneva, on a Monday.');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await expect.poll(() => paintedHighlights(page, 'yellow')).toEqual(['day-long talks']);
    const items = sidebarList(page).getByRole('listitem');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('United States and Russia'), expect.stringContaining('Geneva, on a Monday.')]);
    expect(app.pageErrors).toEqual([]);

    const again = await relaunchApp(app);
    running = again;
    await expect.poll(() => paintedHighlights(again.page, 'green')).toEqual(['United States and Russia']);
    await expect.poll(() => paintedHighlights(again.page, 'yellow')).toEqual(['day-long talks']);
    const article = await again.api.articles.getDefault();
    if (!article.ok) throw new Error(article.error.message);
    const stored = await again.api.annotations.list({ articleId: article.value.id });
    expect(stored).toMatchObject({
      ok: true,
      value: [
        { color: 'green', note: '' },
        { color: 'yellow', note: 'Geneva, on a Monday.' },
      ],
    });
    expect(again.pageErrors).toEqual([]);
  });
});
