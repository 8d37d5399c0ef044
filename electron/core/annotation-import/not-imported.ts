import type { NotImported } from './types.ts';

/** Counts the entries a reader leaves out, by reason, in the order the reasons first came up. */
export class NotImportedTally {
  private readonly counts = new Map<string, number>();

  /** One more entry (or `count` more) left out for `reason`. */
  add(reason: string, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  /** The reasons with their counts. */
  list(): NotImported[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}
