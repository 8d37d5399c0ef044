import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { quoteSelectorOf } from '../../common/model.ts';
import { launchApp, type LaunchedApp, makeDataDir, relaunchApp } from '../harness/launch-app.ts';
import {
  highlightText,
  highlightWithNote,
  noticeText,
  openArticleFile,
  orphanList,
  paintedHighlights,
  selectText,
  sidebarList,
  waitForTitle,
} from '../harness/reader.ts';

/**
 * Re-importing a changed file, driven like a user through the built renderer and the real main-process handlers on
 * a real SQLite file: open a text file, highlight two passages with notes, open a new version of the same file in
 * which one passage's paragraph is gone, read the report, re-attach the orphan to new text, restart, and find it
 * painted in its new place with its note.
 */

const title = 'Field notes from the estuary';
const kept = 'patient as a post';
const doomed = 'The tide tables in the harbour office were chalked on a slate by the door';
const replacement = 'An appendix at the back now lists every high water for the year.';

const version1 = [
  title,
  '',
  'The heron stood in the shallows all morning, patient as a post, while the water slid past its legs.',
  '',
  `${doomed}, and rubbed out every Sunday after the last ferry.`,
  '',
  'By noon it had caught nothing, and flew off east toward the old mill.',
].join('\n');

const version2 = [
  title,
  '',
  'The heron stood in the shallows all morning, patient as a post, while the water slid past its legs.',
  '',
  'By noon it had caught nothing, and flew off east toward the old mill.',
  '',
  replacement,
].join('\n');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('re-importing a changed article', () => {
  it('reports what moved, lists the orphan with its note, and keeps it where the user re-attaches it', async () => {
    const { dataDir, remove } = await makeDataDir();
    cleanups.push(remove);
    const filePath = path.join(dataDir, '..', `${path.basename(dataDir)}-heron.txt`);
    const save = (text: string) => writeFile(filePath, text);
    cleanups.push(() => rm(filePath, { force: true }));
    await save(version1);
    const pickArticleFile = async () => filePath;
    let app: LaunchedApp = await launchApp({ dataDir, pickArticleFile });
    cleanups.push(() => app.close());
    let { page } = app;

    await openArticleFile(page);
    await waitForTitle(page, title);
    await highlightText(page, kept, 'green');
    await highlightWithNote(page, doomed, 'Ask the harbour master');
    await expect.poll(() => paintedHighlights(page, 'yellow')).toEqual([doomed]);
    await expect
      .poll(() => sidebarList(page).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining(kept), expect.stringContaining('Ask the harbour master')]);

    await save(version2);
    await openArticleFile(page);
    await expect.poll(() => noticeText(page)).toContain('1 kept, 0 moved, 0 fuzzy, 1 orphaned.');
    expect(await noticeText(page)).toContain('where you can re-attach it');
    await expect
      .poll(() => orphanList(page).getByRole('listitem').allTextContents())
      .toEqual([expect.stringMatching(new RegExp(`${doomed}.*Ask the harbour master`))]);
    await expect.poll(() => paintedHighlights(page, 'green')).toEqual([kept]);
    expect(await paintedHighlights(page, 'yellow')).toEqual([]);

    await orphanList(page).getByRole('button', { name: 'Re-attach…' }).click();
    await selectText(page, replacement);
    await page
      .getByRole('toolbar', { name: 'Re-attach highlight' })
      .getByRole('button', { name: 'Re-attach here' })
      .click();
    await expect.poll(() => paintedHighlights(page, 'yellow')).toEqual([replacement]);
    await expect.poll(() => orphanList(page).count()).toBe(0);
    await expect.poll(() => storedQuotes(app)).toEqual(expect.arrayContaining([replacement, kept]));
    expect(app.pageErrors).toEqual([]);

    // Restart: the window opens on the article the user had open; open the file again, as it is unchanged since.
    app = await relaunchApp(app, { pickArticleFile });
    page = app.page;
    await openArticleFile(page);
    await waitForTitle(page, title);
    await expect.poll(() => paintedHighlights(page, 'yellow')).toEqual([replacement]);
    expect(await paintedHighlights(page, 'green')).toEqual([kept]);
    await expect
      .poll(() => sidebarList(page).getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringContaining(kept),
        expect.stringMatching(new RegExp(`${replacement.slice(0, 40)}.*Ask the harbour master`)),
      ]);
    expect(await orphanList(page).count()).toBe(0);
    // Same file, same text: nothing to report.
    expect(await noticeText(page)).toBe('');
    expect(app.pageErrors).toEqual([]);
  });
});

/** The stored quotes of the file's annotations, read from the main process (re-opening the unchanged file there). */
async function storedQuotes(app: LaunchedApp): Promise<string[]> {
  const opened = await app.api.articles.openFile();
  if (!opened.ok) throw new Error(opened.error.message);
  if (opened.value === null) throw new Error('the file dialog was expected to pick the file');
  const { article, report } = opened.value;
  if (report !== null) throw new Error('the file was expected to be unchanged');
  const listed = await app.api.annotations.list({ articleId: article.id });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((a) => quoteSelectorOf(a.selectors).exact);
}
