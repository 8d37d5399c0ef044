import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { DocumentElement } from '../../../common/document.ts';
import { importHtml, ImportRefusedError } from '../../../electron/core/import/index.ts';
import { elementsOf, expectSafe, textOf, treeOf } from './safety.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url), 'utf8');
const pageUrl = 'https://gazette.example.com/news/2024/harbour-plan.html';

function find(tree: DocumentElement[], tag: string, text?: string): DocumentElement {
  const found = tree.find(
    (element) => element.tag === tag && (text === undefined || textOfElement(element).includes(text)),
  );
  if (!found) throw new Error(`no ${tag}${text ? ` with “${text}”` : ''}`);
  return found;
}

function textOfElement(element: DocumentElement): string {
  return (element.children ?? []).map((child) => (typeof child === 'string' ? child : textOfElement(child))).join('');
}

describe('a news article read by Readability', () => {
  const imported = importHtml(fixture('harbour-article.html'), { baseUrl: pageUrl });
  const elements = elementsOf(treeOf(imported));
  const text = textOf(imported);

  it('is safe to store', () => expectSafe(imported));

  it('keeps the page’s metadata', () => {
    expect(imported.title).toBe('Harbour plan goes to a vote');
    expect(imported.meta).toEqual({
      byline: 'Mara Lindqvist',
      siteName: 'The Coastal Gazette',
      publishedAt: '2024-03-05T09:30:00+01:00',
      language: 'en-GB',
      direction: undefined,
    });
    expect(imported.notices).toEqual([]);
  });

  it('does not repeat the title as the first heading, and leaves out the site’s menus and sidebars', () => {
    expect(text.startsWith('Harbour plan goes to a vote')).toBe(false);
    expect(text).not.toContain('Most read');
    expect(text).not.toContain('Sport');
    expect(text).not.toContain('dataLayer');
  });

  it('keeps headings, paragraphs and emphasis (b and i become strong and em)', () => {
    expect(textOfElement(find(elements, 'h2'))).toBe('What the plan says');
    expect(textOfElement(find(elements, 'strong'))).toBe('Tuesday');
    expect(elements.filter((e) => e.tag === 'em').map(textOfElement)).toEqual(['separately', 'south']);
    expect(text).toContain('Members asked for more data on tides, on currents and on the silt');
  });

  it('resolves links against the page address', () => {
    const link = find(elements, 'a', 'harbour plan');
    expect(link.attrs).toEqual({ href: 'https://gazette.example.com/plans/harbour-2024' });
  });

  it('keeps an ordered list with its start, and a list nested in an item', () => {
    const list = find(elements, 'ol');
    expect(list.attrs).toEqual({ start: 3 });
    const items = (list.children ?? []).filter((c): c is DocumentElement => typeof c !== 'string');
    expect(items.map((item) => item.tag)).toEqual(['li', 'li', 'li']);
    const nested = elementsOf(items[0]!.children ?? []).find((e) => e.tag === 'ul');
    expect(nested && textOfElement(nested)).toBe('built in two phases\n\npaid for by the port authority');
  });

  it('keeps block quotes', () => {
    expect(textOfElement(find(elements, 'blockquote'))).toBe(
      'We have waited twenty years for this. The fleet cannot wait another twenty.',
    );
  });

  it('keeps code: a pre block exactly as written, inline code as text', () => {
    expect(find(elements, 'pre').children).toEqual([
      { tag: 'code', children: ['def tide(height, hour):\n    return height * cos(hour / 12.42)\n'] },
    ]);
    expect(find(elements, 'code', 'tide(2.1, 6)').children).toEqual(['tide(2.1, 6)']);
  });

  it('lists each image, names it, and keeps its description', () => {
    expect(imported.images).toEqual([{ name: '1', url: 'https://gazette.example.com/news/2024/images/quay.jpg' }]);
    const figure = find(elements, 'figure');
    expect(figure.children).toEqual([
      { tag: 'img', attrs: { src: '1', alt: 'The northern quay at low tide' } },
      '\n\n',
      { tag: 'figcaption', children: ['The northern quay at low tide.'] },
    ]);
  });

  it('keeps tables with header cells and spans', () => {
    const table = find(elements, 'table');
    const cells = elementsOf(table.children ?? []).filter((e) => e.tag === 'th' || e.tag === 'td');
    expect(cells.find((c) => textOfElement(c) === 'Cost (million)')).toEqual({
      tag: 'th',
      attrs: { colspan: 2 },
      children: ['Cost (million)'],
    });
    expect(cells.find((c) => textOfElement(c) === '4.0')?.attrs).toEqual({ rowspan: 2 });
    expect(textOfElement(find(elements, 'caption'))).toBe('Cost by phase');
  });

  it('keeps line breaks as a newline and a br', () => {
    const paragraph = find(elements, 'p', 'Harbour master');
    expect(paragraph.children?.slice(0, 4)).toEqual([
      'Harbour master Ole Brandt said:\n',
      { tag: 'br' },
      '“The tide waits for no one.”\n',
      { tag: 'br' },
    ]);
  });
});

