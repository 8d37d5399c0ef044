import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { contentSecurityPolicy } from '../../electron/main/renderer-files.ts';

const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
}));
vi.mock('electron', () => ({ protocol: electron }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { registerAppScheme, serveAppProtocol } = await import('../../electron/main/protocol.ts');

describe('app:// protocol', () => {
  let root: string;
  let serve: (url: string) => Promise<Response>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-protocol-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
    serveAppProtocol(root);
    const [scheme, handler] = electron.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    serve = (url) => handler!(new Request(url));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

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
});
