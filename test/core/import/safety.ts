import { expect } from 'vitest';

import {
  checkDocument,
  type DocumentElement,
  type DocumentNode,
  documentText,
  isAllowedLink,
} from '../../../common/document.ts';
import type { ImportedArticle } from '../../../electron/core/import/index.ts';

const storedAttributes = new Set(['href', 'src', 'alt', 'start', 'colspan', 'rowspan']);
const imageSchemes = /^(?:https?:|file:|data:image\/)/i;
/** What a script payload looks like when it survives as markup rather than as text. */
const payload = /alert|onerror|onload|javascript|vbscript|<script/i;
/**
 * A web address could only carry markup out if it held a double quote, an angle bracket or whitespace; a parsed
 * http(s) or file URL never does (it percent-encodes them), so a payload left in its path is inert text.
 */
const breakout = /["<>\s`]/;
const parsedWebAddress = /^(?:https?|file):/i;

/** Every element of a tree, in document order. */
export function elementsOf(nodes: readonly DocumentNode[]): DocumentElement[] {
  const found: DocumentElement[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    found.push(node);
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
  return found;
}

/** The tree of a formatted import; fails the test for a plain-text one. */
export function treeOf(imported: Pick<ImportedArticle, 'body'>): DocumentNode[] {
  if (imported.body.format !== 'document') throw new Error('expected a formatted article');
  return imported.body.document;
}

/** The article's text, as highlights anchor to it. */
export function textOf(imported: ImportedArticle): string {
  return documentText(treeOf(imported));
}

/**
 * Asserts what an imported page may hold, whatever the page was: only the tree's elements and attributes, links
 * a user may open, images by stored name (one list entry each, in order) fetched only from allowed schemes, and no
 * script payload left in any element, attribute or image address.
 */
export function expectSafe(imported: Pick<ImportedArticle, 'body' | 'images'>): void {
  const tree = treeOf(imported);
  expect(checkDocument(tree)).toBeUndefined();
  const names = imported.images.map((image) => image.name);
  expect(new Set(names).size).toBe(names.length);
  const srcs: string[] = [];
  for (const element of elementsOf(tree)) {
    for (const [name, value] of Object.entries(element.attrs ?? {})) {
      expect(storedAttributes.has(name), `attribute ${name} on ${element.tag}`).toBe(true);
      // alt is text the reader shows as text, href is checked below; start, colspan, rowspan and src are numbers.
      if (name !== 'alt' && name !== 'href') expect(String(value)).not.toMatch(payload);
    }
    if (element.attrs?.href !== undefined) {
      expect(isAllowedLink(element.attrs.href)).toBe(true);
      expect(element.attrs.href).toMatch(/^(?:https?|mailto):/i);
      if (parsedWebAddress.test(element.attrs.href)) expect(element.attrs.href).not.toMatch(breakout);
    }
    if (element.tag === 'img') srcs.push(element.attrs!.src!);
  }
  expect(srcs).toEqual(names);
  for (const image of imported.images) {
    expect(image.url).toMatch(imageSchemes);
    if (parsedWebAddress.test(image.url)) expect(image.url).not.toMatch(breakout);
  }
}
