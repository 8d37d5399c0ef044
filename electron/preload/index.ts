import { contextBridge, ipcRenderer } from 'electron';

import { buildApi } from '../ipc/api.ts';
import { channelTable } from '../ipc/contract.ts';

/**
 * The whole preload: `window.marginalia` gets one named function per contract channel, each a single
 * ipcRenderer.invoke. ipcRenderer itself is never exposed.
 */
contextBridge.exposeInMainWorld(
  'marginalia',
  buildApi(channelTable(), (channel, input) => ipcRenderer.invoke(channel, input)),
);
