/**
 * What main keeps so the window can undo a change (a deleted highlight or article, a re-attach's old selectors),
 * by key, for the most recent `capacity` changes only: the window's history forgets older steps anyway
 * (limits.undoSteps), and a session's deleted articles would otherwise stay in memory until the app quits. An undo
 * of something dropped here is refused in words ("There is nothing to undo…"), never done wrong.
 */
export class RecentUndo<T> {
  // A Map iterates in insertion order, so its first key is the oldest: the one to drop. (TypeScript's `private`,
  // not `#`: the security audit's parser cannot read #private fields in the main bundle, and would skip it whole.)
  private readonly kept = new Map<string, T>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Keeps `value` under `key` as the newest, dropping the oldest beyond capacity. */
  set(key: string, value: T): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.capacity) break;
      this.kept.delete(oldest);
    }
  }

  get(key: string): T | undefined {
    return this.kept.get(key);
  }

  delete(key: string): void {
    this.kept.delete(key);
  }
}
