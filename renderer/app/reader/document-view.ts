import '../../styles/article-document.css';

import {
  blockTags,
  type DocumentElement,
  type DocumentNode,
  type DocumentTag,
  inlineTags,
  isAllowedLink,
  maxDocumentDepth,
} from '../../../common/document.ts';

/**
 * A formatted article's tree (common/document.ts) turned into DOM. The tree is data from a page on the web, so it
 * is built with createElement and createTextNode alone, from the allow-list alone, and no name or markup in it ever
 * reaches the DOM as such: a tag is created only after it is found in the allow-list, and each attribute is set by
 * its own property, read from the one element that may carry it.
 *
 * Highlights anchor to `documentText(tree)`, and the TextIndex reads the article's text as every Text node under
 * the body. So each string of the tree becomes one Text node, in order, and nothing here makes any other Text node
 * (the few wrapper elements added for layout hold elements only). Whatever cannot be shown (a tag not in the
 * allow-list, an element nested past `maxDocumentDepth`, children on an element that holds none) still gives its
 * strings, in their place, so the text and every offset after it stay right.
 */

/** What rendering needs from outside the tree. */
export interface DocumentViewOptions {
  /** The address of an image stored with the article, by its name in the tree (`src`, digits). */
  imageUrl(name: string): string;
}

/** Class of the element that scrolls a table sideways when it is wider than the column (article-document.css). */
const tableScrollClass = 'document-table';

const knownTags: ReadonlySet<string> = new Set<string>([...blockTags, ...inlineTags]);

/**
 * Blocks of running text: each takes its direction from its own first strong letter, so a Hebrew paragraph in an
 * English page (or the reverse) reads from its own side. Containers (lists, tables, quotes) are left out: their
 * text sits in those blocks, each with its own `dir`, so an `auto` on the container would find no letter to go by.
 */
const autoDirectionTags: ReadonlySet<string> = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'li',
  'pre',
  'th',
  'td',
  'caption',
  'figcaption',
  'dt',
  'dd',
]);

/** Elements that hold no children in the DOM; children a broken tree gives them go after them instead. */
const voidTags: ReadonlySet<string> = new Set(['br', 'hr', 'img']);

/** The same rule as `checkDocument`: an image is named by its number among the article's stored images. */
const imageName = /^\d{1,6}$/;

/** The DOM for one element of the tree: what goes into its parent, and where its children go. */
interface Built {
  outer: Node;
  /** Undefined when the children go to the parent instead (void elements). */
  inner: ParentNode | undefined;
}

/** One level of the walk: the siblings being rendered, the next one to take, and the DOM parent they go into. */
interface Frame {
  nodes: readonly DocumentNode[];
  next: number;
  parent: ParentNode;
  /** How many rendered elements enclose `parent`, from the fragment. */
  depth: number;
}

/**
 * Builds the DOM of a formatted article's tree. A pure function of the tree and `imageUrl`: the text of the
 * fragment (every Text node, in order) is `documentText(nodes)` for any tree, even one `checkDocument` refuses.
 * Iterative, and never nests elements deeper than `maxDocumentDepth` (deeper ones give their text only), so no
 * tree can overflow the stack or make layout crawl.
 */
export function renderDocument(nodes: readonly DocumentNode[], options: DocumentViewOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const stack: Frame[] = [{ nodes, next: 0, parent: fragment, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node: unknown = frame.nodes[frame.next++];
    if (typeof node === 'string') {
      // An empty string adds nothing to the text (checkDocument refuses them), so it gets no node either.
      if (node !== '') frame.parent.append(document.createTextNode(node));
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      // A list where a node should be: documentText reads its nodes in place, so they are rendered in place.
      stack.push({ nodes: node as DocumentNode[], next: 0, parent: frame.parent, depth: frame.depth });
      continue;
    }
    const element = node as DocumentElement;
    const built = frame.depth <= maxDocumentDepth ? build(element, options) : undefined;
    if (built) frame.parent.append(built.outer);
    const children = childrenOf(element);
    if (children.length === 0) continue;
    stack.push(
      built?.inner
        ? { nodes: children, next: 0, parent: built.inner, depth: frame.depth + 1 }
        : { nodes: children, next: 0, parent: frame.parent, depth: frame.depth },
    );
  }
  return fragment;
}

/** An element's children as `documentText` reads them: a list, or else one node (a damaged tree's lone string). */
function childrenOf(element: DocumentElement): readonly DocumentNode[] {
  const children: unknown = element.children;
  if (Array.isArray(children)) return children as DocumentNode[];
  return children === undefined || children === null ? [] : [children as DocumentNode];
}

/** The DOM element for a tree element, or undefined when its tag is not one Marginalia shows. */
function build(element: DocumentElement, options: DocumentViewOptions): Built | undefined {
  const tag: unknown = element.tag;
  if (typeof tag !== 'string' || !knownTags.has(tag)) return undefined;
  // Read as unknown: a tree that was never checked may hold anything under any name.
  const attrs: Record<string, unknown> = { ...element.attrs };
  switch (tag as DocumentTag) {
    case 'a':
      return withInner(link(attrs.href));
    case 'img':
      return image(attrs, options);
    case 'ol': {
      const list = document.createElement('ol');
      if (isCount(attrs.start, 0)) list.start = attrs.start;
      return withInner(list);
    }
    case 'th':
    case 'td': {
      const cell = document.createElement(tag as 'th' | 'td');
      cell.dir = 'auto';
      if (isCount(attrs.colspan, 1)) cell.colSpan = attrs.colspan;
      if (isCount(attrs.rowspan, 1)) cell.rowSpan = attrs.rowspan;
      return withInner(cell);
    }
    case 'table': {
      // A wide table scrolls inside its own box rather than widening the page; the table keeps its role.
      const scroller = document.createElement('div');
      scroller.className = tableScrollClass;
      const table = document.createElement('table');
      scroller.append(table);
      return { outer: scroller, inner: table };
    }
    default: {
      const created = document.createElement(tag as DocumentTag);
      if (autoDirectionTags.has(tag)) created.dir = 'auto';
      return voidTags.has(tag) ? { outer: created, inner: undefined } : withInner(created);
    }
  }
}

function withInner(element: HTMLElement): Built {
  return { outer: element, inner: element };
}

/**
 * A link with an address the reader may open (http, https, mailto), or its text alone in a span. The address is
 * never followed by the page: article-links.ts sends clicks to the main process, which asks the user first.
 */
function link(href: unknown): HTMLElement {
  if (typeof href !== 'string' || !isAllowedLink(href)) return document.createElement('span');
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.rel = 'noreferrer noopener';
  return anchor;
}

/** A stored image; none when the tree does not name one (an image has no text, so no offset moves). */
function image(attrs: Record<string, unknown>, options: DocumentViewOptions): Built | undefined {
  const name = attrs.src;
  if (typeof name !== 'string' || !imageName.test(name)) return undefined;
  const img = document.createElement('img');
  img.src = options.imageUrl(name);
  // Without a description the image is decorative to a screen reader, rather than read out as its address.
  img.alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  img.loading = 'lazy';
  img.decoding = 'async';
  return { outer: img, inner: undefined };
}

function isCount(value: unknown, min: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= 100_000;
}
