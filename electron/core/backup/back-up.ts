import type { BackupReason } from './backup-names.ts';
import { type MadeBackup, makeBackup, type MakeBackupOptions } from './make-backup.ts';
import { rotateBackups } from './rotation.ts';

/**
 * What the app calls on quit and every hour of use: backs up the library in `dataDir`, then rotates the backups
 * (never deleting the one just made). Returns the backup and the names rotation deleted.
 */
export async function backUpLibrary(
  dataDir: string,
  reason: BackupReason,
  options: Pick<MakeBackupOptions, 'now' | 'workerFile'> = {},
): Promise<{ backup: MadeBackup; deleted: string[] }> {
  const backup = await makeBackup(dataDir, reason, options);
  const deleted = await rotateBackups(dataDir, {
    ...(options.now === undefined ? {} : { now: options.now }),
    justMade: backup.name,
  });
  return { backup, deleted };
}
