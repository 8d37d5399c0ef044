import type { HighlightColor } from '../../electron/ipc/contract.ts';

/** The `CSS.highlights` name of a colour's highlight; style it with `::highlight(marginalia-<colour>)`. */
export function highlightName(color: HighlightColor): string {
  return `marginalia-${color}`;
}

/** The name of the short-lived highlight that draws the eye to one highlight (see `flash`). */
export const flashHighlightName = 'marginalia-flash';

/** The name of the highlight marking the keyboard-focused highlight (see `focus`). */
export const focusHighlightName = 'marginalia-focus';

/**
 * Every colour in toolbar order (db/model.ts `highlightColors`, which the renderer may not import as a value).
 * Colour highlights are registered in this order up front, so where two colours overlap the stacking is always the
 * same rather than depending on which colour happened to be painted first.
 */
const colorOrder = ['yellow', 'green', 'blue', 'pink', 'purple'] as const satisfies readonly HighlightColor[];
// Fails to compile if a colour is added to the model but not here.
const everyColorListed: Exclude<HighlightColor, (typeof colorOrder)[number]> extends never ? true : never = true;
void everyColorListed;

/** What `highlightsFromPoint` returns: Highlights (early Chromium) or hit results that also name the ranges hit. */
type HitResult = Highlight | { highlight: Highlight; ranges?: readonly AbstractRange[] };
type PointRegistry = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HitResult[] };
type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Where a painter draws: the registry (normally `CSS.highlights`) and the document its ranges live in. */
export interface HighlightPainterOptions {
  registry?: HighlightRegistry;
  document?: Document;
  /**
   * Register only the highlights near the view (see "Viewport windowing" on `HighlightPainter`). Without it every
   * painted highlight is registered all the time.
   */
  viewport?: ViewportOptions;
}

/** What viewport windowing watches. */
export interface ViewportOptions {
  /** The article root. Its element children are the blocks (the `<p>`s) that come into and leave the view. */
  root: Element;
  /** The element that scrolls the article; its box is the view. Omit (or null) when the document itself scrolls. */
  scroller?: Element | null;
  /** How far beyond the view, above and below, highlights stay registered, in view heights. Default 1. */
  margin?: number;
}

interface Entry {
  id: string;
  color: HighlightColor;
  range: StaticRange;
  /** The blocks the range touches, first..last; -1 when it is not inside a block (then it is always registered). */
  first: number;
  last: number;
  /** How many of its blocks are near the view now. */
  near: number;
  /** Whether the range is in its colour's Highlight now. */
  registered: boolean;
}

/**
 * Paints highlights with the CSS Custom Highlight API: one `Highlight` per colour registered in `CSS.highlights`
 * (named `marginalia-<colour>`), holding StaticRanges. The article's DOM is never modified.
 *
 * StaticRanges, not live Ranges: the browser updates every live Range on every DOM mutation, which with thousands
 * of highlights makes each mutation many times slower. Each painted range is the painter's own copy, so a range
 * maps back to exactly one highlight id.
 *
 * Viewport windowing (`viewport` option). Chromium revalidates every registered highlight range on any DOM or style
 * change anywhere in the page, so a frame costs time in proportion to the ranges registered (measured: 3 ms with
 * none, 47 ms with 10,000, for a one-character change outside the article). With `viewport`, the painter still
 * keeps every highlight (id → colour and range; `rangeOf`, `colorOf`, `size`, `remove` see them all) but puts in the
 * colour Highlights only those whose blocks are within `margin` view heights of the view, and moves the window
 * as the view scrolls or the layout changes. The window is recomputed synchronously, from the blocks' boxes by
 * binary search, when it can have moved: on scroll events (dispatched before the frame that shows the new position
 * is painted), on resize of the window, the root or the scroller, when the first highlights are painted, and in
 * `flash` and `focus` (which usually follow a jump). So a highlight in view is registered in the very frame that
 * first shows it; the margin covers scroll the compositor shows before the main thread has run. The flash and focus
 * highlights hold their single range whether or not it is near.
 */
export class HighlightPainter {
  private readonly registry: HighlightRegistry;
  private readonly document: Document;
  private readonly painted = new Map<string, Entry>();
  private readonly idOfRange = new Map<AbstractRange, string>();
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private readonly flashing = new Highlight();
  private readonly focused = new Highlight();
  private readonly flashTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly window: ViewportWindow | undefined;
  private focusedId: string | undefined;

