import { usesMetaKey } from '../keyboard.ts';
import { caretBox, createCaretBar, type DomPoint, placeCaretBar } from './caret-bar.ts';
import { type CaretMove, caretMoveFor, isCaretModeToggle } from './caret-keys.ts';

/** What caret mode needs of the article it works in. */
export interface CaretHost {
  /** The focusable article; the caret bar is drawn inside it, so it must be its positioned container. */
  readonly article: HTMLElement;
  /** The article text: the caret never leaves it (not into the title, nor the hidden key help after it). */
  readonly body: HTMLElement;
  /** The element that scrolls the article, to keep the caret in view. */
  readonly scroller: HTMLElement;
  /** Where the caret starts when there is none in view: the start of the first line in view. */
  firstVisiblePoint(): DomPoint;
  /** Caret mode went on or off. */
  onChange(on: boolean): void;
}

/** What the live region says as caret mode goes on or off. */
export function caretModeAnnouncement(on: boolean): string {
  return on
    ? 'Caret mode on. Arrow keys move through the text, with Shift they select; then press 1 to 5 to highlight or N to add a note. F7 or Escape turns it off.'
    : 'Caret mode off.';
}

/** Space the caret keeps from the view's top and bottom edges as it moves, so the lines around it stay readable. */
const viewMargin = 48;

/**
 * Where the window keeps whether caret mode is on, for the rest of this run of the app: a user who needs it for one
 * article needs it for the next one, but it is not a setting kept across restarts (sessionStorage ends with the
 * window).
 */
const sessionKey = 'marginalia.caretMode';

/** Whether the element focus is on sits in a modal dialog (search, a confirmation), which F7 must not reach past. */
function modalOpen(): boolean {
  // Any open dialog, not only one holding focus: a click on a dialog's plain text leaves focus on the page's body.
  return document.querySelector(':modal, [aria-modal="true"]') !== null;
}

/**
 * Caret mode (F7, as in browsers' caret browsing): a caret in the read-only article text that the arrow keys move
 * (caret-keys.ts says which key moves how) and that Shift turns into a selection. The selection is the document's
 * own, so everything that works on a mouse selection (1–5, N, the selection toolbar) works on it unchanged.
 * Chromium's `Selection.modify` does the moving, which it does in read-only text too; this draws the caret at the
 * selection's focus end, keeps it inside the article text and in view, and remembers where it was when the
 * selection goes (a highlight made, the selection dropped), so the next key goes on from there.
 */
export class CaretMode {
  readonly #host: CaretHost;
  readonly #bar = createCaretBar();
  readonly #cleanup: Array<() => void> = [];
  #on = false;
  /** The caret's last place in the article text, kept when the selection is dropped or goes elsewhere. */
  #last: DomPoint | undefined;

  constructor(host: CaretHost) {
    this.#host = host;
    host.article.append(this.#bar);
    this.#listen(document, 'selectionchange', () => this.#follow());
    // On the window, so F7 works wherever focus is in the reader (the sidebar, the popover), as in a browser.
    this.#listen(window, 'keydown', (event) => {
      if (!(event instanceof KeyboardEvent) || event.defaultPrevented || !isCaretModeToggle(event)) return;
      if (modalOpen()) return;
      event.preventDefault();
      this.setOn(!this.#on);
    });
    this.#listen(host.article, 'focus', () => {
      if (this.#on && !this.#focusInBody()) this.#collapseTo(this.#startPoint());
      this.#draw();
    });
    const resizes = new ResizeObserver(() => this.#draw());
    resizes.observe(host.article);
    this.#cleanup.push(() => resizes.disconnect());
    if (sessionStorage.getItem(sessionKey) === 'on') {
      this.#on = true;
      host.onChange(true);
    }
  }

  /** Whether caret mode is on. */
  get on(): boolean {
    return this.#on;
  }

