import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pageChannelTable } from '../../common/contract.ts';
import { contentSecurityPolicy } from '../../electron/main/renderer-files.ts';
import { harnessOrigin, launchApp, type LaunchedApp, makeDataDir } from '../harness/launch-app.ts';

/** The harness itself: it must present the page exactly what Electron would (API surface, CSP, file serving). */
describe('launchApp', () => {
  let app: LaunchedApp;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const made = await makeDataDir();
    remove = made.remove;
    app = await launchApp({ dataDir: made.dataDir });
  });
  afterAll(async () => {
    await app?.close();
    await remove?.();
  });

  it('gives the page the preload API: one frozen function per channel, and nothing else of Electron or Node', async () => {
    const shape = await app.page.evaluate(() => {
      const { marginalia } = window;
      return {
        groups: Object.fromEntries(
          Object.entries(marginalia).map(([group, verbs]) => [group, Object.keys(verbs).sort()]),
        ),
        frozen: Object.isFrozen(marginalia) && Object.values(marginalia).every((verbs) => Object.isFrozen(verbs)),
        // Names the page must not have, so the Window type rightly does not declare them.
        node: typeof Reflect.get(window, 'require'),
        process: typeof Reflect.get(window, 'process'),
      };
    });
    const expected = Object.fromEntries(
      Object.entries(pageChannelTable()).map(([group, verbs]) => [group, Object.keys(verbs).sort()]),
    );
    expect(shape).toEqual({ groups: expected, frozen: true, node: 'undefined', process: 'undefined' });
    // What only the preload may call is not there: the page cannot name a dropped file's path.
    expect(shape.groups['articles']).not.toContain('openDropped');
    expect(shape.groups['articles']).toContain('openFile');
  });

  it('answers calls through the real dispatcher, with its Result envelope', async () => {
    const [article, invalid] = await app.page.evaluate(async () => {
      const { marginalia } = window;
      return [await marginalia.articles.getDefault(), await marginalia.annotations.list({ articleId: -1 })];
    });
    expect(article).toMatchObject({ ok: true, value: { title: expect.any(String) } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('serves the built renderer with the CSP header, and refuses paths outside it', async () => {
    const page = await app.context.newPage();
    try {
      const response = await page.goto(`${harnessOrigin}/index.html`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
      const statuses = await page.evaluate(async () =>
        Promise.all(
          ['/..%2f..%2fetc%2fpasswd', '/%2e%2e%2fpackage.json', '/missing.js'].map(
            async (path) => (await fetch(path)).status,
          ),
        ),
      );
      expect(statuses).toEqual([404, 404, 404]);
    } finally {
      await page.close();
    }
  });

  it('reported no page errors', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
