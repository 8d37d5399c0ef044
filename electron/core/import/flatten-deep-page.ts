import { blockTags } from '../../../common/document.ts';
import { tagRole } from './html-tags.ts';

/**
 * How deep a page may nest before Readability reads it. Readability's scoring slows sharply with depth: on the
 * 2-core development machines a 256-deep page took 0.6 s and a 512-deep one 3.6 s (a 1000-deep one, 38 s), while
 * real articles nest 20 to 60 deep. Deeper content is flattened first; the stored tree is flattened further anyway
 * (common/document.ts, `maxDocumentDepth`).
 */
export const readablePageDepth = 128;

const showElement = 0x1;
const showText = 0x4;
const skipSubtree = 2;
const acceptNode = 1;

/** Elements whose text is never shown: flattening must not turn it into text. */
const hidden = new Set(['script', 'style', 'template', 'noscript', 'title', 'textarea', 'select', 'svg', 'math']);

/**
 * Flattens what lies deeper than `maxDepth` below `root`: each element at that depth keeps only the text and the
 * images and line breaks of everything under it, with a newline where a block began, so words stay apart. Walks
 * without recursion and moves each node once, so a page nested 100,000 deep costs no more than a flat one.
 */
export function flattenDeepNesting(root: Element, maxDepth: number): void {
  let node: Node | null = root;
  let depth = 0;
  while (node) {
    if (depth === maxDepth && node.nodeType === 1 && (node as Element).firstElementChild) {
      flattenChildren(node as Element);
    } else if (node.firstChild && depth < maxDepth) {
      node = node.firstChild;
      depth += 1;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth -= 1;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
}

function flattenChildren(element: Element): void {
  const document = element.ownerDocument;
  const walker = document.createTreeWalker(element, showElement | showText, {
    acceptNode: (node) => (hidden.has((node as Element).localName) ? skipSubtree : acceptNode),
  });
  const kept: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) kept.push(node);
    else if ((node as Element).localName === 'img' || (node as Element).localName === 'br') kept.push(node);
    else if (startsBlock((node as Element).localName)) kept.push(document.createTextNode('\n'));
  }
  const fragment = document.createDocumentFragment();
  for (const node of kept) fragment.appendChild(node);
  element.replaceChildren(fragment);
}

const blocks: ReadonlySet<string> = new Set(blockTags);

function startsBlock(name: string): boolean {
  const role = tagRole(name);
  return role.kind === 'wrapper' || (role.kind === 'keep' && blocks.has(role.tag));
}
