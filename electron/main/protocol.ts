import type { Database } from 'better-sqlite3';
import { protocol } from 'electron';

import { appHost, appScheme } from './app-origin.ts';
import { imageResponse, isImagePath } from './image-files.ts';
import { log } from './log.ts';
import { rendererFileResponse, resolveAppUrl, settingsAtStart } from './renderer-files.ts';

/**
 * Registers app:// as a standard, secure scheme with fetch support, so pages on it get a real origin, a secure
 * context and relative URLs. Electron only accepts this before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves app://marginalia/… from the built renderer folder, with the CSP header, and /images/… from the library's
 * stored images; anything else is a 404.
 */
export function serveAppProtocol(rendererRoot: string, library: () => Database | undefined): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host === appHost && isImagePath(url.pathname)) {
      // The library open now (it is closed and opened again while a backup is restored).
      const db = library();
      if (!db) return new Response(null, { status: 503 });
      const image = imageResponse(db, url.pathname);
      return new Response(image.body, { status: image.status, headers: image.headers });
    }
    const file = resolveAppUrl(rendererRoot, request.url);
    if (file === undefined) log.warn(`app:// refused ${request.url}`);
    const response = await rendererFileResponse(file, () => settingsAtStart(library(), log.warn));
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
}
