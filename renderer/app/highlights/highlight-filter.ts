import type { Annotation, HighlightColor } from '../../../common/model.ts';
import { sameTag } from './tag-text.ts';

/** What a list of highlights is narrowed to: any of some colours (none chosen: every colour), and one tag or any. */
export interface HighlightListFilter {
  readonly colors: readonly HighlightColor[];
  readonly tag: string | null;
}

/** Every highlight. */
export const noFilter: HighlightListFilter = { colors: [], tag: null };

/** Whether the filter narrows the list at all. */
export function isFiltering(filter: HighlightListFilter): boolean {
  return filter.colors.length > 0 || filter.tag !== null;
}

/** Whether a highlight passes the filter: one of its colours, carrying its tag (in any case). */
export function passes(annotation: Annotation, filter: HighlightListFilter): boolean {
  if (filter.colors.length > 0 && !filter.colors.includes(annotation.color)) return false;
  const { tag } = filter;
  return tag === null || annotation.tags.some((own) => sameTag(own, tag));
}

/** The filter with `color` chosen if it was not, dropped if it was. */
export function toggleColor(filter: HighlightListFilter, color: HighlightColor): HighlightListFilter {
  const colors = filter.colors.includes(color)
    ? filter.colors.filter((chosen) => chosen !== color)
    : [...filter.colors, color];
  return { ...filter, colors };
}
