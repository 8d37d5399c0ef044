import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';

import { buildApi } from '../../common/api.ts';
import { isMenuCommand, menuCommandEvent } from '../../common/commands.ts';
import { articleOpenedEvent, contract, linkOpenedEvent, pageChannelTable } from '../../common/contract.ts';

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
 * What main opened by itself: articles (a path on the command line, a second launch, the OS's open-file) and
 * `marginalia://` links. They can arrive before the page has subscribed, so each kind waits here until a listener
 * comes.
 */
function relay(channel: string): (listener: (pushed: unknown) => void) => () => void {
  const waiting: unknown[] = [];
  const listeners = new Set<(pushed: unknown) => void>();
  ipcRenderer.on(channel, (_event: IpcRendererEvent, pushed: unknown) => {
    if (listeners.size === 0) waiting.push(pushed);
    else listeners.forEach((listener) => listener(pushed));
  });
  return (listener) => {
    listeners.add(listener);
    waiting.splice(0).forEach((pushed) => listener(pushed));
    return () => listeners.delete(listener);
  };
}
const onArticleOpened = relay(articleOpenedEvent);
const onLinkOpened = relay(linkOpenedEvent);
contextBridge.exposeInMainWorld('marginaliaEvents', {
  onArticleOpened: (listener: (opened: unknown) => void): (() => void) => onArticleOpened(listener),
  onLinkOpened: (listener: (link: unknown) => void): (() => void) => onLinkOpened(listener),
});

/**
 * The application menu's commands (common/commands.ts), for the page to run as its keys run them. Unlike the pushes
 * above, one that comes while no page listens is dropped: a menu click is meant for the page the user sees, not for
 * one that loads later. Anything outside the vocabulary is never passed on.
 */
const menuListeners = new Set<(command: unknown) => void>();
ipcRenderer.on(menuCommandEvent, (_event: IpcRendererEvent, command: unknown) => {
  if (isMenuCommand(command)) menuListeners.forEach((listener) => listener(command));
});
contextBridge.exposeInMainWorld('marginaliaMenu', {
  onCommand: (listener: (command: unknown) => void): (() => void) => {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
});
