import { limits } from '../../../common/model.ts';
import {
  type AddressSpace,
  addressSpaceOfPage,
  addressSpaceReached,
  mayReach,
  type ResolveHost,
} from './address-space.ts';
import { browserUserAgent, pageAccept } from './browser-headers.ts';
import { parseContentType } from './content-type.ts';
import { decodeHtml } from './decode-html.ts';
import { fetchFollowingRedirects } from './follow-redirects.ts';
import { classifyNetworkError, type NetworkFailure } from './network-failure.ts';
import { pageFetchMessages as messages } from './page-fetch-messages.ts';
import { readCapped } from './read-capped.ts';
import { looksLikeHtml } from './sniff-html.ts';
import { isWebAddress } from './web-address.ts';

/** How one page download is bounded. Every field has a default; `fetch` is for a caller with its own network stack. */
export interface FetchPageOptions {
  fetch?: typeof globalThis.fetch;
  /** One deadline for the whole download: connecting, every redirect and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Cancels the download; the fetch then rejects with the signal's reason, not with a PageFetchError. */
  signal?: AbortSignal;
  /** How host names are resolved to tell where they lead (address-space.ts); the system's resolver by default. */
  resolveHost?: ResolveHost;
  /** Where the address leads (addressSpaceOfPage), when the caller has looked it up already; else it is looked up. */
  startSpace?: AddressSpace | undefined;
}

/** A downloaded page, decoded to text. */
export interface FetchedPage {
  /** Where the page was found, after every redirect: the address to store and to resolve relative links against. */
  url: string;
  html: string;
  /** The media type alone, lower-cased: "text/html" or "application/xhtml+xml" (also for a sniffed untyped page). */
  contentType: string;
}

/** Why a page could not be downloaded, for code; the message says it for the user. */
export type PageFetchReason =
  | 'offline'
  | 'not-found'
  | 'http-error'
  | 'not-html'
  | 'too-large'
  | 'timeout'
  | 'redirect-loop'
  | 'bad-address'
  | 'refused'
  | 'tls';

/** A page that cannot be imported, with a message worded for the user that names the address. */
export class PageFetchError extends Error {
  override name = 'PageFetchError';
  readonly reason: PageFetchReason;
  constructor(message: string, reason: PageFetchReason, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

const defaults = {
  timeoutMs: 30_000,
  maxBytes: limits.pageMaxBytes,
  maxRedirects: 10,
};

const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

const reasonsByNetworkFailure: Record<NetworkFailure, PageFetchReason> = {
  'name-not-found': 'offline',
  'name-lookup-failed': 'offline',
  unreachable: 'offline',
  refused: 'refused',
  closed: 'refused',
  'timed-out': 'timeout',
  certificate: 'tls',
  tls: 'tls',
  unknown: 'refused',
};

/**
 * Downloads a web page to import: http or https only, redirects followed by hand (each one checked), the whole
 * download under one deadline and one size cap, and the bytes decoded by the page's declared charset. What is not
 * an HTML page is refused: a Content-Type other than text/html or application/xhtml+xml, or no Content-Type and
 * bytes that do not open like HTML (servers that leave the header out are mostly old or hand-rolled, and what they
 * send is mostly a page). Every failure is a PageFetchError with a message for the user, except a cancel through
 * `options.signal`, which rejects with the signal's reason as fetch does.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const start = parseWebAddress(address);
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let current = start;
  try {
    return await download(start, {
      fetch: options.fetch ?? globalThis.fetch,
      signal,
      maxBytes: options.maxBytes ?? defaults.maxBytes,
      maxRedirects: options.maxRedirects ?? defaults.maxRedirects,
      onRequest: (url) => (current = url),
      resolveHost: options.resolveHost,
      startSpace: options.startSpace,
    });
  } catch (error) {
    if (error instanceof PageFetchError) throw error;
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.aborted) throw new PageFetchError(messages.timeout(current, timeoutMs), 'timeout', { cause: error });
    const failure = classifyNetworkError(error);
    throw new PageFetchError(messages.network(current, failure), reasonsByNetworkFailure[failure], { cause: error });
  }
}

/** The address as a URL, if it is an http or https one. */
function parseWebAddress(address: string): URL {
  const trimmed = address.trim();
  if (!trimmed) throw new PageFetchError(messages.noAddress(), 'bad-address');
  const url = URL.parse(trimmed);
  if (!url) throw new PageFetchError(messages.notAnAddress(trimmed), 'bad-address');
  if (!isWebAddress(url)) throw new PageFetchError(messages.notWeb(url), 'bad-address');
  return url;
}

interface DownloadSettings {
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  maxBytes: number;
  maxRedirects: number;
  onRequest: (url: URL) => void;
  resolveHost: ResolveHost | undefined;
  startSpace: AddressSpace | undefined;
}

/** The download itself, throwing PageFetchError for what the server answered and fetch's own errors for the rest. */
async function download(start: URL, settings: DownloadSettings): Promise<FetchedPage> {
  // The address the user gave may lead anywhere (their own intranet, a server on this computer); its redirects may
  // not lead anywhere more private than it.
  const lookup = { resolveHost: settings.resolveHost, signal: settings.signal };
  const startSpace = settings.startSpace ?? (await addressSpaceOfPage(start, lookup));
  const outcome = await fetchFollowingRedirects(start, {
    fetch: settings.fetch,
    headers: { 'User-Agent': browserUserAgent, Accept: pageAccept },
    signal: settings.signal,
    maxRedirects: settings.maxRedirects,
    onRequest: settings.onRequest,
    mayRequest: async (url) => url === start || mayReach(startSpace, await addressSpaceReached(url, lookup)),
  });
  if (!outcome.ok) {
    if (outcome.problem === 'not-web') {
      throw new PageFetchError(messages.redirectsOutOfWeb(outcome.url, outcome.location), 'bad-address');
    }
    if (outcome.problem === 'not-allowed') {
      throw new PageFetchError(messages.redirectsIntoNetwork(outcome.from ?? start, outcome.url), 'bad-address');
    }
    const message =
      outcome.problem === 'loop'
        ? messages.redirectLoop(start)
        : messages.tooManyRedirects(start, settings.maxRedirects);
    throw new PageFetchError(message, 'redirect-loop');
  }
  const { response, url } = outcome;
  if (!response.ok) {
    await response.body?.cancel();
    const reason = response.status === 404 || response.status === 410 ? 'not-found' : 'http-error';
    throw new PageFetchError(messages.httpError(url, response.status, response.statusText), reason);
  }
  const type = parseContentType(response.headers.get('content-type'));
  if (type && !htmlTypes.has(type.essence)) {
    await response.body?.cancel();
    throw new PageFetchError(messages.notHtml(url, type.essence), 'not-html');
  }
  const body = await readCapped(response, settings.maxBytes);
  if (!body.ok) throw new PageFetchError(messages.tooLarge(url, settings.maxBytes), 'too-large');
  if (!type && !looksLikeHtml(body.bytes)) throw new PageFetchError(messages.untypedNotHtml(url), 'not-html');
  return { url: url.href, html: decodeHtml(body.bytes, type?.charset), contentType: type?.essence ?? 'text/html' };
}
