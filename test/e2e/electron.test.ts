import { afterEach, describe, expect, it } from 'vitest';

import { pageChannelTable } from '../../common/contract.ts';
import { makeDataDir } from '../harness/launch-app.ts';
import { type LaunchedElectronApp, launchElectronApp, prepareElectron } from '../harness/launch-electron.ts';
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
 * The core loop through the real Electron app (app:// protocol, preload, ipcMain sender check). Runs wherever the
 * Electron binary is installed or can be downloaded (see prepareElectron); elsewhere launchApp's browser harness
 * covers the same scenario.
 */

const electron = await prepareElectron();
const hasElectron = electron.ok;
// The hosted CI (.github/workflows/ci.yml) has the network Electron comes from: there a skip would hide a failure.
if (!electron.ok && process.env.MARGINALIA_REQUIRE_ELECTRON === '1') {
  throw new Error(`MARGINALIA_REQUIRE_ELECTRON is set, but Electron cannot run: ${electron.message}`);
}
if (!electron.ok) {
  console.warn(
    `Skipping the Electron end-to-end tests: ${electron.message}\n` +
      'test/e2e/core-loop.test.ts runs the same scenario in Chromium.',
  );
}

describe.runIf(hasElectron)('Electron app', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function launch(dataDir: string): Promise<LaunchedElectronApp> {
    const app = await launchElectronApp({ dataDir });
    cleanups.push(() => app.close());
    return app;
  }

  it('runs the page sandboxed, with only window.marginalia from the preload', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);
    const { page } = await launch(dataDir);
    expect(page.url()).toBe('app://marginalia/index.html');
    const shape = await page.evaluate(() => ({
      groups: Object.keys(window.marginalia).sort(),
      // Names the page must not have, so the Window type rightly does not declare them.
      require: typeof Reflect.get(window, 'require'),
      process: typeof Reflect.get(window, 'process'),
      isSecureContext: window.isSecureContext,
    }));
    expect(shape).toEqual({
      // Every group of the contract the page may call, and nothing else.
      groups: Object.keys(pageChannelTable()).sort(),
      require: 'undefined',
      process: 'undefined',
      isSecureContext: true,
    });
  });

  it('keeps a highlight and its notes across a restart', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);

    const first = await launch(dataDir);
    await highlightText(first.page, stressed, 'green');
    await expect.poll(() => paintedHighlights(first.page, 'green')).toEqual([stressed]);
    await clickText(first.page, stressed);
    await noteField(first.page).click();
    await first.page.keyboard.type('Consultation, not unilateral action.');
    await first.page.keyboard.press('Escape');
    // A second note typed right before quitting must be flushed on the way out.
    await selectText(first.page, genevaTalks);
    await first.page.getByRole('toolbar').getByRole('button', { name: 'Add note' }).click();
    await noteField(first.page).pressSequentially('Brussels, then Vienna');
    await first.close();

    const second = await launch(dataDir);
    await expect.poll(() => paintedHighlights(second.page, 'green')).toEqual([stressed]);
    const items = sidebarList(second.page).getByRole('listitem');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([
        expect.stringContaining('Consultation, not unilateral action.'),
        expect.stringContaining('Brussels, then Vienna'),
      ]);
  });
});
