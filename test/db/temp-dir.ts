import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh directory under the OS temp dir for one test, and the way to remove it with everything in it. */
export function makeTempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
