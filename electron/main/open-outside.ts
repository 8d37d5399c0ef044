import { type BrowserWindow, dialog } from 'electron';

import { articleOpenedEvent } from '../../common/contract.ts';
import type { AppData } from '../core/app-data.ts';
import { openArticleFiles } from '../core/open-article.ts';
import { log } from './log.ts';
import { sendWhenLoaded } from './send-when-loaded.ts';

/**
 * Opens files the OS handed the app (command line, second launch, macOS open-file) and shows them: each opened
 * article goes to the page (the preload keeps it until the page listens); files that cannot be opened are named in
 * one message box, with the reason, as the Open dialog would say it.
 */
export async function openOutsideFiles(
  appData: Pick<AppData, 'db' | 'importer'>,
  paths: readonly string[],
  window: () => BrowserWindow | null,
): Promise<void> {
  if (paths.length === 0) return;
  let result: Awaited<ReturnType<typeof openArticleFiles>>;
  try {
    result = await openArticleFiles(appData.db, paths, { importer: appData.importer });
  } catch (error) {
    log.error('could not open files from outside the app:', error);
    dialog.showErrorBox(
      'Marginalia could not open the file',
      'Nothing was changed in your library. The details are in Marginalia’s log.',
    );
    return;
  }
  const target = window();
  for (const opened of result.opened) sendWhenLoaded(target, articleOpenedEvent, opened);
  if (result.refused.length > 0) {
    dialog.showErrorBox(
      result.refused.length === 1 ? 'A file could not be opened' : 'Some files could not be opened',
      result.refused.map(({ reason }) => reason).join('\n'),
    );
  }
}
