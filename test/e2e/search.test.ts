import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, type LaunchedApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import { highlightWithNote, paintedHighlights, stressed } from '../harness/reader.ts';

/**
 * Search across the library, end to end: the real full-text index (migration 3) behind the real handlers, the
 * built renderer's search box in Chromium. A note written a moment ago is found by a word of it, accents ignored;
 * a word of the article finds its place in the text; choosing a hit flashes it.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<LaunchedApp> {
  const { dataDir, remove } = await makeDataDir();
  cleanups.push(remove);
  const app = await launchApp({ dataDir });
  cleanups.push(() => app.close());
  return app;
}

/** The text under the flash highlight. */
async function flashed(app: LaunchedApp): Promise<string[]> {
  return paintedHighlights(app.page, 'flash');
}

async function search(app: LaunchedApp, text: string): Promise<void> {
  await app.page.keyboard.press('Control+k');
  const box = app.page.getByRole('combobox', { name: 'Search the library' });
  await box.fill(text);
}

const options = (app: LaunchedApp) => app.page.getByRole('dialog', { name: 'Search' }).getByRole('option');

describe('search', () => {
  it('finds a note by a word typed without its accent, and a passage of the article, and flashes each', async () => {
    let app = await start();
    await highlightWithNote(app.page, stressed, 'Compare with the Brüssel readout');
    // Restart: what was typed is in the index, not only in the page.
    app = await relaunchApp(app);

    await search(app, 'brussel');
    // "brussel" is a prefix of the article's "Brussels" too: the note first, then the passage.
    await expect
      .poll(() => options(app).allTextContents())
      .toEqual([expect.stringMatching(/^Note.*Brüssel readout/), expect.stringMatching(/^Text.*NATO in Brussels/)]);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => flashed(app)).toEqual([stressed]);

    await search(app, 'troop build');
    await expect
      .poll(async () => (await options(app).allTextContents()).some((t) => /troop buildup/.test(t)))
      .toBe(true);
    await options(app).filter({ hasText: 'troop buildup' }).first().click();
    await expect.poll(() => flashed(app)).toEqual(['troop buildup']);
    expect(app.pageErrors).toEqual([]);
  });

  it('answers query syntax a user cannot know without an error', async () => {
    const app = await start();
    for (const text of ['"Geneva', 'talks AND', 'NEAR(', '-troop', 'Geneva*', '()']) {
      await search(app, text);
      await expect
        .poll(() => app.page.getByRole('dialog', { name: 'Search' }).getByRole('status').textContent())
        .not.toMatch(/Couldn.t search/);
      await app.page.keyboard.press('Escape');
    }
    expect(app.pageErrors).toEqual([]);
  });
});
