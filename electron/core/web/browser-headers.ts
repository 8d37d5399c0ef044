/**
 * Request headers that make the app look like the desktop browser it stands in for. Some sites refuse, or answer
 * with a bare "enable JavaScript" page, when the User-Agent is one they do not know (Node's own is "node"), so the
 * reader sends a current desktop Chrome's. Nothing in it identifies the user.
 */
export const browserUserAgent =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** What a browser's Accept says when it follows a link: a page, please, though anything will do. */
export const pageAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** What a browser's Accept says for an <img>: the formats the reader can store first. */
export const imageAccept = 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5';
