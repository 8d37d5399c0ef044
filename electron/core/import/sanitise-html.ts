import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

import { allowedHtmlTags } from './html-tags.ts';
import { sharedWindow } from './shared-window.ts';

/**
 * The sanitiser's settings. An allow-list: anything not named here is removed. The converter (html-to-document.ts)
 * then builds the stored tree from what is left and checks every address again itself, so this is the first of two
 * gates, not the only one; but it is the one that knows HTML's tricks (entities, mXSS, namespaces).
 */
const config = {
  // The tree's own elements plus the harmless wrappers the converter unwraps (html-tags.ts says which and why).
  ALLOWED_TAGS: [...allowedHtmlTags],
  // The tree's attributes, and srcset, which the converter reads to choose an image when src is missing; it is
  // never stored. No style (CSS can load remote URLs), no class/id, no event handlers, no data-/aria-.
  ALLOWED_ATTR: ['href', 'src', 'alt', 'start', 'colspan', 'rowspan', 'srcset'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Addresses that may survive: http(s), mailto, file, data:image/, and relative ones (no scheme before the first
  // ":"/"/"), which the converter resolves against the page's address. DOMPurify removes whitespace and decodes
  // entities before testing, so "jav&#x09;ascript:" is tested as "javascript:" and fails.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|file):|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // HTML only: SVG and MathML are where most sanitiser bypasses live, and the tree has no use for either.
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  // Already outside the allow-list; named again so that widening ALLOWED_TAGS by mistake cannot let them in.
  FORBID_TAGS: ['script', 'style', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'svg', 'math'],
  FORBID_ATTR: ['style'],
  // A removed element's text is kept (a page's <form> or <font> often wraps the whole article), except for these,
  // whose text is never the article: controls, and navigation menus. DOMPurify's own list (script, style, svg,
  // math, template, noscript, iframe, title, audio, video, …) comes on top.
  KEEP_CONTENT: true,
  ADD_FORBID_CONTENTS: ['select', 'option', 'optgroup', 'datalist', 'textarea', 'button', 'canvas', 'nav'],
  // The converter walks the result; it never turns it back into markup, so nothing can be re-parsed differently.
  RETURN_DOM: true,
} satisfies Config & { RETURN_DOM: true };

let purifier: DOMPurify | undefined;

/**
 * One DOMPurify for the whole process, over the shared jsdom window; it holds no state between calls (each call
 * parses into a fresh document). jsdom, not linkedom: DOMPurify over linkedom does not sanitise.
 */
function sharedPurifier(): DOMPurify {
  purifier ??= createDOMPurify(sharedWindow());
  return purifier;
}

/**
 * Parses untrusted HTML and returns its body with only allow-listed elements and attributes left; scripts,
 * handlers, styles and foreign content are gone. `body` is in the allow-list so DOMPurify keeps it as the root
 * (removing the root would make it copy the whole page, recursively, which a deeply nested page overflows).
 */
export function sanitiseHtml(html: string | Node): Element {
  // A node (Readability's article) is copied by DOMPurify into a fresh document rather than serialised and parsed
  // again: the same checks, without the second parse (about a fifth of a 1 MB page's import).
  const body = sharedPurifier().sanitize(html as string, config) as Element | null;
  // Only XML input can fail to parse; HTML always gives a body.
  if (!body) throw new Error('DOMPurify returned no body for an HTML page');
  return body;
}
