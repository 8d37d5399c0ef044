/**
 * `node test/bench/open-article.ts` (part of `npm run bench`): opening an article from the library, from the click
 * on its entry to the article painted with its highlights, in the real app (the built renderer in Chromium over the
 * real main-process side, through the test harness: `npm run build` first, which `npm run bench` does).
 *
 * The article is a formatted page of ~150 KB (headings, paragraphs, lists) with 1,000 highlights; the baseline is the
 * same page without any, opened the same way in the same run. The clock runs in the page: from the click to the task
 * after the first frame that shows the article's title with highlights registered for painting. Blocks off screen
 * are laid out later, in one pass soon after that frame (renderer/app/reader/block-sizes.ts); `…-sizes-known-…` is
 * the time from the click to the end of that pass, when every scroll position is exact.
 *
 * Prints `BENCH open-article-…` lines.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { describeText } from '../../common/anchoring/text-anchor.ts';
import type { MarginaliaApi } from '../../common/contract.ts';
import { createAnnotation } from '../../db/annotations.ts';
import { insertArticle } from '../../db/articles.ts';
import { openAppData } from '../../electron/core/app-data.ts';
import { deriveSeed, int, mulberry32 } from '../corpus/random.ts';
import { launchApp, makeDataDir } from '../harness/launch-app.ts';
import { waitForTitle } from '../harness/reader.ts';
import { median, printFigure as print } from './figures.ts';
import { formattedPage, librarySeed, vocabulary } from './generated-library.ts';

const highlightCount = 1_000;
const runs = 7;

async function main(): Promise<void> {
  if (!existsSync(path.join(import.meta.dirname, '../../out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (npm run bench does).');
  }
  const { dataDir, remove } = await makeDataDir();
  try {
    const rng = mulberry32(deriveSeed(librarySeed, 'open-article'));
    const words = vocabulary(rng);
    const tree = formattedPage(rng, words, 150_000);
    const data = openAppData(dataDir);
    const titles = { highlighted: 'Highlighted page', plain: 'Plain page' };
    try {
      const highlighted = insertArticle(data.db, {
        title: titles.highlighted,
        source: 'https://bench.example/highlighted',
        format: 'document',
        document: tree,
      });
      insertArticle(data.db, {
        title: titles.plain,
        source: 'https://bench.example/plain',
        format: 'document',
        document: tree,
      });
      const text = highlighted.content;
      data.db.transaction(() => {
        for (let n = 0; n < highlightCount; n += 1) {
          const start = text.indexOf(' ', int(rng, 0, text.length - 200)) + 1;
          const end = start + int(rng, 5, 90);
          const color = (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[n % 5]!;
          createAnnotation(data.db, { articleId: highlighted.id, color, selectors: describeText(text, start, end) });
        }
      })();
      print('open-article-text-chars', text.length, 'count');
    } finally {
      data.close();
    }

    const app = await launchApp({ dataDir });
    try {
      const { page: tab } = app;
      const openFromLibrary = async (title: string): Promise<{ painted: number; sizesKnown: number }> => {
        await tab.keyboard.press('Control+Shift+L');
        await tab.getByRole('option', { name: new RegExp(title) }).waitFor();
        const elapsed = await tab.evaluate(async (wanted) => {
          const option = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
            o.textContent?.includes(wanted),
          );
          if (!option) throw new Error(`no library entry for ${wanted}`);
          const started = performance.now();
          // The pass that lays every block out once ends when the article body's is-laying-out class goes.
          let sizesKnown = 0;
          const passEnded = new Promise<void>((resolve) => {
            const watch = new MutationObserver(() => {
              const body = document.querySelector('.article-body.is-document');
              if (!body) return;
              if (body.classList.contains('is-laying-out')) body.setAttribute('data-bench-pass', '');
              else if (body.hasAttribute('data-bench-pass')) {
                sizesKnown = performance.now() - started;
                watch.disconnect();
                resolve();
              }
            });
            watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
          });
          option.click();
          await new Promise<void>((resolve) => {
            const check = () => {
              const shown = document.getElementById('article-title')?.textContent === wanted;
              const painted = [...CSS.highlights.values()].some((highlight) => highlight.size > 0);
              // Highlights registered by this frame are painted in it; the task after it runs once it is drawn.
              if (shown && (painted || wanted !== 'Highlighted page')) setTimeout(resolve, 0);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          });
          const painted = performance.now() - started;
          await passEnded;
          return { painted, sizesKnown };
        }, title);
        await waitForTitle(tab, title);
        return elapsed;
      };
      const withHighlights: number[] = [];
      const without: number[] = [];
      const sizesKnown: number[] = [];
      // A warm-up of each, then alternate, so both see the same caches.
      await openFromLibrary(titles.highlighted);
      await openFromLibrary(titles.plain);
      for (let run = 0; run < runs; run += 1) {
        const highlighted = await openFromLibrary(titles.highlighted);
        withHighlights.push(highlighted.painted);
        sizesKnown.push(highlighted.sizesKnown);
        without.push((await openFromLibrary(titles.plain)).painted);
      }
      // The harness's stand-in for Electron's IPC (a Playwright binding) is slower than the real thing: the two answers
      // an open waits for, asked for as the app asks, and the structured clone Electron's IPC makes of them, for
      // comparison (a floor: Electron also copies them between processes).
      const transport = await tab.evaluate(async (wanted) => {
        const api = (window as unknown as { marginalia: MarginaliaApi }).marginalia;
        const entries = await api.articles.list();
        const id = entries.ok ? entries.value.find((entry) => entry.title === wanted)?.id : undefined;
        if (id === undefined) throw new Error(`no library entry for ${wanted}`);
        const answers: number[] = [];
        const clones: number[] = [];
        for (let run = 0; run < 7; run += 1) {
          const started = performance.now();
          const both = await Promise.all([api.articles.get({ id }), api.annotations.list({ articleId: id })]);
          answers.push(performance.now() - started);
          const cloning = performance.now();
          structuredClone(both);
          clones.push(performance.now() - cloning);
        }
        const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        return { answers: middle(answers), clones: middle(clones) };
      }, titles.highlighted);
      print('open-article-highlights', highlightCount, 'count');
      print('open-article-harness-answers-median', transport.answers, 'ms');
      print('open-article-answers-structured-clone-median', transport.clones, 'ms');
      print('open-article-1000-highlights-median', median(withHighlights), 'ms');
      print('open-article-1000-highlights-max', Math.max(...withHighlights), 'ms');
      print('open-article-1000-highlights-sizes-known-median', median(sizesKnown), 'ms');
      print('open-article-no-highlights-median', median(without), 'ms');
      print('open-article-1000-vs-none-median', median(withHighlights) / median(without), 'x');
      if (app.pageErrors.length > 0) throw new Error(`page errors: ${app.pageErrors.join(' | ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await remove();
  }
}

await main();
