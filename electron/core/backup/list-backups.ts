import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import type { Database } from 'better-sqlite3';

import { type BackupReason, backupsFolder, parseBackupName } from './backup-names.ts';
import {
  type CheckDepth,
  type FileCheck,
  type FileProblem,
  type Inspection,
  inspectLibraryFile,
} from './check-file.ts';

/** A backup as the Restore dialog lists it. */
export type ListedBackup = {
  /** Its full path, to pass to restoreBackup. */
  file: string;
  name: string;
  createdAt: Date;
  reason: BackupReason;
  bytes: number;
} & ({ good: true; articles: number; highlights: number } | { good: false; problem: FileProblem; damaged: string });

/**
 * Every backup in `<dataDir>/backups/`, newest first, each opened read-only and checked (`quick_check` by default)
 * with its counts of articles and highlights. A damaged backup is listed as damaged with the reason, never thrown.
 * Each file is read in its own event-loop turn: a 100 MB backup's quick_check is one synchronous read of it, 60–75
 * ms in the bench, so the caller's loop is held for one file at a time, not for the whole list.
 */
export async function listBackups(dataDir: string, depth: CheckDepth = 'quick'): Promise<ListedBackup[]> {
  const listed: ListedBackup[] = [];
  for await (const backup of backupsNewestFirst(dataDir, depth)) listed.push(backup);
  return listed;
}

/**
 * The newest backup that passes SQLite's full integrity check, to offer when the library is damaged at start;
 * undefined when there is none. Backups are checked newest first, and no further than the first good one.
 */
export async function newestGoodBackup(dataDir: string): Promise<(ListedBackup & { good: true }) | undefined> {
  for await (const backup of backupsNewestFirst(dataDir, 'integrity')) if (backup.good) return backup;
  return undefined;
}

async function* backupsNewestFirst(dataDir: string, depth: CheckDepth): AsyncGenerator<ListedBackup> {
  const folder = backupsFolder(dataDir);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isFile()).flatMap((entry) => parseBackupName(entry.name) ?? []);
  names.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  for (const { name, createdAt, reason } of names) {
    await nextTurn();
    const file = path.join(folder, name);
    // Rotation may have deleted it since the folder was read: a backup that is gone is not listed.
    const bytes = (await stat(file).catch(() => undefined))?.size;
    if (bytes === undefined) continue;
    const { check, value } = inspect(file, depth);
    yield check.ok && value
      ? { file, name, createdAt, reason, bytes, good: true, ...value }
      : { file, name, createdAt, reason, bytes, good: false, ...damage(check) };
  }
}

/** The check and the counts of one backup; whatever goes wrong reading it makes it damaged, not the list fail. */
function inspect(file: string, depth: CheckDepth): Inspection<Counts> {
  try {
    return inspectLibraryFile(file, depth, countsOf);
  } catch (error) {
    return { check: { ok: false, problem: 'unreadable', damaged: `it cannot be read (${(error as Error).message})` } };
  }
}

type Counts = { articles: number; highlights: number };

function countsOf(db: Database): Counts {
  return {
    articles: db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
    highlights: db.prepare('SELECT count(*) FROM annotations').pluck().get() as number,
  };
}

function damage(check: FileCheck): { problem: FileProblem; damaged: string } {
  return check.ok
    ? { problem: 'unreadable', damaged: 'it could not be counted' }
    : { problem: check.problem, damaged: check.damaged };
}
