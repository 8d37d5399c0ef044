import {
  blockTags,
  checkDocument,
  type DocumentAttributes,
  type DocumentElement,
  type DocumentNode,
  maxDocumentDepth,
} from '../../../common/document.ts';
import { tagRole } from './html-tags.ts';
import { appendText, type RunItem, type SettledRun, settlePreservedRun, settleRun } from './settle-run.ts';
import type { ImageSource } from './types.ts';
import { imageAddress, largestSrcsetCandidate, linkAddress } from './url-policy.ts';

/**
 * Builds the stored tree (common/document.ts) from a sanitised body. The design, in the terms of settle-run.ts:
 *
 * - The walk visits the DOM in document order with a stack of its own, so a page nested thousands deep cannot
 *   overflow the call stack. Each element kept in the tree gathers items: runs of inline content, and finished blocks.
 * - When an element ends, its items are settled: each run becomes strings (settle-run.ts), and the block separator
 *   rule makes the text: **exactly one "\n\n" string between a block and any neighbour** (another block, or a run),
 *   and none at the start or end of a parent's children. So every block has whitespace on both sides in the text,
 *   which `checkDocument` requires, and words of neighbouring blocks never run together. (A line break is "\n" then
 *   br, inside its run; in pre it is just "\n".)
 * - Wrappers (div, section, …) are left out, but their loose text becomes a p, so they still end a block.
 * - An inline element that holds a block (a link around a div) stays, and is spaced out like a block.
 * - Blocks that show nothing are dropped; table cells are kept even when empty, so the columns stay in line.
 * - Nesting is flattened at `maxDocumentDepth`: an element that would sit deeper is left out (its text kept, spaced
 *   out like a block if it was one). Depths are counted conservatively where the walk cannot yet know the exact one
 *   (a run's inline elements are counted as if inside a p), so a tree is never too deep.
 */

/** A converted page: its tree, whose imgs name `images` by `src`. */
export interface ConvertedDocument {
  document: DocumentNode[];
  images: ImageSource[];
  /** Images past `maxImages`, left out of the tree. */
  imagesLeftOut: number;
}

/**
 * The most images one article keeps; later ones are left out (the caller tells the user). Every image is fetched
 * at import, and a page of tags alone could name millions (`checkDocument` allows six-digit names); an article
 * with more than a few hundred pictures is a gallery, and 5,000 keeps even those whole.
 */
export const maxImages = 5_000;

/** What the walk keeps count of across the whole page. */
interface WalkContext {
  baseUrl: string;
  images: number;
  imagesLeftOut: number;
}

/** What a finished element contributes to its parent's items. */
type Item = RunItem | { kind: 'block'; element: DocumentElement; visible: boolean } | { kind: 'break' };

/** How an element's children are gathered and what the element becomes when it ends. */
type FrameKind =
  /** A block kept in the tree (pre included). */
  | { kind: 'block'; element: DocumentElement }
  /** An inline element kept in the tree. */
  | { kind: 'inline'; element: DocumentElement }
  /** A wrapper: its loose text becomes paragraphs. */
  | { kind: 'wrapper' }
  /** Left out: its children go straight into the parent's items, followed by `closing` if any. */
  | { kind: 'through'; closing?: Item };

type Frame = FrameKind & {
  next: ChildNode | null;
  items: Item[];
  /** The items the element's result goes into (its parent's). */
  target: Item[];
  /** How deep a block child of this element would sit in the tree. */
  blockDepth: number;
  /** How deep an inline child would sit: one more under a wrapper, whose loose text goes into a p. */
  inlineDepth: number;
  inPre: boolean;
  inLink: boolean;
};

const elementNode = 1;
const textNode = 3;
const xhtml = 'http://www.w3.org/1999/xhtml';

/**
 * The tree of a sanitised body (sanitise-html.ts), with links and images resolved against `baseUrl` (the page's
 * address) and images named '1', '2', … in document order. Throws if the result fails `checkDocument`, which would
 * be a bug here, not a problem with the page.
 */
export function htmlToDocument(body: Element, baseUrl: string): ConvertedDocument {
  const context: WalkContext = { baseUrl, images: 0, imagesLeftOut: 0 };
  const top: Item[] = [];
  const stack: Frame[] = [
    {
      kind: 'wrapper',
      next: body.firstChild,
      items: [],
      target: top,
      blockDepth: 0,
      inlineDepth: 1,
      inPre: false,
      inLink: false,
    },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      finish(frame);
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === textNode) frame.items.push({ kind: 'text', text: (node as Text).data });
    else if (node.nodeType === elementNode && (node as Element).namespaceURI === xhtml) {
      const child = enter(node as Element, frame, context);
      if (child) stack.push(child);
    }
  }
  const document = settleChildren(top).nodes;
  const images = nameImages(document);
  const problem = checkDocument(document);
  if (problem) throw new Error(`The import built a tree Marginalia may not store: ${problem}`);
  return { document, images, imagesLeftOut: context.imagesLeftOut };
}

