/**
 * How far through the open article the reader is, in whole percent, for the header. A tiny store of its own rather
 * than App state: the reader reports it as the pane scrolls, and only the header's progress bar re-renders, not the
 * window around the article (which, with thousands of highlights, is not free).
 */
export class ReadingProgress {
  #percent: number | null = null;
  readonly #listeners = new Set<() => void>();

  /** The percent read, or null while no article is shown. */
  readonly get = (): number | null => this.#percent;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Sets the fraction read (0–1), or null when the article closes; listeners hear only a change of percent. */
  readonly set = (fraction: number | null): void => {
    const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    if (percent === this.#percent) return;
    this.#percent = percent;
    for (const listener of this.#listeners) listener();
  };
}

/**
 * Reports `pane`'s scroll position to `progress` once per frame while it scrolls (and once at the start); returns
 * how to stop. An article shorter than the pane is read to the end.
 */
export function trackProgress(pane: HTMLElement, progress: ReadingProgress): () => void {
  let frame = 0;
  const measure = () => {
    frame = 0;
    const range = pane.scrollHeight - pane.clientHeight;
    progress.set(range > 0 ? pane.scrollTop / range : 1);
  };
  const onScroll = () => {
    frame ||= requestAnimationFrame(measure);
  };
  pane.addEventListener('scroll', onScroll, { passive: true });
  measure();
  return () => {
    pane.removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
    progress.set(null);
  };
}
