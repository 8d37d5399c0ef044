import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The files SQLite keeps beside a database: its write-ahead log, the log's index, a rollback journal. They belong
 * to that one file: left beside another, SQLite would replay them onto it (a WAL's frames carry no mark of the
 * database they were written for).
 */
export const companionSuffixes = ['-wal', '-shm', '-journal'] as const;

/**
 * Makes a rename inside `folder` survive a power cut, by syncing the folder itself. Windows cannot open a folder
 * for syncing (EPERM/EISDIR), and there NTFS's own journal keeps the rename, so that case is not an error.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    if (process.platform === 'win32' && isCode(error, 'EPERM', 'EISDIR')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EINVAL', 'EPERM', 'EISDIR')) throw error;
  } finally {
    await handle.close();
  }
}

/** Writes `file`'s data to the disk (not only to the OS's cache). */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the companions of `file` that exist; returns the names removed. */
export async function removeCompanions(file: string): Promise<string[]> {
  const removed: string[] = [];
  for (const suffix of companionSuffixes) {
    try {
      await rm(`${file}${suffix}`);
      removed.push(path.basename(`${file}${suffix}`));
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
  return removed;
}

/**
 * Renames `file` to `to` with its companions, so that a WAL still holding its last writes stays with it and
 * SQLite or a recovery tool can read the pair as one database.
 */
export async function moveWithCompanions(file: string, to: string): Promise<void> {
  await rename(file, to);
  for (const suffix of companionSuffixes) {
    try {
      await rename(`${file}${suffix}`, `${to}${suffix}`);
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
}

/** Whether `error` is a Node system error with one of `codes`. */
function isCode(error: unknown, ...codes: string[]): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && codes.includes(code);
}
