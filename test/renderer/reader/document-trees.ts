import type { Article } from '../../../common/contract.ts';
import {
  type DocumentAttributes,
  type DocumentElement,
  type DocumentNode,
  type DocumentTag,
  documentText,
} from '../../../common/document.ts';
import { testArticle } from '../ui/fake-api.ts';

/** One element of a hand-built tree. */
export function h(
  tag: DocumentTag,
  attrs: DocumentAttributes | null = null,
  ...children: DocumentNode[]
): DocumentElement {
  return { tag, ...(attrs ? { attrs } : {}), ...(children.length > 0 ? { children } : {}) };
}

/** Addresses the trees link to. */
export const reportUrl = 'https://example.org/herons?kind=grey&year=2023#counts';
export const mailUrl = 'mailto:birds@example.org';

/**
 * A page that uses every tag and attribute a stored tree may hold, with the separators an import puts between blocks
 * ("\n\n" between top-level blocks, "\n" around list items and table parts, " " between cells, "\n" before a `br`),
 * nested lists, a table with spans, code with runs of spaces, tabs and blank lines, right-to-left paragraphs, and
 * characters outside the BMP (offsets are UTF-16 code units).
 */
export const fieldGuide: DocumentNode[] = [
  h('h1', null, 'A field guide to herons'),
  '\n\n',
  h(
    'p',
    null,
    'Herons are ',
    h('em', null, 'patient'),
    ' hunters. Read the ',
    h('a', { href: reportUrl }, 'full ', h('strong', null, 'report'), ' online'),
    ' or ',
    h('a', { href: mailUrl }, 'write to us'),
    '.',
  ),
  '\n\n',
  h('h2', null, 'Where they live'),
  '\n\n',
  h(
    'ul',
    null,
    '\n',
    h('li', null, 'Marshes and ', h('strong', null, 'reed beds')),
    '\n',
    h(
      'li',
      null,
      'Rivers, such as\n',
      h('ol', { start: 3 }, '\n', h('li', null, 'the upper Thames'), '\n', h('li', null, 'the Danube delta'), '\n'),
      '\n',
    ),
    '\n',
  ),
  '\n\n',
  h('h3', null, 'Counting'),
  '\n\n',
  h(
    'table',
    null,
    '\n',
    h('caption', null, 'Sightings by year'),
    '\n',
    h('thead', null, h('tr', null, h('th', null, 'Year'), ' ', h('th', { colspan: 2 }, 'Birds'))),
    '\n',
    h(
      'tbody',
      null,
      h('tr', null, h('td', { rowspan: 2 }, '2023'), ' ', h('td', null, 'grey heron'), ' ', h('td', null, '14')),
      '\n',
      h('tr', null, h('td', null, 'little egret'), ' ', h('td', null, '3')),
    ),
    '\n',
    h('tfoot', null, h('tr', null, h('td', null, 'Total'), ' ', h('td', { colspan: 2 }, '17'))),
    '\n',
  ),
  '\n\n',
  h('h4', null, 'Field notes'),
  '\n\n',
  h('pre', null, h('code', null, 'count  =  0\n\tfor bird in marsh:\n\t\tcount += 1\n\n    print(count)')),
  '\n\n',
  h(
    'blockquote',
    null,
    '\n',
    h('p', null, 'The heron ', h('s', null, 'waits'), ' ', h('u', null, 'stands'), ' still.'),
    '\n',
  ),
  '\n\n',
  h(
    'p',
    null,
    'H',
    h('sub', null, '2'),
    'O and E = mc',
    h('sup', null, '2'),
    '; press ',
    h('kbd', null, 'Ctrl'),
    ' + ',
    h('kbd', null, 'K'),
    ' to search, or run ',
    h('code', null, 'count()'),
    '. ',
    h('small', null, 'Small print.'),
    '\n',
    h('br'),
    'A second line after a break.',
  ),
  '\n\n',
  h('hr'),
  '\n\n',
  h(
    'figure',
    null,
    h('img', { src: '3', alt: 'A grey heron in the reeds' }),
    '\n',
    h('figcaption', null, 'A grey heron, ', h('em', null, 'Ardea cinerea'), '.'),
  ),
  '\n\n',
  h('dl', null, '\n', h('dt', null, 'Egret'), '\n', h('dd', null, 'A small white heron.'), '\n'),
  '\n\n',
  h('h5', null, 'In other languages'),
  '\n\n',
  h('p', null, 'אנפה אפורה עומדת במים ', h('em', null, 'בשקט'), '.'),
  '\n\n',
  h('p', null, 'مالك الحزين الرمادي 🐦 يقف في الماء.'),
  '\n\n',
  h('h6', null, 'Feathers 🪶 and a combining e\u0301'),
];

