import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';

import type { Database } from 'better-sqlite3';

import { defaultSettings, type Settings, type ThemeChoice } from '../../common/model.ts';
import { getSettings } from '../../db/settings.ts';
import { appHost, appScheme } from './app-origin.ts';

/**
 * Serving the built renderer (out/renderer) as files: URL path → file inside the root, MIME type, headers.
 * Pure Node (no Electron), so Electron's app:// protocol handler and the test harness serve pages identically.
 */

/** The Content-Security-Policy every page is served with; the same policy as the renderer's <meta> tag. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (and nosniff stops guessing). */
export function mimeType(fileName: string): string {
  return mimeTypes[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or undefined when it is malformed or would leave the root (`..`,
 * encoded `%2e%2e%2f`, NUL bytes). "/" means index.html.
 */
export function resolveRendererFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const wanted = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, `.${sep}${wanted}`);
  const inside = relative(absoluteRoot, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return file;
}

/** The file an app:// URL names inside `root`; undefined for another scheme or host, or a path outside the root. */
export function resolveAppUrl(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return undefined;
  return resolveRendererFile(root, parsed.pathname);
}

/** A response to serve: status, headers and body. */
export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer<ArrayBuffer> | string;
}

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
} as const;

/**
 * Headers for a stored image: nothing it holds may run or load anything (an SVG opened on its own would otherwise
 * be a document), and the browser must not guess another type.
 */
export const imageSecurityHeaders = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
} as const;

const notFoundCodes: ReadonlySet<string> = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

/** Reads a resolved renderer file into a response: 200 with its MIME type and the CSP, or 404 when absent. */
/**
 * The user's settings, for the entry page and the window before the page's script has run; the defaults when the
 * library is not open or cannot say (a colour or a text size is no reason to fail a page or a window).
 */
export function settingsAtStart(db: Database | undefined, warn: (message: string, error: unknown) => void): Settings {
  try {
    return db ? getSettings(db) : defaultSettings;
  } catch (error) {
    warn('could not read the settings for the first paint:', error);
    return defaultSettings;
  }
}

/** The theme the user chose, for the window's colour before its page paints (settingsAtStart). */
export function themeAtStart(db: Database | undefined, warn: (message: string, error: unknown) => void): ThemeChoice {
  return settingsAtStart(db, warn).theme;
}

/**
 * The entry page with the user's settings on its root element (data-settings, as JSON), so the page starts from
 * them before main has answered anything: its very first paint is in the chosen theme, a hidden sidebar never
 * shows, and an article is first laid out in the chosen type, so it opens where the user left it
 * (renderer/app/theme/use-settings.ts reads them). A chosen theme is set as data-theme too, for the stylesheet
 * before any script runs; System's first paint is the stylesheet's, which follows the OS.
 */
function withSettings(html: string, settings: Settings): string {
  const theme = settings.theme === 'system' ? '' : ` data-theme="${settings.theme}"`;
  return html.replace(/<html\b/i, `<html data-settings="${attributeText(JSON.stringify(settings))}"${theme}`);
}

/** Text made safe inside a double-quoted HTML attribute. */
function attributeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A renderer file as a response; `settings`, when given, are put on the entry page (index.html) as it is served
 * (withSettings).
 */
export async function rendererFileResponse(file: string | undefined, settings?: () => Settings): Promise<FileResponse> {
  const notFound: FileResponse = {
    status: 404,
    headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  if (file === undefined) return notFound;
  try {
    const body = await readFile(file);
    const headers = { ...securityHeaders, 'content-type': mimeType(file) };
    if (settings && basename(file) === 'index.html') {
      return { status: 200, headers, body: withSettings(body.toString('utf8'), settings()) };
    }
    return { status: 200, headers, body };
  } catch (error) {
    // Each of these means "no such file here": a path over the OS's length limit or through a symlink loop is a
    // bad URL, not a server fault.
    const code = (error as NodeJS.ErrnoException).code;
    if (code && notFoundCodes.has(code)) return notFound;
    throw error;
  }
}
