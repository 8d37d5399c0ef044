import { contextBridge, ipcRenderer } from 'electron';

import { buildApi } from '../../common/api.ts';
import { channelTable } from '../../common/contract.ts';

/**
 * The whole preload: `window.marginalia` gets one named function per contract channel, each a single
 * ipcRenderer.invoke. ipcRenderer itself is never exposed.
 */
contextBridge.exposeInMainWorld(
  'marginalia',
  buildApi(channelTable(), (channel, input) => ipcRenderer.invoke(channel, input)),
);
