import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { createDispatch, type Dispatch } from '../ipc/dispatch.ts';
import { createHandlers, type HandlerPorts, noUserPorts } from '../ipc/handlers.ts';
import { ensureDefaultArticle } from './default-article.ts';
import { ImportRunner } from './import/import-runner.ts';
import { explainOpenFailure } from './library-open-error.ts';

/**
 * The built-in article's text. It ships as a file beside this module: electron/core/seed/ when run from source,
 * and out/main/seed/ in the build, where electron.vite.config.ts copies it (the bundle's import.meta.dirname).
 * Read with plain fs, not a bundler import, so that Node alone can load this module (scripts, tests).
 */
function readSeedArticle(): string {
  return readFileSync(path.join(import.meta.dirname, 'seed', 'default-article.txt'), 'utf8');
}

/** The database file's name inside the data directory. */
export const databaseFileName = 'marginalia.db';

/** Options for openAppData. */
export interface AppDataOptions {
  /** Where unexpected handler errors are reported; defaults to console.error (main passes its logger). */
  log?: (error: unknown) => void;
  /** Where closing reports what it could not do (refresh the query statistics); defaults to console.warn. */
  warn?: (message: string, error: unknown) => void;
  /** Platform services (file dialogs); by default every dialog is cancelled. */
  ports?: HandlerPorts;
  /** How long to wait for another program's lock on the library (tests shorten it). */
  busyTimeoutMs?: number;
  /** The import worker's code (the built one, in the app); run from source by default. */
  importWorkerFile?: string;
}

/** An open data directory: the database, the dispatcher every IPC call goes through, and a way to close both. */
export interface AppData {
  readonly db: Database;
  readonly dispatch: Dispatch;
  /** The worker that reads and sanitises documents, for main's own opens (command line, second launch). */
  readonly importer: ImportRunner;
  close(): void;
}

/**
 * Opens the app's data in `dataDir` (created if missing): migrates the database, makes sure the built-in article
 * exists and wires the IPC handlers. Electron's main process and the test harness both start here, so this module
 * must never import `electron`. Any failure is a LibraryOpenError whose message tells the user what is wrong and
 * what to do; the library file is left as it was.
 */
export function openAppData(dataDir: string, options: AppDataOptions = {}): AppData {
  const file = path.join(dataDir, databaseFileName);
  // Plain Node (tests, scripts) has no other place to report to; Electron's main process passes electron-log's.
  const { log = console.error, warn = console.warn } = options;
  let db: Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    // mkdir succeeds silently when the path exists as a file on some systems; say so before SQLite gets confused.
    if (!statSync(dataDir).isDirectory())
      throw Object.assign(new Error(`${dataDir} is not a folder`), { code: 'ENOTDIR', syscall: 'stat', path: dataDir });
    // SQLite says only "unable to open database file" when a folder stands where the library file should be.
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR', syscall: 'stat', path: file });
    db = openDatabase(file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  } catch (error) {
    throw explainOpenFailure(error, dataDir, databaseFileName);
  }
  try {
    ensureDefaultArticle(db, readSeedArticle());
    const importer = new ImportRunner(options.importWorkerFile ? { workerFile: options.importWorkerFile } : {});
    const dispatch = createDispatch(createHandlers(db, options.ports ?? noUserPorts, importer), log);
    return {
      db,
      dispatch,
      importer,
      /** An import still running is stopped with its worker; what was stored stays. */
      close: () => {
        void importer.close();
        closeDatabase(db, warn);
      },
    };
  } catch (error) {
    closeDatabase(db, warn);
    throw explainOpenFailure(error, dataDir, databaseFileName);
  }
}
