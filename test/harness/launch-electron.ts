import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

import { _electron, type ElectronApplication, type Page } from 'playwright-core';

import { chromiumArgs } from '../support/chromium.ts';
import { waitForArticle } from './reader.ts';

/**
 * Drives the real Electron app (out/main/index.js) with Playwright, on a given data folder (MARGINALIA_DATA_DIR).
 * Needs the Electron binary, which `npm install` downloads lazily and some machines cannot; check
 * electronBinaryAvailable() first. The binary's location is read without require('electron'), which would
 * start that download.
 */

const repoRoot = resolve(import.meta.dirname, '../..');

/** The built main-process entry the app is launched with. */
export const mainEntry = join(repoRoot, 'out/main/index.js');

/** The installed Electron executable, or undefined when its binary has not been downloaded. */
export function electronBinaryPath(): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relativeExecutable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(distDir, relativeExecutable);
  return existsSync(executable) ? executable : undefined;
}

/** True when the Electron binary is on this machine, so the Electron end-to-end tests can run. */
export function electronBinaryAvailable(): boolean {
  return electronBinaryPath() !== undefined;
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
  const executablePath = electronBinaryPath();
  if (!executablePath) throw new Error('The Electron binary is not installed (node_modules/electron/dist is missing).');
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run npm run build first (npm test does).`);
  const env = { ...process.env, MARGINALIA_DATA_DIR: dataDir } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  const electronApp = await _electron.launch({ executablePath, args: [...chromiumArgs, mainEntry], env, cwd: repoRoot });
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
