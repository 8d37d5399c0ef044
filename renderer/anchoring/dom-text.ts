import type { Selector } from '../../electron/ipc/contract.ts';
import type { AnchorStatus } from './text-anchor.ts';

/** Maps between DOM positions under a root and offsets into the root's anchor text. Rebuild after DOM changes. */
export class TextIndex {
  readonly text: string = '';
  constructor(readonly root: Element) {
    throw new Error('not implemented');
  }
  /** The anchor-text offsets a DOM range covers, clamped to the root; undefined when it covers no root text. */
  offsetsOf(_range: AbstractRange): { start: number; end: number } | undefined {
    throw new Error('not implemented');
  }
  /** A StaticRange over text[start, end) (static ranges keep later DOM mutations fast). */
  rangeOf(_start: number, _end: number): StaticRange {
    throw new Error('not implemented');
  }
}

/** Selectors describing a DOM range under the index's root; undefined if the range holds no article text. */
export function describe(_index: TextIndex, _range: AbstractRange): Selector[] | undefined {
  throw new Error('not implemented');
}

/** Places selectors in the DOM: the range and how sure it is, or orphan with no range. */
export function anchor(
  _index: TextIndex,
  _selectors: readonly Selector[],
): { range: StaticRange; start: number; end: number; status: AnchorStatus } | { range?: undefined; status: { kind: 'orphan' } } {
  throw new Error('not implemented');
}
