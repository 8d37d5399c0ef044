import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { type BackupName, backupsFolder, isPartialBackupName, parseBackupName } from './backup-names.ts';
import { abandonedPartialAgeMs, keptDays, keptNewest } from './backup-tuning.ts';

/** A local calendar day, `2026-12-02`: the user's days, not UTC's. */
function localDay(time: Date): string {
  return `${time.getFullYear()}-${time.getMonth() + 1}-${time.getDate()}`;
}

/**
 * The rotation rule: keep the `keptNewest` newest backups, plus the newest backup of each of the last `keptDays`
 * local days (today and the days before it), plus `justMade` whatever its date (a clock set back could date it
 * before older ones). Everything else is to be deleted. Pure: the names say the dates.
 */
export function backupsToDelete(backups: readonly BackupName[], now: Date, justMade?: string): BackupName[] {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name),
  );
  const days = new Set<string>();
  for (let back = 0; back < keptDays; back += 1) {
    days.add(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12)));
  }
  const kept = new Set<string>(newestFirst.slice(0, keptNewest).map((backup) => backup.name));
  if (justMade !== undefined) kept.add(justMade);
  for (const backup of newestFirst) {
    const day = localDay(backup.createdAt);
    if (!days.has(day)) continue;
    days.delete(day);
    kept.add(backup.name);
  }
  return newestFirst.filter((backup) => !kept.has(backup.name));
}

/** Options for rotateBackups. */
export interface RotateOptions {
  /** The name of the backup just made: never deleted. */
  justMade?: string;
  now?: () => Date;
}

/**
 * Applies the rotation rule to `<dataDir>/backups/` and removes half-made backups a crash left behind (older than
 * an hour, so never one being written). Files whose names are not a backup's are never touched. Returns the names
 * deleted.
 */
export async function rotateBackups(dataDir: string, options: RotateOptions = {}): Promise<string[]> {
  const folder = backupsFolder(dataDir);
  const now = (options.now ?? (() => new Date()))();
  const files = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile());
  const backups = files.flatMap((entry) => parseBackupName(entry.name) ?? []);
  const deleted = backupsToDelete(backups, now, options.justMade).map((backup) => backup.name);
  for (const entry of files) {
    if (!isPartialBackupName(entry.name)) continue;
    const { mtimeMs } = await stat(path.join(folder, entry.name));
    if (now.getTime() - mtimeMs > abandonedPartialAgeMs) deleted.push(entry.name);
  }
  for (const name of deleted) await rm(path.join(folder, name), { force: true });
  return deleted;
}