  constructor(options: HighlightPainterOptions = {}) {
    this.registry = options.registry ?? CSS.highlights;
    this.document = options.document ?? document;
    // Later highlights paint over earlier ones: focus and flash must show on top of any colour.
    this.focused.priority = 1;
    this.flashing.priority = 2;
    for (const color of colorOrder) this.highlightOf(color);
    this.registry.set(focusHighlightName, this.focused);
    this.registry.set(flashHighlightName, this.flashing);
    if (options.viewport) {
      this.window = new ViewportWindow(options.viewport, this.document, {
        enter: (entries) => {
          for (const entry of entries) if (entry.near++ === 0) this.register(entry);
        },
        leave: (entries) => {
          for (const entry of entries) if (--entry.near === 0 && entry.first !== -1) this.unregister(entry);
        },
        replace: () => {
          // The root's blocks changed: place every highlight in the new blocks (the window starts empty).
          for (const entry of this.painted.values()) this.place(entry);
        },
      });
    }
  }

  /** Paints (or repaints) one highlight. */
  paint(id: string, color: HighlightColor, range: StaticRange): void {
    this.put(id, color, range);
    this.window?.syncIfUnknown();
  }

  /** Paints many at once (the same as paint() in a loop, with one viewport update at the end). */
  paintAll(items: Iterable<{ id: string; color: HighlightColor; range: StaticRange }>): void {
    for (const { id, color, range } of items) this.put(id, color, range);
    this.window?.syncIfUnknown();
  }

  /** Removes a highlight (and its flash and focus, if any). Unknown ids are ignored: the outcome is the same. */
  remove(id: string): void {
    const entry = this.painted.get(id);
    if (!entry) return;
    this.unplace(entry);
    this.flashing.delete(entry.range);
    this.focused.delete(entry.range);
    this.idOfRange.delete(entry.range);
    this.painted.delete(id);
    const timer = this.flashTimers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.flashTimers.delete(id);
    if (this.focusedId === id) this.focusedId = undefined;
  }

  /** Removes every highlight. The named highlights stay registered (empty) until `dispose()`. */
  clear(): void {
    for (const highlight of this.byColor.values()) highlight.clear();
    this.flashing.clear();
    this.focused.clear();
    for (const timer of this.flashTimers.values()) clearTimeout(timer);
    this.flashTimers.clear();
    this.painted.clear();
    this.idOfRange.clear();
    this.window?.clear();
    this.focusedId = undefined;
  }

  /** Clears and unregisters every highlight this painter registered, and stops watching the view. */
  dispose(): void {
    this.clear();
    this.window?.dispose();
    for (const [color, highlight] of this.byColor) {
      if (this.registry.get(highlightName(color)) === highlight) this.registry.delete(highlightName(color));
    }
    if (this.registry.get(flashHighlightName) === this.flashing) this.registry.delete(flashHighlightName);
    if (this.registry.get(focusHighlightName) === this.focused) this.registry.delete(focusHighlightName);
  }

  /**
   * Brings the viewport window up to date now (nothing without the `viewport` option). It follows scrolling and
   * resizing by itself; call this after moving the article by other means within the same frame.
   */
  refreshViewport(): void {
    this.window?.sync();
  }

  /** Ids of the highlights under a viewport point, innermost (shortest) first. */
  idsAtPoint(x: number, y: number): string[] {
    const hits = this.hitTest(x, y);
    const lengths = new Map(hits.map((id) => [id, rangeLength(this.document, this.painted.get(id)!.range)]));
    return hits.sort((a, b) => lengths.get(a)! - lengths.get(b)!);
  }

  /** Briefly flashes a highlight (a separate `marginalia-flash` highlight, removed after `ms`). */
  flash(id: string, ms = 1200): void {
    const entry = this.painted.get(id);
    if (!entry) return;
    const previous = this.flashTimers.get(id);
    if (previous !== undefined) clearTimeout(previous);
    this.flashing.add(entry.range);
    this.flashTimers.set(
      id,
      setTimeout(() => {
        this.flashing.delete(entry.range);
        this.flashTimers.delete(id);
      }, ms),
    );
    // A flash usually follows a jump to the highlight: show its neighbours in the same frame.
    this.window?.sync();
  }

