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
}

/**
 * Paints highlights with the CSS Custom Highlight API: one `Highlight` per colour registered in `CSS.highlights`
 * (named `marginalia-<colour>`), holding StaticRanges. The article's DOM is never modified.
 *
 * StaticRanges, not live Ranges: the browser updates every live Range on every DOM mutation, which with thousands
 * of highlights makes each mutation many times slower. Each painted range is the painter's own copy, so a range
 * maps back to exactly one highlight id.
 */
export class HighlightPainter {
  private readonly registry: HighlightRegistry;
  private readonly document: Document;
  private readonly painted = new Map<string, { color: HighlightColor; range: StaticRange }>();
  private readonly idOfRange = new Map<AbstractRange, string>();
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private readonly flashing = new Highlight();
  private readonly focused = new Highlight();
  private readonly flashTimers = new Map<string, ReturnType<typeof setTimeout>>();
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
  }

  /** Paints (or repaints) one highlight. */
  paint(id: string, color: HighlightColor, range: StaticRange): void {
    this.put(id, color, range);
  }

  /** Paints many at once (the same as paint() in a loop; kept as one call so callers need not care). */
  paintAll(items: Iterable<{ id: string; color: HighlightColor; range: StaticRange }>): void {
    for (const { id, color, range } of items) this.put(id, color, range);
  }

  /** Removes a highlight (and its flash and focus, if any). Unknown ids are ignored: the outcome is the same. */
  remove(id: string): void {
    const entry = this.painted.get(id);
    if (!entry) return;
    this.byColor.get(entry.color)?.delete(entry.range);
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
    this.focusedId = undefined;
  }

  /** Clears and unregisters every highlight this painter registered. */
  dispose(): void {
    this.clear();
    for (const [color, highlight] of this.byColor) {
      if (this.registry.get(highlightName(color)) === highlight) this.registry.delete(highlightName(color));
    }
    if (this.registry.get(flashHighlightName) === this.flashing) this.registry.delete(flashHighlightName);
    if (this.registry.get(focusHighlightName) === this.focused) this.registry.delete(focusHighlightName);
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
  }

  /** Marks one highlight as keyboard-focused (`marginalia-focus`), or none with undefined. */
  focus(id: string | undefined): void {
    this.focused.clear();
    const entry = id === undefined ? undefined : this.painted.get(id);
    this.focusedId = entry ? id : undefined;
    if (entry) this.focused.add(entry.range);
  }

  /** The painted range of a highlight, for scrolling it into view. */
  rangeOf(id: string): StaticRange | undefined {
    return this.painted.get(id)?.range;
  }

  /** The colour a highlight is painted in, if it is painted. */
  colorOf(id: string): HighlightColor | undefined {
    return this.painted.get(id)?.color;
  }

  /** How many highlights are painted. */
  get size(): number {
    return this.painted.size;
  }

  private put(id: string, color: HighlightColor, range: StaticRange): void {
    const wasFlashing = this.flashTimers.has(id);
    const previous = this.painted.get(id);
    if (previous) {
      this.byColor.get(previous.color)?.delete(previous.range);
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
    this.painted.set(id, { color, range: own });
    this.idOfRange.set(own, id);
    this.highlightOf(color).add(own);
    if (wasFlashing) this.flashing.add(own);
    if (this.focusedId === id) this.focused.add(own);
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
