import { JSDOM, VirtualConsole } from 'jsdom';

let window: JSDOM['window'] | undefined;

/**
 * One jsdom window for the whole import layer: creating one takes tens of milliseconds, and nothing is kept in it
 * between imports (pages are parsed into documents of their own, which are dropped afterwards). Its console, where
 * jsdom reports CSS it cannot parse, is not ours to show, so it goes nowhere.
 */
export function sharedWindow(): JSDOM['window'] {
  window ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
  return window;
}

/**
 * Parses an untrusted page into a document with no browsing context: no script runs, nothing is fetched, and an
 * iframe gets no window of its own (in a JSDOM document each one does, and a page of thousands of them exhausts
 * memory). Its address is about:blank; the caller resolves addresses against the page's own.
 */
export function parsePage(html: string): Document {
  return new (sharedWindow().DOMParser)().parseFromString(html, 'text/html');
}
