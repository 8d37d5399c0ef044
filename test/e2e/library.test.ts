import { afterEach, describe, expect, it } from 'vitest';

import { startServer } from '../core/web/local-server.ts';
import { launchApp, type LaunchedApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import { highlightText, paintedHighlights, waitForTitle } from '../harness/reader.ts';

/**
 * The library end to end: the built renderer in Chromium over the real main-process side. A web page served by a
 * local server is opened through "Open web page…", read formatted, highlighted, found by search, deleted and brought
 * back, and still reads with its image after the server is gone, because its images live in the library.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const articleHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Estuary birds</title>
<meta property="og:site_name" content="Coast Diary"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Estuary birds</h1>
<p>At low water the <strong>curlews</strong> walk the mud flats, probing for worms with their long curved bills, while
redshanks call from the saltmarsh and a lone heron waits at the edge of the channel.</p>
<h2>Where to watch</h2>
<ul><li>The hide by the old sluice gate</li><li>The sea wall path at high tide</li></ul>
<p><img src="/birds.png" alt="Curlews on the mud"></p>
<p>Bring a flask: the wind off the water is cold even in <a href="/seasons/may">May</a>, and the birds keep their own
hours, not yours.</p></article></body></html>`;

async function servePage() {
  const server = await startServer((request, response) => {
    if (request.url === '/estuary') response.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml);
    else if (request.url === '/birds.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else response.writeHead(404).end();
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  cleanups.push(close);
  return { url: server.url('/estuary'), close };
}

async function start(): Promise<LaunchedApp> {
  const { dataDir, remove } = await makeDataDir();
  cleanups.push(remove);
  const app = await launchApp({ dataDir });
  cleanups.push(() => app.close());
  return app;
}

/** Whether the article's image has loaded (from the library: the page loads nothing from the network). */
async function imageLoaded(app: LaunchedApp): Promise<boolean> {
  return app.page
    .locator('.article-body img')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1 && img.src.includes('/images/'));
}

describe('the library', () => {
  it('opens a web page formatted, finds it, deletes it with Undo, and reads it offline with its image', async () => {
    const page = await servePage();
    let app = await start();

    await app.page.keyboard.press('Control+l');
    const dialog = app.page.getByRole('dialog', { name: 'Open web page' });
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(page.url);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await waitForTitle(app.page, 'Estuary birds');

    // Formatted: its structure, not the site's navigation, and links that do not navigate.
    const body = app.page.locator('.article-body');
    await expect.poll(() => body.getByRole('heading', { name: 'Where to watch' }).count()).toBe(1);
    expect(await body.getByRole('listitem').allTextContents()).toEqual([
      'The hide by the old sluice gate',
      'The sea wall path at high tide',
    ]);
    expect(await body.getByText('About').count()).toBe(0);
    await expect.poll(() => imageLoaded(app), { timeout: 10_000 }).toBe(true);

    // A highlight across the bold word, stored and painted.
    await highlightText(app.page, 'the curlews walk the mud flats', 'green');
    await expect.poll(() => paintedHighlights(app.page, 'green')).toEqual(['the curlews walk the mud flats']);

    // Search finds the page by a word of it.
    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('combobox', { name: 'Search the library' }).fill('redshanks');
    const hits = app.page.getByRole('dialog', { name: 'Search' }).getByRole('option');
    await expect.poll(() => hits.allTextContents()).toEqual([expect.stringMatching(/redshanks call/)]);
    await app.page.keyboard.press('Escape');

    // The server goes away; after a restart the app starts on the page the user had open, which still reads, image
    // included; the library lists it with its site.
    await page.close();
    app = await relaunchApp(app);
    await waitForTitle(app.page, 'Estuary birds');
    await expect.poll(() => imageLoaded(app), { timeout: 10_000 }).toBe(true);
    await app.page.keyboard.press('Control+Shift+L');
    const library = app.page.getByRole('dialog', { name: 'Library' });
    const entry = library.getByRole('option', { name: /Estuary birds/ });
    await expect.poll(() => entry.textContent()).toMatch(/Coast Diary/);
    await entry.click();
    await waitForTitle(app.page, 'Estuary birds');
    await expect.poll(() => imageLoaded(app), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => paintedHighlights(app.page, 'green')).toEqual(['the curlews walk the mud flats']);

    // Delete it (the prompt says what goes with it), then Undo brings it back with its highlight.
    await app.page.keyboard.press('Control+Shift+L');
    await library.getByRole('option', { name: /Estuary birds/ }).hover();
    await library
      .getByRole('button', { name: /Delete/ })
      .first()
      .click();
    const confirm = app.page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toMatch(/1 highlight/);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () => {
        const listed = await app.api.articles.list();
        return listed.ok && listed.value.some((a) => a.title === 'Estuary birds');
      })
      .toBe(false);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => {
        const listed = await app.api.articles.list();
        return listed.ok ? listed.value.find((a) => a.title === 'Estuary birds')?.highlightCount : undefined;
      })
      .toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
