import type { Article, Selector } from '../../../common/contract.ts';
import { type DocumentNode, documentText } from '../../../common/document.ts';
import {
  anchorAllText,
  type AnchorResult,
  anchorText,
  describe,
  liveRange,
  TextContexts,
  TextIndex,
} from '../../anchoring/index.ts';
import { flashHighlightName, HighlightPainter } from '../../painting/highlight-painter.ts';
import type { PlacedEntry } from '../annotations/annotation-store.ts';
import { isTyping, type SelectionCommand, selectionCommandFor, surfaceCommandFor } from '../keyboard.ts';
import { listenForLinks } from './article-links.ts';
import { BlockSizes } from './block-sizes.ts';
import { CaretMode } from './caret-mode.ts';
import { renderDocument } from './document-view.ts';

/** What the surface tells the React chrome. */
export interface SurfaceEvents {
  /** The article selection appeared, moved or went away: re-read `selectionRect()`. */
  onSelectionChange(): void;
  /** A selection shortcut (1–5, N, Enter) was pressed with article text selected. */
  onSelectionCommand(command: SelectionCommand): void;
  /** The user asked to open a highlight: clicked it, or pressed Enter on the focused one. */
  onActivate(key: string, via: 'pointer' | 'keyboard'): void;
  /**
   * The keyboard focus ring moved to another highlight (or left them). `byKeys` is true when the user stepped there
   * with ] / [ (or Home/End), false when it followed a click, a sidebar choice or a re-attach.
   */
  onCurrentChange(key: string | null, byKeys: boolean): void;
  /** Escape in the article (after dropping the selection, if there was one). */
  onEscape(): void;
  /** The user followed a link of the article (a click or Enter on it): main asks them, then opens the browser. */
  onOpenLink(url: string): void;
  /** Caret mode (F7) went on or off; also on opening an article while it is on for the session. */
  onCaretModeChange(on: boolean): void;
}

/** A selection turned into what a new annotation needs. */
export interface SelectionCapture {
  selectors: Selector[];
  placement: AnchorResult;
}

interface Painted {
  color: string;
  start: number;
  end: number;
}

const bodyClass = 'article-body';

/** Characters in a row without a box (collapsed whitespace) after which the reading position's search gives up. */
const unlaidRunLimit = 64;

