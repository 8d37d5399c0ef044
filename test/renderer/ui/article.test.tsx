import { afterEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';

import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, expectText, paintedCount, renderApp } from './harness.tsx';

afterEach(cleanup);

describe('the article', () => {
  test('shows the title as a heading and one paragraph per block, with text equal to the content', async () => {
    const m = await renderApp();
    await expect.element(page.getByRole('heading', { level: 1, name: testArticle.title })).toBeVisible();
    const paragraphs = m.body.querySelectorAll(':scope > p');
    expect(paragraphs).toHaveLength(testArticle.content.split('\n\n').length);
    expect(paragraphs[1]?.textContent).toBe(
      '“Marginalia,” wrote one scholar, “are the footprints of attention” — and they outlive the reader…',
    );
    expect(m.body.textContent).toBe(testArticle.content);
    // Between paragraphs there is exactly one "\n\n" text node, nothing else.
    const between = paragraphs[0]?.nextSibling;
    expect(between?.nodeType).toBe(Node.TEXT_NODE);
    expect(between?.textContent).toBe('\n\n');
  });

  test('keeps odd paragraph shapes (empty blocks, single newlines) byte for byte', async () => {
    const fake = new FakeApi();
    fake.article = { ...testArticle, content: 'One\nline break.\n\n\n\nAfter an empty block.\n\n\nLeading newline.' };
    const m = await renderApp(fake);
    expect(m.body.textContent).toBe(fake.article.content);
  });

  test('is focusable and announces how to use it', async () => {
    const m = await renderApp();
    expect(m.article.tabIndex).toBe(0);
    expect(document.getElementById(m.article.getAttribute('aria-describedby')!)?.textContent).toMatch(/press 1 to 5/i);
  });

  test('paints stored annotations and lists them with a count', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'blue',
      selectors: [{ type: 'TextQuoteSelector', exact: 'The habit is older than print.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    expect(paintedCount('marginalia-blue')).toBe(1);
    await expect.element(page.getByRole('heading', { name: 'Highlights 1' })).toBeVisible();
    expect(m.host.querySelector('.sidebar [role="list"] .entry-quote')?.textContent).toBe(
      'The habit is older than print.',
    );
  });

  test('lists annotations it cannot place under “Couldn’t place”, unpainted, with quote and note', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'pink',
      note: 'Where did this go?',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'A sentence that is nowhere in this article at all, not even close.',
          prefix: '',
          suffix: '',
        },
      ],
    });
    const m = await renderApp(fake);
    const orphans = page.getByRole('region', { name: /Couldn’t place/ });
    await expectText(orphans, 'A sentence that is nowhere in this article');
    await expectText(orphans, 'Where did this go?');
    expect(paintedCount('marginalia-pink')).toBe(0);
    expect(m.host.querySelectorAll('.sidebar [role="list"] .entry')).toHaveLength(0);
  });

  test('mounts one article even in StrictMode, and leaves no highlights registered after unmounting', async () => {
    const fake = new FakeApi();
    fake.seed({
      color: 'purple',
      selectors: [{ type: 'TextQuoteSelector', exact: 'The habit is older than print.', prefix: '', suffix: '' }],
    });
    const m = await renderApp(fake);
    expect(m.host.querySelectorAll('article')).toHaveLength(1);
    expect(paintedCount('marginalia-purple')).toBe(1);
    m.unmount();
    expect(CSS.highlights.has('marginalia-purple')).toBe(false);
  });

  test('says why when the article cannot be opened', async () => {
    const fake = new FakeApi();
    fake.failEvery('articles.getLastOpened', 'the library file is locked');
    fake.failEvery('articles.getDefault', 'the library file is locked');
    const host = document.createElement('div');
    document.body.append(host);
    const { createRoot } = await import('react-dom/client');
    const { App } = await import('../../../renderer/app/App.tsx');
    const root = createRoot(host);
    root.render(<App api={fake.api} />);
    await vi.waitFor(() => expect(host.textContent).toContain('the library file is locked'));
    root.unmount();
    host.remove();
  });
});
