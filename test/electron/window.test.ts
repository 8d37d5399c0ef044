import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { ThemeChoice } from '../../common/model.ts';

const electron = vi.hoisted(() => {
  const window = { once: vi.fn(), show: vi.fn(), loadURL: vi.fn(() => Promise.resolve()) };
  return {
    window,
    BrowserWindow: vi.fn(function BrowserWindow() {
      return window;
    }),
    nativeTheme: { shouldUseDarkColors: false },
  };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, nativeTheme: electron.nativeTheme }));
// Where the window was when it last closed, as electron-window-state read it back from the data folder.
const placement = vi.hoisted(() => ({ x: 40, y: 60, width: 1000, height: 700, manage: vi.fn() }));
const windowStateKeeper = vi.hoisted(() => vi.fn(() => placement));
vi.mock('electron-window-state', () => ({ default: windowStateKeeper }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { createMainWindow } = await import('../../electron/main/window.ts');

function openedWith(theme?: ThemeChoice): BrowserWindowConstructorOptions {
  createMainWindow('/app/out/preload/index.cjs', 'app://marginalia/index.html', theme);
  const [options] = electron.BrowserWindow.mock.calls.at(-1) as unknown as [BrowserWindowConstructorOptions];
  return options;
}

describe('the reader window', () => {
  beforeEach(() => vi.clearAllMocks());

  it('isolates and sandboxes the page, with no Node, no webview and no middle-click navigation', () => {
    expect(openedWith().webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('stays hidden until the first paint, at a readable size, and loads the app page', () => {
    const options = openedWith();
    expect(options.show).toBe(false);
    expect(options.title).toBe('Marginalia');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(480);
    expect(electron.window.loadURL).toHaveBeenCalledWith('app://marginalia/index.html');
    expect(electron.window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });

  it('opens where and as large as it last was, and has that kept when it moves, resizes or maximises', () => {
    const options = openedWith();
    expect(windowStateKeeper).toHaveBeenCalledWith({ defaultWidth: 1200, defaultHeight: 860 });
    expect(options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700 });
    expect(placement.manage).toHaveBeenCalledWith(electron.window);
  });

  it('paints the chosen theme’s paper behind the page; System’s is dark when the OS is dark', () => {
    expect(openedWith().backgroundColor).toBe('#fbfaf7');
    electron.nativeTheme.shouldUseDarkColors = true;
    expect(openedWith().backgroundColor).toBe('#1b1a18');
    expect(openedWith('light').backgroundColor).toBe('#fbfaf7');
    expect(openedWith('sepia').backgroundColor).toBe('#f4ecd8');
    electron.nativeTheme.shouldUseDarkColors = false;
    expect(openedWith('dark').backgroundColor).toBe('#1b1a18');
  });
});
