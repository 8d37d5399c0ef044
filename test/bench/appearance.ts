/**
 * `node test/bench/appearance.ts` (part of `npm run bench`): starting the app, and changing how it looks, with an
 * article of 10,000 highlights open, in the real app (the built renderer in Chromium over the real main-process side,
 * through the test harness: `npm run build` first, which `npm run bench` does).
 *
 * - `appearance-cold-start-*`: from the moment the page starts loading to the task after the first frame that shows
 *   the article the user left open with its highlights registered for painting (`-page-`), and from launching the
 *   harness (main opening the library, Chromium starting, the page loading) to the same moment (`-launch-`); the
 *   baseline is the same start on a library whose article has no highlights.
 * - `appearance-theme-switch-*` and `appearance-font-size-*`: from choosing another theme (the header's picker) or
 *   a larger text size (the Text dialog's slider) to the task after the next frame is drawn, which is what the user
 *   waits for; one frame at 60 Hz is 16.7 ms. The baseline is the same change on the article without highlights.
 *
 * Prints `BENCH appearance-…` lines.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { describeText } from '../../common/anchoring/text-anchor.ts';
import { createAnnotation } from '../../db/annotations.ts';
import { insertArticle, markArticleOpened } from '../../db/articles.ts';
import { openAppData } from '../../electron/core/app-data.ts';
import { deriveSeed, int, mulberry32 } from '../corpus/random.ts';
import { launchApp, makeDataDir } from '../harness/launch-app.ts';
import { median, printFigure as print } from './figures.ts';
import { formattedPage, librarySeed, vocabulary } from './generated-library.ts';

const highlightCount = 10_000;
const starts = Number(process.env['BENCH_APPEARANCE_STARTS'] ?? 5);
const changes = 9;

/** A data folder whose last-opened article is that page, with `highlights` highlights on it. */
async function library(highlights: number): Promise<{ dataDir: string; remove: () => Promise<void> }> {
  const folder = await makeDataDir();
  const rng = mulberry32(deriveSeed(librarySeed, 'appearance'));
  const data = openAppData(folder.dataDir);
  try {
    const article = insertArticle(data.db, {
      title: 'Bench page',
      source: 'https://bench.example/appearance',
      format: 'document',
      document: formattedPage(rng, vocabulary(rng), 300_000),
    });
    const text = article.content;
    data.db.transaction(() => {
      for (let n = 0; n < highlights; n += 1) {
        const start = text.indexOf(' ', int(rng, 0, text.length - 200)) + 1;
        const color = (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[n % 5]!;
        createAnnotation(data.db, {
          articleId: article.id,
          color,
          selectors: describeText(text, start, start + int(rng, 5, 60)),
        });
      }
    })();
    markArticleOpened(data.db, article.id);
  } finally {
    data.close();
  }
  return folder;
}

/**
 * Runs in the page from its first moment: notes when the first frame with the bench article's title and (for the
 * highlighted library) painted highlights has been drawn.
 */
const paintClock = (wantHighlights: boolean) => `(() => {
  const check = () => {
    const shown = document.getElementById('article-title')?.textContent === 'Bench page';
    const painted = [...(CSS.highlights?.values() ?? [])].some((highlight) => highlight.size > 0);
    if (shown && (painted || !${wantHighlights})) setTimeout(() => { window.__benchPainted = performance.now(); }, 0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function coldStart(dataDir: string, wantHighlights: boolean): Promise<{ page: number; launch: number }> {
  const started = performance.now();
  const app = await launchApp({ dataDir, waitForArticle: false, initScript: paintClock(wantHighlights) });
  try {
    await app.page.waitForFunction(() => (window as { __benchPainted?: number }).__benchPainted !== undefined, null, {
      timeout: 60_000,
    });
    const launch = performance.now() - started;
    const inPage = await app.page.evaluate(() => (window as unknown as { __benchPainted: number }).__benchPainted);
    if (app.pageErrors.length > 0) throw new Error(`page errors: ${app.pageErrors.join(' | ')}`);
    return { page: inPage, launch };
  } finally {
    await app.close();
  }
}

/** Sets a form control's value as the user's input would, and times it to the task after the next frame. */
async function timedChange(tab: Page, selector: string, value: string, event: 'change' | 'input'): Promise<number> {
  return tab.evaluate(
    async ({ selector, value, event }) => {
      const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (!control) throw new Error(`no ${selector}`);
      const prototype = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      const started = performance.now();
      // The prototype's setter, past React's own tracking of the value, so React sees a change as from the user.
      Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(control, value);
      control.dispatchEvent(new Event(event, { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    },
    { selector, value, event },
  );
}

async function changesOn(dataDir: string): Promise<{ theme: number; fontSize: number }> {
  const app = await launchApp({ dataDir });
  try {
    const tab = app.page;
    await tab.locator('#article-title', { hasText: 'Bench page' }).waitFor();
    const theme: number[] = [];
    for (let run = 0; run < changes; run += 1) {
      theme.push(await timedChange(tab, '.theme-picker select', run % 2 === 0 ? 'dark' : 'light', 'change'));
    }
    // By CSS, not by role: Playwright's role query reads every one of 10,000 cards first.
    await tab.locator('.app-header button', { hasText: 'Text…' }).click();
    const slider = 'input[type="range"][aria-valuetext$=" px"]';
    await tab.locator(slider).waitFor();
    const fontSize: number[] = [];
    for (let run = 0; run < changes; run += 1) {
      fontSize.push(await timedChange(tab, slider, run % 2 === 0 ? '22' : '19', 'input'));
    }
    if (app.pageErrors.length > 0) throw new Error(`page errors: ${app.pageErrors.join(' | ')}`);
    // The first of each warms the styles up.
    return { theme: median(theme.slice(1)), fontSize: median(fontSize.slice(1)) };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(import.meta.dirname, '../../out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm run bench does).');
  }
  const highlighted = await library(highlightCount);
  const plain = await library(0);
  try {
    const pageStarts: number[] = [];
    const launches: number[] = [];
    const plainStarts: number[] = [];
    const plainLaunches: number[] = [];
    // A warm-up of each (the OS's file cache, Chromium's own first start), then alternate.
    await coldStart(highlighted.dataDir, true);
    await coldStart(plain.dataDir, false);
    for (let run = 0; run < starts; run += 1) {
      const withHighlights = await coldStart(highlighted.dataDir, true);
      pageStarts.push(withHighlights.page);
      launches.push(withHighlights.launch);
      const without = await coldStart(plain.dataDir, false);
      plainStarts.push(without.page);
      plainLaunches.push(without.launch);
    }
    print('appearance-highlights', highlightCount, 'count');
    print('appearance-cold-start-page-10k-median', median(pageStarts), 'ms');
    print('appearance-cold-start-launch-10k-median', median(launches), 'ms');
    print('appearance-cold-start-page-none-median', median(plainStarts), 'ms');
    print('appearance-cold-start-launch-none-median', median(plainLaunches), 'ms');
    print('appearance-cold-start-page-10k-vs-none', median(pageStarts) / median(plainStarts), 'x');

    const loaded = await changesOn(highlighted.dataDir);
    const bare = await changesOn(plain.dataDir);
    print('appearance-theme-switch-10k-median', loaded.theme, 'ms');
    print('appearance-theme-switch-none-median', bare.theme, 'ms');
    print('appearance-theme-switch-10k-vs-none', loaded.theme / bare.theme, 'x');
    print('appearance-font-size-10k-median', loaded.fontSize, 'ms');
    print('appearance-font-size-none-median', bare.fontSize, 'ms');
    print('appearance-font-size-10k-vs-none', loaded.fontSize / bare.fontSize, 'x');
  } finally {
    await highlighted.remove();
    await plain.remove();
  }
}

await main();