/** A page nested far deeper than `maxDocumentDepth`, with text at every level (import would flatten it). */
export function deepTree(levels: number): DocumentNode[] {
  let node: DocumentNode = 'the bottom';
  for (let i = levels; i > 0; i--) {
    node = i % 3 === 0 ? h('blockquote', null, `\n${i} `, node, '\n') : h(i % 2 ? 'em' : 'strong', null, `${i} `, node);
  }
  return [h('p', null, 'Top. '), '\n\n', node, '\n\n', h('p', null, 'After the deep part.')];
}

/**
 * A tree `checkDocument` refuses, as a bug in the import or a damaged row might give the renderer: refused link
 * schemes, tags and attributes it does not know (event handlers, styles), an image named by a URL, children on void
 * elements, an empty string. The renderer must still show its text, at the right offsets, and nothing else.
 */
export const brokenTree: DocumentNode[] = [
  h(
    'p',
    null,
    'Before ',
    h('a', { href: 'javascript:alert(1)' }, 'a trap'),
    ', ',
    h('a', { href: 'file:///etc/passwd' }, 'a file'),
    ', ',
    h('a', { href: '//example.org/no-scheme' }, 'a relative one'),
    ' and ',
    h('a', null, 'no address'),
    '.',
  ),
  '\n\n',
  raw({ tag: 'script', children: ['window.stolen = true;'] }),
  '\n\n',
  raw({
    tag: 'div',
    attrs: { onclick: 'window.stolen = true', style: 'color: red', id: 'article-title' },
    children: [
      { tag: 'p', attrs: { href: reportUrl, onmouseover: 'x', class: 'evil' }, children: ['Kept text'] },
      { tag: 'iframe', attrs: { src: 'https://example.org' }, children: [' inside an iframe'] },
    ],
  }),
  '\n\n',
  h('p', null, h('img', { src: 'https://tracker.example/pixel.gif', alt: 'tracker' }), 'After an image from the web.'),
  '\n\n',
  h('p', null, 'A ', h('br', null, 'child of a br'), ' and ', h('img', { src: '7' }, 'child of an image'), '.'),
  '',
  raw({
    tag: 'ol',
    attrs: { start: 'x', reversed: true },
    children: [raw({ tag: 'li', attrs: { colspan: 2 }, children: ['odd item'] })],
  }),
  '\n\n',
  raw({ tag: 'td', attrs: { colspan: -1, rowspan: 1.5 }, children: ['a cell out of its table'] }),
  '\n\n',
  raw({
    tag: 'a',
    attrs: { href: 'https://example.org/<script>', target: '_blank' },
    children: ['a link with a target'],
  }),
];

/** An element as untyped data might hold it. */
function raw(element: Record<string, unknown>): DocumentElement {
  return element as unknown as DocumentElement;
}

/** The fake's article, made a formatted one holding `tree`. */
export function documentArticle(tree: DocumentNode[], meta: Partial<Article['meta']> = {}): Article {
  return {
    ...testArticle,
    title: 'Herons',
    format: 'document',
    document: tree,
    content: documentText(tree),
    meta: { ...testArticle.meta, ...meta },
  };
}
