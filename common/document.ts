/**
 * A formatted article's one stored representation: a small tree of allow-listed elements whose leaves are strings.
 *
 * Why a tree of our own rather than stored HTML: the renderer builds it with createElement/createTextNode from an
 * allow-list and never parses markup, so nothing a page smuggled past the sanitiser can become live DOM there; and
 * the article's text (what highlights anchor to, what search indexes) is `documentText()`, the strings in document
 * order, so main and the renderer cannot disagree about it: the renderer turns every string into one Text node and
 * nothing else, so the DOM text under the article root is exactly `documentText()`.
 *
 * The strings include the separators between blocks ("\n\n" between paragraphs, "\n" before a line break), put there
 * by the import; `checkDocument` refuses a tree where two blocks touch without whitespace between them, so words of
 * neighbouring blocks never run together in the text.
 */

import { parseUrl } from './url.ts';

/** Elements that start a new block: the text has whitespace on both sides of each. */
export const blockTags = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'hr',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
] as const;

/** Elements inside a block's text. `br` and `img` hold no children. */
export const inlineTags = ['a', 'em', 'strong', 'code', 's', 'u', 'sub', 'sup', 'small', 'kbd', 'br', 'img'] as const;

type BlockTag = (typeof blockTags)[number];
type InlineTag = (typeof inlineTags)[number];
export type DocumentTag = BlockTag | InlineTag;

/** The only attributes a stored element may carry; which element may carry which is checked by `checkDocument`. */
export interface DocumentAttributes {
  /** `a` only: an http, https or mailto address. Opened in the system browser after the user agrees. */
  href?: string;
  /** `img` only: the name of an image stored with the article (`checkDocument`: digits), never a URL. */
  src?: string;
  /** `img` only. */
  alt?: string;
  /** `ol` only. */
  start?: number;
  /** `th`, `td` only. */
  colspan?: number;
  rowspan?: number;
}

export interface DocumentElement {
  tag: DocumentTag;
  attrs?: DocumentAttributes;
  children?: DocumentNode[];
}

/** A string is text, exactly as it appears in the article's text; an object is an element. */
export type DocumentNode = string | DocumentElement;

/** Schemes a stored link may use; anything else is dropped at import. */
const linkSchemes = ['http:', 'https:', 'mailto:'] as const;

/** How deep a stored tree may nest: deeper pages are flattened at import, and the renderer never recurses further. */
export const maxDocumentDepth = 48;

const blockTagSet: ReadonlySet<string> = new Set(blockTags);
const tagSet: ReadonlySet<string> = new Set([...blockTags, ...inlineTags]);
const voidTags: ReadonlySet<string> = new Set(['br', 'img', 'hr']);

/** Whether an element starts a block (the text must have whitespace around it). */
function isBlock(node: DocumentNode): node is DocumentElement {
  return typeof node !== 'string' && blockTagSet.has(node.tag);
}

/**
 * The article's text: every string of the tree in document order. The one function that defines what highlights
 * anchor to and what search indexes for a formatted article; iterative, so a deep tree cannot overflow the stack.
 */
export function documentText(nodes: readonly DocumentNode[]): string {
  const parts: string[] = [];
  const stack: Array<readonly DocumentNode[] | DocumentNode> = [nodes];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') parts.push(item);
    else if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]!);
    else if ((item as DocumentElement).children) stack.push((item as DocumentElement).children!);
  }
  return parts.join('');
}

/** Whether a URL string is a link the reader may offer to open. */
export function isAllowedLink(href: string): boolean {
  const url = parseUrl(href);
  return url !== undefined && (linkSchemes as readonly string[]).includes(url.protocol);
}

const attributeOwners: Record<keyof DocumentAttributes, ReadonlySet<string>> = {
  href: new Set(['a']),
  src: new Set(['img']),
  alt: new Set(['img']),
  start: new Set(['ol']),
  colspan: new Set(['th', 'td']),
  rowspan: new Set(['th', 'td']),
};

/**
 * What is wrong with a tree, in a sentence, or undefined when it is one Marginalia may store and render: known tags
 * and attributes only, links with an allowed scheme, images by stored name, no children on void elements, no deeper
 * than `maxDocumentDepth`, and whitespace between a block and any neighbour. Run on every tree before it is stored.
 */
export function checkDocument(nodes: readonly DocumentNode[]): string | undefined {
  const stack: Array<{ nodes: readonly DocumentNode[]; depth: number }> = [{ nodes, depth: 0 }];
  while (stack.length > 0) {
    const { nodes: siblings, depth } = stack.pop()!;
    if (depth > maxDocumentDepth) return `the document nests deeper than ${maxDocumentDepth} levels`;
    for (let i = 0; i < siblings.length; i++) {
      const node = siblings[i]!;
      if (typeof node === 'string') {
        if (node === '') return 'the document holds an empty string';
        continue;
      }
      if (typeof node !== 'object' || node === null || !tagSet.has(node.tag)) {
        return `the document holds an element Marginalia does not show (${String((node as DocumentElement)?.tag)})`;
      }
      const problem = checkAttributes(node);
      if (problem) return problem;
      if (voidTags.has(node.tag) && node.children && node.children.length > 0) return `a ${node.tag} has children`;
      if (isBlock(node)) {
        const before = siblings[i - 1];
        const after = siblings[i + 1];
        if (before !== undefined && !endsWithSpace(before)) return `a ${node.tag} touches the text before it`;
        if (after !== undefined && !startsWithSpace(after)) return `a ${node.tag} touches the text after it`;
      }
      if (node.children) stack.push({ nodes: node.children, depth: depth + 1 });
    }
  }
  return undefined;
}

function checkAttributes(element: DocumentElement): string | undefined {
  if (!element.attrs) return undefined;
  for (const [name, value] of Object.entries(element.attrs) as Array<[keyof DocumentAttributes, unknown]>) {
    const owners = attributeOwners[name];
    if (!owners?.has(element.tag)) return `a ${element.tag} carries an attribute it may not have (${name})`;
    if (name === 'href' && (typeof value !== 'string' || !isAllowedLink(value))) return 'a link has a refused address';
    if (name === 'src' && (typeof value !== 'string' || !/^\d{1,6}$/.test(value))) return 'an image is not stored';
    if (name === 'alt' && typeof value !== 'string') return 'an image has a broken description';
    if ((name === 'start' || name === 'colspan' || name === 'rowspan') && !isSmallCount(value, name !== 'start')) {
      return `a ${element.tag} has a broken ${name}`;
    }
  }
  return undefined;
}

function isSmallCount(value: unknown, positive: boolean): boolean {
  return Number.isInteger(value) && (value as number) >= (positive ? 1 : 0) && (value as number) <= 100_000;
}

/** Whether a sibling of a block ends with whitespace; an element never does, so two elements may not touch a block. */
function endsWithSpace(node: DocumentNode): boolean {
  return typeof node === 'string' && /\s$/.test(node);
}

function startsWithSpace(node: DocumentNode): boolean {
  return typeof node === 'string' && /^\s/.test(node);
}