/** Handles an element met in the walk: adds it to the parent's items, or returns the frame that gathers its children. */
function enter(element: Element, parent: Frame, context: WalkContext): Frame | undefined {
  const { baseUrl } = context;
  const role = tagRole(element.localName);
  const through = (opening?: Item, closing?: Item): Frame => {
    if (opening) parent.items.push(opening);
    return frameFor({ kind: 'through', closing }, element, parent, parent.items, parent.blockDepth, parent.inlineDepth);
  };
  if (role.kind === 'unwrap') return through();
  if (role.kind === 'quote') return through({ kind: 'text', text: '“' }, { kind: 'text', text: '”' });
  const blockBoundary: Item = parent.inPre ? { kind: 'line' } : { kind: 'break' };
  if (role.kind === 'wrapper') {
    // Under maxDocumentDepth a wrapper's loose text becomes a p; deeper, or in pre, it only ends a block.
    if (parent.inPre || parent.blockDepth >= maxDocumentDepth) return through(blockBoundary, blockBoundary);
    return frameFor({ kind: 'wrapper' }, element, parent, [], parent.blockDepth, parent.blockDepth + 1);
  }
  const tag = role.tag;
  if (tag === 'br') {
    parent.items.push(parent.inPre ? { kind: 'text', text: '\n' } : { kind: 'void', element: { tag: 'br' } });
    return undefined;
  }
  if (tag === 'img') {
    const image = imageElement(element, baseUrl);
    if (image && context.images < maxImages) {
      context.images += 1;
      parent.items.push({ kind: 'void', element: image });
    } else if (image) {
      context.imagesLeftOut += 1;
    }
    return undefined;
  }
  if (tag === 'hr') {
    parent.items.push(parent.inPre ? blockBoundary : { kind: 'block', element: { tag: 'hr' }, visible: true });
    return undefined;
  }
  if (isBlockTag(tag)) {
    if (parent.inPre || parent.blockDepth >= maxDocumentDepth) return through(blockBoundary, blockBoundary);
    const kept: DocumentElement = { tag, ...attributesOf(element, tag) };
    const depth = parent.blockDepth + 1;
    const frame = frameFor({ kind: 'block', element: kept }, element, parent, [], depth, depth);
    frame.inPre ||= tag === 'pre';
    return frame;
  }
  if (parent.inlineDepth >= maxDocumentDepth) return through();
  let attrs: DocumentAttributes | undefined;
  if (tag === 'a') {
    const href = element.getAttribute('href');
    const address = href === null ? undefined : linkAddress(href, baseUrl);
    // A link inside a link cannot be told apart when clicked; the inner one keeps only its text.
    if (!address || parent.inLink) return through();
    attrs = { href: address };
  }
  const depth = parent.inlineDepth + 1;
  const frame = frameFor(
    { kind: 'inline', element: attrs ? { tag, attrs } : { tag } },
    element,
    parent,
    [],
    depth,
    depth,
  );
  frame.inLink ||= tag === 'a';
  return frame;
}

function frameFor(
  kind: FrameKind,
  element: Element,
  parent: Frame,
  items: Item[],
  blockDepth: number,
  inlineDepth: number,
): Frame {
  return {
    ...kind,
    next: element.firstChild,
    items,
    target: parent.items,
    blockDepth,
    inlineDepth,
    inPre: parent.inPre,
    inLink: parent.inLink,
  };
}

/** Puts what an ended element became into its parent's items. */
function finish(frame: Frame): void {
  const { target } = frame;
  if (frame.kind === 'through') {
    if (frame.closing) target.push(frame.closing);
  } else if (frame.kind === 'wrapper') {
    for (const segment of segmentsOf(frame.items)) {
      if (!Array.isArray(segment)) target.push(segment);
      else {
        const run = settleRun(segment);
        if (run.visible) target.push({ kind: 'block', element: { tag: 'p', children: run.nodes }, visible: true });
      }
    }
  } else if (frame.kind === 'block') {
    const { tag } = frame.element;
    const settled = tag === 'pre' ? settlePreservedRun(frame.items as RunItem[]) : settleChildren(frame.items);
    // An empty cell still holds its place in the row; any other block that shows nothing is dropped.
    if (!settled.visible && tag !== 'td' && tag !== 'th') return;
    target.push({ kind: 'block', element: withChildren(frame.element, settled.nodes), visible: settled.visible });
  } else if (frame.items.some((item) => item.kind === 'block' || item.kind === 'break')) {
    // An inline element around blocks (a link around a card) is spaced out like a block.
    const settled = settleChildren(frame.items);
    if (settled.visible)
      target.push({ kind: 'block', element: withChildren(frame.element, settled.nodes), visible: true });
  } else {
    target.push({ kind: 'element', element: frame.element, items: frame.items as RunItem[] });
  }
}

