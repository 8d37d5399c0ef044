import { type BrowserWindow, dialog } from 'electron';

import type { ExportFormat } from '../../common/model.ts';

const fileFilters: Record<Exclude<ExportFormat, 'markdown'>, Electron.FileFilter[]> = {
  'web-annotation': [{ name: 'Web Annotation JSON-LD', extensions: ['jsonld', 'json'] }],
  csv: [{ name: 'CSV (Readwise)', extensions: ['csv'] }],
};

/**
 * The `pickExportDestination` port for the handlers: the OS dialog, attached to the reader window. Markdown goes to
 * a folder (a notes vault, one file per article); the other formats to one file. The renderer never names the path.
 */
export function exportDestinationPicker(
  parent: () => BrowserWindow | null,
): (format: ExportFormat, suggestedName: string) => Promise<string | undefined> {
  return async (format, suggestedName) => {
    const window = parent();
    if (format === 'markdown') {
      const options = {
        title: 'Export to a folder of Markdown files',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const { canceled, filePaths } = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return canceled ? undefined : filePaths[0];
    }
    const options = {
      title: 'Export highlights',
      buttonLabel: 'Export',
      defaultPath: suggestedName,
      filters: fileFilters[format],
    };
    const { canceled, filePath } = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return canceled || !filePath ? undefined : filePath;
  };
}
