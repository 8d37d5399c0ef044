/**
 * Describing and anchoring on plain text. Pure (no DOM): the renderer uses it through dom-text.ts and the main
 * process uses it directly to re-anchor highlights when an article is re-imported.
 *
 * The promise: never put a highlight on the wrong text, and lose as few as possible. Anchoring goes from cheap and
 * certain to expensive and unsure, and says which it was. A highlight has *expected* positions: its stored start
 * and, in a batch (`anchorAllText`), where its neighbours' shifts say its text went.
 * 1. In place: the quote verbatim at the stored position (a batch also tries its estimates) with its context agreeing
 *    on at least one side (the whole affix, or the 8 characters next to the quote) → `exact` (`moved` at an
 *    estimate). An edit right next to a highlight changes one side only. O(quote length).
 * 2. The quote verbatim with both affixes intact, nearest to the stored position among such → `moved`. Found by an
 *    indexOf search widening in bands around the stored position; O(quote) for text that only shifted.
 * 3. On the folded text (fold.ts: runs of whitespace are one space, curly quote marks straight, dashes "-"), so
 *    re-spacing or re-typesetting is no edit at all:
 *    a. the folded quote verbatim with both folded affixes intact, nearest → `moved` when its own characters are
 *       still the stored quote's, else `fuzzy` (score ≈ 1): the change is whitespace or typography, never hidden;
 *    b. the frame: both affixes intact near an expected position with the quote's text between them edited (see
 *       `framed`). Copies far away are then out of the running: the highlight's place is known;
 *    c. candidates: every verbatim occurrence, and approximate ones (bit-parallel, ≤ 1 error in 5) near an expected
 *       position; only when none of those is acceptable, approximate ones anywhere (≤ 1 error in 10). Approximate
 *       ones get their boundaries from aligning the stored context with the text (align.ts), and are scored
 *       (`minimumFuzzyScore`). Whether a candidate is acceptable depends on where it is (`acceptable`): near an
 *       expected position one side of context must be intact, far away the evidence must be stronger. The best
 *       acceptable one wins: near before far, then score with a small discount for distance (`better`). It never
 *       short-circuits on a verbatim occurrence with partial context: a near-perfect edited copy at the stored
 *       position beats a verbatim twin elsewhere. When none is acceptable, the frame (if any) places it → `fuzzy`.
 * 4. Otherwise `orphan`: shown to the user as unplaced, never dropped.
 *
 * What a single highlight cannot tell apart (`anchorText`): a passage whose quote and 32 characters of context on
 * both sides (or on one side, the other replaced) occur word for word elsewhere, far from where it was. That is what
 * a moved paragraph looks like, and also what a deleted one looks like when the article repeats it (a planted
 * near-duplicate, a boilerplate sentence) with a difference outside the stored context. `anchorText` follows the
 * text there: only position could tell, and one stored position says little after edits elsewhere shifted
 * everything. The batch (`anchorAllText`, what the app uses on every open and re-import) knows where the text went
 * from the highlights around it, and holds candidates to that:
 * - the *window*: text keeps its order, so a highlight's text now starts between where the nearest in-order
 *   landmarks before and after its stored position went (highlights found with all of their context, in the
 *   longest run whose order is unchanged; a landmark's intact context narrows it further). Inside the window (and
 *   near an estimate, or anywhere in a window of at most `narrowWindow`) the rules above for "near" apply. The
 *   stored position counts as expected only when it lies in the window: a stale one does not pull candidates to it.
 * - outside the window only text that *arrived* there is the highlight's (`Guide.arrived`): the quote verbatim, with
 *   both sides of context intact, or as a moved paragraph (the whole paragraph, or one side intact and the other
 *   agreeing up to the paragraph break the move cut), in a paragraph that holds no in-order landmark, where every
 *   other highlight stored at the same shift is found word for word, and that either such a highlight corroborates
 *   or the gap between the landmarks around it grew (or the one around the stored position shrank) by at least
 *   `arrivedShare` of the paragraph. Else orphan. Landmarks out of order found by stage 2 (the nearest copy with
 *   context, maybe a twin) are held to the same: their copy inside the window if there is one, else arrived, else
 *   searched again.
 * - *claims*: text that pass 1 placed word for word belongs to that highlight at that shift; a candidate on it at
 *   another shift is other text. A highlight found in place with one side of context only and one found where its
 *   neighbours say (pass 2, in place at an estimate), on the same text at different shifts: the one with less
 *   verbatim evidence (quote plus agreeing context) is searched again (a deleted sentence's first words left in
 *   place by the next sentence, which begins alike).
 */
export { anchorAllText } from './anchor-batch.ts';
export { anchorText } from './anchor-one.ts';
export type { AnchorResult, AnchorStatus } from './anchor-result.ts';
export { describeText } from './describe-text.ts';
export { scoreMatch } from './score.ts';
export { TextContext } from './text-context.ts';
export { minimumFuzzyScore, minimumQuoteSimilarity, scoreWeights } from './thresholds.ts';
