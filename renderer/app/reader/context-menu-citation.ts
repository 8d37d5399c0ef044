import type { Article } from '../../../common/contract.ts';
import { articleLink, highlightLink } from '../../../common/marginalia-links.ts';

/** The article's address when it came from the web; a file's path stays out of what the user pastes elsewhere. */
function webAddress(source: string): string | undefined {
  return /^https?:\/\//i.test(source) ? source : undefined;
}

/**
 * A quote as "Copy quote with citation" puts it on the clipboard: the quote in quotation marks, a line with who
 * wrote it and where (author, title, site, web address, whichever the article has), and the marginalia:// link back
 * to the highlight (or, for a selection not yet highlighted, to the article).
 *
 *   “The habit is older than print.”
 *   — Ada Reader, On Marginalia, The Quarterly, https://example.org/marginalia
 *   marginalia://open?article=12&highlight=0f8e7a52-…
 */
export function citedQuote(quote: string, article: Article, annotationId?: string): string {
  const { byline, siteName } = article.meta;
  const source = [byline, article.title, siteName, webAddress(article.source)]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  return [
    `“${quote.trim()}”`,
    `— ${source.join(', ')}`,
    annotationId ? highlightLink(article.id, annotationId) : articleLink(article.id),
  ].join('\n');
}
