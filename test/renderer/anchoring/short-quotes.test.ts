/**
 * A short quote (a word, a version number) at its stored offset is taken in place on one side of context only when
 * its neighbours vouch for the text there; alone, it needs both sides.
 */
import { describe, expect, it } from 'vitest';

import { anchorAllText, anchorText, describeText } from '../../../renderer/anchoring/index.ts';
import { defaultArticleText } from './default-article.ts';

const article = defaultArticleText();

describe('a short quote in place', () => {
  // A list whose lines begin alike, as release notes do: the highlight is on "planned" in the first line.
  const list =
    '* 2.6a3 is planned for next week.\n* 2.6a4 is planned for the spring.\n* 2.6a5 is planned for the summer.';
  const text = `${article.slice(0, 2_000)}\n\n${list}\n\n${article.slice(2_000, 4_000)}`;
  const at = text.indexOf('planned');
  const highlight = describeText(text, at, at + 'planned'.length);
  /** Highlights of twenty characters every 150 characters away from the list: the neighbours. */
  const neighbours = Array.from({ length: 24 }, (_, k) => 20 + k * 150)
    .filter((a) => Math.abs(a - at) > 200)
    .map((a) => describeText(text, a, a + 20));

  it('with one side edited and its neighbours in place, is kept where it is', () => {
    const edited = text.replace('planned for next week', 'planned, at last, for next week');
    expect(anchorText(edited, highlight).status.kind).not.toBe('exact');
    const [found] = anchorAllText(edited, [highlight, ...neighbours]);
    expect(found).toEqual({ start: at, end: at + 'planned'.length, status: { kind: 'exact' } });
  });

  it('whose line was rewritten without it, is not taken for the same word on the next line', () => {
    const edited = text.replace('2.6a3 is planned for next week', '2.6a3 was released on Monday');
    const [found] = anchorAllText(edited, [highlight, ...neighbours]);
    expect(found?.status.kind).toBe('orphan');
    expect(anchorText(edited, highlight).status.kind).toBe('orphan');
  });
});
