/**
 * Tags as the renderer handles them before main stores them (db/tags.ts does the same, and has the last word on
 * spelling): trimmed, inner spaces folded, compared without case.
 */

import { normaliseTag } from '../../../common/tag-text.ts';

export { normaliseTag };

/** Whether two tags are the same tag: main keeps one spelling for every case of a tag. */
export function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The order main keeps a highlight's tags in: SQLite's NOCASE (ASCII letters without case, the rest as they are). */
function tagOrder(a: string, b: string): number {
  const fold = (tag: string) => tag.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `tags` and `added`, normalised, blanks dropped, each tag once (its first spelling kept), in main's order. */
export function withTags(tags: readonly string[], added: readonly string[]): string[] {
  const result: string[] = [];
  for (const typed of [...tags, ...added]) {
    const tag = normaliseTag(typed);
    if (tag !== '' && !result.some((kept) => sameTag(kept, tag))) result.push(tag);
  }
  return result.sort(tagOrder);
}
