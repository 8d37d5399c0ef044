import type { Selector } from '../../common/model.ts';

/** A quote plus matching position selector for `exact` at `start`. */
export function selectorsAt(start: number, exact: string, prefix = '', suffix = ''): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/** A plain article body for tests. */
export const sampleContent = 'The quick brown fox.\n\nJumps over the lazy dog.';

/** Selectors for the first `exact` in `text` (after `from`), with the 32 characters of context the reader stores. */
export function selectorsIn(text: string, exact: string, from = 0): Selector[] {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  const end = start + exact.length;
  return selectorsAt(start, exact, text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32));
}