/** Splits items into runs (arrays) and blocks, at blocks and block boundaries. */
function segmentsOf(items: readonly Item[]): Array<RunItem[] | Extract<Item, { kind: 'block' }>> {
  const segments: Array<RunItem[] | Extract<Item, { kind: 'block' }>> = [];
  let run: RunItem[] = [];
  for (const item of items) {
    if (item.kind === 'block' || item.kind === 'break') {
      if (run.length > 0) segments.push(run);
      run = [];
      if (item.kind === 'block') segments.push(item);
    } else {
      run.push(item);
    }
  }
  if (run.length > 0) segments.push(run);
  return segments;
}

/** A kept element's children: its runs settled, its blocks, and the block separator between them. */
function settleChildren(items: readonly Item[]): SettledRun {
  const nodes: DocumentNode[] = [];
  let visible = false;
  for (const segment of segmentsOf(items)) {
    const part: SettledRun = Array.isArray(segment)
      ? settleRun(segment)
      : { nodes: [segment.element], visible: segment.visible };
    // A run that shows nothing is only whitespace between blocks (or a &nbsp; spacer).
    if (Array.isArray(segment) && !part.visible) continue;
    if (nodes.length > 0) appendText(nodes, '\n\n');
    for (const node of part.nodes) {
      if (typeof node === 'string') appendText(nodes, node);
      else nodes.push(node);
    }
    visible ||= part.visible;
  }
  return { nodes, visible };
}

function withChildren(element: DocumentElement, children: DocumentNode[]): DocumentElement {
  return children.length > 0 ? { ...element, children } : element;
}

const blockTagNames: ReadonlySet<string> = new Set(blockTags);

function isBlockTag(tag: string): boolean {
  return blockTagNames.has(tag);
}

/** The attributes a kept element carries over: ol's start, a cell's spans; each only when valid and not the default. */
function attributesOf(element: Element, tag: string): { attrs?: DocumentAttributes } {
  const attrs: DocumentAttributes = {};
  if (tag === 'ol') {
    const start = integerAttribute(element, 'start');
    if (start !== undefined && start !== 1 && start >= 0 && start <= 100_000) attrs.start = start;
  }
  if (tag === 'td' || tag === 'th') {
    // A browser reads colspan up to 1000 and rowspan up to 65534, and a rowspan of 0 as "to the end": not stored.
    const colspan = integerAttribute(element, 'colspan');
    if (colspan !== undefined && colspan > 1) attrs.colspan = Math.min(colspan, 1000);
    const rowspan = integerAttribute(element, 'rowspan');
    if (rowspan !== undefined && rowspan > 1) attrs.rowspan = Math.min(rowspan, 65_534);
  }
  return Object.keys(attrs).length > 0 ? { attrs } : {};
}

/** An attribute read as HTML reads integers: leading digits, with an optional sign; "3px" is 3. */
function integerAttribute(element: Element, name: string): number | undefined {
  const match = /^\s*(-?\d+)/.exec(element.getAttribute(name) ?? '');
  return match ? Number.parseInt(match[1]!, 10) : undefined;
}

/** The img to keep, its src still the address (nameImages replaces it), or undefined when it has no usable one. */
function imageElement(element: Element, baseUrl: string): DocumentElement | undefined {
  const src = element.getAttribute('src');
  let address = src ? imageAddress(src.trim(), baseUrl) : undefined;
  const srcset = element.getAttribute('srcset');
  if (!address && srcset) {
    const candidate = largestSrcsetCandidate(srcset);
    if (candidate) address = imageAddress(candidate, baseUrl);
  }
  if (!address) return undefined;
  const alt = element
    .getAttribute('alt')
    ?.replace(/[ \t\n\f\r]+/g, ' ')
    .trim();
  return { tag: 'img', attrs: alt ? { src: address, alt } : { src: address } };
}

/** Replaces each img's address by its name, '1', '2', … in document order, and lists where each is fetched from. */
function nameImages(document: DocumentNode[]): ImageSource[] {
  const images: ImageSource[] = [];
  const stack: DocumentNode[] = [...document].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    if (node.tag === 'img' && node.attrs?.src !== undefined) {
      const name = String(images.length + 1);
      images.push({ name, url: node.attrs.src });
      node.attrs = { ...node.attrs, src: name };
    }
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
  return images;
}
