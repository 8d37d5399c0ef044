import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article, OpenedArticle } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, remount, renderApp } from './harness.tsx';

/**
 * The preload's `marginaliaEvents`, stood in for as the preload does it: articles pushed before anyone listens wait,
 * and are handed to the first listener.
 */
class OutsideEvents {
  readonly listeners = new Set<(opened: OpenedArticle) => void>();
  readonly #waiting: OpenedArticle[] = [];

  push(opened: OpenedArticle): void {
    if (this.listeners.size === 0) this.#waiting.push(opened);
    else this.listeners.forEach((listener) => listener(opened));
  }

  onArticleOpened = (listener: (opened: OpenedArticle) => void): (() => void) => {
    this.listeners.add(listener);
    this.#waiting.splice(0).forEach((opened) => listener(opened));
    return () => this.listeners.delete(listener);
  };
}

let events: OutsideEvents;
beforeEach(async () => {
  await page.viewport(1100, 700);
  events = new OutsideEvents();
  Object.defineProperty(window, 'marginaliaEvents', { value: events, configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'marginaliaEvents');
});

const fieldNotes: Article = {
  ...testArticle,
  id: 21,
  title: 'Field notes',
  source: 'file:///home/ada/field-notes.md',
  content: 'The heron stood in the shallows all morning.',
};

const notice = (m: { host: HTMLElement }) => m.host.querySelector('.notice-region')?.textContent ?? '';

describe('articles main opened by itself', () => {
  test('are shown as one opened here is, with what main said about them', async () => {
    const m = await renderApp(new FakeApi());
    expect(events.listeners.size).toBe(1);
    events.push({
      article: fieldNotes,
      created: false,
      report: { kept: 1, moved: 0, fuzzy: 0, orphaned: 0 },
      notices: ['1 image could not be loaded and was left out.'],
    });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    await expect.poll(() => remount(m).body.textContent).toBe(fieldNotes.content);
    await expect.poll(() => notice(m)).toContain('its highlight was re-placed: 1 kept, 0 moved, 0 fuzzy, 0 orphaned');
    expect(notice(m)).toContain('1 image could not be loaded and was left out.');
  });

  test('one pushed before the window listened is shown once it does, not replaced by the built-in article', async () => {
    events.push({ article: fieldNotes, created: true, report: null, notices: [] });
    const fake = new FakeApi();
    const m = await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    // The built-in article's answer came after: it did not take the window back.
    await new Promise((r) => setTimeout(r, 50));
    expect(remount(m).body.textContent).toBe(fieldNotes.content);
    expect(fake.callsTo('articles.getDefault')).toHaveLength(2);
    // StrictMode subscribes twice: one listener remains, and the article was shown once.
    expect(events.listeners.size).toBe(1);
  });

  test('a dialog in the way is closed, and the window stops listening when it goes', async () => {
    const m = await renderApp(new FakeApi());
    await userEvent.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await expect.element(page.getByRole('dialog', { name: 'Library' })).toBeVisible();
    events.push({ article: fieldNotes, created: true, report: null, notices: [] });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    expect(page.getByRole('dialog', { name: 'Library' }).elements()).toHaveLength(0);
    m.unmount();
    expect(events.listeners.size).toBe(0);
  });
});
