import type { ReadingPosition } from '../../../common/model.ts';

/**
 * Where the reader is, or undefined when there is nothing new to save (a restored position is still held: the
 * user has not scrolled since the article opened).
 */
export type MeasureReading = () => ReadingPosition | undefined;

/** Stores a position; must send its IPC call synchronously, so a save during unload still reaches main. */
export type SaveReading = (reading: ReadingPosition) => void;

/**
 * How long scrolling must pause before the position is saved: long enough that a fling or a held arrow key makes one
 * save, not one per frame, and short enough that quitting right after stopping keeps the place (quitting is also
 * flushed at once).
 */
const settleMs = 1000;

/**
 * Saves where the user is in an article once scrolling stops (debounced), and at once when the page may go away
 * (pagehide, beforeunload, the window hidden) or the article closes. Only scrolling makes a save, and only a
 * position different from the last one saved: opening an article and leaving it unread writes nothing.
 */
export class ReadingSaver {
  readonly #scroller: HTMLElement;
  readonly #measure: MeasureReading;
  readonly #save: SaveReading;
  readonly #delayMs: number;
  #last: ReadingPosition | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scrolled = false;
  readonly #onScroll = () => {
    this.#scrolled = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), this.#delayMs);
  };
  readonly #flushAll = () => this.flush();
  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(
    scroller: HTMLElement,
    measure: MeasureReading,
    save: SaveReading,
    last: ReadingPosition | null,
    delayMs = settleMs,
  ) {
    this.#scroller = scroller;
    this.#measure = measure;
    this.#save = save;
    this.#last = last;
    this.#delayMs = delayMs;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('pagehide', this.#flushAll);
    window.addEventListener('beforeunload', this.#flushAll);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  /** Saves the position now if the user scrolled since the last save and it moved. */
  flush(): void {
    clearTimeout(this.#timer);
    if (!this.#scrolled) return;
    this.#scrolled = false;
    const reading = this.#measure();
    if (!reading) return;
    if (this.#last && this.#last.offset === reading.offset && this.#last.progress === reading.progress) return;
    this.#last = reading;
    this.#save(reading);
  }

  /** Flushes and stops listening (the article is closing). */
  dispose(): void {
    this.flush();
    this.#scroller.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('pagehide', this.#flushAll);
    window.removeEventListener('beforeunload', this.#flushAll);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }
}
