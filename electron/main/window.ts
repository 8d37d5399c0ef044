import { BrowserWindow, nativeTheme } from 'electron';
import windowStateKeeper from 'electron-window-state';

import type { ThemeChoice } from '../../common/model.ts';
import { log } from './log.ts';

/** renderer/styles/app.css's --color-page of the theme the user chose, System being the OS's light or dark. */
function paperOf(theme: ThemeChoice): string {
  const shown = theme === 'system' ? (nativeTheme.shouldUseDarkColors ? 'dark' : 'light') : theme;
  return { light: '#fbfaf7', dark: '#1b1a18', sepia: '#f4ecd8' }[shown];
}

/**
 * Opens the reader window on `url`, shown once its first paint is ready so it never flashes blank. It opens where
 * and as large as it was when it last closed, maximised again if it was (electron-window-state keeps that in the
 * data folder, and moves a window whose display is gone back onto one that is there). Its background before the
 * page paints, and while it is resized, is the paper of the theme the user chose (`theme`), not white.
 *
 * The page is isolated from the preload, sandboxed, and has no Node, no <webview>, no mixed content and no
 * middle-click navigation. The options are written out in the constructor call itself, not built elsewhere, so
 * static security audits (electronegativity, `npm run audit:electron`) can see them.
 */
export function createMainWindow(preloadPath: string, url: string, theme: ThemeChoice = 'system'): BrowserWindow {
  const placement = windowStateKeeper({ defaultWidth: 1200, defaultHeight: 860 });
  const window = new BrowserWindow({
    title: 'Marginalia',
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: paperOf(theme),
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
  placement.manage(window);
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => log.error(`could not load ${url}:`, error));
  return window;
}
