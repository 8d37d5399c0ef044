/**
 * What a review of the sidebar chunks, the type settings and caret mode found: each case as the user meets it.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

import { describeText } from '../../../common/anchoring/text-anchor.ts';
import type { DocumentNode } from '../../../common/document.ts';
import { layingOutClass } from '../../../renderer/app/reader/block-sizes.ts';
import { applyTypography } from '../../../renderer/app/theme/typography.ts';
import { documentArticle, h } from '../reader/document-trees.ts';
import { FakeApi, testArticle } from './fake-api.ts';
import { cleanup, renderApp } from './harness.tsx';

beforeEach(async () => {
  await page.viewport(1100, 700);
});
afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('style');
  delete document.documentElement.dataset['font'];
  sessionStorage.clear();
});

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** An article of `count` numbered lines, each highlighted. */
function highlighted(count: number): FakeApi {
  const fake = new FakeApi();
  const lines = Array.from({ length: count }, (_, i) => `Line ${i + 1} of the ledger.`);
  const content = lines.join('\n\n');
  fake.article = { ...testArticle, content };
  let at = 0;
  for (const line of lines) {
    fake.seed({ selectors: describeText(content, at, at + line.length) });
    at += line.length + 2;
  }
  return fake;
}

describe('the sidebar in chunks', () => {
  test('each card says its place in the whole list, for screen readers that only see the chunks on screen', async () => {
    const m = await renderApp(highlighted(120));
    await vi.waitFor(() => expect(m.host.querySelectorAll('.sidebar [role="listitem"]')).toHaveLength(120));
    const items = [...m.host.querySelectorAll('.sidebar [role="listitem"]')];
    expect(items.map((item) => item.getAttribute('aria-setsize'))).toEqual(Array(120).fill('120'));
    expect(items.map((item) => Number(item.getAttribute('aria-posinset')))).toEqual(
      Array.from({ length: 120 }, (_, i) => i + 1),
    );
  });

  test('a last chunk of a few cards stands in at their height, not a whole chunk’s, so the list does not end in blank space', async () => {
    const m = await renderApp(highlighted(53));
    await vi.waitFor(() => expect(m.host.querySelectorAll('.entry-chunk')).toHaveLength(2));
    const [first, last] = [...m.host.querySelectorAll<HTMLElement>('.entry-chunk')];
    expect(getComputedStyle(last!).containIntrinsicHeight).toBe('auto 246px');
    expect(getComputedStyle(first!).containIntrinsicHeight).toBe('auto 4100px');
  });
});

describe('block sizes', () => {
  test('a type change while the blocks are being measured measures them again, in the new type', async () => {
    const blocks: DocumentNode[] = [];
    for (let i = 1; i <= 300; i++) {
      if (i > 1) blocks.push('\n\n');
      blocks.push(
        h('p', null, `Paragraph ${i}: `, 'the tide came in over the flats and the herons waited. '.repeat(3)),
      );
    }
    const fake = new FakeApi();
    fake.article = documentArticle(blocks);
    const m = await renderApp(fake);
    await vi.waitFor(() => expect(m.body.classList.contains(layingOutClass)).toBe(false));
    const typed = { fontFamily: 'serif', lineHeight: 1.65, columnWidth: 68 } as const;
    // The second change comes while the first one's pass is under way.
    const changedDuringPass = new Promise<void>((resolve) => {
      const watch = new MutationObserver(() => {
        if (!m.body.classList.contains(layingOutClass)) return;
        watch.disconnect();
        // After the pass's first frame has laid the blocks out in 24 px, before its second frame.
        requestAnimationFrame(() =>
          setTimeout(() => {
            applyTypography({ ...typed, fontSize: 32 });
            resolve();
          }, 0),
        );
      });
      watch.observe(m.body, { attributeFilter: ['class'] });
    });
    applyTypography({ ...typed, fontSize: 24 });
    await changedDuringPass;
    await vi.waitFor(() => expect(m.body.classList.contains(layingOutClass)).toBe(false), { timeout: 3000 });
    await frame();
    await frame();
    const remembered = m.pane.scrollHeight;
    m.body.classList.add(layingOutClass);
    const real = m.pane.scrollHeight;
    m.body.classList.remove(layingOutClass);
    expect(Math.abs(remembered - real)).toBeLessThan(real * 0.01);
  });
});

describe('caret mode', () => {
  test('F7 does nothing while a dialog is open, even when a click on its text left focus on the page', async () => {
    const m = await renderApp(new FakeApi());
    await userEvent.click(page.getByRole('button', { name: 'Text…' }));
    await userEvent.click(page.getByRole('heading', { name: 'Text' }));
    await userEvent.keyboard('{F7}');
    await userEvent.click(page.getByRole('button', { name: 'Done' }));
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    expect(m.host.querySelector('.caret-mode-hint')).toBeNull();
  });
});
