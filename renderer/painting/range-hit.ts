import { liveRange } from '../anchoring/index.ts';

/** A document with the caret hit tests: the standard `caretPositionFromPoint` and the older WebKit `caretRangeFromPoint`. */
type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The one-character range of text under a viewport point, or undefined when the point is not over text. */
export function characterAtPoint(doc: Document, x: number, y: number): Range | undefined {
  const caretDoc = doc as CaretDocument;
  let node: Node | undefined;
  let offset = 0;
  const position = caretDoc.caretPositionFromPoint?.(x, y);
  if (position) {
    node = position.offsetNode;
    offset = position.offset;
  } else {
    const caret = caretDoc.caretRangeFromPoint?.(x, y);
    if (caret) {
      node = caret.startContainer;
      offset = caret.startOffset;
    }
  }
  if (!(node instanceof Text)) return undefined;
  // The caret sits between characters, on whichever side of the middle of the glyph the point is: check both.
  for (const start of [offset, offset - 1]) {
    if (start < 0 || start >= node.length) continue;
    const character = doc.createRange();
    character.setStart(node, start);
    character.setEnd(node, start + 1);
    for (const rect of character.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return character;
    }
  }
  return undefined;
}

/** Whether `range` contains the whole of `inner`, comparing boundary points in the document. */
export function covers(range: AbstractRange, inner: Range): boolean {
  const live = liveRange(range);
  if (!live) return false;
  return (
    live.compareBoundaryPoints(Range.START_TO_START, inner) <= 0 &&
    live.compareBoundaryPoints(Range.END_TO_END, inner) >= 0
  );
}

/** How many characters of text a range spans (Infinity for a range the DOM has since invalidated). */
export function rangeLength(range: AbstractRange): number {
  const live = liveRange(range);
  return live ? live.toString().length : Infinity;
}
