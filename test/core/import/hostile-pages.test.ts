import { readdirSync, readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allowedHtmlTags } from '../../../electron/core/import/html-tags.ts';
import { htmlToDocument } from '../../../electron/core/import/html-to-document.ts';
import { importHtml, importMarkdown, ImportRefusedError } from '../../../electron/core/import/index.ts';
import { sanitiseHtml } from '../../../electron/core/import/sanitise-html.ts';
import { elementsOf, expectSafe, textOf, treeOf } from './safety.ts';

const hostileDir = new URL('../../fixtures/documents/hostile/', import.meta.url);
const fixtures = readdirSync(hostileDir).filter((name) => name.endsWith('.html'));
const read = (name: string) => readFileSync(new URL(name, hostileDir), 'utf8');

/** A hostile page imported as from the web and as a saved file (where file: images are allowed). */
function importBoth(html: string, name = 'page.html') {
  return [
    importHtml(html, { baseUrl: `https://example.com/hostile/${name}` }),
    importHtml(html, { baseUrl: `file:///home/reader/hostile/${name}` }),
  ];
}

describe.each(fixtures)('the hostile page %s', (name) => {
  const imports = importBoth(read(name), name);

  it('imports safely, as from the web and as a file', () => {
    for (const imported of imports) expectSafe(imported);
  });

  it('keeps the page’s readable text', () => {
    for (const imported of imports) expect(textOf(imported)).toMatch(/(?:^|\n)Readable text survives/);
  });

  it('is already harmless after the sanitiser alone, before the converter checks it again', () => {
    expectSanitised(sanitiseHtml(read(name)));
  });
});

const sanitisedAttributes = new Set(['href', 'src', 'alt', 'start', 'colspan', 'rowspan', 'srcset']);

