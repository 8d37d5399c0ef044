import { join, resolve } from 'node:path';

import { app, type BrowserWindow, dialog } from 'electron';

import { menuCommandEvent } from '../../common/commands.ts';
import { defaultSettings, type Settings } from '../../common/model.ts';
import { getSettings } from '../../db/settings.ts';
import { openAppData } from '../core/app-data.ts';
import { backupWorkerFile } from '../core/backup/copy-in-worker.ts';
import { importWorkerFile } from '../core/import/import-runner.ts';
import { type AppMenuActions, installAppMenu } from './app-menu.ts';
import { allowedOrigins, appEntryUrl } from './app-origin.ts';
import { annotationFilePicker, articleFilePicker } from './article-file-dialog.ts';
import { showContextMenu } from './context-menu.ts';
import { checkLibraryAtStart } from './damaged-library.ts';
import { exportDestinationPicker } from './export-dialog.ts';
import { registerIpc } from './ipc.ts';
import { LibraryBackups } from './library-backups.ts';
import { linkPorts } from './links.ts';
import { log } from './log.ts';
import { openOutsideLink } from './open-link.ts';
import { openOutsideFiles } from './open-outside.ts';
import { filesFromArgv, linksFromArgv } from './outside-files.ts';
import { registerAppScheme, serveAppProtocol } from './protocol.ts';
import { themeAtStart } from './renderer-files.ts';
import { denyAllPermissions, guardWebContents } from './security.ts';
import { createMainWindow } from './window.ts';
import { followStoredZoom, libraryZoom, zoomWindow } from './zoom.ts';

/**
 * The main process: only Electron wiring lives here; the data and every IPC handler come from openAppData().
 *
 * Environment:
 * - MARGINALIA_DATA_DIR: keep the library (marginalia.db) and Chromium's profile in this folder instead of the
 *   user's app-data folder. For tests and portable runs. It also becomes userData, because Electron keys the
 *   single-instance lock on userData: one running app per data folder, so a test never hands over to (and never
 *   shares a database with) the user's own running Marginalia.
 * - ELECTRON_RENDERER_URL: set by `electron-vite dev`; unpackaged builds load the renderer from that dev server.
 */

const builtDir = import.meta.dirname;
const preloadPath = join(builtDir, '../preload/index.cjs');
const rendererRoot = join(builtDir, '../renderer');
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const origins = allowedOrigins(devServerUrl);

registerAppScheme();
const dataDirOverride = process.env.MARGINALIA_DATA_DIR;
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));

if (app.requestSingleInstanceLock()) start();
else app.quit();

/**
 * Makes this app the one the OS opens `marginalia://` links with (exported notes link back to their passage). Run
 * unpackaged (`electron .`), the OS must be told to pass the app's folder too, or it would start Electron bare. Not
 * for a run on a data folder of its own (tests, portable runs): that would take the links from the user's own app.
 */
function registerLinkScheme(): void {
  if (dataDirOverride) return;
  const registered = app.isPackaged
    ? app.setAsDefaultProtocolClient('marginalia')
    : app.setAsDefaultProtocolClient('marginalia', process.execPath, [resolve(process.argv[1] ?? '.')]);
  if (!registered) log.warn('could not register Marginalia as the handler of marginalia:// links');
}

/** The answer to a call that comes while the library is closed for a restore. */
const libraryClosed = {
  ok: false,
  error: { code: 'storage', message: 'Your library is being restored from a backup: try again in a moment.' },
} as const;

