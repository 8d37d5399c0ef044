import { anchorAllText, anchorText, describeText, TextContext } from '../../common/anchoring/text-anchor.ts';
import type { AnchorPath } from './corpus.ts';

const describeAll: AnchorPath['describeAll'] = (text, spans) => spans.map((s) => describeText(text, s.start, s.end));

/**
 * The pure text path the app re-anchors with: describeText on the original, every highlight of the edited text at
 * once with anchorAllText (what anchorAll does under the DOM on every open, and the main process on re-import).
 */
export const batchTextPath: AnchorPath = {
  describeAll,
  anchorAll: (text, selectors) => anchorAllText(text, selectors),
};

/**
 * The single-highlight text path: anchorText per highlight (the app places only a brand-new selection this way), all
 * on one text context (folded once), as a caller placing several highlights on one text does.
 */
export const singleTextPath: AnchorPath = {
  describeAll,
  anchorAll: (text, selectors) => {
    const context = new TextContext(text);
    return selectors.map((s) => anchorText(text, s, context));
  },
};
