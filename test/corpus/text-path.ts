import { anchorText, describeText } from '../../renderer/anchoring/text-anchor.ts';
import type { AnchorPath } from './corpus.ts';

/** The pure text anchoring path: describeText on the original, anchorText on the edited text. */
export const textPath: AnchorPath = {
  describeAll: (text, spans) => spans.map((s) => describeText(text, s.start, s.end)),
  anchorAll: (text, selectors) => selectors.map((s) => anchorText(text, s)),
};
