import { isWebAddress } from './web-address.ts';

/** How following a chain of redirects ended: at a response that is not a redirect, or at a reason to stop. */
export type RedirectOutcome =
  | { ok: true; response: Response; url: URL }
  | { ok: false; problem: 'loop' | 'too-many'; url: URL }
  | { ok: false; problem: 'not-web'; url: URL; location: string }
  | { ok: false; problem: 'not-allowed'; url: URL; from: URL | undefined };

/** What one chain of requests needs. `onRequest` hears each address before it is asked, so errors can name it. */
export interface FollowRedirectsOptions {
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  signal: AbortSignal;
  maxRedirects: number;
  onRequest?: (url: URL) => void;
  /**
   * Asked before every request, the first included: false stops the chain unasked (address-space.ts: a page may not
   * send the reader into the user's own network or computer).
   */
  mayRequest?: (url: URL, signal: AbortSignal) => Promise<boolean>;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches `start` and follows its redirects by hand, so that each hop is checked: at most `maxRedirects` of them,
 * each Location resolved against the address that sent it, and only to http or https (fetch's own following would
 * go to any scheme it supports). A redirect back to an address already visited is a loop at once: the reader keeps
 * no cookies, so asking again gets the same answer. Network errors are thrown as fetch throws them.
 */
export async function fetchFollowingRedirects(start: URL, options: FollowRedirectsOptions): Promise<RedirectOutcome> {
  const visited = new Set<string>();
  let url = start;
  let from: URL | undefined;
  for (let redirects = 0; ; redirects++) {
    visited.add(withoutFragment(url));
    if (options.mayRequest && !(await options.mayRequest(url, options.signal))) {
      return { ok: false, problem: 'not-allowed', url, from };
    }
    options.onRequest?.(url);
    const response = await options.fetch(url.href, {
      headers: options.headers,
      signal: options.signal,
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (!redirectStatuses.has(response.status) || location === null) return { ok: true, response, url };
    // The redirect's own body is never read: cancelling it frees the connection.
    await response.body?.cancel();
    const next = URL.parse(location, url.href);
    if (!next || !isWebAddress(next)) return { ok: false, problem: 'not-web', url, location };
    if (visited.has(withoutFragment(next))) return { ok: false, problem: 'loop', url: next };
    if (redirects >= options.maxRedirects) return { ok: false, problem: 'too-many', url: next };
    from = url;
    url = next;
  }
}

/** The fragment never reaches the server, so two addresses that differ only there are the same request. */
function withoutFragment(url: URL): string {
  return url.href.slice(0, url.href.length - url.hash.length);
}
