import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { ImageSource } from '../import/types.ts';
import { isLocalFile } from '../import/url-policy.ts';
import { type AddressSpace, addressSpaceReached, mayReach, type ResolveHost } from './address-space.ts';
import { browserUserAgent, imageAccept } from './browser-headers.ts';
import { decodeDataUrl } from './data-url.ts';
import { fetchFollowingRedirects } from './follow-redirects.ts';
import { findActiveSvgContent } from './inert-svg.ts';
import { mapWithConcurrency } from './map-limited.ts';
import { readCapped } from './read-capped.ts';
import { type ImageMediaType, sniffImageType } from './sniff-image.ts';

export type { ImageSource };

/** An image as stored with its article: its bytes, and their type as sniffed from the bytes. */
export interface StoredImage {
  name: string;
  mediaType: ImageMediaType;
  data: Uint8Array;
}

/** How image loading is bounded. Every field has a default; `fetch` is for a caller with its own network stack. */
export interface LoadImagesOptions {
  fetch?: typeof globalThis.fetch;
  /** Per image, covering its redirects and its body. */
  timeoutMs?: number;
  maxImageBytes?: number;
  /** For all the images of one article together. */
  maxTotalBytes?: number;
  /** How many images are fetched or read at once. */
  concurrency?: number;
  /** Whether file: URLs may be read: only when importing a local file, whose images sit beside it. */
  allowFiles?: boolean;
  /**
   * Where the page itself came from (address-space.ts): its images may only be asked of addresses at least as public,
   * so a page from the web cannot make the reader send requests into the user's network. `public` by default, and
   * for a local file too (a downloaded page is the web's, wherever it is kept).
   */
  pageSpace?: AddressSpace;
  /** How host names are resolved to tell where they lead; the system's resolver by default. */
  resolveHost?: ResolveHost;
}

const defaults = {
  timeoutMs: 15_000,
  maxImageBytes: 10 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  // Browsers open six connections per host; more would look like a crawler to the site, fewer would be slow.
  concurrency: 6,
  // An image behind more redirects than this is a tracking chain or a broken CDN, not a figure worth waiting for.
  maxRedirects: 5,
};

type LoadSettings = Required<Omit<LoadImagesOptions, 'fetch' | 'resolveHost'>> & {
  fetch: typeof globalThis.fetch;
  resolveHost: ResolveHost | undefined;
};

/**
 * Fetches or reads every image of an imported page once, at import, to be stored with the article. An image that
 * cannot be had (unreachable, not an image, an SVG with active content, too big, a file: URL when files are not
 * allowed) is dropped and counted; one failure never fails the others. The total cap is a budget drawn on as images
 * arrive: an image that would overdraw it is dropped, so which one that is may depend on which arrived first.
 * `images` keeps the order of `sources`.
 */
export async function loadImages(
  sources: readonly ImageSource[],
  options: LoadImagesOptions = {},
): Promise<{ images: StoredImage[]; dropped: number }> {
  const settings: LoadSettings = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxImageBytes: options.maxImageBytes ?? defaults.maxImageBytes,
    maxTotalBytes: options.maxTotalBytes ?? defaults.maxTotalBytes,
    concurrency: options.concurrency ?? defaults.concurrency,
    allowFiles: options.allowFiles ?? false,
    pageSpace: options.pageSpace ?? 'public',
    resolveHost: options.resolveHost,
  };
  const budget = { remaining: settings.maxTotalBytes };
  const loaded = await mapWithConcurrency(sources, settings.concurrency, async (source) => {
    const data = await loadImageBytes(source.url, settings, Math.min(settings.maxImageBytes, budget.remaining));
    const mediaType = data && storableType(data);
    if (!data || !mediaType || data.byteLength > budget.remaining) return undefined;
    budget.remaining -= data.byteLength;
    return { name: source.name, mediaType, data };
  });
  const images = loaded.filter((image) => image !== undefined);
  return { images, dropped: sources.length - images.length };
}

/** The sniffed type of bytes the reader will store, or undefined: not an image, or an SVG with active content. */
function storableType(data: Uint8Array): ImageMediaType | undefined {
  const mediaType = sniffImageType(data);
  if (mediaType !== 'image/svg+xml') return mediaType;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  return findActiveSvgContent(text) === undefined ? mediaType : undefined;
}

/**
 * The bytes behind one image URL, at most `maxBytes` of them, or undefined when they cannot be had. Every failure,
 * network or file system, means the same thing here, the image is left out, so none is thrown.
 */
async function loadImageBytes(
  address: string,
  settings: LoadSettings,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const url = URL.parse(address);
  try {
    switch (url?.protocol) {
      case 'data:': {
        const data = decodeDataUrl(address);
        return data && data.byteLength <= maxBytes ? data : undefined;
      }
      case 'file:':
        return settings.allowFiles ? await readImageFile(url, maxBytes) : undefined;
      case 'http:':
      case 'https:':
        return await fetchImage(url, settings, maxBytes);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * A local image, refused unread when it is bigger than the cap or not a regular file (a FIFO would never end), and
 * checked again once read, in case it grew in between.
 */
async function readImageFile(url: URL, maxBytes: number): Promise<Uint8Array | undefined> {
  // Never a network share (see isLocalFile): the second wall, should an address come from anywhere but the import.
  if (!isLocalFile(url)) return undefined;
  const path = fileURLToPath(url);
  const info = await stat(path);
  if (!info.isFile() || info.size > maxBytes) return undefined;
  const data = new Uint8Array(await readFile(path));
  return data.byteLength <= maxBytes ? data : undefined;
}

async function fetchImage(url: URL, settings: LoadSettings, maxBytes: number): Promise<Uint8Array | undefined> {
  const outcome = await fetchFollowingRedirects(url, {
    fetch: settings.fetch,
    headers: { 'User-Agent': browserUserAgent, Accept: imageAccept },
    signal: AbortSignal.timeout(settings.timeoutMs),
    maxRedirects: defaults.maxRedirects,
    mayRequest: async (hop, signal) =>
      mayReach(settings.pageSpace, await addressSpaceReached(hop, { resolveHost: settings.resolveHost, signal })),
  });
  if (!outcome.ok) return undefined;
  if (!outcome.response.ok) {
    await outcome.response.body?.cancel();
    return undefined;
  }
  const body = await readCapped(outcome.response, maxBytes);
  return body.ok ? body.bytes : undefined;
}
