import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

import { buildApi } from '../../common/api.ts';
import { type MarginaliaApi, pageChannelTable } from '../../common/contract.ts';
import { openAppData } from '../../electron/core/app-data.ts';
import { type HandlerPorts, noUserPorts } from '../../electron/ipc/handlers.ts';
import { imageResponse, isImagePath } from '../../electron/main/image-files.ts';
import { rendererFileResponse, resolveRendererFile, settingsAtStart } from '../../electron/main/renderer-files.ts';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.ts';
import { dispatchApi } from './dispatch-api.ts';
import { waitForArticle } from './reader.ts';

/**
 * The way end-to-end tests drive Marginalia like a user, without the Electron binary:
 *
 *   const app = await launchApp({ dataDir });          // real main-process handlers on <dataDir>/marginalia.db
 *   await app.page.getByRole('button', { name: 'Highlight green' }).click();
 *   const again = await relaunchApp(app);              // restart: close (running unload), new page, same data folder
 *   await again.close();
 *
 * Main process: openAppData(dataDir) — the same database, migrations, handlers and dispatch Electron uses. The OS
 * file dialog behind "Open…" is a port: pass `pickArticleFile` to stand in for it (by default it is cancelled).
 * Preload: `window.marginalia` is built in the page by the preload's own buildApi() over the contract's channel
 * table, with each call forwarded to dispatch() through a Playwright binding instead of ipcRenderer.invoke.
 * Renderer: the BUILT files from out/renderer, served by Playwright routes from the same file resolver and with
 * the same CSP header as Electron's app:// handler. Chromium cannot load unknown schemes, so the pages live at
 * http://marginalia.localhost/ instead of app://marginalia/; every other request is aborted, as the app is offline.
 */

/** Where the harness serves the renderer from (stands in for app://marginalia). */
export const harnessOrigin = 'http://marginalia.localhost';

/** The built renderer the harness serves. */
const rendererRoot = resolve(import.meta.dirname, '../../out/renderer');

/** Options for one launch. */
export interface LaunchOptions {
  /** The data folder; reuse it across launches to simulate a restart. */
  dataDir: string;
  /** Window size; defaults to 1280×800. */
  viewport?: { width: number; height: number };
  /** Waits for the default article to render before returning (default true). */
  waitForArticle?: boolean;
  /**
   * Stands in for the file dialog behind "Open…" (articles.openFile): the path of the file the user picks, or
   * undefined when they cancel. Without it every dialog is cancelled. relaunchApp does not carry it over: pass it
   * again.
   */
  pickArticleFile?: () => Promise<string | undefined>;
  /** Stands in for the dialog that asks where an export goes (export.run); without it, it is cancelled. */
  pickExportDestination?: HandlerPorts['pickExportDestination'];
  /** A script the page runs before its own, from its first moment (a benchmark's clock, say). */
  initScript?: string;
}

/** A running app: the page to drive, the back end it talks to, and how to stop it. */
export interface LaunchedApp {
  /** The reader window's page. */
  readonly page: Page;
  readonly context: BrowserContext;
  readonly browser: Browser;
  readonly dataDir: string;
  /**
   * `window.marginalia` on the main side: the page's API, typed, calling the main process's dispatcher directly,
   * for checking what was stored without going through the UI.
   */
  readonly api: MarginaliaApi;
  /** Uncaught errors and console.error output from the page, for tests to assert there were none. */
  readonly pageErrors: readonly string[];
  /** Closes like a user quitting: runs beforeunload/pagehide (note flushes), then the browser, then the database. */
  close(): Promise<void>;
}

/** Chromium's own console notices that are not app errors: a CSP <meta> cannot carry frame-ancestors (the header does). */
const browserNotice = /directive 'frame-ancestors' is ignored when delivered via a <meta> element/;

/** The message thrown when `npm run build` has not produced out/renderer. */
const notBuiltMessage = `The renderer is not built (${join(rendererRoot, 'index.html')} is missing): run npm run build first (npm test does).`;

