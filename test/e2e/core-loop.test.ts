import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, type LaunchedApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import {
  clickText,
  genevaTalks,
  highlightText,
  noteField,
  paintedHighlights,
  selectText,
  sidebarList,
  stressed,
} from '../harness/reader.ts';

/**
 * The core loop, driven like a user through the built renderer and the real main-process handlers on a real
 * SQLite file: highlight, write a note, quit, start again — and everything is still there.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh data folder for one test, removed afterwards with whatever app is still open on it. */
async function start(): Promise<{ app: LaunchedApp; restart: () => Promise<LaunchedApp> }> {
  const { dataDir, remove } = await makeDataDir();
  cleanups.push(remove);
  let app = await launchApp({ dataDir });
  cleanups.push(() => app.close());
  return {
    app,
    restart: async () => {
      app = await relaunchApp(app);
      return app;
    },
  };
}

describe('core loop', () => {
  it('keeps a green highlight and its note across a restart', async () => {
    const { app, restart } = await start();
    const { page } = app;

    await highlightText(page, stressed, 'green');
    await expect.poll(() => paintedHighlights(page, 'green')).toEqual([stressed]);

    await clickText(page, stressed);
    await expect(noteField(page).isVisible()).resolves.toBe(true);
    await noteField(page).click();
    await page.keyboard.type('Consultation, not unilateral action.');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => sidebarList(page).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('Consultation, not unilateral action.')]);
    expect(app.pageErrors).toEqual([]);

    const again = await restart();
    await expect.poll(() => paintedHighlights(again.page, 'green')).toEqual([stressed]);
    expect(await again.page.evaluate(() => CSS.highlights.get('marginalia-green')?.size)).toBe(1);
    const items = sidebarList(again.page).getByRole('listitem');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('Consultation, not unilateral action.')]);
    await expect(
      items
        .first()
        .getByRole('img', { name: /green highlight/i })
        .count(),
    ).resolves.toBe(1);

    const stored = await again.api.annotations.list({ articleId: await defaultArticleId(again) });
    expect(stored).toMatchObject({
      ok: true,
      value: [{ color: 'green', note: 'Consultation, not unilateral action.' }],
    });
    expect(again.pageErrors).toEqual([]);
  });

  it('saves a note typed just before quitting, without waiting for the save delay', async () => {
    const { app, restart } = await start();
    const { page } = app;

    await selectText(page, genevaTalks);
    await page.getByRole('toolbar').getByRole('button', { name: 'Add note' }).click();
    await expect(noteField(page).isVisible()).resolves.toBe(true);
    await noteField(page).pressSequentially('Brussels, then Vienna');

    const again = await restart();
    const items = sidebarList(again.page).getByRole('listitem');
    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining('Brussels, then Vienna')]);
    const stored = await again.api.annotations.list({ articleId: await defaultArticleId(again) });
    expect(stored).toMatchObject({ ok: true, value: [{ note: 'Brussels, then Vienna' }] });
    expect(app.pageErrors).toEqual([]);
  });
});

async function defaultArticleId(app: LaunchedApp): Promise<number> {
  const result = await app.api.articles.getDefault();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}
