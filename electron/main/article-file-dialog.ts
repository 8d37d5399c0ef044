import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

import { type ArticleFile, readArticleFile } from '../core/import-article.ts';

const openOptions: OpenDialogOptions = {
  title: 'Open an article',
  buttonLabel: 'Open',
  properties: ['openFile'],
  filters: [
    { name: 'Text articles', extensions: ['txt', 'text'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * The `pickArticleFile` port for the handlers: the OS open dialog, attached to the reader window. The renderer never
 * names a path; main asks the user, so a compromised page cannot read arbitrary files.
 */
export function articleFilePicker(parent: () => BrowserWindow | null): () => Promise<ArticleFile | undefined> {
  return async () => {
    const window = parent();
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, openOptions)
      : await dialog.showOpenDialog(openOptions);
    const [filePath] = filePaths;
    return canceled || !filePath ? undefined : readArticleFile(filePath);
  };
}
