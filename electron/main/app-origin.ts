/**
 * Where the app's own pages live and who may call the IPC API. Pure (no Electron import), so the rules are
 * unit-tested directly and shared with the test harness.
 */

/** The privileged custom scheme the packaged renderer is served from. */
export const appScheme = 'app';
/** The only host the scheme answers for. */
export const appHost = 'marginalia';
/** The origin of the app's pages. */
export const appOrigin = `${appScheme}://${appHost}`;
/** The page the window opens in production. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The origin of a URL as scheme://host[:port], or undefined if it does not parse. Computed by hand because the
 * WHATWG URL parser gives non-special schemes such as app: an opaque origin ("null").
 */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.host === '') return undefined;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The origins allowed to call the API and to be navigated to: the app, plus the dev server's in development. */
export function allowedOrigins(devServerUrl: string | undefined): string[] {
  const devOrigin = devServerUrl === undefined ? undefined : originOf(devServerUrl);
  return devOrigin === undefined ? [appOrigin] : [appOrigin, devOrigin];
}

/** True when a URL belongs to one of the allowed origins. */
export function isAllowedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && origins.includes(origin);
}

/**
 * The IPC sender check: only our window's main frame, showing one of our own pages, may call the API. Subframes
 * are refused even on our origin, since nothing in the app embeds frames.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  origins: readonly string[],
): boolean {
  return isMainFrame && frameUrl !== undefined && isAllowedUrl(frameUrl, origins);
}

/** True for http(s) URLs, the only kind ever handed to the OS browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
