import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { _electron, type ElectronApplication, type Page } from 'playwright-core';

import { ensureElectron, type EnsureElectronResult } from '../../electron/launcher/ensure-electron.ts';
import { chromiumArgs } from '../support/chromium.ts';
import { waitForArticle } from './reader.ts';

/**
 * Drives the real Electron app (out/main/index.js) with Playwright, on a given data folder (MARGINALIA_DATA_DIR).
 * The binary is found, and fetched when missing, by the same ensureElectron() that `npm start` runs.
 */

const repoRoot = resolve(import.meta.dirname, '../..');

/** The built main-process entry the app is launched with. */
const mainEntry = join(repoRoot, 'out/main/index.js');

/**
 * The Electron binary for the end-to-end tests, downloaded once when missing, as `npm start` would. Trying is cheap
 * where there is no network (the installer fails in well under a second when the download host cannot be looked
 * up, measured here), and once it succeeds the binary stays in node_modules/electron/dist, so a CI machine with
 * network downloads it on its first run only. ELECTRON_SKIP_BINARY_DOWNLOAD=1 (the name Electron's installer used
 * to honour) only looks, for machines where even an attempt is unwanted, such as a network that drops packets
 * instead of refusing them, where fetch waits for its connect timeout.
 */
export function prepareElectron(): Promise<EnsureElectronResult> {
  return ensureElectron({
    projectRoot: repoRoot,
    download: !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD,
    retryCommand: 'npm test',
  });
}

/** A running Electron app and its reader window. */
export interface LaunchedElectronApp {
  readonly electronApp: ElectronApplication;
  readonly page: Page;
  readonly dataDir: string;
  /** Quits the app as a user would: windows close (running unload handlers), then the database closes. */
  close(): Promise<void>;
}

/** Launches the built app on a data folder and waits for the article in its first window. */
export async function launchElectronApp({ dataDir }: { dataDir: string }): Promise<LaunchedElectronApp> {
  const electron = await prepareElectron();
  if (!electron.ok) throw new Error(electron.message);
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run npm run build first (npm test does).`);
  const env = { ...process.env, MARGINALIA_DATA_DIR: dataDir } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  const executablePath = electron.executable;
  const electronApp = await _electron.launch({
    executablePath,
    args: [...chromiumArgs, mainEntry],
    env,
    cwd: repoRoot,
  });
  try {
    const page = await electronApp.firstWindow();
    await waitForArticle(page);
    let closing: Promise<void> | undefined;
    return { electronApp, page, dataDir, close: () => (closing ??= electronApp.close()) };
  } catch (error) {
    await electronApp.close();
    throw error;
  }
}
