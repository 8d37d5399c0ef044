import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { databaseFileName } from '../app-data.ts';
import { backupFileName, type BackupReason, backupsFolder, partialSuffix } from './backup-names.ts';
import { copyDatabaseInWorker } from './copy-in-worker.ts';
import { companionSuffixes, syncFile, syncFolder } from './durable-files.ts';
import { copyDatabase, type CopyReport } from './online-copy.ts';

/** A backup just made. */
export interface MadeBackup {
  /** Its full path. */
  file: string;
  name: string;
  createdAt: Date;
  reason: BackupReason;
  bytes: number;
  copy: CopyReport;
}

/** Options for makeBackup; tests pass a clock. */
export interface MakeBackupOptions {
  now?: () => Date;
  /** The database to back up; the library in the data folder by default. */
  libraryFile?: string;
  /**
   * Runs the copy in a worker thread with this code (see backupWorkerFile) instead of in steps on the caller's
   * loop, so that not even its final commit holds the loop.
   */
  workerFile?: string;
}

/**
 * Backs up the library in `dataDir` into `<dataDir>/backups/`. The library may be open (the app keeps writing
 * meanwhile: the backup holds what was committed when it started) or closed. The copy is written under a
 * `.partial` name and renamed once complete and on disk, so a crash leaves at most a file that does not look like a
 * backup (rotation removes it later). Two backups in the same millisecond get distinct names.
 */
export async function makeBackup(
  dataDir: string,
  reason: BackupReason,
  options: MakeBackupOptions = {},
): Promise<MadeBackup> {
  const folder = backupsFolder(dataDir);
  await mkdir(folder, { recursive: true });
  let createdAt = (options.now ?? (() => new Date()))();
  while (existsSync(path.join(folder, backupFileName(createdAt, reason)))) {
    createdAt = new Date(createdAt.getTime() + 1);
  }
  const name = backupFileName(createdAt, reason);
  const file = path.join(folder, name);
  const partial = file + partialSuffix;
  await removeWithCompanions(partial);
  try {
    const source = options.libraryFile ?? path.join(dataDir, databaseFileName);
    const copy = options.workerFile
      ? await copyDatabaseInWorker(source, partial, options.workerFile)
      : await copyDatabase(source, partial);
    await syncFile(partial);
    await rename(partial, file);
    await syncFolder(folder);
    return { file, name, createdAt, reason, bytes: (await stat(file)).size, copy };
  } catch (error) {
    await removeWithCompanions(partial);
    throw error;
  }
}

/** Removes a half-made backup and the journal SQLite may have left beside it. */
async function removeWithCompanions(file: string): Promise<void> {
  for (const suffix of ['', ...companionSuffixes]) await rm(file + suffix, { force: true });
}