/** The first gate on its own: only allow-listed HTML elements and attributes, and no script address anywhere. */
function expectSanitised(body: Element): void {
  const allowed = new Set(allowedHtmlTags);
  for (const element of [body, ...body.querySelectorAll('*')]) {
    expect(element.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(allowed.has(element.localName), element.localName).toBe(true);
    for (const attribute of element.attributes) {
      expect(sanitisedAttributes.has(attribute.name), attribute.name).toBe(true);
      expect(attribute.value.replace(/\s/g, '')).not.toMatch(/^(?:javascript|vbscript|data:text)/i);
    }
  }
}

describe('what the hostile pages keep and lose', () => {
  const [web] = importBoth(read('scripts.html'));

  it('shows no script’s code, only what the page itself showed as text', () => {
    const text = textOf(web!);
    for (const n of [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) expect(text).not.toContain(`alert(${n})`);
    expect(text).toContain('Shown as text: <script>alert(16)</script> is how a script tag looks.');
    expect(text).toContain('Another paragraph of the article.');
  });

  it('drops every javascript:, vbscript: and data: link however it is spelt, keeping its text', () => {
    const imported = importHtml(read('links.html'), { baseUrl: 'https://example.com/hostile/links.html' });
    const hrefs = elementsOf(treeOf(imported))
      .filter((e) => e.tag === 'a')
      .map((a) => a.attrs?.href);
    expect(hrefs.filter((href) => !href?.startsWith('https://example.com/hostile/'))).toEqual([
      'https://evil.example/share',
      'https://evil.example/path',
      'https://example.com/ok',
      'mailto:someone@example.com',
      'https://example.com/x%22%20onmouseover=%22alert(21)',
      'https://example.com/spaced',
    ]);
    for (const label of ['plain', 'tab entity', 'decimal entities', 'named colon', 'vbscript', 'data base64']) {
      expect(textOf(imported)).toContain(label);
    }
    expect(imported.images.map((image) => image.url)).toEqual([
      'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
      'https://example.com/ok.png',
    ]);
  });

  it('loads nothing a page asks to load, except the images it names, and never stores srcset or style', () => {
    const imported = importHtml(read('embeds.html'), { baseUrl: 'https://example.com/hostile/embeds.html' });
    expect(imported.images.map((image) => image.url)).toEqual([
      'https://example.com/real.png',
      'https://example.com/ok.png',
      // Only a srcset: its largest candidate.
      'https://images.example.com/only-1080.png',
      'https://example.com/picture.png',
    ]);
    expect(JSON.stringify(imported)).not.toMatch(/evil\.example|"srcset"|"style"|background/);
    expect(textOf(imported)).toContain('Inside a form');
  });

  it('leaves nothing of SVG or MathML but the text around them', () => {
    const [page] = importBoth(read('svg-math.html'));
    expect(textOf(page!)).toBe('Readable text survives SVG and MathML.\n\n\n\nAfter the foreign content.');
  });
});

/** Elements to put handlers on: every one the sanitiser allows, and the ones attackers like. */
const handlerTags = [
  ...allowedHtmlTags,
  'svg',
  'math',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'input',
  'button',
  'select',
  'textarea',
  'marquee',
  'form',
  'keygen',
  'isindex',
  'frameset',
  'custom-element',
];
const handlers = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onanimationstart', 'onpointerenter'];

describe('inline event handlers', () => {
  it('are removed from every kind of element', () => {
    for (const tag of handlerTags) {
      const attrs = handlers.map((handler) => `${handler}="alert('${tag}')"`).join(' ');
      const src = tag === 'img' ? ' src="https://example.com/i.png"' : '';
      const html = `<p>Text before.</p><${tag}${src} ${attrs} style="background:url(https://evil.example/${tag})">Inside ${tag}</${tag}><p>Text after.</p>`;
      for (const imported of importBoth(html)) {
        expectSafe(imported);
        expect(JSON.stringify(imported)).not.toMatch(/alert|evil\.example/);
        expect(textOf(imported)).toContain('Text after.');
      }
    }
  });
});

/** Pieces of markup an attacker combines; the fuzz below strings them together in every order. */
const hostilePieces = [
  '<script>alert(1)</script>',
  '<script>',
  '</script>',
  '<svg>',
  '</svg>',
  '<math>',
  '<mtext>',
  '<mglyph>',
  '<style>',
  '</style>',
  '<noscript>',
  '</noscript>',
  '<template>',
  '<table>',
  '<td>',
  '<form>',
  '</form>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">',
  '<a href="jav&#x09;ascript:alert(1)">',
  '<a xlink:href="javascript:alert(1)">',
  '<iframe src="javascript:alert(1)">',
  '<p title="',
  '">',
  '"',
  "'",
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<pre>',
  '<br>',
  '<b>',
  '<i>',
  '</b>',
  '<ul><li>',
  '<textarea>',
  '<xmp>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)">',
  '<img srcset="javascript:alert(1) 1x">',
  '<img src="file:///etc/passwd">',
  '<a href="https://example.com/ok">',
  '</a>',
  'words ',
  'more words ',
  '&lt;script&gt;',
  '&#x3C;img src=x onerror=alert(1)&#x3E;',
];

describe('random hostile markup', () => {
  it('never yields a tree that is unsafe to store', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...hostilePieces), { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        const body = sanitiseHtml(html);
        expectSanitised(body);
        const converted = htmlToDocument(body, 'https://example.com/');
        expectSafe({ body: { format: 'document', document: converted.document }, images: converted.images });
      }),
      { numRuns: 400 },
    );
  });

  it('never yields an unsafe article through Readability or Markdown either', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...hostilePieces), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const run of [
          () => importHtml(text, { baseUrl: 'https://example.com/' }),
          () => importMarkdown(text, { baseUrl: 'file:///home/u/a.md', fallbackTitle: 'a' }),
        ]) {
          try {
            expectSafe(run());
          } catch (error) {
            // Refusing a page with no readable text is a safe outcome too.
            if (!(error instanceof ImportRefusedError)) throw error;
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
