import type { Page } from 'playwright-core';

/**
 * What a user sees and does in the reader, in page terms shared by every end-to-end test (browser harness and
 * Electron alike). Coordinates with the renderer through the DOM it promises: an <article> holding the text,
 * a toolbar of named buttons, a note dialog, a complementary sidebar.
 */

/**
 * Waits until an article is on screen, its title heading shown: the built-in one in a new data folder, the one the
 * user had open last after a restart.
 */
export async function waitForArticle(page: Page, timeoutMs = 15_000): Promise<void> {
  await page
    .getByRole('article')
    .getByRole('heading', { level: 1 })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Selects the first occurrence of `text` inside the article as a user's drag would: builds a Range over the
 * matching text nodes, sets the document selection, and fires the mouseup/selectionchange a drag ends with.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector('article');
    if (!root) return 'no <article> on the page';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let content = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      content += (node as Text).data;
    }
    const start = content.indexOf(wanted);
    if (start < 0) return `"${wanted}" is not in the article`;
    const end = start + wanted.length;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const next = offset + node.data.length;
      if (start >= offset && start < next) range.setStart(node, start - offset);
      if (end > offset && end <= next) {
        range.setEnd(node, end - offset);
        break;
      }
      offset = next;
    }
    const selection = window.getSelection();
    if (!selection) return 'the page has no selection object';
    selection.removeAllRanges();
    selection.addRange(range);
    const box = range.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, clientX: box.right, clientY: box.bottom, button: 0 };
    const target = range.endContainer.parentElement ?? root;
    target.dispatchEvent(new PointerEvent('pointerup', at));
    target.dispatchEvent(new MouseEvent('mouseup', at));
    return 'ok';
  }, text);
  if (found !== 'ok') throw new Error(`cannot select text: ${found}`);
}

/** How many ranges the `marginalia-<colour>` CSS highlight holds, and the text each covers. */
export async function paintedHighlights(page: Page, color: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    return [...highlight].map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    });
  }, `marginalia-${color}`);
}

/** Selects `text` and clicks the selection toolbar's "Highlight <colour>" button. */
export async function highlightText(page: Page, text: string, color: string): Promise<void> {
  await selectText(page, text);
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: `Highlight ${color}` })
    .click();
}

/** Clicks the middle of the first line of `text` in the article, as a user opens a highlight. */
export async function clickText(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const root = document.querySelector('article');
    if (!root) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + Math.min(wanted.length, 12));
      range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
      const box = range.getClientRects()[0];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : undefined;
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`"${text}" is not visible in the article`);
  await page.mouse.click(point.x, point.y);
}

/** The note textarea of the open highlight dialog. */
export function noteField(page: Page) {
  return page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
}

/** The sidebar's list of highlights in reading order. */
export function sidebarList(page: Page) {
  return page.getByRole('complementary').getByRole('list', { name: 'Highlights in reading order' });
}

/** Presses the header's "Open…" (the file dialog is the harness's `pickArticleFile` stand-in). */
export async function openArticleFile(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Open…/ })
    .click();
}

/** Waits until the article shown has this title. */
export async function waitForTitle(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  await page
    .getByRole('article')
    .getByRole('heading', { level: 1, name: title, exact: true })
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The window-wide notice under the header (what re-opening a changed file did), or '' when none is shown. */
export async function noticeText(page: Page): Promise<string> {
  return (await page.locator('.notice-region').textContent()) ?? '';
}

/** The sidebar's list of highlights that could not be placed. */
export function orphanList(page: Page) {
  return page.getByRole('complementary').getByRole('list', { name: 'Highlights that couldn’t be placed' });
}

/** Selects `text` and adds a note to it with the toolbar's "Add note", then closes the note with Escape. */
export async function highlightWithNote(page: Page, text: string, note: string): Promise<void> {
  await selectText(page, text);
  await page.getByRole('toolbar').getByRole('button', { name: 'Add note' }).click();
  await noteField(page).pressSequentially(note);
  await page.keyboard.press('Escape');
}

/** Two whole sentences of the default article, each a paragraph of its own, for scenarios that highlight them. */
export const stressed =
  'The State Department stressed that the U.S. side has been working in consultation with not only Ukraine, ' +
  'but also with NATO and other allies across Europe, in preparing for the talks.';
export const genevaTalks =
  'After the Geneva talks, Russia is due to hold negotiations with NATO in Brussels on Wednesday and at the ' +
  'Organization for Security and Cooperation in Europe on Thursday in Vienna.';
