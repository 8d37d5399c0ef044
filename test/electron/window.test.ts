import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const window = { once: vi.fn(), show: vi.fn(), loadURL: vi.fn(() => Promise.resolve()) };
  return {
    window,
    BrowserWindow: vi.fn(function BrowserWindow() {
      return window;
    }),
  };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));
const log = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock('../../electron/main/log.ts', () => ({ log }));

const { createMainWindow } = await import('../../electron/main/window.ts');

function openedWith(): BrowserWindowConstructorOptions {
  createMainWindow('/app/out/preload/index.cjs', 'app://marginalia/index.html');
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
});
