import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { databaseFileName } from '../app-data.ts';
import { fileTime } from './backup-names.ts';
import { checkLibraryFile } from './check-file.ts';
import { moveWithCompanions, removeCompanions, syncFile, syncFolder } from './durable-files.ts';
import { makeBackup, type MakeBackupOptions } from './make-backup.ts';

/** What restoreBackup did, or why it did nothing. */
export type RestoreOutcome =
  | {
      restored: true;
      /** The backup now in place. */
      from: string;
      /** The backup of the library as it was just before (reason `before-restore`), when it was whole. */
      safetyBackup?: string;
      /** Where the library was moved when it was damaged (`marginalia.damaged-<time>.db`), with its -wal and -shm. */
      damagedKeptAs?: string;
      /** The old library's -wal/-shm/-journal, removed so SQLite cannot replay them onto the restored file. */
      removedCompanions: string[];
    }
  | { restored: false; reason: string };

/**
 * Puts the backup `backupFile` in place of the library in `dataDir`. Only while the library is closed. Nothing of
 * the current state is lost: a whole library is backed up first (`before-restore`); a damaged one is moved aside
 * as `marginalia.damaged-<time>.db` with its companions, never overwritten or deleted; a missing one needs neither.
 *
 * The backup is checked (integrity_check) and copied beside the library first, so a damaged backup or a failed copy
 * leaves everything as it was. Then the old library's WAL goes (it belongs to the old file: SQLite would replay it
 * onto the restored one), and the copy is renamed into place. Between those two steps a crash leaves the library
 * without its last WAL frames, which the safety backup holds.
 */
export async function restoreBackup(
  dataDir: string,
  backupFile: string,
  options: Pick<MakeBackupOptions, 'now' | 'workerFile'> = {},
): Promise<RestoreOutcome> {
  const now = options.now ?? (() => new Date());
  const chosen = checkLibraryFile(backupFile);
  if (!chosen.ok)
    return {
      restored: false,
      reason: `The backup ${path.basename(backupFile)} cannot be restored: ${chosen.damaged}.`,
    };

  const library = path.join(dataDir, databaseFileName);
  const current = checkLibraryFile(library);
  const safetyBackup = current.ok ? (await makeBackup(dataDir, 'before-restore', options)).file : undefined;

  const incoming = `${library}.restoring`;
  try {
    await copyFile(backupFile, incoming);
    await syncFile(incoming);
  } catch (error) {
    await rm(incoming, { force: true });
    throw error;
  }

  let damagedKeptAs: string | undefined;
  let removedCompanions: string[] = [];
  try {
    if (!current.ok && current.problem !== 'missing') {
      damagedKeptAs = unusedDamagedName(dataDir, now());
      await moveWithCompanions(library, damagedKeptAs);
    } else {
      removedCompanions = await removeCompanions(library);
    }
  } catch (error) {
    // The library could not be moved aside or freed of its WAL: it stays as it was, without the copy.
    await rm(incoming, { force: true });
    throw error;
  }
  await rename(incoming, library);
  await syncFolder(dataDir);
  return {
    restored: true,
    from: backupFile,
    ...(safetyBackup === undefined ? {} : { safetyBackup }),
    ...(damagedKeptAs === undefined ? {} : { damagedKeptAs }),
    removedCompanions,
  };
}

/** `marginalia.damaged-<time>.db`, a millisecond later while that name is taken: a kept file is never replaced. */
function unusedDamagedName(dataDir: string, time: Date): string {
  let at = time;
  while (existsSync(path.join(dataDir, `marginalia.damaged-${fileTime(at)}.db`))) at = new Date(at.getTime() + 1);
  return path.join(dataDir, `marginalia.damaged-${fileTime(at)}.db`);
}
