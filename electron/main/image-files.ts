import type { Database } from 'better-sqlite3';

import { getArticleImage } from '../../db/article-images.ts';
import { type FileResponse, imageSecurityHeaders } from './renderer-files.ts';

/**
 * Serving an article's stored images at app://marginalia/images/<article id>/<name>. Images were fetched once, at
 * import, and live in the library; nothing is loaded from the network while reading. Pure Node (no Electron), so the
 * protocol handler and the test harness serve them identically.
 */

const imagePath = /^\/images\/([1-9]\d{0,15})\/(\d{1,6})$/;

/** Whether a URL path is in the images folder (then it is an image or a 404, never a renderer file). */
export function isImagePath(pathname: string): boolean {
  return pathname.startsWith('/images/');
}

/** The stored image a URL path names, as a response: 200 with its sniffed media type, or 404. */
export function imageResponse(db: Database, pathname: string): FileResponse {
  const match = imagePath.exec(pathname);
  const image = match ? getArticleImage(db, Number(match[1]), match[2]!) : undefined;
  if (!image) {
    return {
      status: 404,
      headers: { ...imageSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' },
      body: 'Not found',
    };
  }
  const bytes = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength) as Buffer<ArrayBuffer>;
  return { status: 200, headers: { ...imageSecurityHeaders, 'content-type': image.mediaType }, body: bytes };
}
