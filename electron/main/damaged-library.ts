import path from 'node:path';

import { type BrowserWindow, dialog } from 'electron';

import { databaseFileName } from '../core/app-data.ts';
import { checkLibraryFile } from '../core/backup/check-file.ts';
import { newestGoodBackup } from '../core/backup/list-backups.ts';
import { restoreBackup } from '../core/backup/restore.ts';
import { log } from './log.ts';

/**
 * Before the library is opened at start: a library file that is damaged (not a database, malformed, failing
 * SQLite's integrity_check) gets a message that says so and an offer to restore the newest good backup. The damaged
 * file is kept beside the restored one (`marginalia.damaged-<time>.db`), never overwritten. Returns whether the
 * app may go on opening the library: true for a whole or missing one (a new library) and after a restore; false
 * when the user chose to quit, or there was nothing to restore.
 */
export async function checkLibraryAtStart(
  dataDir: string,
  parent: () => BrowserWindow | null = () => null,
): Promise<boolean> {
  const check = checkLibraryFile(path.join(dataDir, databaseFileName));
  if (check.ok || check.problem === 'missing') return true;
  log.warn(`the library in ${dataDir} is damaged (${check.problem}): ${check.damaged}`);
  const backup = await newestGoodBackup(dataDir);
  const window = parent();
  const show = (options: Electron.MessageBoxOptions) =>
    window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  if (!backup) {
    await show({
      type: 'error',
      title: 'Marginalia',
      message: 'Your library is damaged, and there is no backup of it to restore.',
      detail: `${check.damaged}\n\nThe file is ${path.join(dataDir, databaseFileName)}; Marginalia has not changed it. Move it out of the folder to start a new library.`,
      buttons: ['Quit'],
    });
    return false;
  }
  const when = backup.createdAt.toLocaleString();
  const { response } = await show({
    type: 'warning',
    title: 'Marginalia',
    message: 'Your library is damaged. Restore it from the newest good backup?',
    detail: `${check.damaged}\n\nThe backup of ${when} holds ${count(backup.articles, 'article')} and ${count(backup.highlights, 'highlight')}; what changed after it is not in it. The damaged file is kept beside it, unchanged.`,
    buttons: ['Restore the backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return false;
  const outcome = await restoreBackup(dataDir, backup.file);
  if (outcome.restored) {
    log.info(`restored the library from ${outcome.from}; the damaged file is ${outcome.damagedKeptAs ?? 'gone'}`);
    return true;
  }
  await show({
    type: 'error',
    title: 'Marginalia',
    message: 'The backup could not be restored.',
    detail: `${outcome.reason}\n\nNothing was changed.`,
    buttons: ['Quit'],
  });
  return false;
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}
