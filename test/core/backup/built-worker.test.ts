import { existsSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { closeDatabase } from '../../../db/connection.ts';
import { backupWorkerFile } from '../../../electron/core/backup/copy-in-worker.ts';
import { makeBackup } from '../../../electron/core/backup/make-backup.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { countOf, makeLibrary } from './library-fixture.ts';

/** The backup copy's worker as the packaged app starts it: the file the build emits beside the main bundle. */

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the built backup worker', () => {
  it('is emitted by the build and makes a whole backup', async () => {
    const outMain = path.join(import.meta.dirname, '../../../out/main');
    // `npm test` builds first; electron.vite.config.ts emits it as its own entry.
    expect(existsSync(path.join(outMain, 'backup-copy-worker.js'))).toBe(true);
    const workerFile = backupWorkerFile(outMain);
    expect(workerFile).toBe(path.join(outMain, 'backup-copy-worker.js'));
    const dataDir = path.join(temp.dir, 'data');
    closeDatabase(makeLibrary(dataDir, 3, 2), () => undefined);
    const backup = await makeBackup(dataDir, 'manual', { workerFile });
    expect(countOf(backup.file, 'articles')).toBe(3);
    expect(countOf(backup.file, 'annotations')).toBe(6);
  });
});
