import { describe, expect, it } from 'vitest';

import { TextContext, TextContexts } from '../../common/anchoring/text-anchor.ts';

/** The reader keeps its article's context: anchoring the same text again reuses its fold, another text does not. */
describe('TextContexts', () => {
  const text = 'Diplomats  held “day-long” talks — in Geneva.';

  it('shares the folded view of the previous context made for the same text, once it was made', () => {
    const contexts = new TextContexts();
    const first = contexts.contextFor(text);
    expect(contexts.contextFor(text).hasFolded).toBe(false);
    const second = contexts.contextFor(text);
    const folded = second.folded;
    const third = contexts.contextFor(text);
    expect(third.hasFolded).toBe(true);
    expect(third.folded).toBe(folded);
    expect(first.hasFolded).toBe(false);
  });

  it('folds a different text afresh', () => {
    const contexts = new TextContexts();
    const folded = contexts.contextFor(text).folded;
    const other = contexts.contextFor(`${text} Again.`);
    expect(other.hasFolded).toBe(false);
    expect(other.folded).not.toBe(folded);
    expect(other.folded.text).toContain('Again.');
  });

  it('gives the same answers as a context of its own', () => {
    const shared = new TextContexts();
    expect(shared.contextFor(text).folded.text).not.toBe('');
    expect(shared.contextFor(text).folded).toEqual(new TextContext(text).folded);
  });
});
