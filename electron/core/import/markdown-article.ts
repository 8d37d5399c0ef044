import MarkdownIt from 'markdown-it';

import { documentText } from '../../../common/document.ts';
import { articleTitle, documentName, oneLine, quoted } from './article-title.ts';
import { htmlToDocument } from './html-to-document.ts';
import { imagesLeftOutNotice } from './image-notice.ts';
import { leadingHeading } from './leading-heading.ts';
import { sanitiseHtml } from './sanitise-html.ts';
import { type ImportedArticle, ImportRefusedError } from './types.ts';

/** Where a Markdown file came from, and the title when it gives none. */
interface MarkdownImportOptions {
  /** The file's address: relative links and images are resolved against it. */
  baseUrl: string;
  /** The title when the text has no leading h1, no front-matter title and no title line (usually the file name). */
  fallbackTitle: string;
}

/**
 * Raw HTML is on (people paste it into notes), but it goes through the same sanitiser as a web page. Linkify is on
 * for addresses written out with their scheme only ("https://…", not "example.com" or "a@b.c"), which notes are
 * full of and which a reader expects to open; the fuzzy guesses would turn ordinary words into links.
 * No typographer: it would rewrite quotes and dashes, and the text must be the user's own.
 */
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/**
 * A first line longer than this is a sentence of the text, not a title. (Headlines run to about 70 characters;
 * this leaves room for long ones.)
 */
const titleLineMaxLength = 120;

/**
 * Turns the user's own Markdown into an article: no Readability (every word of a note is the note). The title is
 * the leading h1 (taken out of the body), else the front matter's `title:`, else a short first line that is a
 * paragraph of its own (taken out, as a text file's first line is), else `fallbackTitle`.
 */
export function importMarkdown(source: string, options: MarkdownImportOptions): ImportedArticle {
  const { frontTitle, text } = splitFrontMatter(source);
  const body = sanitiseHtml(markdown.render(text));
  let title = '';
  const heading = leadingHeading(body, ['h1']);
  if (heading) {
    heading.element.remove();
    title = heading.text;
  } else if (!frontTitle) {
    title = takeTitleLine(body);
  }
  const converted = htmlToDocument(body, options.baseUrl);
  const { document, images } = converted;
  if (!/\S/.test(documentText(document))) {
    throw new ImportRefusedError(`${quoted(documentName(options.baseUrl))} has no readable text.`);
  }
  return {
    title: articleTitle(title, frontTitle, options.fallbackTitle),
    body: { format: 'document', document },
    meta: {},
    images,
    notices: imagesLeftOutNotice(converted),
  };
}

/**
 * YAML front matter ("---" lines around `key: value` lines, as static-site generators and note apps write it) is
 * settings, not text: it is taken off, and its `title:` kept. Without this, Markdown reads it as a rule and a heading.
 */
function splitFrontMatter(source: string): { frontTitle: string; text: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontTitle: '', text: source };
  const titleLine = /^title:[ \t]*(.*)$/m.exec(match[1]!);
  const frontTitle = oneLine(titleLine?.[1]?.replace(/^(["'])(.*)\1$/, '$2'));
  return { frontTitle, text: source.slice(match[0].length) };
}

/**
 * The first block's text, removed from the body, when it is a paragraph of one short line with more text after it;
 * else ''. Markdown keeps a paragraph's line breaks as "\n" in the HTML, so a one-line paragraph has none.
 */
function takeTitleLine(body: Element): string {
  const first = body.firstElementChild;
  if (first?.localName !== 'p' || !first.nextElementSibling) return '';
  if (/\S/.test(textBefore(body, first))) return '';
  const text = first.textContent ?? '';
  if (text.includes('\n') || oneLine(text).length > titleLineMaxLength) return '';
  first.remove();
  return oneLine(text);
}

function textBefore(body: Element, element: Element): string {
  let text = '';
  for (let node = body.firstChild; node && node !== element; node = node.nextSibling) text += node.textContent ?? '';
  return text;
}
