import { positionSelectorOf, quoteSelectorOf, type Selector } from './model.ts';

/**
 * Selectors that do not describe the article they are stored with: a position past its end, or a quote that is not
 * the article's text there. Stored anyway they would paint nothing or the wrong words; the IPC layer reports it as
 * `invalid-input`.
 */
export class SelectorMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorMismatchError';
  }
}

/**
 * Checks that selectors describe `text`, the article they are stored with: the position lies inside it, and the
 * quote with its prefix and suffix is the text found there. A quote without a position must occur somewhere.
 * Throws SelectorMismatchError in words a user can act on. The schemas check shape; only this knows the article.
 */
export function assertSelectorsFit(text: string, selectors: readonly Selector[]): void {
  const { exact, prefix, suffix } = quoteSelectorOf(selectors);
  const position = positionSelectorOf(selectors);
  if (!position) {
    if (!text.includes(exact)) throw new SelectorMismatchError('The highlighted text does not occur in this article.');
    return;
  }
  const { start, end } = position;
  if (end > text.length) {
    throw new SelectorMismatchError(
      `The highlight ends at character ${end.toLocaleString('en-US')}, past the end of this article ` +
        `(${text.length.toLocaleString('en-US')} characters).`,
    );
  }
  if (text.slice(start, end) !== exact) {
    throw new SelectorMismatchError('The highlighted text is not what this article says at that place.');
  }
  if (start < prefix.length || text.slice(start - prefix.length, start) !== prefix) {
    throw new SelectorMismatchError('The text before the highlight is not what this article says there.');
  }
  if (text.slice(end, end + suffix.length) !== suffix) {
    throw new SelectorMismatchError('The text after the highlight is not what this article says there.');
  }
}
