import { type HighlightColor, highlightColors } from '../../common/model.ts';
import { characterAtPoint, covers, rangeLength } from './range-hit.ts';
import { type ViewportOptions, ViewportWindow, type WindowEntry } from './viewport-window.ts';

/** The `CSS.highlights` name of a colour's highlight; style it with `::highlight(marginalia-<colour>)`. */
export function highlightName(color: HighlightColor): string {
  return `marginalia-${color}`;
}

/** The name of the short-lived highlight that draws the eye to one highlight (see `flash`). */
export const flashHighlightName = 'marginalia-flash';

/** The name of the highlight marking the keyboard-focused highlight (see `focus`). */
export const focusHighlightName = 'marginalia-focus';

/** What `highlightsFromPoint` returns: Highlights (early Chromium) or hit results that also name the ranges hit. */
type HitResult = Highlight | { highlight: Highlight; ranges?: readonly AbstractRange[] };
type PointRegistry = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HitResult[] };

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

/** A painted highlight: what the window needs, its id and colour, and whether it is registered. */
interface Entry extends WindowEntry {
  id: string;
  color: HighlightColor;
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
  private readonly window: ViewportWindow<Entry> | undefined;
  private focusedId: string | undefined;

  constructor(options: HighlightPainterOptions = {}) {
    this.registry = options.registry ?? CSS.highlights;
    this.document = options.document ?? document;
    // Later highlights paint over earlier ones: focus and flash must show on top of any colour.
    this.focused.priority = 1;
    this.flashing.priority = 2;
    // Registered in toolbar order up front, so where two colours overlap the stacking is always the same rather than
    // depending on which colour happened to be painted first.
    for (const color of highlightColors) this.highlightOf(color);
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
    const lengths = new Map(hits.map((id) => [id, rangeLength(this.painted.get(id)!.range)]));
    return hits.sort((a, b) => lengths.get(a)! - lengths.get(b)!);
  }

  /** Ends every flash at once: a new jump draws the eye to one place, not to where the last one went as well. */
  stopFlashes(): void {
    for (const timer of this.flashTimers.values()) clearTimeout(timer);
    this.flashTimers.clear();
    this.flashing.clear();
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
      if (id !== undefined && covers(range, character)) ids.push(id);
    }
    return ids;
  }
}
