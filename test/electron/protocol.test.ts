import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { replaceArticleImages } from '../../db/article-images.ts';
import { insertArticle } from '../../db/articles.ts';
import { openDatabase } from '../../db/connection.ts';
import { contentSecurityPolicy } from '../../electron/main/renderer-files.ts';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
}));
vi.mock('electron', () => ({ protocol: electron }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { registerAppScheme, serveAppProtocol } = await import('../../electron/main/protocol.ts');

/** The smallest valid PNG: one transparent pixel. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('app:// protocol', () => {
  let root: string;
  let db: Database;
  let articleId: number;
  let serve: (url: string) => Promise<Response>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-protocol-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
    db = openDatabase(join(root, 'library.db'));
    articleId = insertArticle(db, {
      title: 'Pictures',
      source: 'https://example.org/pictures',
      format: 'document',
      document: [{ tag: 'p', children: ['A picture: ', { tag: 'img', attrs: { src: '1', alt: 'a dot' } }] }],
    }).id;
    replaceArticleImages(db, articleId, [{ name: '1', mediaType: 'image/png', data: png }]);
    serveAppProtocol(root, () => db);
    const [scheme, handler] = electron.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    serve = (url) => handler!(new Request(url));
  });
  afterAll(async () => {
    db.close();
    await rm(root, { recursive: true, force: true });
  });

  it('registers app as a standard, secure scheme that supports fetch', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with its MIME type and the CSP header', async () => {
    const response = await serve('app://marginalia/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('<title>Marginalia</title>');
  });

  it('answers 404 for other hosts, missing files and traversal', async () => {
    for (const url of [
      'app://elsewhere/index.html',
      'app://marginalia/missing.js',
      'app://marginalia/..%2f..%2fetc%2fpasswd',
      'app://marginalia/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
    }
    expect(log.warn).toHaveBeenCalledWith('app:// refused app://elsewhere/index.html');
  });

  it('serves an article’s stored image with its sniffed type, under a policy that lets nothing in it run', async () => {
    const response = await serve(`app://marginalia/images/${articleId}/1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it('answers 404 for an image that is not stored, or a path that only looks like one', async () => {
    for (const url of [
      `app://marginalia/images/${articleId}/2`,
      `app://marginalia/images/${articleId + 1}/1`,
      `app://marginalia/images/${articleId}/1/../../index.html`,
      `app://marginalia/images/${articleId}/%2e%2e`,
      'app://marginalia/images/0/1',
      'app://marginalia/images/',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
    }
  });
});
