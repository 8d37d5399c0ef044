/**
 * The `marginalia://` links that exported files and copied quotes carry back into the app:
 *
 *   marginalia://open?article=12
 *   marginalia://open?article=12&highlight=0f8e7a52-4c1b-4f7e-9a0d-3b2c1d0e9f8a
 *
 * One verb (`open`) with the article's id and, optionally, a highlight's: a link names what to show, never what to
 * do to it, so a link from anywhere (a vault, a web page, a chat) can at worst open the wrong article. Made here, in
 * the layer both processes share (the Markdown export in main, "Copy quote with citation" in the page); read by
 * main only (electron/core/export/links.ts).
 */
const scheme = 'marginalia://open';

/** The link that opens an article in Marginalia. */
export function articleLink(articleId: number): string {
  return `${scheme}?article=${articleId}`;
}

/** The link that opens an article in Marginalia at one of its highlights. */
export function highlightLink(articleId: number, annotationId: string): string {
  return `${articleLink(articleId)}&highlight=${annotationId}`;
}
