import DiffMatchPatch from 'diff-match-patch';

/**
 * A character-level diff of two versions of a document, fast enough for 80 KB pages rewritten over years: lines
 * first, then characters inside each changed block of lines, as diff-match-patch's own line mode does (its
 * `diff_lineMode_`). Deterministic: no timeout, so every run gives the same diff on every machine.
 *
 * Where it differs from `diff_main(base, target, true)`: dmp's line mode merges the line-level diff with a semantic
 * clean-up before it re-diffs, which joins every changed block with the short equal lines between them (blank
 * lines, code fences) into one block; character-diffing that block without a timeout took 117 s over the corpus's
 * 600 pairs (8.7 s for one distance-30 pair). Re-diffing each changed block where the line diff left it takes
 * 3.5 s and keeps the equal lines that separate the blocks; one semantic clean-up of the final character diff then
 * drops the coincidental short matches (a shared "the" inside a reworded sentence), so those are not taken for
 * surviving text.
 */

/** One step of the diff: text deleted from the base, inserted into the target, or equal in both. */
export type DiffStep = readonly [op: -1 | 0 | 1, text: string];

export const deleted = -1;
export const inserted = 1;
const equal = 0;

/** The base → target diff, every base and target character in exactly one step, in order. */
export function characterDiff(base: string, target: string): DiffStep[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(base, target);
  const lines = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(lines, lineArray);
  const steps: DiffMatchPatch.Diff[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed && added) steps.push(...dmp.diff_main(removed, added, false));
    else if (removed) steps.push([deleted, removed]);
    else if (added) steps.push([inserted, added]);
    removed = '';
    added = '';
  };
  for (const [op, text] of lines) {
    if (op === deleted) removed += text;
    else if (op === inserted) added += text;
    else {
      flush();
      steps.push([equal, text]);
    }
  }
  flush();
  dmp.diff_cleanupSemantic(steps);
  return steps.map(([op, text]) => [op as DiffStep[0], text] as const);
}
