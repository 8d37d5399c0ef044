import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import type { Article, OpenedArticle, OpenedLink } from '../../../common/contract.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, remount, renderApp } from './harness.tsx';

/** One kind of push, as the preload relays it: pushed before anyone listens, it waits for the first listener. */
class Relay<T> {
  readonly listeners = new Set<(pushed: T) => void>();
  readonly #waiting: T[] = [];

  push(pushed: T): void {
    if (this.listeners.size === 0) this.#waiting.push(pushed);
    else this.listeners.forEach((listener) => listener(pushed));
  }

  listen = (listener: (pushed: T) => void): (() => void) => {
    this.listeners.add(listener);
    this.#waiting.splice(0).forEach((pushed) => listener(pushed));
    return () => this.listeners.delete(listener);
  };
}

/** The preload's `marginaliaEvents`, stood in for: articles and marginalia:// links main opened by itself. */
class OutsideEvents {
  readonly #articles = new Relay<OpenedArticle>();
  readonly links = new Relay<OpenedLink>();
  readonly listeners = this.#articles.listeners;
  push = (opened: OpenedArticle) => this.#articles.push(opened);
  onArticleOpened = this.#articles.listen;
  onLinkOpened = this.links.listen;
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
    expect(fake.callsTo('articles.getLastOpened')).toHaveLength(2);
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

describe('marginalia:// links main was handed', () => {
  test('open their article and bring their highlight into view, with a dialog in the way closed', async () => {
    const fake = new FakeApi();
    const owls = fake.addArticle({
      title: 'Owls',
      content:
        Array.from({ length: 60 }, (_, i) => `Paragraph ${i} about the night.`).join('\n\n') +
        '\n\nThe owl hunts at dusk.',
    });
    const far = fake.seed({
      articleId: owls.id,
      selectors: [{ type: 'TextQuoteSelector', exact: 'The owl hunts', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    await userEvent.keyboard('{Control>}k{/Control}');
    await expect.element(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    events.links.push({ articleId: owls.id, annotationId: far.id });
    await expect.element(page.getByRole('heading', { level: 1, name: 'Owls' })).toBeVisible();
    expect(page.getByRole('dialog', { name: 'Search' }).elements()).toHaveLength(0);
    // Scrolled to the far highlight: it is in view.
    await expect
      .poll(() => {
        const mark = remount(m).pane.getBoundingClientRect();
        const range = document.createRange();
        const body = remount(m).body;
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf('The owl hunts');
          if (at >= 0) {
            range.setStart(node, at);
            range.setEnd(node, at + 5);
            const box = range.getBoundingClientRect();
            return box.top >= mark.top && box.bottom <= mark.bottom;
          }
        }
        return false;
      })
      .toBe(true);
  });

  test('a link to an article alone opens it where the user left it', async () => {
    const fake = new FakeApi();
    const owls = fake.addArticle({ title: 'Owls', content: 'The owl hunts at dusk.' });
    events.links.push({ articleId: owls.id, annotationId: null });
    await renderApp(fake);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Owls' })).toBeVisible();
    expect(fake.callsTo('articles.get')).toEqual([{ id: owls.id }]);
  });
});
