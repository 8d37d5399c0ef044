import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';

import { buildApi } from '../../common/api.ts';
import { articleOpenedEvent, contract, pageChannelTable } from '../../common/contract.ts';

/**
 * The whole preload: `window.marginalia` gets one named function per contract channel the page may call, each a
 * single ipcRenderer.invoke. ipcRenderer itself is never exposed.
 */
contextBridge.exposeInMainWorld(
  'marginalia',
  buildApi(pageChannelTable(), (channel, input) => ipcRenderer.invoke(channel, input)),
);

const pathsOf = (files: File[]): string[] => Array.from(files, (file) => webUtils.getPathForFile(file));

/**
 * Dropped files. Only a File the user really dropped has a path (one made by script gives ''), the renderer cannot
 * reach webUtils itself, and `articles.openDropped` is called from here only (it is not in `window.marginalia`), so
 * main is only ever asked to read files the user chose.
 */
contextBridge.exposeInMainWorld('marginaliaFiles', {
  pathsOf,
  openDropped: (files: File[]): Promise<unknown> =>
    ipcRenderer.invoke(contract.articles.openDropped.name, { paths: pathsOf(files).filter((path) => path !== '') }),
});

/**
 * Articles main opened by itself (a path on the command line, a second launch, the OS's open-file). They can arrive
 * before the page has subscribed, so they wait here until a listener comes.
 */
type Opened = unknown;
const waiting: Opened[] = [];
const listeners = new Set<(opened: Opened) => void>();
ipcRenderer.on(articleOpenedEvent, (_event: IpcRendererEvent, opened: Opened) => {
  if (listeners.size === 0) waiting.push(opened);
  else listeners.forEach((listener) => listener(opened));
});
contextBridge.exposeInMainWorld('marginaliaEvents', {
  onArticleOpened(listener: (opened: Opened) => void): () => void {
    listeners.add(listener);
    waiting.splice(0).forEach((opened) => listener(opened));
    return () => listeners.delete(listener);
  },
});
