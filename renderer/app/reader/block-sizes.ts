import { onTypeChange } from '../theme/typography.ts';

/** The class that lays every block of the article out (article-document.css), for as long as it is on. */
export const layingOutClass = 'is-laying-out';

/**
 * Keeps the blocks of a long formatted article that are off screen, and so not laid out (content-visibility: auto in
 * article-document.css), standing in at their real sizes.
 *
 * Skipping them is what makes a long page paint quickly. But a block the browser has never laid out stands in at a
 * guessed height, so every place below it is a guess too: a scroll to a highlight far down would land thousands of
 * pixels off, and the reading progress would be wrong. So, once the article has painted with its highlights
 * (`begin`), and again when its width or its type changes or an image arrives, every block is laid out for one frame. The
 * browser then remembers each block's size (contain-intrinsic-size: auto) and uses it whenever the block is skipped. Code about to measure something far away
 * calls `settle()` first: if that pass has not run yet, it lays everything out at once.
 */
export class BlockSizes {
  readonly #body: HTMLElement;
  readonly #cleanup: Array<() => void> = [];
  /** Frames requested for the pass under way; empty when none is. */
  #frames: number[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** True once a pass has finished since the sizes last changed. */
  #known = false;
  #begun = false;
  #width = -1;

  constructor(body: HTMLElement) {
    this.#body = body;
    const resizes = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width === this.#width) return;
      const first = this.#width < 0;
      this.#width = width;
      if (!first && this.#begun) this.#forget();
    });
    resizes.observe(body);
    this.#cleanup.push(() => resizes.disconnect());
    // An image changes its block's height when it arrives.
    const onLoad = () => {
      if (this.#begun) this.#forget();
    };
    body.addEventListener('load', onLoad, true);
    this.#cleanup.push(() => body.removeEventListener('load', onLoad, true));
    // A new typeface, text size or line spacing (the root's data-font and custom properties, theme/typography.ts)
    // changes every block's height while the width may stay the same.
    this.#cleanup.push(
      onTypeChange(() => {
        if (this.#begun) this.#forget();
      }),
    );
  }

  /**
   * Runs the first pass after the next frame has painted: the pass costs what laying the whole page out costs, so it
   * waits until the article is on screen with its highlights. Later calls do nothing.
   */
  begin(): void {
    if (this.#begun) return;
    this.#begun = true;
    if (this.#frames.length === 0 && this.#timer === undefined && !this.#known) {
      this.#frames.push(requestAnimationFrame(() => this.#later()));
    }
  }

  /** Makes every block's size real now, for a measurement about to be taken (a scroll to a far highlight). */
  settle(): void {
    if (this.#known) return;
    this.#begun = true;
    this.#start();
  }

  dispose(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.#stop();
    this.#body.classList.remove(layingOutClass);
  }

  /** Sizes changed: lay the page out again soon, once the change has settled. */
  #forget(): void {
    this.#known = false;
    // A pass under way would finish with the sizes from before the change and call them known: it starts again.
    this.#stop();
    this.#later();
  }

  #later(): void {
    this.#frames = [];
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#start();
    }, 0);
  }

  /**
   * Lays everything out from now until the frame after next has begun: the next frame renders every block, which
   * records its size; the one after it skips the far ones again, at those sizes.
   */
  #start(): void {
    this.#stop();
    this.#body.classList.add(layingOutClass);
    this.#frames.push(
      requestAnimationFrame(() => {
        this.#frames.push(
          requestAnimationFrame(() => {
            this.#frames = [];
            this.#body.classList.remove(layingOutClass);
            this.#known = true;
          }),
        );
      }),
    );
  }

  #stop(): void {
    for (const frame of this.#frames.splice(0)) cancelAnimationFrame(frame);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