describe('a right-to-left page', () => {
  const imported = importHtml(fixture('rtl-article.html'), { baseUrl: 'https://sahil.example/port' });

  it('keeps its direction, language, title and site name', () => {
    expectSafe(imported);
    expect(imported.title).toBe('خطة الميناء');
    expect(imported.meta.direction).toBe('rtl');
    expect(imported.meta.language).toBe('ar');
    expect(imported.meta.siteName).toBe('جريدة الساحل');
    expect(textOf(imported)).toContain('اجتمعت اللجنة يوم الثلاثاء');
  });
});

describe('pages Readability cannot read', () => {
  it('keeps a short page whole, with its title from <title>, then the first h1, then the file name', () => {
    const titled = importHtml('<title>Shopping</title><p>Eggs, milk.</p>', { baseUrl: 'file:///home/u/list.html' });
    expect(titled.title).toBe('Shopping');
    expect(textOf(titled)).toBe('Eggs, milk.');
    const headed = importHtml('<body><h1>Groceries</h1><p>Eggs, milk.</p></body>', {
      baseUrl: 'file:///home/u/list.html',
    });
    expect(headed.title).toBe('Groceries');
    expect(textOf(headed)).toBe('Eggs, milk.');
    const bare = importHtml('<p>Eggs, milk.</p>', { baseUrl: 'file:///home/u/my%20list.html' });
    expect(bare.title).toBe('my list');
    const named = importHtml('<p>Eggs, milk.</p>', { baseUrl: 'https://shop.example/', fallbackTitle: 'Shop' });
    expect(named.title).toBe('Shop');
  });

  it('does not repeat the title as the first heading, but keeps a first heading that says something else', () => {
    const repeated = importHtml('<title>Groceries</title><h1>  groceries </h1><p>Eggs, milk.</p>', {
      baseUrl: 'https://shop.example/',
    });
    expect(textOf(repeated)).toBe('Eggs, milk.');
    const other = importHtml('<title>Groceries</title><h1>Monday</h1><p>Eggs, milk.</p>', {
      baseUrl: 'https://shop.example/',
    });
    expect(textOf(other)).toBe('Monday\n\nEggs, milk.');
  });

  it('refuses a page with no readable text, naming it', () => {
    const empty = () =>
      importHtml('<html><body><img src="a.png"><script>x()</script></body></html>', {
        baseUrl: 'file:///home/u/blank.html',
      });
    expect(empty).toThrow(ImportRefusedError);
    expect(empty).toThrow('“blank.html” has no readable text.');
    expect(() => importHtml('', { baseUrl: 'https://news.example/' })).toThrow('“news.example” has no readable text.');
  });
});

