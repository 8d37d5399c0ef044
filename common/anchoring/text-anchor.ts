/**
 * The anchoring engine's public surface: describing a passage of plain text as selectors and finding it again.
 * Pure (no DOM, no Node): the renderer uses it through renderer/anchoring/dom-text.ts and the main process directly,
 * to re-anchor highlights when an article is re-imported. The design, the stages and passes in order and the
 * glossary of the engine's terms (landmark, window, arrived, framed, claims, …) are in docs/anchoring.md; the
 * tuned numbers, each with its reason, in thresholds.ts.
 */
export { anchorAllText } from './anchor-batch.ts';
export { anchorText } from './anchor-one.ts';
export type { AnchorResult } from './anchor-result.ts';
export { describeText } from './describe-text.ts';
export { TextContext, TextContexts } from './text-context.ts';
export { minimumFuzzyScore } from './thresholds.ts';
