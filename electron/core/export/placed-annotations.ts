import {
  type Annotation,
  positionSelectorOf,
  quoteSelectorOf,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../common/model.ts';
import { codePointOffsets, splitsSurrogatePair } from './code-points.ts';
import type { ExportedArticle } from './types.ts';

/** Where a highlight is in its article's text: UTF-16 offsets (as stored) and code point offsets (as exported). */
interface Place {
  start: number;
  end: number;
  codePointStart: number;
  codePointEnd: number;
}

/** A highlight as every export presents it: its quote, and its place when its stored selectors fit the text. */
export interface PlacedAnnotation {
  annotation: Annotation;
  quote: TextQuoteSelector;
  /** Undefined for an orphan: its stored position is missing or no longer holds its quote. */
  place: Place | undefined;
}

/**
 * An article's highlights in document order: by where they start (then where they end, then when they were made,
 * so the order is the same on every export), with the orphans last, oldest first. An orphan is exported all the
 * same, from its stored quote: it is the user's, even if the text it was made on has changed.
 */
export function inDocumentOrder(entry: ExportedArticle): PlacedAnnotation[] {
  const { content } = entry.article;
  const fitting = entry.annotations.map((annotation) => fittingPosition(content, annotation.selectors));
  const offsets = fitting.flatMap((position) => (position ? [position.start, position.end] : []));
  const codePoints = codePointOffsets(content, offsets);
  let next = 0;
  const placed = entry.annotations.map((annotation, index): PlacedAnnotation => {
    const position = fitting[index];
    const quote = quoteSelectorOf(annotation.selectors);
    if (!position) return { annotation, quote, place: undefined };
    const place = {
      start: position.start,
      end: position.end,
      codePointStart: codePoints[next]!,
      codePointEnd: codePoints[next + 1]!,
    };
    next += 2;
    return { annotation, quote, place };
  });
  return placed.sort(byDocumentOrder);
}

/**
 * The stored position, when it still holds the stored quote in `content`: inside the text, between characters (not
 * between the halves of an emoji), and the text there is the quote. Anything else would export a wrong position.
 */
function fittingPosition(content: string, selectors: Annotation['selectors']): TextPositionSelector | undefined {
  const position = positionSelectorOf(selectors);
  if (!position) return undefined;
  const { start, end } = position;
  const inside =
    Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= content.length;
  if (!inside || splitsSurrogatePair(content, start) || splitsSurrogatePair(content, end)) return undefined;
  return content.slice(start, end) === quoteSelectorOf(selectors).exact ? position : undefined;
}

function byDocumentOrder(a: PlacedAnnotation, b: PlacedAnnotation): number {
  if (a.place && b.place) {
    const byPlace = a.place.start - b.place.start || a.place.end - b.place.end;
    if (byPlace !== 0) return byPlace;
  } else if (a.place || b.place) {
    return a.place ? -1 : 1;
  }
  return compareText(a.annotation.createdAt, b.annotation.createdAt) || compareText(a.annotation.id, b.annotation.id);
}

/** Plain code unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
