import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * `npm start` on a Node too old to run the TypeScript launcher: one sentence saying what to install, no stack trace.
 * The entry (electron/launcher/run.mjs) is plain JavaScript so that it can say so.
 */

const projectRoot = resolve(import.meta.dirname, '../..');
const entry = resolve(projectRoot, 'electron/launcher/run.mjs');

function expectRefusal(result: { status: number | null; stdout: string; stderr: string }, version: string): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    `Marginalia needs Node.js 22.18 or newer; this is Node ${version}.\n` +
      'Install a newer Node (the README\'s "Before you start" shows one way), then run this command again.\n',
  );
  expect(result.stdout).toBe('');
}

/** A Node older than 22.18 on this machine, if one is installed (Debian's /usr/bin/node is 20 here and on CI). */
function olderNode(): { path: string; version: string } | undefined {
  for (const path of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
      const [major = 0, minor = 0] = version.split('.').map(Number);
      if (major < 22 || (major === 22 && minor < 18)) return { path, version };
    } catch {
      // Not installed there.
    }
  }
  return undefined;
}

describe('the launcher on a Node that is too old', () => {
  it('says which Node is needed, for a version that cannot strip types (22.12 reported)', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `Object.defineProperty(process.versions, 'node', { value: '22.12.0' }); await import(${JSON.stringify(entry)});`,
      ],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expectRefusal(result, '22.12.0');
  });

  const old = olderNode();
  it.runIf(old)(`says so on a real old Node (${old?.path ?? 'none found'}, ${old?.version ?? ''})`, () => {
    if (!old) return;
    const result = spawnSync(old.path, [entry, 'electron-vite', 'preview'], { cwd: projectRoot, encoding: 'utf8' });
    expectRefusal(result, old.version);
  });
});