/** Launches the app on a data folder and waits until the reader shows the article. */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!existsSync(join(rendererRoot, 'index.html'))) throw new Error(notBuiltMessage);
  const { dataDir, viewport = { width: 1280, height: 800 }, pickArticleFile, pickExportDestination } = options;
  const ports: HandlerPorts = {
    ...noUserPorts,
    // The pages these tests open are served on this computer, and the user who typed the address agrees to open it.
    confirmInsideAddress: async () => true,
    ...(pickArticleFile ? { pickArticleFile } : {}),
    ...(pickExportDestination ? { pickExportDestination } : {}),
  };
  const appData = openAppData(dataDir, { ports });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const context = await browser.newContext({ viewport });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    await context.route(`${harnessOrigin}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      // The same two routes as the app:// handler: the library's stored images, and the built renderer.
      const response = isImagePath(pathname)
        ? imageResponse(appData.db, pathname)
        : await rendererFileResponse(resolveRendererFile(rendererRoot, pathname), () =>
            settingsAtStart(appData.db, (message) => console.warn(message)),
          );
      await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    });
    // The answer crosses as one JSON string, parsed in the page: Playwright's own serialisation of a large object
    // (1,000 highlights, ~400 KB) took 200–400 ms where Electron's IPC takes a few, and made every figure measured
    // through the harness mostly harness (a string still costs ~30 ms: npm run bench, open-article-harness-answers).
    // Inputs keep Playwright's serialisation, which carries what a page can send (NaN, undefined, nested oddities) to
    // the validation the tests aim at. Answers are plain JSON already.
    await context.exposeBinding('__marginaliaInvoke', async (_source, channel: string, input: unknown) =>
      JSON.stringify(await appData.dispatch(channel, input)),
    );
    await context.addInitScript(preloadScript());
    if (options.initScript) await context.addInitScript(options.initScript);

    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !browserNotice.test(message.text())) pageErrors.push(message.text());
    });
    // A beforeunload prompt would keep the page open forever; a quitting user confirms it.
    page.on('dialog', (dialog) => void dialog.accept());

    await page.goto(`${harnessOrigin}/index.html`);
    if (options.waitForArticle !== false) {
      await waitForArticle(page).catch((error: unknown) => {
        throw new Error(
          `the article did not render (${String(error)}); page errors: ${pageErrors.join(' | ') || 'none'}`,
        );
      });
    }

    const openBrowser = browser;
    let closing: Promise<void> | undefined;
    return {
      page,
      context,
      browser,
      dataDir,
      api: dispatchApi(appData.dispatch),
      pageErrors,
      close: () => (closing ??= closeAll(page, openBrowser, appData)),
    };
  } catch (error) {
    await browser?.close();
    appData.close();
    throw error;
  }
}

/** Restart: closes the app (flushing what the page saves on exit) and launches it again on the same data folder. */
export async function relaunchApp(
  app: LaunchedApp,
  options: Omit<LaunchOptions, 'dataDir'> = {},
): Promise<LaunchedApp> {
  await app.close();
  return launchApp({ ...options, dataDir: app.dataDir });
}

/** A fresh, empty data folder in the system temp dir, and a function that deletes it. */
export async function makeDataDir(): Promise<{ dataDir: string; remove: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'marginalia-e2e-'));
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The preload stand-in: the preload's buildApi(), shipped as source, bound to the Playwright binding. */
function preloadScript(): string {
  const table = JSON.stringify(pageChannelTable());
  return `(() => {
    const buildApi = ${buildApi.toString()};
    const api = buildApi(${table}, async (channel, input) => JSON.parse(await window.__marginaliaInvoke(channel, input)));
    Object.defineProperty(window, 'marginalia', { value: api, enumerable: true });
  })();`;
}

async function closeAll(page: Page, browser: Browser, appData: { close(): void }): Promise<void> {
  try {
    if (!page.isClosed()) {
      const closed = page.waitForEvent('close', { timeout: 10_000 });
      // With runBeforeUnload, close() only starts closing; the 'close' event says unload handlers have run.
      await page.close({ runBeforeUnload: true });
      await closed;
    }
  } finally {
    await browser.close();
    appData.close();
  }
}
