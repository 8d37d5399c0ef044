import { BrowserWindow } from 'electron';

import { log } from './log.ts';

/**
 * Opens the reader window on `url`, shown once its first paint is ready so it never flashes blank.
 *
 * The page is isolated from the preload, sandboxed, and has no Node, no <webview>, no mixed content and no
 * middle-click navigation. The options are written out in the constructor call itself, not built elsewhere, so
 * static security audits (electronegativity, `npm run audit:electron`) can see them.
 */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Marginalia',
    width: 1200,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => log.error(`could not load ${url}:`, error));
  return window;
}
