import type { BrowserWindow } from 'electron';

/**
 * Sends a push event to the window's page once the page can hear it: at once if it has loaded, else when it
 * finishes loading. A window opened just now for a file or link from outside (macOS keeps the app running with no
 * window) has no page yet, and an event sent before its preload runs is lost.
 */
export function sendWhenLoaded(window: BrowserWindow | null, channel: string, payload: unknown): void {
  if (!window || window.isDestroyed()) return;
  const contents = window.webContents;
  if (!contents.isLoading()) {
    contents.send(channel, payload);
    return;
  }
  contents.once('did-finish-load', () => {
    if (!window.isDestroyed()) contents.send(channel, payload);
  });
}
