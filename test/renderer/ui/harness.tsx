import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, vi } from 'vitest';
import { type Locator, page } from 'vitest/browser';

import { App } from '../../../renderer/app/App.tsx';
import { FakeApi } from './fake-api.ts';

/**
 * Renders the app with one stored yellow highlight on `exact` (quote only, so it anchors wherever the text is), and
 * waits until it is painted.
 */
export async function renderWithOneHighlight(exact: string, note = '') {
  const fake = new FakeApi();
  const stored = fake.seed({
    color: 'yellow',
    note,
    selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
  });
  const m = await renderApp(fake);
  expect(paintedCount('marginalia-yellow')).toBe(1);
  return { m, stored };
}

/** A mounted app and handles on what the user sees. */
export interface Mounted {
  fake: FakeApi;
  host: HTMLElement;
  /** The focusable article element (heading and body). */
  article: HTMLElement;
  /** The anchoring root: its text content is the article content. */
  body: HTMLElement;
  pane: HTMLElement;
  unmount(): void;
}

const mounted: Mounted[] = [];

/** Renders the app against a fake API and waits until the article is shown and its annotations are loaded. */
export async function renderApp(fake = new FakeApi()): Promise<Mounted> {
  const host = document.createElement('div');
  host.style.height = '100vh';
  document.body.append(host);
  const root = createRoot(host);
  // StrictMode, as in main.tsx: mounting twice must not leave a second surface, painter or listener behind.
  root.render(
    <StrictMode>
      <App api={fake.api} />
    </StrictMode>,
  );
  await vi.waitFor(() => {
    expect(host.querySelector('.article-body')).not.toBeNull();
    expect(host.querySelector('.sidebar')?.textContent).not.toContain('Loading…');
  });
  const m: Mounted = {
    fake,
    host,
    article: host.querySelector<HTMLElement>('article.article')!,
    body: host.querySelector<HTMLElement>('.article-body')!,
    pane: host.querySelector<HTMLElement>('.reader-pane')!,
    unmount: () => {
      root.unmount();
      host.remove();
    },
  };
  mounted.push(m);
  return m;
}

/** The same mount with its article handles re-read, after the reader switched to another article. */
export function remount(m: Mounted): Mounted {
  return {
    ...m,
    article: m.host.querySelector<HTMLElement>('article.article')!,
    body: m.host.querySelector<HTMLElement>('.article-body')!,
    pane: m.host.querySelector<HTMLElement>('.reader-pane')!,
  };
}

/** The quotes listed under "Couldn't place", top to bottom. */
export function orphanQuotes(m: Mounted): string[] {
  return [...m.host.querySelectorAll('.sidebar .orphans .entry-quote')].map((q) => q.textContent ?? '');
}

/** Unmounts everything rendered by the current test and clears the selection. */
export function cleanup(): void {
  for (const m of mounted.splice(0)) m.unmount();
  window.getSelection()?.removeAllRanges();
}

/** A Range over the first occurrence of `text` inside one text node under `root`. */
export function rangeOfText(root: Node, text: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(text) ?? -1;
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`text not found: ${text}`);
}

/** Selects text the way a mouse drag ends: the selection is set, then selectionchange and mouseup arrive. */
export function selectText(m: Mounted, text: string): Range {
  return selectRange(m, rangeOfText(m.body, text));
}

/** Makes `range` the selection as a mouse drag that ends there does (see selectText). */
export function selectRange(m: Mounted, range: Range): Range {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  m.article.focus();
  document.dispatchEvent(new Event('selectionchange'));
  m.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  return range;
}

/** Presses a key on an element (keydown then keyup), as the surface sees it. */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  const code = /^[1-5]$/.test(key) ? `Digit${key}` : key.length === 1 ? `Key${key.toUpperCase()}` : key;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, ...init }));
  target.dispatchEvent(new KeyboardEvent('keyup', { key, code, bubbles: true, cancelable: true, ...init }));
}

/** Clicks at the middle of some article text, where a painted highlight would be. */
export function clickText(m: Mounted, text: string): void {
  const rect = rangeOfText(m.body, text).getClientRects()[0]!;
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const target = document.elementFromPoint(x, y) ?? m.body;
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
}

/** The painted range count of one highlight name (e.g. "marginalia-green"). */
export function paintedCount(name: string): number {
  return CSS.highlights.get(name)?.size ?? 0;
}

/** The quotes listed in the sidebar, top to bottom. */
export function sidebarQuotes(m: Mounted): string[] {
  return [...m.host.querySelectorAll('.sidebar [role="list"] .entry-quote')].map((q) => q.textContent ?? '');
}

/** The open annotation popover, if any. */
export function popover(m: Mounted): HTMLElement | null {
  return m.host.querySelector<HTMLElement>('[role="dialog"]');
}

/** The one button with exactly this accessible name, found the way assistive technology would. */
export function button(name: string): HTMLButtonElement {
  return page.getByRole('button', { name, exact: true }).element() as HTMLButtonElement;
}

/** Waits until the element a locator finds contains `text` (toHaveTextContent matches whole text here). */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => locator.query()?.textContent ?? '').toContain(text);
}

/** The quote selector's text of a recorded create call. */
export function quoteOfCreate(input: unknown): string | undefined {
  const selectors = (input as { selectors: Array<{ type: string; exact?: string }> }).selectors;
  return selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
}
