import { readdirSync, readFileSync } from 'node:fs';

import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';

import { htmlToDocument } from '../../../electron/core/import/html-to-document.ts';
import { readPage, skippedReadabilitySteps } from '../../../electron/core/import/page-reader.ts';
import { sanitiseHtml } from '../../../electron/core/import/sanitise-html.ts';
import { parsePage } from '../../../electron/core/import/shared-window.ts';

const folder = new URL('../../fixtures/documents/', import.meta.url);
const pages = [
  ...readdirSync(folder).filter((name) => name.endsWith('.html')),
  ...readdirSync(new URL('hostile/', folder)).map((name) => `hostile/${name}`),
];

/** A page whose every element carries what the skipped steps would have removed or rewritten. */
const decoratedPage = `<!doctype html><html><head><title>Decorated</title><base href="https://news.example/2026/"></head>
<body><article>${Array.from(
  { length: 12 },
  (_, i) => `<p style="color: red" align="center" class="lead c${i}" bgcolor="#fff">Paragraph ${i} of the story, with
  <a href="story-${i}.html" style="background: url(https://tracker.example/${i})">a relative link</a>,
  <a href="javascript:alert(${i})">a script link</a> and <img src="pictures/${i}.png" width="40" height="30" alt="figure ${i}">
  an image, long enough, with commas, for Readability to take it as the article's text.</p>`,
).join('\n')}</article></body></html>`;

/**
 * What the user would see of a page read by the given Readability, after the sanitiser and the converter, which
 * resolves addresses against the page's <base> where it has one, as the import does.
 */
function stored(read: (document: Document) => { content: Element | string | null | undefined } | null, html: string) {
  const article = read(parsePage(html));
  if (!article?.content) return null;
  const base = /<base href="([^"]+)"/.exec(html)?.[1] ?? 'https://gazette.example.com/news/page.html';
  return htmlToDocument(sanitiseHtml(article.content as Element), base);
}

const fullReadability = (document: Document) =>
  new Readability<Element>(document, { serializer: (element) => element as Element }).parse();

describe('reading a page with Readability’s redundant steps skipped', () => {
  it('skips steps that still exist in the installed Readability, by these names', () => {
    const prototype = Readability.prototype as unknown as Record<string, unknown>;
    for (const step of skippedReadabilitySteps) expect(typeof prototype[step], step).toBe('function');
  });

  it.each([...pages, 'decorated'])('stores exactly what full Readability would for %s', (name) => {
    const html = name === 'decorated' ? decoratedPage : readFileSync(new URL(name, folder), 'utf8');
    const skipped = stored(readPage, html);
    expect(skipped).toEqual(stored(fullReadability, html));
    if (name === 'decorated') expect(JSON.stringify(skipped)).toContain('https://news.example/2026/story-3.html');
  });
});
