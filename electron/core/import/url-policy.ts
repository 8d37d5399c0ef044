import { isAllowedLink } from '../../../common/document.ts';
import { limits } from '../../../common/model.ts';

/**
 * Which addresses an imported page may keep. Links are only ever opened by the user, after a prompt; images are
 * fetched once at import and stored, so the tree names them and never holds their address.
 */

function resolve(raw: string, baseUrl: string): URL | undefined {
  try {
    // The URL parser drops the spaces, tabs and newlines that "java\tscript:" tricks hide behind.
    return new URL(raw, baseUrl);
  } catch {
    return undefined;
  }
}

/** The absolute address a link may keep (http, https or mailto), or undefined to keep only its text. */
export function linkAddress(raw: string, baseUrl: string): string | undefined {
  const url = resolve(raw, baseUrl);
  if (!url || url.href.length > limits.urlMaxLength || !isAllowedLink(url.href)) return undefined;
  return url.href;
}

const dataImage = /^data:image\/[a-z0-9.+-]+[;,]/i;

/**
 * The absolute address an image may be fetched from, or undefined to leave it out: http(s), data:image/, and file:
 * only on a page that is itself a file (a web page must not make the import read the user's disk). javascript:,
 * blob: and every other scheme are refused.
 */
export function imageAddress(raw: string, baseUrl: string): string | undefined {
  const url = resolve(raw, baseUrl);
  if (!url) return undefined;
  if (url.protocol === 'data:') return dataImage.test(url.href) ? url.href : undefined;
  if (url.href.length > limits.urlMaxLength) return undefined;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (url.protocol === 'file:' && new URL(baseUrl).protocol === 'file:' && isLocalFile(url)) return url.href;
  return undefined;
}

/**
 * Whether a file: URL names a file on this computer. One with a host (`file://server/share/x.png`, what
 * `//server/x.png` or `\\server\x.png` in a local page resolves to) is a network share: on Windows, reading it
 * connects to that server and hands it the user's login, so a page must never make the import go there.
 */
export function isLocalFile(url: URL): boolean {
  return (url.host === '' || url.host === 'localhost') && !/^\/{2}|^\/[\\]/.test(url.pathname);
}

/**
 * The address of the largest candidate of a srcset ("a.jpg 480w, b.jpg 1080w" → "b.jpg"), for an img without a
 * usable src. A candidate is split at the whitespace before its descriptor; candidates at a comma followed by
 * whitespace, so a data: URL's own comma does not split it.
 */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor);
    if (!best || (Number.isFinite(size) && size > best.size)) best = { url, size: Number.isFinite(size) ? size : 1 };
  }
  return best?.url;
}
