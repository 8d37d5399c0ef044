import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultSettings, type Settings } from '../../common/model.ts';
import {
  contentSecurityPolicy,
  mimeType,
  rendererFileResponse,
  resolveAppUrl,
  resolveRendererFile,
  settingsAtStart,
  themeAtStart,
} from '../../electron/main/renderer-files.ts';

const root = resolve('/srv/out/renderer');

describe('resolveRendererFile', () => {
  it('maps URL paths to files inside the root, "/" to index.html', () => {
    expect(resolveRendererFile(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
    expect(resolveRendererFile(root, '/fonts/Literata%20Bold.woff2')).toBe(join(root, 'fonts', 'Literata Bold.woff2'));
  });

  it('refuses paths that leave the root, plain or percent-encoded', () => {
    for (const path of [
      '/../../etc/passwd',
      '/..',
      '/assets/../../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%2f..%2fetc%2fpasswd',
    ]) {
      expect(resolveRendererFile(root, path), path).toBeUndefined();
    }
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(resolveRendererFile(root, '/index.html%00.png')).toBeUndefined();
    expect(resolveRendererFile(root, '/%E0%A4%A')).toBeUndefined();
  });

  it('keeps a sibling folder whose name starts like the root outside', () => {
    expect(resolveRendererFile(root, '/../renderer-secrets/key')).toBeUndefined();
  });
});

describe('resolveAppUrl', () => {
  it('serves app://marginalia only', () => {
    expect(resolveAppUrl(root, 'app://marginalia/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://marginalia/assets/a.css?v=1#x')).toBe(join(root, 'assets', 'a.css'));
    expect(resolveAppUrl(root, 'app://other/index.html')).toBeUndefined();
    expect(resolveAppUrl(root, 'http://marginalia/index.html')).toBeUndefined();
    expect(resolveAppUrl(root, 'not a url')).toBeUndefined();
  });

  it('refuses traversal in app:// URLs, however it is spelled', () => {
    // The URL parser folds "..", "%2e%2e" and ".%2e" segments against the root of the path: still inside.
    expect(resolveAppUrl(root, 'app://marginalia/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppUrl(root, 'app://marginalia/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    // Encoded slashes survive parsing and are decoded by the resolver, which must catch them.
    expect(resolveAppUrl(root, 'app://marginalia/..%2f..%2fetc%2fpasswd')).toBeUndefined();
    expect(resolveAppUrl(root, 'app://marginalia/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeUndefined();
  });
});

describe('mimeType', () => {
  it('knows the renderer build outputs', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('font.woff2')).toBe('font/woff2');
    expect(mimeType('icon.svg')).toBe('image/svg+xml');
    expect(mimeType('image.png')).toBe('image/png');
    expect(mimeType('data.json')).toBe('application/json; charset=utf-8');
    expect(mimeType('mystery.bin')).toBe('application/octet-stream');
    expect(mimeType('Makefile')).toBe('application/octet-stream');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts, styles, fonts and images, and nothing else', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("is the same policy as the renderer's <meta> tag (which may leave out frame-ancestors: a <meta> cannot set it)", async () => {
    const html = await readFile(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d !== '' && !d.startsWith('frame-ancestors'));
    expect(directives(meta ?? '')).toEqual(directives(contentSecurityPolicy));
  });
});

describe('rendererFileResponse', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-files-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>t</title></html>');
    await writeFile(join(dir, 'assets', 'app.js'), 'export {};');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await rendererFileResponse(resolveRendererFile(dir, '/assets/app.js'));
    expect(response.status).toBe(200);
    expect(String(response.body)).toBe('export {};');
    expect(response.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    });
  });

  it('puts the user’s settings on the entry page as it is served, and a chosen theme for its first paint; nothing else changes', async () => {
    const page = async (settings: Settings) =>
      String((await rendererFileResponse(resolveRendererFile(dir, '/'), () => settings)).body);
    const sepia = { ...defaultSettings, theme: 'sepia', fontSize: 24 } as const;
    const served = await page(sepia);
    expect(served).toBe(
      `<!doctype html><html data-settings="${JSON.stringify(sepia).replaceAll('"', '&quot;')}" data-theme="sepia" lang="en"><title>t</title></html>`,
    );
    // What the page reads back is what main has.
    const attribute = /data-settings="([^"]*)"/.exec(served)?.[1] ?? '';
    expect(JSON.parse(attribute.replaceAll('&quot;', '"').replaceAll('&amp;', '&'))).toEqual(sepia);
    expect(await page({ ...defaultSettings, theme: 'dark' })).toContain('" data-theme="dark" lang="en">');
    // System's first paint follows the OS through the stylesheet; the page's script then sets data-theme.
    expect(await page(defaultSettings)).not.toContain('data-theme=');
    const script = await rendererFileResponse(resolveRendererFile(dir, '/assets/app.js'), () => sepia);
    expect(String(script.body)).toBe('export {};');
  });

  it('reads the settings from the library, and gives the defaults when there is none or they cannot be read', () => {
    const warnings: string[] = [];
    expect(settingsAtStart(undefined, (message) => warnings.push(message))).toEqual(defaultSettings);
    const broken = {
      prepare: () => {
        throw new Error('database is locked');
      },
    } as unknown as Database;
    expect(settingsAtStart(broken, (message) => warnings.push(message))).toEqual(defaultSettings);
    expect(themeAtStart(broken, (message) => warnings.push(message))).toBe('system');
    expect(warnings).toEqual([
      'could not read the settings for the first paint:',
      'could not read the settings for the first paint:',
    ]);
  });

  it('answers 404 for missing files, folders and refused paths', async () => {
    expect((await rendererFileResponse(resolveRendererFile(dir, '/missing.js'))).status).toBe(404);
    expect((await rendererFileResponse(join(dir, 'assets'))).status).toBe(404);
    const refused = await rendererFileResponse(resolveRendererFile(dir, '/..%2f..%2fetc%2fpasswd'));
    expect(refused.status).toBe(404);
    expect(refused.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('answers 404, not an error, for a path longer than the system allows', async () => {
    const overlongName = await rendererFileResponse(resolveRendererFile(dir, `/${'a'.repeat(300)}.js`));
    expect(overlongName.status).toBe(404);
    const overlongPath = await rendererFileResponse(resolveRendererFile(dir, `/${'deep/'.repeat(1_000)}app.js`));
    expect(overlongPath.status).toBe(404);
    expect(overlongPath.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });
});
