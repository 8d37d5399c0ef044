import path from 'node:path';

import type { BackupEntry, RestoredBackup } from '../../common/model.ts';
import { NotFoundError } from '../../db/errors.ts';
import { backUpLibrary } from '../core/backup/back-up.ts';
import { type BackupReason, backupsFolder, parseBackupName } from '../core/backup/backup-names.ts';
import { checkLibraryFile } from '../core/backup/check-file.ts';
import { listBackups } from '../core/backup/list-backups.ts';
import { restoreBackup } from '../core/backup/restore.ts';
import { BackupSchedule } from '../core/backup/schedule.ts';
import { AppError } from '../ipc/dispatch.ts';

/** How long quitting waits for its backup: longer than a 100 MB library takes (~0.5 s), short enough never to hang. */
const quitBackupLimitMs = 10_000;

/** What the app's backups need: the data folder, the copy worker's file, and where failures are written down. */
export interface LibraryBackupsOptions {
  dataDir: string;
  workerFile?: string | undefined;
  warn: (message: string, error: unknown) => void;
  /** The clock the hourly schedule counts use by (tests pass their own). */
  now?: () => number;
}

/**
 * The library's rotating backups, as the app makes them (electron/core/backup/): one every hour of use, counted from
 * the IPC calls the page makes, and one on quit. One backup at a time; a failed one is logged and tried again at the
 * next hour or quit, never shown as an error to a user who did nothing. Not a replacement for saving: every change
 * is already committed when it is answered; backups are for a library damaged later or a change the user regrets.
 */
export class LibraryBackups {
  private readonly options: LibraryBackupsOptions;
  private readonly schedule: BackupSchedule;
  private running: Promise<void> | undefined;

  constructor(options: LibraryBackupsOptions) {
    this.options = options;
    this.schedule = new BackupSchedule({ now: options.now ?? Date.now });
  }

  /** The user did something (an IPC call came in): backs up when an hour of use has passed since the last one. */
  noteActivity(): void {
    if (this.schedule.noteActivity() && !this.running) void this.backUp('hourly');
  }

  /** The backup on quit (after the library is closed, so everything is in the file), within a time limit. */
  async onQuit(): Promise<void> {
    await this.running;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.options.warn('the backup on quit took too long and was left unfinished', undefined);
        resolve();
      }, quitBackupLimitMs);
    });
    await Promise.race([this.backUp('quit'), limit]);
    clearTimeout(timer);
  }

  /** The backups, newest first, as "Restore backup…" lists them. */
  async list(): Promise<BackupEntry[]> {
    return (await listBackups(this.options.dataDir)).map((backup) => ({
      name: backup.name,
      createdAt: backup.createdAt.toISOString(),
      reason: backup.reason,
      bytes: backup.bytes,
      ...(backup.good
        ? { good: true as const, articles: backup.articles, highlights: backup.highlights }
        : { good: false as const, damaged: backup.damaged }),
    }));
  }

  /**
   * Restores the backup `name`: waits for a backup in progress, closes the library (`library.close`), backs it up as
   * it is and puts the backup in its place (restore.ts), then opens it again (`library.reopen`), also when the
   * restore failed. Only a whole backup in the backups folder, named as backups are, can be restored.
   */
  async restore(name: string, library: { close(): void; reopen(): void }): Promise<RestoredBackup> {
    // Only that one backup is checked (the list checked them all, and may be old by now).
    const file = path.join(backupsFolder(this.options.dataDir), name);
    const check = parseBackupName(name) ? checkLibraryFile(file, 'quick') : undefined;
    if (!check || (!check.ok && check.problem === 'missing')) {
      throw new NotFoundError('There is no such backup any more: list the backups again.');
    }
    if (!check.ok) throw new AppError('invalid-input', `That backup cannot be restored: ${check.damaged}`);
    await this.running;
    library.close();
    let outcome: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      const { workerFile } = this.options;
      outcome = await restoreBackup(this.options.dataDir, file, workerFile ? { workerFile } : {});
    } finally {
      library.reopen();
    }
    if (!outcome.restored) throw new AppError('storage', outcome.reason);
    this.schedule.backedUp();
    return {
      restored: name,
      safetyBackup: outcome.safetyBackup === undefined ? null : path.basename(outcome.safetyBackup),
    };
  }

  private backUp(reason: BackupReason): Promise<void> {
    const { workerFile } = this.options;
    const run = backUpLibrary(this.options.dataDir, reason, workerFile ? { workerFile } : {}).then(
      () => this.schedule.backedUp(),
      (error: unknown) => this.options.warn(`could not make the ${reason} backup of the library`, error),
    );
    this.running = run.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    const tracked = this.running;
    return tracked;
  }
}
