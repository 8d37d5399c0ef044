import type { Selector } from '../../db/model.ts';

/** A quote plus matching position selector for `exact` at `start`. */
export function selectorsAt(start: number, exact: string, prefix = '', suffix = ''): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** A plain article body for tests. */
export const sampleContent = 'The quick brown fox.\n\nJumps over the lazy dog.';