  /** Marks one highlight as keyboard-focused (`marginalia-focus`), or none with undefined. */
  focus(id: string | undefined): void {
    this.focused.clear();
    const entry = id === undefined ? undefined : this.painted.get(id);
    this.focusedId = entry ? id : undefined;
    if (entry) {
      this.focused.add(entry.range);
      this.window?.sync();
    }
  }

  /** The painted range of a highlight, for scrolling it into view. */
  rangeOf(id: string): StaticRange | undefined {
    return this.painted.get(id)?.range;
  }

  /** The colour a highlight is painted in, if it is painted. */
  colorOf(id: string): HighlightColor | undefined {
    return this.painted.get(id)?.color;
  }

  /** How many highlights are painted (near the view or not). */
  get size(): number {
    return this.painted.size;
  }

  private put(id: string, color: HighlightColor, range: StaticRange): void {
    const wasFlashing = this.flashTimers.has(id);
    const previous = this.painted.get(id);
    if (previous) {
      this.unplace(previous);
      this.idOfRange.delete(previous.range);
      this.flashing.delete(previous.range);
      this.focused.delete(previous.range);
    }
    // The painter owns one range per id (so a hit range maps back to one id): copy only a range already in use.
    const own = this.idOfRange.has(range)
      ? new StaticRange({
          startContainer: range.startContainer,
          startOffset: range.startOffset,
          endContainer: range.endContainer,
          endOffset: range.endOffset,
        })
      : range;
    const entry: Entry = { id, color, range: own, first: -1, last: -1, near: 0, registered: false };
    this.painted.set(id, entry);
    this.idOfRange.set(own, id);
    this.place(entry);
    if (wasFlashing) this.flashing.add(own);
    if (this.focusedId === id) this.focused.add(own);
  }

  /** Files an entry under its blocks and registers it if one is near (or always, without windowing). */
  private place(entry: Entry): void {
    if (entry.registered) this.unregister(entry);
    entry.near = 0;
    entry.first = entry.last = -1;
    if (this.window) this.window.add(entry);
    if (entry.first === -1 || entry.near > 0) this.register(entry);
  }

  /** Takes an entry out of its colour Highlight and its blocks. */
  private unplace(entry: Entry): void {
    if (entry.registered) this.unregister(entry);
    this.window?.delete(entry);
  }

  private register(entry: Entry): void {
    if (entry.registered) return;
    this.highlightOf(entry.color).add(entry.range);
    entry.registered = true;
  }

  private unregister(entry: Entry): void {
    if (!entry.registered) return;
    this.byColor.get(entry.color)?.delete(entry.range);
    entry.registered = false;
  }

  private highlightOf(color: HighlightColor): Highlight {
    let highlight = this.byColor.get(color);
    if (!highlight) {
      highlight = new Highlight();
      this.byColor.set(color, highlight);
      this.registry.set(highlightName(color), highlight);
    }
    return highlight;
  }

  /** Ids hit at a point, unordered: the browser's own hit test when it has one, else the character under the caret. */
  private hitTest(x: number, y: number): string[] {
    const ours = new Set<Highlight>(this.byColor.values());
    const fromPoint = (this.registry as PointRegistry).highlightsFromPoint;
    let candidates: Iterable<AbstractRange> = this.idOfRange.keys();
    if (typeof fromPoint === 'function') {
      const results = fromPoint.call(this.registry, x, y);
      const ids = new Set<string>();
      const hitColors: Highlight[] = [];
      let rangesReported = true;
      for (const result of results) {
        const highlight = result instanceof Highlight ? result : result.highlight;
        if (!ours.has(highlight)) continue;
        const ranges = result instanceof Highlight ? undefined : result.ranges;
        if (ranges === undefined) rangesReported = false;
        hitColors.push(highlight);
        for (const range of ranges ?? []) {
          const id = this.idOfRange.get(range);
          if (id !== undefined) ids.add(id);
        }
      }
      if (rangesReported) return [...ids];
      // Only the hit highlights are known: test just their ranges against the character under the point.
      candidates = hitColors.flatMap((highlight) => [...highlight.keys()]);
    }
    const character = characterAtPoint(this.document, x, y);
    if (!character) return [];
    const ids: string[] = [];
    for (const range of candidates) {
      const id = this.idOfRange.get(range);
      if (id !== undefined && covers(this.document, range, character)) ids.push(id);
    }
    return ids;
  }
}

