import '../../styles/caret.css';

/** A point in the DOM, as a selection's focus or a range's start is given. */
export interface DomPoint {
  readonly node: Node;
  readonly offset: number;
}

/** The bar that stands for the caret, hidden until placed; it goes in an absolutely positioned ancestor. */
export function createCaretBar(): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'caret-bar';
  bar.setAttribute('aria-hidden', 'true');
  bar.hidden = true;
  return bar;
}

/** A zero-width box at one edge of `box`, the height of its line. */
function edgeOf(box: DOMRect, side: 'left' | 'right'): DOMRect {
  return new DOMRect(side === 'left' ? box.left : box.right, box.top, 0, box.height);
}

function firstBox(range: Range): DOMRect | undefined {
  return [...range.getClientRects()].find((r) => r.height > 0);
}

function lastBox(range: Range): DOMRect | undefined {
  return [...range.getClientRects()].findLast((r) => r.height > 0);
}

/** The text node at or next to a point inside an element, walking into its children on the given side. */
function textNear(point: DomPoint, side: 'after' | 'before'): DomPoint | undefined {
  const { node, offset } = point;
  const child = side === 'after' ? node.childNodes[offset] : node.childNodes[offset - 1];
  if (!child) return undefined;
  if (child.nodeType === Node.TEXT_NODE) {
    return { node: child, offset: side === 'after' ? 0 : (child.textContent ?? '').length };
  }
  const walker = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
  let text: Node | null = walker.nextNode();
  if (side === 'before') for (let next = text; next; next = walker.nextNode()) text = next;
  return text ? { node: text, offset: side === 'after' ? 0 : (text.textContent ?? '').length } : undefined;
}

/**
 * The box where the caret at `point` is drawn, in client coordinates; undefined where nothing is laid out. A
 * collapsed range has a box of its own inside text, but not at an element's edge or in collapsed whitespace: there
 * the caret takes the left edge of the character after it, or else the right edge of the one before.
 */
export function caretBox(point: DomPoint): DOMRect | undefined {
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  const own = firstBox(range);
  if (own) return own;
  const after = point.node.nodeType === Node.TEXT_NODE ? point : textNear(point, 'after');
  if (after && after.offset < (after.node.textContent ?? '').length) {
    range.setStart(after.node, after.offset);
    range.setEnd(after.node, after.offset + 1);
    const box = firstBox(range);
    if (box) return edgeOf(box, 'left');
  }
  const before = point.node.nodeType === Node.TEXT_NODE ? point : textNear(point, 'before');
  if (before && before.offset > 0) {
    range.setStart(before.node, before.offset - 1);
    range.setEnd(before.node, before.offset);
    const box = lastBox(range);
    if (box) return edgeOf(box, 'right');
  }
  return undefined;
}

/**
 * Puts the bar over `box` (client coordinates), measured from its parent, which must be its positioned container
 * (not `offsetParent`, which is null while the bar is hidden); hides it without a box.
 */
export function placeCaretBar(bar: HTMLElement, box: DOMRect | undefined): void {
  const container = bar.parentElement;
  if (!box || !container) {
    bar.hidden = true;
    return;
  }
  const origin = container.getBoundingClientRect();
  bar.style.left = `${box.left - origin.left}px`;
  bar.style.top = `${box.top - origin.top}px`;
  bar.style.height = `${box.height}px`;
  bar.hidden = false;
}
