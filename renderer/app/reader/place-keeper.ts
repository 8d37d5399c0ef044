import { onTypeChange } from '../theme/typography.ts';

/** What the keeper needs of the article surface (article-surface.ts). */
export interface PlacedSurface {
  readingPosition(): { offset: number };
  showOffset(offset: number): void;
  readonly holdingPosition: boolean;
}

/** How long scrolling must pause before the place is noted: one note per scroll, not one per frame. */
const settleMs = 200;

/**
 * Keeps the reader on the same words when the article's type changes (a new typeface, size, line spacing or column
 * width, theme/typography.ts): every line moves, and the same scroll offset would show another part of the text.
 *
 * The place has to be known from before the change, and once the type has changed the old layout is gone, so it is
 * noted whenever scrolling settles (one lookup, well under a millisecond). When the root's type changes, the view is
 * put back on that text and held there while the new layout settles, until the user scrolls (showOffset). A place
 * the surface is already holding (the one the article opened at) needs nothing: the surface keeps it itself.
 */
export class PlaceKeeper {
  readonly #surface: PlacedSurface;
  readonly #scroller: HTMLElement;
  readonly #stopFollowingType: () => void;
  #offset = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onScroll = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#note(), settleMs);
  };

  constructor(scroller: HTMLElement, surface: PlacedSurface) {
    this.#scroller = scroller;
    this.#surface = surface;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#stopFollowingType = onTypeChange(() => {
      if (!this.#surface.holdingPosition) this.#surface.showOffset(this.#offset);
    });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#scroller.removeEventListener('scroll', this.#onScroll);
    this.#stopFollowingType();
  }

  #note(): void {
    this.#offset = this.#surface.readingPosition().offset;
  }
}
