import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

/**
 * The window's options. Pure so a test can read them: the page is isolated from the preload, sandboxed, and has
 * no Node, no <webview>, no mixed content.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
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
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** Opens the reader window on `url`, shown once its first paint is ready so it never flashes blank. */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => console.error(`could not load ${url}:`, error));
  return window;
}