  /**
   * Turns caret mode on or off. On, the article takes focus and the caret is put where the user is looking: at the
   * selection if it is in view (so a mouse selection can be extended by keys), else the start of the first line
   * in view. Off leaves any selection as it is.
   */
  setOn(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    if (on) sessionStorage.setItem(sessionKey, 'on');
    else sessionStorage.removeItem(sessionKey);
    if (on) {
      if (!this.#host.article.contains(document.activeElement)) this.#host.article.focus({ preventScroll: true });
      const focus = this.#focusPoint();
      if (!focus || !this.#inView(focus)) this.#collapseTo(this.#startPoint());
    }
    this.#draw();
    this.#host.onChange(on);
  }

  /** Leaves caret mode if it is on (Escape); returns whether it was. */
  leave(): boolean {
    if (!this.#on) return false;
    this.setOn(false);
    return true;
  }

  /** Carries out a caret key pressed in the article; returns whether it was one (and so is used up). */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.#on) return false;
    const move = caretMoveFor(event, usesMetaKey);
    if (!move) return false;
    event.preventDefault();
    this.#move(move);
    return true;
  }

  /** Removes the caret and stops listening. */
  dispose(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.#bar.remove();
  }

  #listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.#cleanup.push(() => target.removeEventListener(type, handler));
  }

  #move(move: CaretMove): void {
    const selection = window.getSelection();
    if (!selection) return;
    if (!this.#focusInBody()) this.#collapseTo(this.#last ?? this.#startPoint());
    const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
    if (move.granularity === 'article') {
      const edge = this.#textEdge(move.direction === 'backward' ? 'start' : 'end');
      if (move.alter === 'extend') selection.extend(edge.node, edge.offset);
      else selection.collapse(edge.node, edge.offset);
    } else {
      selection.modify(move.alter, move.direction, move.granularity);
    }
    // A move past the first or last character lands in the title or the key help: the caret stays at the edge.
    if (!this.#focusInBody() && anchorNode && focusNode)
      selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
    const focus = this.#focusPoint();
    // Kept now, not when selectionchange comes (a task later): a highlight made at once with the next key clears the
    // selection, and the caret must carry on from this place, not from one a few keys back.
    if (focus) this.#last = focus;
    if (focus) this.#scrollIntoView(focus);
    this.#draw();
  }

  /** Remembers where the caret is whenever the selection's focus is in the article text, and redraws it. */
  #follow(): void {
    const focus = this.#focusPoint();
    if (focus) this.#last = focus;
    this.#draw();
  }

  #draw(): void {
    const at = this.#on ? (this.#focusPoint() ?? this.#last) : undefined;
    placeCaretBar(this.#bar, at && caretBox(at));
  }

  /** The selection's focus end, when it is in the article text. */
  #focusPoint(): DomPoint | undefined {
    const selection = window.getSelection();
    const node = selection?.focusNode;
    if (!selection || !node || !this.#host.body.contains(node)) return undefined;
    return { node, offset: selection.focusOffset };
  }

  #focusInBody(): boolean {
    return this.#focusPoint() !== undefined;
  }

  /** Where a caret that has no place in view starts: where it last was, if that is in view, else the first line. */
  #startPoint(): DomPoint {
    return this.#last && this.#inView(this.#last) ? this.#last : this.#host.firstVisiblePoint();
  }

  #collapseTo(point: DomPoint): void {
    window.getSelection()?.collapse(point.node, point.offset);
  }

  /** The first or last position in the article text's text nodes. */
  #textEdge(side: 'start' | 'end'): DomPoint {
    const walker = document.createTreeWalker(this.#host.body, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode();
    if (side === 'end') for (let next = text; next; next = walker.nextNode()) text = next;
    if (!text) return { node: this.#host.body, offset: side === 'start' ? 0 : this.#host.body.childNodes.length };
    return { node: text, offset: side === 'start' ? 0 : (text.textContent ?? '').length };
  }

  #viewBox(): { top: number; bottom: number } {
    const view = this.#host.scroller.getBoundingClientRect();
    const margin = Math.min(viewMargin, view.height / 4);
    return { top: view.top + margin, bottom: view.bottom - margin };
  }

  #inView(point: DomPoint): boolean {
    const box = caretBox(point);
    const view = this.#viewBox();
    return box !== undefined && box.bottom > view.top && box.top < view.bottom;
  }

  /** Scrolls at once (never smoothly: held arrow keys would leave the caret behind) to keep the caret in view. */
  #scrollIntoView(point: DomPoint): void {
    const box = caretBox(point);
    if (!box) return;
    const view = this.#viewBox();
    let delta = 0;
    if (box.top < view.top) delta = box.top - view.top;
    else if (box.bottom > view.bottom) delta = box.bottom - view.bottom;
    if (delta !== 0) this.#host.scroller.scrollBy({ top: delta, behavior: 'instant' });
  }
}