function start(): void {
  let appData: ReturnType<typeof openAppData> | undefined;
  let backups: LibraryBackups | undefined;
  let backedUpOnQuit = false;
  let mainWindow: BrowserWindow | null = null;

  // The window's zoom is main's (zoom.ts): the menu's keys and Ctrl+wheel step it, and it is kept in the library.
  const zoom = libraryZoom(() => appData?.db);
  const menuActions: AppMenuActions = {
    command: (command) => mainWindow?.webContents.send(menuCommandEvent, command),
    zoom: (step) => {
      if (mainWindow) zoomWindow(mainWindow.webContents, zoom, step);
    },
  };
  /** The settings the menu shows; the defaults while the library is closed or cannot be read. */
  const storedSettings = (): Settings => {
    try {
      return appData ? getSettings(appData.db) : defaultSettings;
    } catch (error) {
      log.warn('could not read the settings for the menu:', error);
      return defaultSettings;
    }
  };
  const showAppMenu = (settings: Settings = storedSettings()): void =>
    installAppMenu({ platform: process.platform, packaged: app.isPackaged, settings }, menuActions);

  const openWindow = (): void => {
    const window = createMainWindow(preloadPath, devServerUrl ?? appEntryUrl, themeAtStart(appData?.db, log.warn));
    followStoredZoom(window.webContents, zoom);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  /**
   * The window a file or link from outside is shown in. On macOS the app keeps running with its window closed: one
   * opens for it, or the user would see nothing happen.
   */
  const windowForOutside = (): BrowserWindow | null => {
    if (!mainWindow && appData) openWindow();
    return mainWindow;
  };

  guardWebContents(origins);

  // Files handed to the app before its library is open (macOS sends open-file before ready) wait here.
  const pendingFiles: string[] = filesFromArgv(process.argv, process.cwd(), !app.isPackaged);
  const openFiles = (paths: readonly string[]): void => {
    if (!appData) {
      pendingFiles.push(...paths);
      return;
    }
    void openOutsideFiles(appData, paths, windowForOutside);
  };
  // The same for marginalia:// links (macOS sends open-url before ready too).
  const pendingLinks: string[] = linksFromArgv(process.argv, !app.isPackaged);
  const openLinks = (urls: readonly string[]): void => {
    if (!appData) {
      pendingLinks.push(...urls);
      return;
    }
    for (const url of urls) openOutsideLink(appData, url, windowForOutside);
  };
  registerLinkScheme();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles(filesFromArgv(argv, workingDirectory, !app.isPackaged));
    openLinks(linksFromArgv(argv, !app.isPackaged));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFiles([filePath]);
  });

  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLinks([url]);
  });

  app.whenReady().then(
    async () => {
      const dataDir = app.getPath('userData');
      // A damaged library is offered its newest good backup before anything opens it (damaged-library.ts).
      if (!(await checkLibraryAtStart(dataDir))) {
        app.exit(1);
        return;
      }
      const openLibrary = () =>
        openAppData(dataDir, {
          ports: {
            pickArticleFile: articleFilePicker(() => mainWindow),
            pickAnnotationFile: annotationFilePicker(() => mainWindow),
            pickExportDestination: exportDestinationPicker(() => mainWindow),
            ...linkPorts(() => mainWindow),
            listBackups: () => backups?.list() ?? Promise.resolve([]),
            restoreBackup: (name) => restoring(name),
            showContextMenu: (request) => showContextMenu(mainWindow, request),
            settingsChanged: (settings) => {
              // The zoom control in the page stores a zoom as any setting: the window takes it here.
              mainWindow?.webContents.setZoomFactor(settings.zoom);
              showAppMenu(settings);
            },
          },
          importWorkerFile: importWorkerFile(builtDir),
          log: (error) => log.error('an IPC call failed unexpectedly:', error),
          warn: log.warn,
        });
      /** Restores a backup: the library is closed, replaced, opened again, and the window reloaded to show it. */
      const restoring = async (name: string) => {
        if (!backups) throw new Error('no backups before the library is open');
        const restored = await backups.restore(name, {
          close: () => {
            appData?.close();
            appData = undefined;
          },
          reopen: () => {
            appData = openLibrary();
          },
        });
        // The restored library's settings: the menu shows them now, the window takes its zoom as it reloads.
        showAppMenu();
        // After the answer has gone back to the page.
        setTimeout(() => mainWindow?.webContents.reload(), 200);
        return restored;
      };
      try {
        appData = openLibrary();
      } catch (error) {
        // openAppData's LibraryOpenError already says what is wrong, names the folder and what to do; the file
        // was left exactly as it was.
        const message = error instanceof Error ? error.message : String(error);
        log.error(`could not open the library in ${dataDir}:`, error);
        dialog.showErrorBox('Marginalia cannot open your library', message);
        app.exit(1);
        return;
      }
      denyAllPermissions();
      serveAppProtocol(rendererRoot, () => appData?.db);
      backups = new LibraryBackups({ dataDir, workerFile: backupWorkerFile(builtDir), warn: log.warn });
      // Every call the page makes is use of the app: an hour of it makes a backup (library-backups.ts). The library
      // open now answers it (it is opened again after a restore).
      registerIpc(
        (channel, input) => {
          backups?.noteActivity();
          if (!appData) return Promise.resolve(libraryClosed);
          return appData.dispatch(channel, input);
        },
        { mainWindow: () => mainWindow, origins },
      );
      showAppMenu();
      openWindow();
      openFiles(pendingFiles.splice(0));
      openLinks(pendingLinks.splice(0));
    },
    (error: unknown) => {
      log.error('Electron failed to start:', error);
      app.exit(1);
    },
  );

  app.on('activate', () => {
    if (appData && !mainWindow) openWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    appData?.close();
    appData = undefined;
    // Then a backup of the closed library (everything in the file), and quit again once it is made.
    if (!backups || backedUpOnQuit) return;
    backedUpOnQuit = true;
    event.preventDefault();
    void backups.onQuit().finally(() => app.quit());
  });
}