/** Whether a range holds text a reader can see (not just whitespace, nor text hidden from the screen). */
function holdsVisibleText(range: Range): boolean {
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = root.nodeType === Node.TEXT_NODE ? [root] : [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes.some((node) => {
    if (!range.intersectsNode(node) || node.parentElement?.closest('.visually-hidden, [aria-hidden="true"]'))
      return false;
    const text = node.textContent ?? '';
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : text.length;
    return /\S/.test(text.slice(from, to));
  });
}

/** Whether a range reaches past `inside`'s contents with visible text at either end. */
function reachesOutside(range: Range, inside: Node): boolean {
  const contents = document.createRange();
  contents.selectNodeContents(inside);
  const parts: Range[] = [];
  if (range.compareBoundaryPoints(Range.START_TO_START, contents) < 0) {
    const before = range.cloneRange();
    before.setEnd(contents.startContainer, contents.startOffset);
    parts.push(before);
  }
  if (range.compareBoundaryPoints(Range.END_TO_END, contents) > 0) {
    const after = range.cloneRange();
    after.setStart(contents.endContainer, contents.endOffset);
    parts.push(after);
  }
  return parts.some(holdsVisibleText);
}

/** Whether the user asked the system for less motion. */
function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The article text as plain DOM that React never re-renders. It renders the article once, builds the text index,
 * owns the highlight painter, and turns selection, clicks and keys into events for the chrome. Highlights are
 * painted with the CSS Custom Highlight API, so the article DOM never changes after the first render. The current
 * highlight is marked twice: the painter's `marginalia-focus` underline (always), and, while the article has keyboard
 * focus, an outline drawn from the range's client rects in an overlay beside the text, never around it.
 */
export class ArticleSurface {
  readonly element: HTMLElement;
  readonly body: HTMLElement;
  readonly #scroller: HTMLElement;
  readonly #focusLayer: HTMLElement;
  readonly #events: SurfaceEvents;
  readonly #index: TextIndex;
  readonly #painter: HighlightPainter;
  readonly #painted = new Map<string, Painted>();
  readonly #cleanup: Array<() => void> = [];
  #order: string[] = [];
  #current: string | null = null;
  #pointerDown = false;
  #selectionKey = '';
  #hoverFrame = 0;
  #textFlash: { range: StaticRange; timer: ReturnType<typeof setTimeout> } | undefined;
  /** The offset `showOffset` keeps at the top of the view until the user scrolls; undefined when none is held. */
  #heldOffset: number | undefined;
  /** A formatted article's blocks off screen are skipped; this keeps their stand-in sizes real (block-sizes.ts). */
  readonly #blockSizes: BlockSizes | undefined;
  /** Caret mode (F7): a keyboard caret in the text that selects with Shift, for users who cannot use a mouse. */
  readonly caret: CaretMode;

  constructor(container: HTMLElement, article: Article, scroller: HTMLElement, events: SurfaceEvents) {
    this.#scroller = scroller;
    this.#events = events;
    const { element, body, focusLayer } = renderArticle(article, (url) => this.#events.onOpenLink(url));
    this.element = element;
    this.body = body;
    this.#focusLayer = focusLayer;
    container.replaceChildren(element);
    this.#index = new TextIndex(body);
    // Only highlights near the view are registered, so a long article with thousands of them stays fast to edit.
    this.#painter = new HighlightPainter({ viewport: { root: body, scroller } });
    this.#blockSizes = isShownFormatted(article) ? new BlockSizes(body) : undefined;
    this.caret = new CaretMode({
      article: element,
      body,
      scroller,
      firstVisiblePoint: () => {
        this.#blockSizes?.settle();
        const offset = this.#firstVisibleOffset();
        const at = this.#index.rangeOf(offset, offset);
        return { node: at.startContainer, offset: at.startOffset };
      },
      onChange: (on) => this.#events.onCaretModeChange(on),
    });
    this.#listen();
  }

  /** The article text's anchoring context, kept while the text stays the same (its fold is not remade each time). */
  readonly #contexts = new TextContexts();

  // Offsets are all the store and the painter need (`sync` makes each range as it paints), so these anchor on the
  // text alone rather than through the DOM adapter's `anchor`, which would also build a range per highlight.
  /** Anchors selectors in the article as rendered. */
  place = (selectors: readonly Selector[]): AnchorResult =>
    anchorText(this.#index.text, selectors, this.#contexts.contextFor(this.#index.text));

  /** Anchors every annotation of the article in one batch (faster, and steadier after edits); input order. */
  placeAll = (selectorsList: ReadonlyArray<readonly Selector[]>): AnchorResult[] =>
    anchorAllText(this.#index.text, selectorsList, this.#contexts.contextFor(this.#index.text));

  /** Brings the painted highlights in line with `entries` (document order), repainting only what changed. */
  sync(entries: readonly PlacedEntry[]): void {
    const seen = new Set<string>();
    const toPaint: Array<{ id: string; color: PlacedEntry['annotation']['color']; range: StaticRange }> = [];
    for (const { key, annotation, placement } of entries) {
      seen.add(key);
      const painted = this.#painted.get(key);
      if (
        painted &&
        painted.color === annotation.color &&
        painted.start === placement.start &&
        painted.end === placement.end
      )
        continue;
      this.#painted.set(key, { color: annotation.color, start: placement.start, end: placement.end });
      toPaint.push({ id: key, color: annotation.color, range: this.#index.rangeOf(placement.start, placement.end) });
    }
    for (const key of [...this.#painted.keys()]) {
      if (seen.has(key)) continue;
      this.#painted.delete(key);
      this.#painter.remove(key);
    }
    if (toPaint.length > 0) this.#painter.paintAll(toPaint);
    this.#order = entries.map((e) => e.key);
    if (this.#current !== null && !seen.has(this.#current)) this.setCurrent(null);
    else this.#drawFocusRing();
    // The first sync follows loading the highlights: the article is complete, so its far blocks may be measured.
    this.#blockSizes?.begin();
  }

  /** The selected article text's bounding box, or undefined when nothing in the article is selected. */
  selectionRect(): DOMRect | undefined {
    const range = this.#selectedRange();
    if (!range) return undefined;
    const rects = range.getClientRects();
    return rects.length > 0 ? range.getBoundingClientRect() : undefined;
  }

  /**
   * The text a highlight of the selection would cover, when the selection also holds visible text outside the
   * article text (the title, the header); undefined when it stays inside. Annotations anchor on the article content
   * alone (the title is not part of it), so that outside part is never highlighted. The toolbar says so rather than
   * the selection being clamped to the body: clamping would fight the user's drag and break copying a selection
   * that includes the title, while the note shows, before any key is pressed, exactly what will be kept.
   */
  selectionOutsideText(): string | undefined {
    const range = this.#selectedRange();
    if (!range || !reachesOutside(range, this.body)) return undefined;
    const offsets = this.#trimmedOffsets(range);
    return offsets ? this.#index.text.slice(offsets.start, offsets.end) : undefined;
  }

  /** Turns the current selection into selectors (surrounding whitespace trimmed) and clears it. */
  takeSelection(): SelectionCapture | undefined {
    const range = this.#selectedRange();
    if (!range) return undefined;
    const offsets = this.#trimmedOffsets(range);
    if (!offsets) return undefined;
    const selectors = describe(this.#index, this.#index.rangeOf(offsets.start, offsets.end));
    if (!selectors) return undefined;
    window.getSelection()?.removeAllRanges();
    this.#notifySelection();
    return { selectors, placement: this.place(selectors) };
  }

  /** Drops the selection (Escape). */
  clearSelection(): void {
    window.getSelection()?.removeAllRanges();
    this.#notifySelection();
  }

  /** Viewport box of a highlight's text, for placing the popover next to it. */
  rectOf(key: string): DOMRect | undefined {
    const range = this.#rangeOf(key);
    return range ? liveRange(range)?.getBoundingClientRect() : undefined;
  }

  /** Scrolls a highlight to the middle of the view (smoothly unless reduced motion is asked for) and flashes it. */
  reveal(key: string): void {
    this.#heldOffset = undefined;
    this.#scrollToKey(key, 'center');
    this.setCurrent(key);
    this.#stopTextFlash();
    this.#painter.stopFlashes();
    this.#painter.flash(key);
  }

  /**
   * Scrolls a stretch of the text (UTF-16 offsets, a search hit's) to the middle of the view and flashes it. The
   * flash goes into the painter's own `marginalia-flash` highlight, so it looks exactly like a highlight's flash.
   */
  revealText(start: number, end: number, ms = 1200): void {
    this.#heldOffset = undefined;
    this.#blockSizes?.settle();
    const range = this.#index.rangeOf(start, end);
    const rect = liveRange(range)?.getBoundingClientRect();
    if (rect) this.#scrollToRect(rect, 'center');
    this.setCurrent(null);
    this.#stopTextFlash();
    this.#painter.stopFlashes();
    const flash = CSS.highlights.get(flashHighlightName);
    if (!flash) return;
    flash.add(range);
    this.#textFlash = { range, timer: setTimeout(() => this.#stopTextFlash(), ms) };
  }

  /** Shows the article from its top (a search hit in the title). */
  showTop(): void {
    this.#heldOffset = undefined;
    this.setCurrent(null);
    this.#scroller.scrollTo({ top: 0, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  /**
   * Where the user is: the text offset of the first character at the top of the view (the start of its line, when
   * the top edge cuts a line) and how far the view is scrolled through the article, 0 at the top to 1 at the end.
   * An offset rather than pixels, so the place survives another window size; 0 while the article's top is in view.
   */
  readingPosition(): { offset: number; progress: number } {
    this.#blockSizes?.settle();
    const scroller = this.#scroller;
    const range = scroller.scrollHeight - scroller.clientHeight;
    const progress = range > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / range)) : 1;
    return { offset: this.#heldOffset ?? this.#firstVisibleOffset(), progress };
  }

  /** True while a position shown by `showOffset` is kept at the top, before the user has scrolled. */
  get holdingPosition(): boolean {
    return this.#heldOffset !== undefined;
  }

  /**
   * Scrolls at once so the line holding `offset` is at the top of the view (0: the article's top, title included),
   * and keeps it there while the layout settles (images and fonts arriving, the window resizing) until the user
   * scrolls, or another scroll is asked for.
   */
  showOffset(offset: number): void {
    this.#heldOffset = Math.max(0, offset);
    this.#applyHeldOffset();
  }

  #applyHeldOffset(): void {
    const offset = this.#heldOffset;
    if (offset === undefined) return;
    const scroller = this.#scroller;
    const at = offset === 0 ? undefined : this.#nextMeasured(offset, this.#index.text.length);
    const top = at ? scroller.scrollTop + at.rect.top - this.#viewTop() : offset === 0 ? 0 : scroller.scrollHeight;
    scroller.scrollTo({ top, behavior: 'instant' });
  }

  /** The top edge of the view, in client coordinates (inside the scroller's border). */
  #viewTop(): number {
    return this.#scroller.getBoundingClientRect().top + this.#scroller.clientTop;
  }

  /**
   * The first character whose line reaches below the top of the view, by binary search over the text: characters
   * run down the page in text order, so "its line ends below the top" is false, then true. Measuring one character
   * is a range's client rects, and about 20 are measured for 1,000,000 characters: on a 5,000-paragraph article
   * (740,000 characters) one lookup took about 0.6 ms in Chromium once laid out (test/renderer/ui/reading-position),
   * so it simply runs whenever a save is due.
   */
  #firstVisibleOffset(): number {
    const length = this.#index.text.length;
    if (this.#scroller.scrollTop <= 0) return 0;
    const top = this.#viewTop();
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      const found = this.#nextMeasured(mid, hi);
      if (!found) hi = mid;
      else if (found.rect.bottom > top) hi = found.offset;
      else lo = found.offset + 1;
    }
    return this.#nextMeasured(lo, length)?.offset ?? length;
  }

  /**
   * The first character in [from, to) that is laid out (has a box), with its first box. The blank line between two
   * paragraphs is collapsed whitespace with no box; a run longer than `unlaidRunLimit` is treated as all unlaid.
   */
  #nextMeasured(from: number, to: number): { offset: number; rect: DOMRect } | undefined {
    const end = Math.min(to, from + unlaidRunLimit);
    for (let offset = from; offset < end; offset++) {
      const rect = [...(liveRange(this.#index.rangeOf(offset, offset + 1))?.getClientRects() ?? [])].find(
        (r) => r.height > 0,
      );
      if (rect) return { offset, rect };
    }
    return undefined;
  }

  #stopTextFlash(): void {
    if (!this.#textFlash) return;
    clearTimeout(this.#textFlash.timer);
    CSS.highlights.get(flashHighlightName)?.delete(this.#textFlash.range);
    this.#textFlash = undefined;
  }

  /** Moves the keyboard focus ring to a highlight (or removes it), for a reason other than the user's keys. */
  setCurrent(key: string | null): void {
    this.#setCurrent(key, false);
  }

  #setCurrent(key: string | null, byKeys: boolean): void {
    const next = key !== null && this.#painted.has(key) ? key : null;
    if (next === this.#current) {
      this.#drawFocusRing();
      return;
    }
    this.#current = next;
    this.#painter.focus(next ?? undefined);
    this.#drawFocusRing();
    this.#events.onCurrentChange(next, byKeys);
  }

  /** The highlight under the keyboard focus ring. */
  get current(): string | null {
    return this.#current;
  }

  /** Gives the article keyboard focus without scrolling. */
  focus(): void {
    this.element.focus({ preventScroll: true });
  }

  /** Unpaints everything and stops listening; the article DOM is removed. */
  destroy(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.caret.dispose();
    this.#stopTextFlash();
    cancelAnimationFrame(this.#hoverFrame);
    this.#blockSizes?.dispose();
    this.#painter.dispose();
    this.element.remove();
  }

  #listen(): void {
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement | Document | Window,
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
    ) => {
      target.addEventListener(type, handler as EventListener);
      this.#cleanup.push(() => target.removeEventListener(type, handler as EventListener));
    };
    on(document, 'selectionchange', () => {
      // While dragging, only report the selection vanishing; the toolbar appears when the drag ends.
      if (!this.#pointerDown || !this.#selectedRange()) this.#notifySelection();
    });
    on(this.element, 'pointerdown', () => {
      this.#pointerDown = true;
    });
    on(window, 'pointerup', () => {
      this.#pointerDown = false;
    });
    on(this.element, 'mouseup', () => {
      this.#pointerDown = false;
      this.#notifySelection();
    });
    on(this.element, 'keyup', () => this.#notifySelection());
    // Chromium makes an element :focus-visible once any key is pressed in it, so pressing 1 after a mouse selection
    // would frame the whole article. The frame is decided once, by how focus arrived (Tab, or a key-driven focus
    // move), and kept until focus leaves.
    on(this.element, 'focus', () =>
      this.element.classList.toggle('is-keyboard-focused', this.element.matches(':focus-visible')),
    );
    on(this.element, 'blur', () => this.element.classList.remove('is-keyboard-focused'));
    on(this.element, 'keydown', (event) => this.#onKeyDown(event));
    on(this.element, 'click', (event) => this.#onClick(event));
    on(this.element, 'mousemove', (event) => this.#onHover(event));
    on(window, 'resize', () => this.#drawFocusRing());
    const resizes = new ResizeObserver(() => {
      this.#drawFocusRing();
      this.#applyHeldOffset();
    });
    resizes.observe(this.element);
    this.#cleanup.push(() => resizes.disconnect());
    // The user taking the scroll ends a held reading position (scrollbar drags and autoscroll start with a press).
    const release = () => {
      this.#heldOffset = undefined;
    };
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart']) {
      this.#scroller.addEventListener(type, release, { passive: true });
      this.#cleanup.push(() => this.#scroller.removeEventListener(type, release));
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (isTyping(event)) return;
    if (this.caret.handleKey(event)) return;
    if (this.#selectedRange()) {
      const command = selectionCommandFor(event);
      if (command) {
        event.preventDefault();
        if (command.kind !== 'cancel') {
          this.#events.onSelectionCommand(command);
          return;
        }
        // Escape drops the selection and also leaves whatever mode the chrome is in (re-attaching).
        this.clearSelection();
        this.#events.onEscape();
        return;
      }
    }
    switch (surfaceCommandFor(event)) {
      case 'next':
        event.preventDefault();
        this.#step(1);
        return;
      case 'previous':
        event.preventDefault();
        this.#step(-1);
        return;
      case 'first':
        event.preventDefault();
        this.#moveTo(this.#order[0] ?? null);
        return;
      case 'last':
        event.preventDefault();
        this.#moveTo(this.#order.at(-1) ?? null);
        return;
      case 'open':
        // Without a focused highlight, Enter and Space keep their usual meaning (Space scrolls).
        if (this.#current === null) return;
        event.preventDefault();
        this.#events.onActivate(this.#current, 'keyboard');
        return;
      case 'escape':
        // One thing at a time: the selection (above), then the focused highlight, then caret mode.
        if (this.#current !== null) this.#setCurrent(null, true);
        else if (this.caret.leave()) return;
        this.#events.onEscape();
        return;
      default:
        return;
    }
  }

  /** Next/previous highlight in document order; from nothing, the first one at or below the top of the view. */
  #step(direction: 1 | -1): void {
    if (this.#order.length === 0) return;
    const at = this.#current === null ? -1 : this.#order.indexOf(this.#current);
    let target: string | undefined;
    if (at === -1) {
      const top = this.#scroller.getBoundingClientRect().top;
      const visible = this.#order.find((key) => (this.rectOf(key)?.bottom ?? -Infinity) >= top);
      target = direction === 1 ? (visible ?? this.#order[0]) : this.#order.at(-1);
    } else {
      target = this.#order[(at + direction + this.#order.length) % this.#order.length];
    }
    this.#moveTo(target ?? null);
  }

  #moveTo(key: string | null): void {
    this.#setCurrent(key, true);
    if (key !== null) this.#scrollToKey(key, 'nearest');
  }

  #onClick(event: MouseEvent): void {
    if (this.#selectedRange()) return; // The click ended a drag selection.
    const [key] = this.#painter.idsAtPoint(event.clientX, event.clientY);
    if (key === undefined) return;
    this.setCurrent(key);
    this.#events.onActivate(key, 'pointer');
  }

  /** Shows a pointer over highlights, which have no elements to style. */
  #onHover(event: MouseEvent): void {
    cancelAnimationFrame(this.#hoverFrame);
    const { clientX, clientY } = event;
    this.#hoverFrame = requestAnimationFrame(() => {
      const over = this.#painted.size > 0 && this.#painter.idsAtPoint(clientX, clientY).length > 0;
      this.element.classList.toggle('is-over-highlight', over);
    });
  }

  #notifySelection(): void {
    const range = this.#selectedRange();
    const offsets = range ? this.#index.offsetsOf(range) : undefined;
    const key = offsets ? `${offsets.start}:${offsets.end}` : '';
    // Repeated "nothing selected" is dropped; a selection is always reported, since its box may have moved.
    if (key === '' && this.#selectionKey === '') return;
    this.#selectionKey = key;
    this.#events.onSelectionChange();
  }

  /** The selection when it holds article text (not just whitespace), else undefined. */
  #selectedRange(): Range | undefined {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.body)) return undefined;
    return this.#trimmedOffsets(range) ? range : undefined;
  }

  #trimmedOffsets(range: Range): { start: number; end: number } | undefined {
    const offsets = this.#index.offsetsOf(range);
    if (!offsets) return undefined;
    const text = this.#index.text;
    let { start, end } = offsets;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    return end > start ? { start, end } : undefined;
  }

  #rangeOf(key: string): StaticRange | undefined {
    return this.#painter.rangeOf(key);
  }

  #scrollToKey(key: string, block: 'center' | 'nearest'): void {
    this.#blockSizes?.settle();
    const rect = this.rectOf(key);
    if (rect) this.#scrollToRect(rect, block);
  }

  #scrollToRect(rect: DOMRect, block: 'center' | 'nearest'): void {
    const view = this.#scroller.getBoundingClientRect();
    const margin = 48;
    let delta: number;
    if (block === 'center') delta = rect.top - view.top - (view.height - rect.height) / 2;
    else if (rect.top < view.top + margin) delta = rect.top - view.top - margin;
    else if (rect.bottom > view.bottom - margin) delta = rect.bottom - view.bottom + margin;
    else return;
    this.#scroller.scrollBy({ top: delta, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  /** Outlines the current highlight's line boxes in the overlay; the overlay sits beside the text, not around it. */
  #drawFocusRing(): void {
    const range = this.#current === null ? undefined : this.#rangeOf(this.#current);
    const live = range && liveRange(range);
    if (!live) {
      this.#focusLayer.replaceChildren();
      return;
    }
    const origin = this.element.getBoundingClientRect();
    const boxes = [...live.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => {
        const box = document.createElement('div');
        box.className = 'focus-ring';
        box.style.left = `${r.left - origin.left - 2}px`;
        box.style.top = `${r.top - origin.top - 1}px`;
        box.style.width = `${r.width + 4}px`;
        box.style.height = `${r.height + 2}px`;
        return box;
      });
    this.#focusLayer.replaceChildren(...boxes);
  }
}

/**
 * Builds the article's DOM: a heading, then the body whose text content equals `article.content` exactly, because
 * anchoring offsets depend on it: for plain text one paragraph per "\n\n"-separated block, the separators kept as
 * text nodes; for a formatted article its tree (document-view.ts), whose text is `content` by construction.
 */
function renderArticle(
  article: Article,
  openLink: (url: string) => void,
): { element: HTMLElement; body: HTMLElement; focusLayer: HTMLElement } {
  const element = document.createElement('article');
  element.className = 'article';
  element.tabIndex = 0;
  element.setAttribute('aria-labelledby', 'article-title');
  element.setAttribute('aria-describedby', 'article-keys');

  const title = document.createElement('h1');
  title.id = 'article-title';
  title.className = 'article-title';
  title.textContent = article.title;
  // Each block of user text takes its direction from its own first strong letter, so Hebrew or Arabic reads right to left.
  title.dir = 'auto';

  const body = document.createElement('div');
  body.className = bodyClass;
  // What the page says of its language and direction: for hyphenation, fonts and speech, and the side lists and
  // quotes start on (each block of text still takes its own direction).
  if (article.meta.language) body.lang = article.meta.language;
  if (article.meta.direction) body.dir = article.meta.direction;
  if (isShownFormatted(article)) {
    body.classList.add('is-document');
    // Relative, so the page asks its own origin (app://marginalia), whose handler serves the article's images.
    body.append(renderDocument(article.document, { imageUrl: (name) => `/images/${article.id}/${name}` }));
    listenForLinks(body, openLink);
  } else {
    article.content.split('\n\n').forEach((text, i) => {
      if (i > 0) body.append(document.createTextNode('\n\n'));
      const paragraph = document.createElement('p');
      paragraph.dir = 'auto';
      if (text) paragraph.append(document.createTextNode(text));
      body.append(paragraph);
    });
  }

  const keys = document.createElement('p');
  keys.id = 'article-keys';
  keys.className = 'visually-hidden';
  keys.textContent =
    'Select text, then press 1 to 5 to highlight it or N to add a note. F7 turns on caret mode, to select with Shift and the arrow keys. Press ] or [ to move between highlights, Enter to open one.';

  const focusLayer = document.createElement('div');
  focusLayer.className = 'focus-layer';
  focusLayer.setAttribute('aria-hidden', 'true');

  element.append(title, body, keys, focusLayer);
  return { element, body, focusLayer };
}

/**
 * Whether an article is shown from its tree: a formatted one whose tree's text is its content. One whose tree says
 * otherwise (a damaged row) is shown as its plain text, which is what its highlights were made against.
 */
function isShownFormatted(article: Article): article is Article & { document: DocumentNode[] } {
  if (article.format !== 'document' || !article.document) return false;
  if (documentText(article.document) === article.content) return true;
  console.error(`Article ${article.id}: its formatted text differs from its content; showing the plain text.`);
  return false;
}
