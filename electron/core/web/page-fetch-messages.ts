import type { NetworkFailure } from './network-failure.ts';

/**
 * What the user reads when a page cannot be imported: plain sentences that name the address, say what happened
 * and, where there is one, what to try. Never a code or a stack trace (those go in the error's `cause`).
 */
export const pageFetchMessages = {
  noAddress: (): string => 'No web address was given.',
  notAnAddress: (address: string): string => `"${address}" is not a web address.`,
  notWeb: (url: URL): string =>
    `${url.href} is not a web page address: only http and https pages can be imported (this one is ${url.protocol}).`,
  redirectsOutOfWeb: (url: URL, location: string): string =>
    `${url.href} redirects to "${location}", which is not a web page address.`,
  redirectsIntoNetwork: (url: URL, next: URL): string =>
    `${url.href} redirects to ${next.href}, an address on your own network or this computer, where a web page may not send the reader. If you trust it, open that address itself.`,
  redirectLoop: (url: URL): string =>
    `${url.href} redirects in a loop: it sends the reader back to an address it has already been sent to.`,
  tooManyRedirects: (url: URL, maxRedirects: number): string =>
    `${url.href} redirects too many times (more than ${maxRedirects}): it may be redirecting in a loop.`,
  timeout: (url: URL, timeoutMs: number): string => `${url.href} did not answer within ${describeDuration(timeoutMs)}.`,
  httpError: (url: URL, status: number, statusText: string): string => {
    const answer = statusText ? `${status} ${statusText}` : String(status);
    if (status === 404 || status === 410) return `${url.href} was not found (${status}).`;
    if (status === 401 || status === 403) return `${url.href} refused access to the page (${answer}).`;
    if (status === 429) return `${url.href} is refusing requests for now (${answer}): try again later.`;
    if (status >= 500) return `${url.href} failed on the server's side (${answer}): try again later.`;
    if (status >= 300 && status < 400) return `${url.href} redirects without saying where to (${answer}).`;
    return `${url.href} answered with an error (${answer}).`;
  },
  notHtml: (url: URL, essence: string): string => `${url.href} is ${describeMediaType(essence)}, not a web page.`,
  untypedNotHtml: (url: URL): string =>
    `${url.href} did not say what it sent, and what it sent does not look like a web page.`,
  tooLarge: (url: URL, maxBytes: number): string => `${url.href} is larger than ${describeSize(maxBytes)}.`,
  network: (url: URL, failure: NetworkFailure): string => {
    const host = url.host;
    switch (failure) {
      case 'name-not-found':
        return `Could not reach ${host}: is this computer offline, or is the address mistyped?`;
      case 'name-lookup-failed':
      case 'unreachable':
        return `Could not reach ${host}: is this computer offline?`;
      case 'refused':
        return `${host} refused the connection: the site may be down, or the address may have the wrong port.`;
      case 'closed':
        return `${host} closed the connection before sending the page: try again later.`;
      case 'timed-out':
        return `${host} did not answer in time: the site may be down, or the network too slow.`;
      case 'certificate':
        return `Could not connect securely to ${host}: its security certificate could not be verified.`;
      case 'tls':
        return `Could not connect securely to ${host}.`;
      case 'unknown':
        return `Could not load ${url.href}: the connection failed.`;
    }
  },
};

/** "30 seconds", "1 second", "0.3 seconds". */
function describeDuration(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

const mebibyte = 1024 * 1024;

/** "20 MB", "1.5 MB", "64 KB", "900 bytes": the cap as the user would say it, in the binary units of file managers. */
function describeSize(bytes: number): string {
  if (bytes >= mebibyte) return `${Number((bytes / mebibyte).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** What the commonest wrong types are, said in words. */
const kindsByEssence: Record<string, string> = {
  'application/pdf': 'a PDF',
  'text/plain': 'plain text',
  'application/json': 'JSON data',
  'application/xml': 'an XML document',
  'text/xml': 'an XML document',
};
const kindsByTopLevelType: Record<string, string> = {
  image: 'an image',
  video: 'a video',
  audio: 'a sound file',
  font: 'a font',
};

/** "a PDF (application/pdf)", "an image (image/png)": what was sent instead of a page, with its type for the curious. */
function describeMediaType(essence: string): string {
  const topLevelType = essence.split('/')[0] ?? '';
  const kind = kindsByEssence[essence] ?? kindsByTopLevelType[topLevelType] ?? 'a file';
  return `${kind} (${essence})`;
}
