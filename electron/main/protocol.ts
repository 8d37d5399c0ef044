import { protocol } from 'electron';

import { appScheme } from './app-origin.ts';
import { log } from './log.ts';
import { rendererFileResponse, resolveAppUrl } from './renderer-files.ts';

/**
 * Registers app:// as a standard, secure scheme with fetch support, so pages on it get a real origin, a secure
 * context and relative URLs. Electron only accepts this before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves app://marginalia/… from the built renderer folder, with the CSP header; anything else is a 404. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppUrl(rendererRoot, request.url);
    if (file === undefined) log.warn(`app:// refused ${request.url}`);
    const response = await rendererFileResponse(file);
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
}
