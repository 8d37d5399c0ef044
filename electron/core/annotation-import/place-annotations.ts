import { anchorAllText, describeText } from '../../../common/anchoring/text-anchor.ts';
import type { Selector } from '../../../common/model.ts';
import { utf16Offsets } from './code-units.ts';
import type { ReadAnnotation } from './types.ts';

/**
 * Where each annotation of one article sits in its text, as the selectors the app stores (the quote with the
 * context the app keeps, and the UTF-16 position), or undefined for one that cannot be placed: an orphan. One
 * batch call of the anchoring engine, as a re-import makes (electron/core/import-article.ts), so highlights found
 * where the file says tell the search where their neighbours are. A position is converted from code points to
 * UTF-16 against this text first; one past its end is left out, and the quote is looked for alone.
 */
export function placeAnnotations(text: string, annotations: readonly ReadAnnotation[]): (Selector[] | undefined)[] {
  const codePoints = annotations.flatMap(({ position }) => (position ? [position.start, position.end] : []));
  const units = utf16Offsets(text, codePoints);
  let next = 0;
  const stored = annotations.map(({ quote, position }): Selector[] => {
    if (!position) return [quote];
    const [start, end] = [units[next], units[next + 1]];
    next += 2;
    return start !== undefined && end !== undefined && end > start
      ? [quote, { type: 'TextPositionSelector', start, end }]
      : [quote];
  });
  return anchorAllText(text, stored).map((anchored) =>
    anchored.start !== undefined && anchored.end > anchored.start
      ? describeText(text, anchored.start, anchored.end)
      : undefined,
  );
}
