import { join } from 'node:path';

import { app } from 'electron';
import electronLog from 'electron-log/node';

/**
 * The main process's one logger. Everything main reports (refused senders, denied permissions, a library that
 * cannot be opened, an IPC call that failed unexpectedly) goes to `main.log` in the app's logs folder, as
 * app.getPath('logs') says when the first line is written: `<userData>/logs` on Linux and Windows (so under
 * MARGINALIA_DATA_DIR too), ~/Library/Logs/Marginalia on macOS. The file keeps info and above and is rotated to
 * main.old.log past 1 MB (electron-log's default); warnings and errors also go to stderr, as they did before.
 *
 * electron-log's `node` entry, not its `main` one: on import, the main entry registers an `__ELECTRON_LOG__` IPC
 * listener and handler for renderer logging, which would be a channel outside the IPC contract and its sender check.
 * The layers that run without Electron (db/, electron/ipc, electron/core) do not import this: main passes them
 * these functions (openAppData's `log` and `warn`).
 */
electronLog.transports.file.resolvePathFn = () => join(app.getPath('logs'), 'main.log');
electronLog.transports.file.level = 'info';
electronLog.transports.console.level = 'warn';

/** What main-process code logs through: a message, then the details (errors keep their stacks). */
export interface MainLog {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
}

/** The configured logger; electron-log's level functions are bound, so they can be passed around alone. */
export const log: MainLog = { error: electronLog.error, warn: electronLog.warn, info: electronLog.info };
