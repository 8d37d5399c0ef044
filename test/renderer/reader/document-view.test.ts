import { afterEach, describe, expect, test } from 'vitest';

import { checkDocument, type DocumentNode, documentText, maxDocumentDepth } from '../../../common/document.ts';
import { liveRange, TextIndex } from '../../../renderer/anchoring/index.ts';
import { renderDocument } from '../../../renderer/app/reader/document-view.ts';
import { brokenTree, deepTree, fieldGuide, h, mailUrl, reportUrl } from './document-trees.ts';

const imageUrl = (name: string) => `/images/12/${name}`;

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
});

/** Renders a tree into a fresh element on the page, as the reader's body. */
function render(tree: readonly DocumentNode[]): HTMLElement {
  root?.remove();
  root = document.createElement('div');
  root.append(renderDocument(tree, { imageUrl }));
  document.body.append(root);
  return root;
}

/** Every string of a tree, in document order (what must become the Text nodes, one each). */
function stringsOf(nodes: readonly DocumentNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly DocumentNode[]) => {
    for (const node of list) {
      if (typeof node === 'string') out.push(node);
      else if (Array.isArray(node.children)) walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

function textNodesOf(element: Element): string[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push((node as Text).data);
  return out;
}

/** The text a live range over text[start, end) holds, through the index as the painter and the selection use it. */
function rangeText(index: TextIndex, start: number, end: number): string {
  return liveRange(index.rangeOf(start, end))!.toString();
}

/** Checks the renderer's text against `documentText` for a tree, and offsets in both directions for many spans. */
function expectSameText(tree: readonly DocumentNode[]): TextIndex {
  const body = render(tree);
  const text = documentText(tree);
  expect(textNodesOf(body)).toEqual(stringsOf(tree).filter((s) => s !== ''));
  const index = new TextIndex(body);
  expect(index.text).toBe(text);
  expect(body.textContent).toBe(text);
  const step = Math.max(1, Math.floor(text.length / 60));
  for (let start = 0; start <= text.length; start += step) {
    for (let end = start + 1; end <= text.length; end += step + 3) {
      // One message per failing pair, so a failure names the span.
      if (rangeText(index, start, end) !== text.slice(start, end)) {
        expect({ start, end, text: rangeText(index, start, end) }).toEqual({
          start,
          end,
          text: text.slice(start, end),
        });
      }
      const range = liveRange(index.rangeOf(start, end))!;
      expect(index.offsetsOf(range)).toEqual({ start, end });
    }
  }
  return index;
}

const renderedAttributes = new Set([
  'href',
  'rel',
  'src',
  'alt',
  'loading',
  'decoding',
  'start',
  'colspan',
  'rowspan',
  'dir',
  'class',
]);
const renderedTags = new Set([
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table', 'caption'],
  ...['thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption', 'dl', 'dt', 'dd'],
  ...['a', 'em', 'strong', 'code', 's', 'u', 'sub', 'sup', 'small', 'kbd', 'br', 'img'],
  // A refused link's text, and the box a wide table scrolls in.
  'span',
  'div',
]);

/** Every element under `body` is allow-listed and carries only allow-listed attributes. */
function expectOnlyAllowed(body: Element): void {
  for (const element of body.querySelectorAll('*')) {
    expect(renderedTags).toContain(element.localName);
    for (const name of element.getAttributeNames()) expect(renderedAttributes).toContain(name);
    if (element.localName === 'div') expect(element.className).toBe('document-table');
  }
}

describe('renderDocument keeps the text of the tree', () => {
  test('the hand-built trees are ones the import could store', () => {
    expect(checkDocument(fieldGuide)).toBeUndefined();
    expect(checkDocument(deepTree(maxDocumentDepth))).toBeUndefined();
    expect(checkDocument(deepTree(maxDocumentDepth + 1))).toMatch(/deeper/);
    expect(checkDocument(brokenTree)).toBeDefined();
  });

  test('a page with every tag and attribute: one Text node per string, and offsets map both ways', () => {
    expectSameText(fieldGuide);
    expectOnlyAllowed(root!);
  });

  test('a tree nested past the depth limit keeps all its text, and the DOM stops nesting at the limit', () => {
    for (const levels of [maxDocumentDepth, maxDocumentDepth + 1, 200, 5_000]) {
      expectSameText(deepTree(levels));
      let deepest = 0;
      for (const element of root!.querySelectorAll('*')) {
        let depth = 0;
        for (let at: Element | null = element; at && at !== root; at = at.parentElement) depth++;
        deepest = Math.max(deepest, depth);
      }
      // Elements at tree depth 0 to maxDocumentDepth are rendered, as checkDocument allows.
      expect(deepest).toBe(Math.min(levels, maxDocumentDepth + 1));
      root!.remove();
    }
  });

  test('a tree checkDocument refuses still shows exactly its text, and nothing that is not allow-listed', () => {
    expectSameText(brokenTree);
    const body = root!;
    expectOnlyAllowed(body);
    expect(body.querySelector('script, iframe, [onclick], [style], [id]')).toBeNull();
    expect((window as { stolen?: boolean }).stolen).toBeUndefined();
    // Only the link with an allowed scheme is a link; the others are their text.
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/<script>',
    ]);
    expect(body.querySelector('a')!.getAttribute('target')).toBeNull();
    const spans = [...body.querySelectorAll('span')].map((s) => s.textContent);
    expect(spans).toEqual(['a trap', 'a file', 'a relative one', 'no address']);
    // The image named by a URL is left out; the one with a stored name is shown, its children after it.
    expect([...body.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual(['/images/12/7']);
    expect(body.querySelector('br')!.childNodes).toHaveLength(0);
    expect(body.querySelector('ol')!.hasAttribute('start')).toBe(false);
    expect(body.querySelector('li')!.hasAttribute('colspan')).toBe(false);
    const cell = body.querySelector('td')!;
    expect(cell.hasAttribute('colspan') || cell.hasAttribute('rowspan')).toBe(false);
  });

  test('odd nodes a damaged row might hold give the text documentText gives them, and break nothing', () => {
    const tree = [
      h('p', null, 'one'),
      7,
      { tag: 'em', children: ' not a list' },
      { tag: 'em', attrs: null, children: [' two'] },
      { tag: 42, children: [' three'] },
      { tag: 'strong', attrs: 'href', children: { tag: 'em', children: [' four'] } },
      [' five', [h('em', null, ' six')]],
    ] as unknown as DocumentNode[];
    expect(documentText(tree)).toBe('one not a list two three four five six');
    expect(new TextIndex(render(tree)).text).toBe(documentText(tree));
    // documentText throws on a null; the renderer shows what it can.
    expect(render([null, 'seven'] as unknown as DocumentNode[]).textContent).toBe('seven');
  });

  test('attributes: links, images, list start, cell spans, and dir="auto" on blocks of text', () => {
    const body = render(fieldGuide);
    const [report, mail] = [...body.querySelectorAll('a')];
    expect(report!.getAttribute('href')).toBe(reportUrl);
    expect(mail!.getAttribute('href')).toBe(mailUrl);
    expect(report!.rel).toBe('noreferrer noopener');
    const img = body.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/images/12/3');
    expect(img.alt).toBe('A grey heron in the reeds');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(body.querySelector('ol')!.start).toBe(3);
    const [year, birds] = [...body.querySelectorAll('th')];
    expect(year!.hasAttribute('colspan')).toBe(false);
    expect(birds!.colSpan).toBe(2);
    expect(body.querySelector('td')!.rowSpan).toBe(2);
    for (const block of body.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, th, td, dt, dd, figcaption')) {
      expect(block.getAttribute('dir')).toBe('auto');
    }
    expect(body.querySelector('ul')!.hasAttribute('dir')).toBe(false);
    // Each block takes its own direction from its text.
    const paragraphs = [...body.querySelectorAll('p')];
    expect(getComputedStyle(paragraphs.at(-2)!).direction).toBe('rtl');
    expect(getComputedStyle(paragraphs.at(-1)!).direction).toBe('rtl');
    expect(getComputedStyle(paragraphs[0]!).direction).toBe('ltr');
  });

  test('the same tree renders the same DOM every time (a pure function of the tree and imageUrl)', () => {
    const html = (tree: readonly DocumentNode[]) => {
      const box = document.createElement('div');
      box.append(renderDocument(tree, { imageUrl }));
      return box.innerHTML;
    };
    expect(html(fieldGuide)).toBe(html(structuredClone(fieldGuide)));
    expect(html([])).toBe('');
  });
});
