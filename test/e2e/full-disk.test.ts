import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, type LaunchedApp, relaunchApp } from '../harness/launch-app.ts';
import { clickText, highlightText, noteField, paintedHighlights, sidebarList, stressed } from '../harness/reader.ts';
import { mountTmpfs, type Tmpfs, tmpfsUnavailableReason } from '../support/tmpfs.ts';

/**
 * A user writing a note when the disk fills up: the app says so, keeps every character they typed, and saves it
 * once there is room again. Real renderer, real handlers, a real 2 MB file system.
 */

const unavailable = tmpfsUnavailableReason();
if (unavailable && process.env.CI) throw new Error(`the full-disk end-to-end test must run on CI, but ${unavailable}`);
if (unavailable) console.warn(`Skipping the full-disk end-to-end test: ${unavailable}.`);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Fills the disk to the last byte with a file beside the library, so SQLite cannot grow its log by a single page.
 * (Filling it through SQLite instead would leave the pages of the last refused transaction for the next to reuse,
 * and a small note edit would then fit, which is honest but not the case under test.)
 */
function fillDisk(dir: string): () => void {
  const filler = path.join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return () => rmSync(filler);
}

const alert = (app: LaunchedApp) => app.page.getByRole('alert');

describe.skipIf(unavailable)('a full disk, as the user sees it', () => {
  it('says the disk is full, keeps the typed note and the old colour, and saves the note once there is room', async () => {
    const disk: Tmpfs = mountTmpfs(2 * 1024 * 1024);
    cleanups.push(() => disk.remove());
    let app = await launchApp({ dataDir: disk.dir });
    cleanups.push(() => app.close());
    const { page } = app;

    await highlightText(page, stressed, 'green');
    await expect.poll(() => paintedHighlights(page, 'green')).toEqual([stressed]);
    const freeSpace = fillDisk(disk.dir);

    const typed = 'Consultation, not unilateral action — written while the disk was full.';
    await clickText(page, stressed);
    await noteField(page).click();
    await page.keyboard.type(typed);
    await expect
      .poll(() => alert(app).textContent(), { timeout: 10_000 })
      .toMatch(/The disk is full: your change was not saved\./);
    await expect(noteField(page).inputValue()).resolves.toBe(typed);

    // A recolour on the full disk is refused too: the highlight goes back to green and the message stays.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /yellow/i })
      .click();
    await expect.poll(() => paintedHighlights(page, 'green')).toEqual([stressed]);
    await expect.poll(() => paintedHighlights(page, 'yellow')).toEqual([]);
    await expect(noteField(page).inputValue()).resolves.toBe(typed);

    // Room again: the next keystroke saves everything typed so far, and the message goes away.
    freeSpace();
    await noteField(page).press('End');
    await page.keyboard.type(' Saved.');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => sidebarList(page).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining(`${typed} Saved.`)]);
    await expect.poll(() => alert(app).textContent()).toBe('');

    app = await relaunchApp(app);
    const notes = async () =>
      (await sidebarList(app.page).getByRole('listitem').allTextContents()).filter((text) => text.includes(typed));
    await expect.poll(notes).toEqual([expect.stringContaining(`${typed} Saved.`)]);
    await expect.poll(() => paintedHighlights(app.page, 'green')).toEqual([stressed]);
  });
});
