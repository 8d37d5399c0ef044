import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * Every module outside the renderer loads in plain Node (type stripping, no Vite): scripts and tests can use the
 * data layer, the handlers and the anchoring engine directly. Vite-only imports (`?raw`) and TypeScript-only syntax
 * (enums, parameter properties) would break this; the erasableSyntaxOnly compiler option refuses the second.
 */

const root = resolve(import.meta.dirname, '../..');

/** Runs an ES module script in a fresh `node` (no Vite, no loader) from the project folder. */
function runInNode(script: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
}

const entryPoints = [
  'common/model.ts',
  'common/schemas.ts',
  'common/contract.ts',
  'common/api.ts',
  'common/anchoring/text-anchor.ts',
  'db/connection.ts',
  'db/annotations.ts',
  'electron/ipc/dispatch.ts',
  'electron/ipc/handlers.ts',
  'electron/core/app-data.ts',
  'electron/core/import-article.ts',
  'electron/main/renderer-files.ts',
  'electron/main/app-origin.ts',
  'electron/launcher/ensure-electron.ts',
];

describe('plain Node', () => {
  it('imports every main-side entry point directly', () => {
    const script = entryPoints.map((path) => `await import(${JSON.stringify(`./${path}`)});`).join('\n');
    const result = runInNode(`${script}\nconsole.log('loaded');`);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('loaded');
  });

  it('opens a library and answers a call through the real dispatcher', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'marginalia-plain-node-'));
    try {
      const result = runInNode(`
        const { openAppData } = await import('./electron/core/app-data.ts');
        const app = openAppData(${JSON.stringify(dataDir)});
        const article = await app.dispatch('articles:get-default', undefined);
        app.close();
        console.log(article.ok ? article.value.title : article.error.message);
      `);
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('US, Russia Hold Day-Long Talks Amid Ukraine Tensions');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