describe('what a page says about itself', () => {
  const meta = (head: string, html = '') =>
    importHtml(`<html ${html}><head>${head}</head><body><p>Some words to read.</p></body></html>`, {
      baseUrl: 'https://example.com/',
    }).meta;

  it('turns a date a page wrote in words into ISO 8601, keeping a date alone a date', () => {
    expect(meta('<meta property="article:published_time" content="March 5, 2024">').publishedAt).toBe('2024-03-05');
    expect(meta('<meta property="article:published_time" content="Tue, 05 Mar 2024 10:00:00 GMT">').publishedAt).toBe(
      '2024-03-05T10:00:00.000Z',
    );
  });

  it('keeps only a language tag and a direction it understands', () => {
    expect(meta('', 'lang="en_us" dir="RTL"')).toMatchObject({ language: 'en-US', direction: 'rtl' });
    const odd = meta('', 'lang="not a language!" dir="sideways"');
    expect(odd.language).toBeUndefined();
    expect(odd.direction).toBeUndefined();
  });
});

describe('addresses', () => {
  it('honours the page’s <base> for links and images, but never lets a web page reach local files', () => {
    const page = (base: string) =>
      importHtml(
        `<head><base href="${base}"></head><body><p><a href="next">Next</a> page <img src="p.png"></p></body>`,
        {
          baseUrl: 'https://example.com/a/',
        },
      );
    const based = page('https://cdn.example.org/b/');
    expect(elementsOf(treeOf(based)).find((e) => e.tag === 'a')?.attrs?.href).toBe('https://cdn.example.org/b/next');
    expect(based.images).toEqual([{ name: '1', url: 'https://cdn.example.org/b/p.png' }]);
    const sneaky = page('file:///etc/');
    expectSafe(sneaky);
    expect(JSON.stringify(sneaky)).not.toContain('file:');
  });

  it('resolves a local page’s images against its file, and drops links that are not web or mail links', () => {
    const imported = importHtml(
      '<p>See <a href="other.html">the other page</a>, <a href="#top">the top</a> or <a href="mailto:a@example.com">mail</a>. <img src="../img/a.png" alt="A"></p>',
      { baseUrl: 'file:///home/u/docs/page.html' },
    );
    expectSafe(imported);
    expect(imported.images).toEqual([{ name: '1', url: 'file:///home/u/img/a.png' }]);
    const links = elementsOf(treeOf(imported)).filter((e) => e.tag === 'a');
    expect(links.map((a) => a.attrs?.href)).toEqual(['mailto:a@example.com']);
    // The space before the image is shown, as a browser shows it.
    expect(textOf(imported)).toBe('See the other page, the top or mail. ');
  });

  it('refuses file images on a web page and keeps data:image ones', () => {
    const imported = importHtml(
      '<p>Pictures: <img src="file:///etc/passwd"> <img src="data:image/png;base64,iVBORw0KGgo="> <img src="data:text/html,<b>x</b>"></p>',
      { baseUrl: 'https://example.com/' },
    );
    expectSafe(imported);
    expect(imported.images).toEqual([{ name: '1', url: 'data:image/png;base64,iVBORw0KGgo=' }]);
  });
});

describe('a page title', () => {
  const page = (title: string, site: string) =>
    `<html><head><title>${title}</title><meta property="og:site_name" content="${site}"></head><body><article><p>${'The tide comes in twice a day along this coast. '.repeat(12)}</p></article></body></html>`;

  it('leaves out the site’s name around it, which the library shows on its own', () => {
    for (const title of ['Tide tables | Harbour News', 'Harbour News – Tide tables', 'Tide tables · Harbour News']) {
      const imported = importHtml(page(title, 'Harbour News'), { baseUrl: 'https://harbour.example/tides' });
      expect(imported.title).toBe('Tide tables');
      expect(imported.meta.siteName).toBe('Harbour News');
    }
  });

  it('keeps a title that is the site’s name, or only mentions it', () => {
    expect(importHtml(page('Harbour News', 'Harbour News'), { baseUrl: 'https://h.example/' }).title).toBe(
      'Harbour News',
    );
    expect(importHtml(page('Why Harbour News moved', 'Harbour News'), { baseUrl: 'https://h.example/' }).title).toBe(
      'Why Harbour News moved',
    );
  });
});
