import { readdirSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { backUpLibrary } from '../../electron/core/backup/back-up.ts';
import { bytesOf, damageFile } from '../core/backup/damage.ts';
import { addArticles, countOf, libraryFile, makeLibrary } from '../core/backup/library-fixture.ts';
import { makeTempDir } from '../db/temp-dir.ts';

const electron = vi.hoisted(() => ({ showMessageBox: vi.fn(async () => ({ response: 0 })) }));
vi.mock('electron', () => ({ dialog: { showMessageBox: electron.showMessageBox } }));
vi.mock('../../electron/main/log.ts', () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));
const { checkLibraryAtStart } = await import('../../electron/main/damaged-library.ts');

/** The check at start on real library files: whole ones open, damaged ones are offered their newest good backup. */

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  electron.showMessageBox.mockClear();
});
afterEach(() => temp.cleanup());

/** A data folder with a backup of a 4-article library, then 2 more articles, then its file damaged. */
async function damagedWithBackup(dataDir: string): Promise<void> {
  const db = makeLibrary(dataDir, 4, 2);
  closeDatabase(db, () => undefined);
  await backUpLibrary(dataDir, 'manual');
  const again = openDatabase(libraryFile(dataDir));
  addArticles(again, 2, 1, 4);
  closeDatabase(again, () => undefined);
  damageFile(libraryFile(dataDir), 'page-overwritten');
}

describe('checkLibraryAtStart', () => {
  it('lets a whole library and a new one (no file yet) open without asking anything', async () => {
    const dataDir = path.join(temp.dir, 'whole');
    closeDatabase(makeLibrary(dataDir), () => undefined);
    expect(await checkLibraryAtStart(dataDir)).toBe(true);
    expect(await checkLibraryAtStart(path.join(temp.dir, 'new'))).toBe(true);
    expect(electron.showMessageBox).not.toHaveBeenCalled();
  });

  it('offers the newest good backup, restores it on yes, and keeps the damaged file beside it', async () => {
    const dataDir = path.join(temp.dir, 'damaged');
    await damagedWithBackup(dataDir);
    const damaged = bytesOf(libraryFile(dataDir));
    expect(await checkLibraryAtStart(dataDir)).toBe(true);
    const [options] = electron.showMessageBox.mock.calls[0] as unknown as [{ message: string; detail: string }];
    expect(options.message).toBe('Your library is damaged. Restore it from the newest good backup?');
    expect(options.detail).toMatch(/holds 4 articles and 8 highlights/);
    expect(countOf(libraryFile(dataDir), 'articles')).toBe(4);
    const kept = readdirSync(dataDir).filter((name) => /^marginalia\.damaged-.*\.db$/.test(name));
    expect(kept).toHaveLength(1);
    expect(bytesOf(path.join(dataDir, kept[0]!))).toEqual(damaged);
  });

  it('changes nothing and says so when the user quits, or when there is no backup', async () => {
    const dataDir = path.join(temp.dir, 'declined');
    await damagedWithBackup(dataDir);
    const damaged = bytesOf(libraryFile(dataDir));
    electron.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await checkLibraryAtStart(dataDir)).toBe(false);
    expect(bytesOf(libraryFile(dataDir))).toEqual(damaged);

    const lonely = path.join(temp.dir, 'no-backup');
    closeDatabase(makeLibrary(lonely), () => undefined);
    damageFile(libraryFile(lonely), 'random-bytes');
    electron.showMessageBox.mockClear();
    expect(await checkLibraryAtStart(lonely)).toBe(false);
    const [options] = electron.showMessageBox.mock.calls[0] as unknown as [{ message: string }];
    expect(options.message).toBe('Your library is damaged, and there is no backup of it to restore.');
  });
});
