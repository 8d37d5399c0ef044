import { app, session, shell, type WebContents } from 'electron';

import { isAllowedUrl, isWebUrl } from './app-origin.ts';
import { log } from './log.ts';

/**
 * Locks down every web contents the app creates: no navigation away from our pages, no new windows (web links
 * open in the OS browser instead), no <webview>. Call before the first window is created.
 */
export function guardWebContents(origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, origins));
}

/**
 * Denies every permission a page asks for (camera, notifications, geolocation, …): a reader needs none. Both
 * handlers are needed: the request handler answers prompts, the check handler answers the silent "do I have it?"
 * queries (navigator.permissions, clipboard, HID/serial lookups) that never reach the request handler.
 */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`denied a request for the ${permission} permission`);
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function guardContents(contents: WebContents, origins: readonly string[]): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('refused to attach a <webview>');
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedUrl(event.url, origins)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedUrl(event.url, origins)) return;
    event.preventDefault();
    log.warn(`refused a redirect to ${event.url}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

function openInBrowser(url: string): void {
  if (!isWebUrl(url)) {
    log.warn(`refused to open ${url}`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => log.error(`could not open ${url} in the browser:`, error));
}
