import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';

import type { Database } from 'better-sqlite3';

import type { ThemeChoice } from '../../common/model.ts';
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
 * The theme the user chose, for the entry page and the window before the page's script has run; System when the
 * library is not open or cannot say (a colour is no reason to fail a page or a window).
 */
export function themeAtStart(db: Database | undefined, warn: (message: string, error: unknown) => void): ThemeChoice {
  try {
    return db ? getSettings(db).theme : 'system';
  } catch (error) {
    warn('could not read the theme for the first paint:', error);
    return 'system';
  }
}

/**
 * The entry page with the user's theme on its root element, so that its very first paint is in that theme; the
 * page's script takes over from there (renderer/app/theme/use-settings.ts reads data-theme-choice). A chosen theme
 * is set as data-theme too; System's first paint is the stylesheet's, which follows the OS.
 */
function withThemeChoice(html: string, theme: ThemeChoice): string {
  const attributes =
    theme === 'system' ? ' data-theme-choice="system"' : ` data-theme-choice="${theme}" data-theme="${theme}"`;
  return html.replace(/<html\b/i, `<html${attributes}`);
}

/**
 * A renderer file as a response; `theme`, when given, is put on the entry page (index.html) as it is served
 * (withThemeChoice).
 */
export async function rendererFileResponse(file: string | undefined, theme?: () => ThemeChoice): Promise<FileResponse> {
  const notFound: FileResponse = {
    status: 404,
    headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  if (file === undefined) return notFound;
  try {
    const body = await readFile(file);
    const headers = { ...securityHeaders, 'content-type': mimeType(file) };
    if (theme && basename(file) === 'index.html') {
      return { status: 200, headers, body: withThemeChoice(body.toString('utf8'), theme()) };
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
