/** Whether a URL is one the reader may fetch over the network: http or https, nothing else. */
export function isWebAddress(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}
