import path from 'node:path';

// Why a backup was made (common/model.ts, where the page reads it too); it is part of the file name, so the Restore
// dialog can say it.
import type { BackupReason } from '../../../common/model.ts';

export type { BackupReason };

const reasons: readonly BackupReason[] = ['quit', 'hourly', 'before-restore', 'manual'];

/** The folder inside the data folder that holds the backups. */
export function backupsFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * A time as it appears in file names: ISO 8601 in UTC with `-` for `:` (which Windows forbids in names), so that
 * names sort by time: `2026-12-02T07-15-03.123Z`.
 */
export function fileTime(time: Date): string {
  return time.toISOString().replaceAll(':', '-');
}

/** The name of a backup made at `time` for `reason`: `marginalia-2026-12-02T07-15-03.123Z-quit.db`. */
export function backupFileName(time: Date, reason: BackupReason): string {
  return `marginalia-${fileTime(time)}-${reason}.db`;
}

/** What a backup's name says about it. */
export interface BackupName {
  name: string;
  createdAt: Date;
  reason: BackupReason;
}

const backupNamePattern = /^marginalia-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2}\.\d{3})Z-([a-z-]+)\.db$/;

/** Reads a backup's name; undefined for any other file, which the engine then never touches. */
export function parseBackupName(name: string): BackupName | undefined {
  const match = backupNamePattern.exec(name);
  if (!match) return undefined;
  const [, day, hours, minutes, seconds, reason] = match;
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(createdAt.getTime()) || !reasons.includes(reason as BackupReason)) return undefined;
  return { name, createdAt, reason: reason as BackupReason };
}

/** The suffix of a backup still being written; it is renamed to its real name only once complete. */
export const partialSuffix = '.partial';

/**
 * Whether `name` is a half-made backup or one of the files SQLite keeps beside it while writing
 * (`….db.partial-journal`): ours to remove when a crash left it behind.
 */
export function isPartialBackupName(name: string): boolean {
  const cut = name.lastIndexOf(partialSuffix);
  if (cut < 0) return false;
  const rest = name.slice(cut + partialSuffix.length);
  return ['', '-journal', '-wal', '-shm'].includes(rest) && parseBackupName(name.slice(0, cut)) !== undefined;
}
