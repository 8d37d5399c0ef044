import { documentText } from '../../../common/document.ts';
import { articleTitle, documentName, quoted, titleFromAddress } from './article-title.ts';
import { flattenDeepNesting, readablePageDepth } from './flatten-deep-page.ts';
import { type ConvertedDocument, htmlToDocument } from './html-to-document.ts';
import { imagesLeftOutNotice } from './image-notice.ts';
import { dropHeadingRepeatingTitle } from './leading-heading.ts';
import { pageMeta } from './page-meta.ts';
import { readPage } from './page-reader.ts';
import { sanitiseHtml } from './sanitise-html.ts';
import { parsePage } from './shared-window.ts';
import { type ImportedArticle, ImportRefusedError } from './types.ts';

/** Where a page came from, and what to call it when it names itself nowhere. */
interface HtmlImportOptions {
  /** The page's address (a file: URL for a file): relative links and images are resolved against it. */
  baseUrl: string;
  /** The title when the page has no <title> and no h1; by default its file name or host. */
  fallbackTitle?: string;
}

/** What the page says before Readability changes it (Readability rewrites the document it reads). */
interface PageFacts {
  title: string;
  firstHeading: string | null;
  lang: string | null;
  dir: string | null;
  /** The address relative links resolve against: the page's <base> if it may be used, else the page's own. */
  baseUrl: string;
  /** The body as it was, for when Readability finds no article in it. */
}

/**
 * Turns a web page into an article: Mozilla Readability picks the main content and the page's metadata, then the
 * sanitiser and the converter make it a stored tree. A page where Readability finds nothing readable is kept whole
 * (sanitised), with a notice; a page with no readable text at all is refused. The page is parsed inert
 * (shared-window.ts) and flattened where it nests too deep for Readability to read it in reasonable time.
 */
export function importHtml(html: string, options: HtmlImportOptions): ImportedArticle {
  const document = parsePage(html);
  if (document.body) flattenDeepNesting(document.body, readablePageDepth);
  const facts = pageFacts(document, options.baseUrl);
  // The article as Readability's own element, not serialised: the sanitiser takes the node as it is.
  const article = readPage(document);
  const title = articleTitle(
    withoutSiteName(article?.title, article?.siteName),
    facts.title,
    facts.firstHeading,
    options.fallbackTitle ?? titleFromAddress(options.baseUrl),
  );
  const notices: string[] = [];
  let converted = article?.content ? convert(article.content, title, facts.baseUrl) : undefined;
  if (!converted || !hasText(converted)) {
    // The whole page, from its markup (Readability changed the parsed document as it read it).
    converted = convert(html, title, facts.baseUrl);
    if (!hasText(converted)) {
      throw new ImportRefusedError(`${quoted(documentName(options.baseUrl))} has no readable text.`);
    }
    notices.push('Marginalia could not tell the article apart from the rest of the page, so the whole page is shown.');
  }
  return {
    title,
    body: { format: 'document', document: converted.document },
    meta: pageMeta({
      byline: article?.byline,
      siteName: article?.siteName,
      publishedTime: article?.publishedTime,
      lang: article?.lang || facts.lang,
      dir: article?.dir || facts.dir,
    }),
    images: converted.images,
    notices: [...notices, ...imagesLeftOutNotice(converted)],
  };
}

/**
 * A page title without the site's name around it ("Tide tables | Harbour News" → "Tide tables"): the library shows
 * the site apart. Readability leaves the name on short titles, where it cannot tell it from the title's own words;
 * knowing the site's name, we can.
 */
function withoutSiteName(title: string | null | undefined, siteName: string | null | undefined): string {
  const text = (title ?? '').trim();
  const site = (siteName ?? '').trim();
  if (!site || text === site) return text;
  const separators = String.raw`\s+[|\-–—·:•»]+\s+`;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = text
    .replace(new RegExp(`${separators}${escaped}$`, 'iu'), '')
    .replace(new RegExp(`^${escaped}${separators}`, 'iu'), '');
  return stripped.trim() || text;
}

function convert(html: string | Node, title: string, baseUrl: string): ConvertedDocument {
  const body = sanitiseHtml(html);
  dropHeadingRepeatingTitle(body, title);
  return htmlToDocument(body, baseUrl);
}

function hasText(converted: ConvertedDocument): boolean {
  return /\S/.test(documentText(converted.document));
}

function pageFacts(document: Document, address: string): PageFacts {
  const root = document.documentElement;
  return {
    title: document.title,
    firstHeading: document.querySelector('h1')?.textContent ?? null,
    lang: root.getAttribute('lang') || document.body?.getAttribute('lang') || null,
    dir: root.getAttribute('dir') || document.body?.getAttribute('dir') || null,
    baseUrl: usableBase(document.querySelector('base[href]')?.getAttribute('href'), address),
  };
}

/**
 * The page's <base> address, honoured as a browser would (resolved against the page's own), unless it would let a
 * web page reach files (a file: base on an http page) or is not a place at all (javascript:, data:): then the
 * page's own address. (The parsed document's address is about:blank, so Readability resolves only absolute bases;
 * the converter resolves everything else.)
 */
function usableBase(href: string | null | undefined, address: string): string {
  if (!href) return address;
  let base: URL;
  try {
    base = new URL(href.trim(), address);
  } catch {
    return address;
  }
  if (base.protocol === 'http:' || base.protocol === 'https:') return base.href;
  if (base.protocol === 'file:' && new URL(address).protocol === 'file:') return base.href;
  return address;
}
