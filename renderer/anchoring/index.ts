/**
 * Public surface of the anchoring layer (see README "How anchoring works").
 *
 * Offsets are UTF-16 code units into the *anchor text*: the concatenated text nodes under the article root, which
 * for a plain-text article equals `article.content` exactly (paragraphs separated by "\n\n" text nodes).
 *
 * - `text-anchor.ts` is pure (no DOM): the main process uses it too, to re-anchor on re-import.
 * - `dom-text.ts` maps between DOM positions and anchor-text offsets, and holds the few DOM range helpers the
 *   renderer shares (`liveRange`).
 * - `code-points.ts` converts positions to and from Unicode code points for W3C export (pure).
 */
export { fromCodePointOffsets, toCodePointOffsets } from '../../common/anchoring/code-points.ts';
export type { AnchorResult } from '../../common/anchoring/text-anchor.ts';
export {
  anchorAllText,
  anchorText,
  describeText,
  minimumFuzzyScore,
  TextContexts,
} from '../../common/anchoring/text-anchor.ts';
export { anchor, anchorAll, describe, liveRange, TextIndex } from './dom-text.ts';
