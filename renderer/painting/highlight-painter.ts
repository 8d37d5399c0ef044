import type { HighlightColor } from '../../electron/ipc/contract.ts';

/**
 * Paints highlights with the CSS Custom Highlight API: one `Highlight` per colour registered in `CSS.highlights`
 * (named `marginalia-<colour>`), holding StaticRanges. The article's DOM is never modified.
 */
export class HighlightPainter {
  /** Paints (or repaints) one highlight. */
  paint(_id: string, _color: HighlightColor, _range: StaticRange): void {
    throw new Error('not implemented');
  }
  /** Paints many at once, faster than calling paint() in a loop. */
  paintAll(_items: Iterable<{ id: string; color: HighlightColor; range: StaticRange }>): void {
    throw new Error('not implemented');
  }
  remove(_id: string): void {
    throw new Error('not implemented');
  }
  clear(): void {
    throw new Error('not implemented');
  }
  /** Ids of the highlights under a viewport point, innermost (shortest) first. */
  idsAtPoint(_x: number, _y: number): string[] {
    throw new Error('not implemented');
  }
  /** Briefly flashes a highlight (a separate `marginalia-flash` highlight, removed after `ms`). */
  flash(_id: string, _ms?: number): void {
    throw new Error('not implemented');
  }
  /** The painted range of a highlight, for scrolling it into view. */
  rangeOf(_id: string): StaticRange | undefined {
    throw new Error('not implemented');
  }
}
