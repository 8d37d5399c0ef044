import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';

import { listChannels, type Result } from '../../common/contract.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import { isTrustedSender } from './app-origin.ts';
import { log } from './log.ts';

/** What the IPC wiring needs to know to tell our page from anything else. */
export interface IpcOptions {
  /** The reader window, whose main frame alone may call; null before it exists or after it closed. */
  mainWindow: () => BrowserWindow | null;
  /** Origins our pages are served from (app://marginalia, plus the dev server in development). */
  origins: readonly string[];
}

/**
 * The one place IPC is wired: every contract channel gets a handler that checks the sender, then hands the raw
 * input to `dispatch`, which validates it against the channel's schema before the handler runs.
 * Returns a function that removes the handlers again.
 */
export function registerIpc(dispatch: Dispatch, options: IpcOptions): () => void {
  const names = listChannels().map(({ spec }) => spec.name);
  for (const name of names) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!senderIsTrusted(event, options)) {
        const from = describeSender(event);
        log.warn(`refused ${name} from an untrusted sender (${from})`);
        return {
          ok: false,
          error: { code: 'forbidden', message: `${name} may only be called by the Marginalia window` },
        };
      }
      return dispatch(name, input);
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(name));
}

function senderIsTrusted(event: IpcMainInvokeEvent, { mainWindow, origins }: IpcOptions): boolean {
  const window = mainWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  try {
    const main = window.webContents.mainFrame;
    const isMainFrame =
      event.sender === window.webContents && frame.processId === main.processId && frame.routingId === main.routingId;
    return isTrustedSender(frame.url, isMainFrame, origins);
  } catch (error) {
    // A frame that navigated away or was destroyed mid-call throws on access: it is not trusted.
    log.warn('could not inspect an IPC sender:', error);
    return false;
  }
}

function describeSender(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? 'no frame';
  } catch {
    return 'a destroyed frame';
  }
}
