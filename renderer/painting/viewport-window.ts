import { partitionPoint } from '../../common/anchoring/lower-bound.ts';

/** What viewport windowing watches. */
export interface ViewportOptions {
  /** The article root. Its element children are the blocks (the `<p>`s) that come into and leave the view. */
  root: Element;
  /** The element that scrolls the article; its box is the view. Omit (or null) when the document itself scrolls. */
  scroller?: Element | null;
  /** How far beyond the view, above and below, highlights stay registered, in view heights. Default 1. */
  margin?: number;
}

/** What the window needs of a painted highlight: its range, and where the window files and counts it. */
export interface WindowEntry {
  range: StaticRange;
  /** The blocks the range touches, first..last; -1 when it is not inside a block (then it is always registered). */
  first: number;
  last: number;
  /** How many of its blocks are near the view now. */
  near: number;
}

/** How the window tells its owner that entries came near the view, left it, or must be filed again. */
export interface WindowCallbacks<E extends WindowEntry> {
  /** These entries gained a near block (call once per block). */
  enter(entries: Iterable<E>): void;
  /** These entries lost a near block. */
  leave(entries: Iterable<E>): void;
  /** The blocks were re-read: every entry must be added again. */
  replace(): void;
}

/**
 * Which of the root's blocks are near the view, and which entries each block holds. The near blocks are always one
 * contiguous run [lo, hi] (blocks are laid out top to bottom), found by binary search on their boxes.
 */
export class ViewportWindow<E extends WindowEntry> {
  private readonly root: Element;
  private readonly scroller: Element | null;
  private readonly margin: number;
  private blocks: Element[] = [];
  /** The last text node `blockOf` placed directly in a block, and that block. */
  private lastNode: Node | undefined;
  private lastBlock = -1;
  private blockIndex = new Map<Element, number>();
  private entriesOf: Array<Set<E> | undefined> = [];
  /** The near run, or lo > hi when none. */
  private lo = 0;
  private hi = -1;
  /** Whether the near run has been computed since the blocks were read. */
  private known = false;
  private readonly cleanup: Array<() => void> = [];

  private readonly document: Document;
  private readonly callbacks: WindowCallbacks<E>;

  constructor(options: ViewportOptions, document: Document, callbacks: WindowCallbacks<E>) {
    this.document = document;
    this.callbacks = callbacks;
    this.root = options.root;
    this.margin = options.margin ?? 1;
    const scroller = options.scroller ?? null;
    const scrollingElement = document.scrollingElement;
    // The document's own scroller is the window's viewport.
    this.scroller =
      scroller === scrollingElement || scroller === document.documentElement || scroller === document.body
        ? null
        : scroller;
    this.readBlocks();
    const onScroll = (event: Event): void => {
      const target = event.target;
      if (target === document || (target instanceof Node && target.contains(this.root))) this.sync();
    };
    const onResize = (): void => this.sync();
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const view = document.defaultView;
    view?.addEventListener('resize', onResize);
    const resizes = new ResizeObserver(onResize);
    resizes.observe(this.root);
    if (this.scroller) resizes.observe(this.scroller);
    this.cleanup.push(
      () => document.removeEventListener('scroll', onScroll, { capture: true }),
      () => view?.removeEventListener('resize', onResize),
      () => resizes.disconnect(),
    );
  }

  /** Files an entry under the blocks its range touches and counts those near now. */
  add(entry: E): void {
    let first = this.blockOf(entry.range.startContainer, 'start');
    let last = this.blockOf(entry.range.endContainer, 'end');
    if (first === -1 || last === -1) return; // Not inside a block: always registered.
    if (first > last) [first, last] = [last, first];
    entry.first = first;
    entry.last = last;
    for (let b = first; b <= last; b++) {
      let set = this.entriesOf[b];
      if (!set) this.entriesOf[b] = set = new Set();
      set.add(entry);
    }
    entry.near = Math.max(0, Math.min(last, this.hi) - Math.max(first, this.lo) + 1);
  }

  delete(entry: E): void {
    if (entry.first === -1) return;
    for (let b = entry.first; b <= entry.last; b++) this.entriesOf[b]?.delete(entry);
    entry.first = entry.last = -1;
    entry.near = 0;
  }

