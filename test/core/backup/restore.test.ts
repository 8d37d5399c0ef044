import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { makeBackup } from '../../../electron/core/backup/make-backup.ts';
import { restoreBackup } from '../../../electron/core/backup/restore.ts';
import { makeTempDir } from '../../db/temp-dir.ts';
import { bytesOf, damageFile } from './damage.ts';
import { addArticles, countOf, libraryFile, makeLibrary, rowsOf } from './library-fixture.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

const now = () => new Date('2026-12-02T07:15:03.123Z');
const quiet = () => undefined;

/** Opens the restored library as the app does (migrations, WAL) and checks it. */
function opensWhole(dataDir: string): void {
  const db = openDatabase(libraryFile(dataDir));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  closeDatabase(db, quiet);
}

describe('restoreBackup', () => {
  it('backs up the current library first, then puts the chosen backup in its place', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 4, 2);
    const chosen = await makeBackup(dataDir, 'hourly');
    const then = rowsOf(chosen.file);
    addArticles(db, 3, 3, 100);
    closeDatabase(db, quiet);
    const current = rowsOf(libraryFile(dataDir));

    const outcome = await restoreBackup(dataDir, chosen.file, { now });

    expect(outcome).toEqual({
      restored: true,
      from: chosen.file,
      safetyBackup: path.join(dataDir, 'backups', 'marginalia-2026-12-02T07-15-03.123Z-before-restore.db'),
      // Left by the read-only openings that checked and backed it up (SQLite makes them for a WAL database).
      removedCompanions: ['marginalia.db-wal', 'marginalia.db-shm'],
    });
    if (!outcome.restored || !outcome.safetyBackup) return;
    expect(rowsOf(outcome.safetyBackup)).toEqual(current);
    expect(rowsOf(libraryFile(dataDir))).toEqual(then);
    expect(countOf(libraryFile(dataDir), 'articles')).toBe(4);
    opensWhole(dataDir);
    expect(readdirSync(dataDir).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('keeps the writes a crash left in the WAL in the safety backup, and never replays that WAL onto the restored file', async () => {
    const running = tempDataDir();
    const db = makeLibrary(running, 4, 2);
    const chosen = await makeBackup(running, 'hourly');
    addArticles(db, 5, 2, 100);
    // The state a crash leaves: the library file and its WAL, copied while the app still has them open.
    const crashed = tempDataDir();
    mkdirSync(path.join(crashed, 'backups'));
    for (const suffix of ['', '-wal', '-shm'])
      copyFileSync(libraryFile(running) + suffix, libraryFile(crashed) + suffix);
    const backup = path.join(crashed, 'backups', chosen.name);
    copyFileSync(chosen.file, backup);
    closeDatabase(db, quiet);
    expect(existsSync(`${libraryFile(crashed)}-wal`)).toBe(true);

    const outcome = await restoreBackup(crashed, backup, { now });

    if (!outcome.restored || !outcome.safetyBackup) throw new Error(`not restored: ${JSON.stringify(outcome)}`);
    expect(outcome.removedCompanions).toEqual(['marginalia.db-wal', 'marginalia.db-shm']);
    expect(countOf(outcome.safetyBackup, 'articles')).toBe(9);
    expect(rowsOf(libraryFile(crashed))).toEqual(rowsOf(chosen.file));
    opensWhole(crashed);
    expect(countOf(libraryFile(crashed), 'articles')).toBe(4);
  });

  it('keeps a damaged library beside the restored one, byte for byte, and makes no backup of it', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 40, 5);
    const chosen = await makeBackup(dataDir, 'quit');
    closeDatabase(db, quiet);
    damageFile(libraryFile(dataDir), 'page-overwritten');
    const damaged = bytesOf(libraryFile(dataDir));

    const outcome = await restoreBackup(dataDir, chosen.file, { now });

    const keptAs = path.join(dataDir, 'marginalia.damaged-2026-12-02T07-15-03.123Z.db');
    expect(outcome).toEqual({ restored: true, from: chosen.file, damagedKeptAs: keptAs, removedCompanions: [] });
    expect(bytesOf(keptAs).equals(damaged)).toBe(true);
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([chosen.name]);
    expect(rowsOf(libraryFile(dataDir))).toEqual(rowsOf(chosen.file));
    opensWhole(dataDir);

    // Damaged again, restored again in the same millisecond: the first kept file is not replaced.
    damageFile(libraryFile(dataDir), 'random-bytes');
    const again = await restoreBackup(dataDir, chosen.file, { now });
    expect(again).toMatchObject({
      damagedKeptAs: path.join(dataDir, 'marginalia.damaged-2026-12-02T07-15-03.124Z.db'),
    });
    expect(bytesOf(keptAs).equals(damaged)).toBe(true);
  });

  it('restores into a data folder whose library is gone', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 2, 1);
    const chosen = await makeBackup(dataDir, 'quit');
    closeDatabase(db, quiet);
    rmSync(libraryFile(dataDir));

    expect(await restoreBackup(dataDir, chosen.file)).toEqual({
      restored: true,
      from: chosen.file,
      removedCompanions: [],
    });
    expect(rowsOf(libraryFile(dataDir))).toEqual(rowsOf(chosen.file));
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const dataDir = tempDataDir();
    const db = makeLibrary(dataDir, 40, 2);
    const chosen = await makeBackup(dataDir, 'quit');
    closeDatabase(db, quiet);
    damageFile(chosen.file, 'truncated');
    const library = bytesOf(libraryFile(dataDir));
    const files = readdirSync(dataDir).sort();

    const outcome = await restoreBackup(dataDir, chosen.file);

    expect(outcome).toEqual({
      restored: false,
      reason: `The backup ${chosen.name} cannot be restored: it is damaged: SQLite cannot read part of it (database disk image is malformed).`,
    });
    expect(bytesOf(libraryFile(dataDir)).equals(library)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(files);
    expect(readdirSync(path.join(dataDir, 'backups'))).toEqual([chosen.name]);
    const reopened = new BetterSqlite3(libraryFile(dataDir), { readonly: true });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });
});
