/** Saves one annotation's note; must send its IPC call synchronously so a flush during unload still reaches main. */
export type SaveNote = (key: string, note: string) => unknown;

/**
 * Debounces note saves per annotation while the user types, and flushes them the moment the page may go away
 * (pagehide, beforeunload, the window being hidden) or the editor closes, so no typed note is lost.
 */
export class NoteSaver {
  readonly #save: SaveNote;
  readonly #delayMs: number;
  readonly #pending = new Map<string, { note: string; timer: ReturnType<typeof setTimeout> }>();
  readonly #flushAll = () => this.flush();
  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(save: SaveNote, delayMs = 400) {
    this.#save = save;
    this.#delayMs = delayMs;
    window.addEventListener('pagehide', this.#flushAll);
    window.addEventListener('beforeunload', this.#flushAll);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  /** Records the latest text for an annotation; it is saved once typing pauses for the delay. */
  change(key: string, note: string): void {
    const previous = this.#pending.get(key);
    if (previous) clearTimeout(previous.timer);
    this.#pending.set(key, { note, timer: setTimeout(() => this.flush(key), this.#delayMs) });
  }

  /** Saves pending text now: for one annotation, or for all. */
  flush(key?: string): void {
    const keys = key === undefined ? [...this.#pending.keys()] : [key];
    for (const k of keys) {
      const pending = this.#pending.get(k);
      if (!pending) continue;
      clearTimeout(pending.timer);
      this.#pending.delete(k);
      this.#save(k, pending.note);
    }
  }

  /** Drops pending text without saving (the annotation is being deleted). */
  discard(key: string): void {
    const pending = this.#pending.get(key);
    if (pending) clearTimeout(pending.timer);
    this.#pending.delete(key);
  }

  /** True while text for this annotation waits to be saved. */
  hasPending(key: string): boolean {
    return this.#pending.has(key);
  }

  /** Flushes everything and stops listening for page exit. */
  dispose(): void {
    this.flush();
    window.removeEventListener('pagehide', this.#flushAll);
    window.removeEventListener('beforeunload', this.#flushAll);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }
}
