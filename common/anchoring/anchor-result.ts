/** How sure anchoring is about where a highlight now sits. */
type AnchorStatus = { kind: 'exact' } | { kind: 'moved' } | { kind: 'fuzzy'; score: number } | { kind: 'orphan' };

/** Where a highlight sits in the anchor text, or that it could not be placed. */
export type AnchorResult =
  | { start: number; end: number; status: Exclude<AnchorStatus, { kind: 'orphan' }> }
  | { start?: undefined; end?: undefined; status: { kind: 'orphan' } };

// Statuses carry no per-highlight data when exact or moved: share them rather than allocate one per highlight.
/** The status of every highlight found at its stored position (shared, frozen). */
export const exactStatus = Object.freeze({ kind: 'exact' as const });
/** The status of every highlight found word for word away from its stored position (shared, frozen). */
export const movedStatus = Object.freeze({ kind: 'moved' as const });

/** The result of every highlight that could not be placed (shared). */
export const orphan: AnchorResult = { status: { kind: 'orphan' } };