interface WindowCallbacks {
  /** These entries gained a near block (call once per block). */
  enter(entries: Iterable<Entry>): void;
  /** These entries lost a near block. */
  leave(entries: Iterable<Entry>): void;
  /** The blocks were re-read: every entry must be added again. */
  replace(): void;
}

/**
 * Which of the root's blocks are near the view, and which entries each block holds. The near blocks are always one
 * contiguous run [lo, hi] (blocks are laid out top to bottom), found by binary search on their boxes.
 */
class ViewportWindow {
  private readonly root: Element;
  private readonly scroller: Element | null;
  private readonly margin: number;
  private blocks: Element[] = [];
  /** The last text node `blockOf` placed directly in a block, and that block. */
  private lastNode: Node | undefined;
  private lastBlock = -1;
  private blockIndex = new Map<Element, number>();
  private entriesOf: Array<Set<Entry> | undefined> = [];
  /** The near run, or lo > hi when none. */
  private lo = 0;
  private hi = -1;
  /** Whether the near run has been computed since the blocks were read. */
  private known = false;
  private readonly cleanup: Array<() => void> = [];

  constructor(
    options: ViewportOptions,
    private readonly document: Document,
    private readonly callbacks: WindowCallbacks,
  ) {
    this.root = options.root;
    this.margin = options.margin ?? 1;
    const scroller = options.scroller ?? null;
    const scrollingElement = document.scrollingElement;
    // The document's own scroller is the window's viewport.
    this.scroller = scroller === scrollingElement || scroller === document.documentElement || scroller === document.body ? null : scroller;
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
  add(entry: Entry): void {
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

  delete(entry: Entry): void {
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
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.getBoundingClientRect().top <= bottom) lo = mid + 1;
      else hi = mid;
    }
    return [first, lo - 1];
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
      const sibling = side === 'start' ? (nextElement(child) ?? previousElement(child)) : (previousElement(child) ?? nextElement(child));
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

/** The one-character range of text under a viewport point, or undefined when the point is not over text. */
function characterAtPoint(doc: Document, x: number, y: number): Range | undefined {
  const caretDoc = doc as CaretDocument;
  let node: Node | undefined;
  let offset = 0;
  const position = caretDoc.caretPositionFromPoint?.(x, y);
  if (position) {
    node = position.offsetNode;
    offset = position.offset;
  } else {
    const caret = caretDoc.caretRangeFromPoint?.(x, y);
    if (caret) {
      node = caret.startContainer;
      offset = caret.startOffset;
    }
  }
  if (!(node instanceof Text)) return undefined;
  // The caret sits between characters, on whichever side of the middle of the glyph the point is: check both.
  for (const start of [offset, offset - 1]) {
    if (start < 0 || start >= node.length) continue;
    const character = doc.createRange();
    character.setStart(node, start);
    character.setEnd(node, start + 1);
    for (const rect of character.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return character;
    }
  }
  return undefined;
}

/** Whether `range` contains the whole of `inner`, comparing boundary points in the document. */
function covers(doc: Document, range: AbstractRange, inner: Range): boolean {
  const live = toLiveRange(doc, range);
  if (!live) return false;
  return live.compareBoundaryPoints(Range.START_TO_START, inner) <= 0 && live.compareBoundaryPoints(Range.END_TO_END, inner) >= 0;
}

/** How many characters of text a range spans (Infinity for a range the DOM has since invalidated). */
function rangeLength(doc: Document, range: AbstractRange): number {
  const live = toLiveRange(doc, range);
  return live ? live.toString().length : Infinity;
}

/**
 * A live Range with the same boundaries, made on demand for comparisons. A StaticRange is not kept valid by the
 * DOM; one whose nodes were removed or shortened since it was painted cannot be compared (the article re-renders
 * and repaints in that case), so it is reported as undefined rather than clamped into a wrong answer.
 */
function toLiveRange(doc: Document, range: AbstractRange): Range | undefined {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startOffset > nodeLength(startContainer) || endOffset > nodeLength(endContainer)) return undefined;
  if (!startContainer.isConnected || !endContainer.isConnected) return undefined;
  const live = doc.createRange();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  return live;
}

function nodeLength(node: Node): number {
  return node instanceof CharacterData ? node.data.length : node.childNodes.length;
}
