import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

const openOptions: OpenDialogOptions = {
  title: 'Open an article',
  buttonLabel: 'Open',
  properties: ['openFile'],
  filters: [
    { name: 'Articles', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * The `pickArticleFile` port for the handlers: the OS open dialog, attached to the reader window. The renderer never
 * names a path; main asks the user, so a compromised page cannot read arbitrary files.
 */
export function articleFilePicker(parent: () => BrowserWindow | null): () => Promise<string | undefined> {
  return async () => {
    const window = parent();
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, openOptions)
      : await dialog.showOpenDialog(openOptions);
    const [filePath] = filePaths;
    return canceled || !filePath ? undefined : filePath;
  };
}

const annotationOptions: OpenDialogOptions = {
  title: 'Import annotations',
  buttonLabel: 'Import',
  properties: ['openFile'],
  filters: [
    { name: 'Annotations (Web Annotation, Hypothesis, Readwise)', extensions: ['json', 'jsonld', 'csv'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** The `pickAnnotationFile` port: the OS open dialog for an annotation export of ours or another tool's. */
export function annotationFilePicker(parent: () => BrowserWindow | null): () => Promise<string | undefined> {
  return async () => {
    const window = parent();
    const { canceled, filePaths } = window
      ? await dialog.showOpenDialog(window, annotationOptions)
      : await dialog.showOpenDialog(annotationOptions);
    const [filePath] = filePaths;
    return canceled || !filePath ? undefined : filePath;
  };
}