  /** Every entry is gone (the painter cleared): forget them; re-read the blocks on next use, they may be new. */
  clear(): void {
    this.entriesOf = [];
    this.lo = 0;
    this.hi = -1;
    this.known = false;
    this.blocks = [];
    this.blockIndex = new Map();
    this.lastNode = undefined;
  }

  dispose(): void {
    for (const undo of this.cleanup.splice(0)) undo();
  }

  /** Computes the near run if it has not been since the blocks were read (the first paint). */
  syncIfUnknown(): void {
    if (!this.known) this.sync();
  }

  /** Recomputes the near run from the layout now, and moves entries in and out of it. */
  sync(): void {
    if (this.blocks.length === 0 || !this.root.isConnected) return;
    const [lo, hi] = this.nearRun();
    this.known = true;
    if (lo === this.lo && hi === this.hi) return;
    // Enter first, then leave: an entry in both the old and the new run never drops out in between.
    const [oldLo, oldHi] = [this.lo, this.hi];
    this.lo = lo;
    this.hi = hi;
    for (let b = lo; b <= hi; b++) {
      if (b < oldLo || b > oldHi) this.enterBlock(b);
    }
    for (let b = oldLo; b <= oldHi; b++) {
      if (b < lo || b > hi) this.leaveBlock(b);
    }
  }

  private enterBlock(b: number): void {
    const set = this.entriesOf[b];
    if (set) this.callbacks.enter(set);
  }

  private leaveBlock(b: number): void {
    const set = this.entriesOf[b];
    if (set) this.callbacks.leave(set);
  }

  /** The blocks within `margin` view heights of the view: [lo, hi], lo > hi when none. */
  private nearRun(): [number, number] {
    const view = this.document.defaultView;
    let top = 0;
    let bottom = view?.innerHeight ?? 0;
    if (this.scroller) {
      const box = this.scroller.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
    const reach = Math.max(0, bottom - top) * this.margin;
    top -= reach;
    bottom += reach;
    const blocks = this.blocks;
    // First block whose bottom is at or below the top edge, then first block whose top is below the bottom edge.
    const first = partitionPoint(blocks.length, (i) => blocks[i]!.getBoundingClientRect().bottom < top);
    const end =
      first + partitionPoint(blocks.length - first, (i) => blocks[first + i]!.getBoundingClientRect().top <= bottom);
    return [first, end - 1];
  }

  /** Reads the root's element children as the blocks; the near run is unknown until the next sync. */
  private readBlocks(): void {
    this.lastNode = undefined;
    this.blocks = [...this.root.children];
    this.blockIndex = new Map(this.blocks.map((block, i) => [block, i]));
    this.entriesOf = [];
    this.lo = 0;
    this.hi = -1;
    this.known = false;
  }

  /**
   * The block holding a range boundary's container: the root child it is in. A boundary in text between blocks
   * (the "\n\n" separators) belongs to the next block for a start and to the previous one for an end.
   * -1 when the node is not under the root.
   */
  private blockOf(node: Node, side: 'start' | 'end'): number {
    // Most boundaries sit in a block's own text node, and highlights come in document order: remember the last one.
    if (node === this.lastNode) return this.lastBlock;
    let child: Node | null = node;
    while (child && child.parentNode !== this.root) child = child.parentNode;
    if (!child) return -1;
    if (!(child instanceof Element)) {
      const sibling =
        side === 'start'
          ? (nextElement(child) ?? previousElement(child))
          : (previousElement(child) ?? nextElement(child));
      if (!sibling) return -1;
      child = sibling;
    }
    let index = this.blockIndex.get(child as Element);
    if (index === undefined) {
      // A block we have not seen: the root was re-rendered. Re-read the blocks and re-file every entry.
      this.readBlocks();
      this.callbacks.replace();
      index = this.blockIndex.get(child as Element);
    }
    if (index === undefined) return -1;
    if (child.parentNode === this.root && node.parentNode === child) {
      // A text node directly in its block: the same answer for either side.
      this.lastNode = node;
      this.lastBlock = index;
    }
    return index;
  }
}

function nextElement(node: Node): Element | null {
  let sibling = node.nextSibling;
  while (sibling && !(sibling instanceof Element)) sibling = sibling.nextSibling;
  return sibling;
}

function previousElement(node: Node): Element | null {
  let sibling = node.previousSibling;
  while (sibling && !(sibling instanceof Element)) sibling = sibling.previousSibling;
  return sibling;
}
