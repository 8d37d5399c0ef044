import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import electronLog from 'electron-log/node';
import { afterAll, describe, expect, it, vi } from 'vitest';

const logs = vi.hoisted(() => ({ dir: '' }));
vi.mock('electron', () => ({ app: { getPath: (name: string) => (name === 'logs' ? logs.dir : '/nowhere') } }));

const userData = mkdtempSync(join(tmpdir(), 'marginalia-logs-'));
// Not there yet: on Linux and Windows Electron's logs folder is <userData>/logs, made on the first line written.
logs.dir = join(userData, 'logs');
const { log } = await import('../../electron/main/log.ts');

describe("main's logger", () => {
  afterAll(() => rmSync(userData, { recursive: true, force: true }));

  it("writes info and above to main.log in the app's logs folder, with each error's stack", () => {
    log.info('opened the library');
    log.warn('refused a redirect to https://example.com/');
    log.error('an IPC call failed unexpectedly:', new Error('a bug in a handler'));
    const lines = readFileSync(join(logs.dir, 'main.log'), 'utf8');
    expect(lines).toMatch(/\[info\]\s+opened the library\n/);
    expect(lines).toMatch(/\[warn\]\s+refused a redirect to https:\/\/example\.com\/\n/);
    expect(lines).toMatch(/\[error\]\s+an IPC call failed unexpectedly: Error: a bug in a handler\n\s+at /);
  });

  it('sends only warnings and errors to the terminal', () => {
    expect(electronLog.transports.console.level).toBe('warn');
  });
});
