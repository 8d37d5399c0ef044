/**
 * Boundary refinement for approximate matches. Pure (no DOM).
 *
 * A bit-parallel search finds where an approximate occurrence of a quote *ends* and with how many errors, but not
 * where the highlighted words begin and end inside it: when a word was inserted into the quote, the span of the
 * quote's own length with the fewest errors swaps neighbouring text in for the quote's first words ("nce again
 * export deal" for "the grain export deal" after "once again " was inserted). The stored context knows better:
 * aligning prefix + quote (or quote + suffix) against the text around an edge, with a textbook edit-distance table
 * and its traceback, shows which text character the quote's first (last) character corresponds to.
 *
 * Each edge is aligned on its own with at most `edgeLength` characters of the quote (thresholds.ts), so the table
 * stays small whatever the quote's length.
 */

const diagonal = 0;
const up = 1; // a pattern character with no text character
const left = 2; // a text character with no pattern character

/**
 * Semi-global alignment of `pattern` (all of it) against some span of text[lo, hi) (free text on both sides), then
 * the text offset at which pattern row `row` is crossed on the optimal path: with `side` = 'start', the boundary
 * before pattern[row] (text inserted just before it stays outside); with 'end', the boundary after pattern[row - 1]
 * (text inserted just after it stays outside). Ties prefer matching characters, then the pattern's own order.
 */
export function alignedBoundary(
  text: string,
  lo: number,
  hi: number,
  pattern: string,
  row: number,
  side: 'start' | 'end',
): number {
  const rows = pattern.length;
  const cols = hi - lo;
  const width = cols + 1;
  const moves = new Uint8Array((rows + 1) * width);
  let previous = new Int32Array(width); // row 0: free start anywhere in the text
  let current = new Int32Array(width);
  for (let j = 0; j <= cols; j++) moves[j] = left;
  for (let i = 1; i <= rows; i++) {
    const p = pattern.charCodeAt(i - 1);
    current[0] = i;
    moves[i * width] = up;
    for (let j = 1; j <= cols; j++) {
      const diag = previous[j - 1]! + (text.charCodeAt(lo + j - 1) === p ? 0 : 1);
      const vertical = previous[j]! + 1;
      const horizontal = current[j - 1]! + 1;
      let best = diag;
      let move = diagonal;
      if (vertical < best) {
        best = vertical;
        move = up;
      }
      if (horizontal < best) {
        best = horizontal;
        move = left;
      }
      current[j] = best;
      moves[i * width + j] = move;
    }
    [previous, current] = [current, previous];
  }
  // Free text end: the cheapest column of the last row (the leftmost among equals).
  let j = 0;
  for (let c = 1; c <= cols; c++) if (previous[c]! < previous[j]!) j = c;
  let i = rows;
  let boundary = side === 'end' && row === rows ? j : -1;
  while (i > 0 || j > 0) {
    const move = i === 0 ? left : j === 0 ? up : moves[i * width + j]!;
    if (move === left) {
      j--;
    } else {
      if (move === diagonal) j--;
      i--;
      // 'start': the first time the path reaches `row` (walking back), so text inserted before pattern[row] is outside.
      if (side === 'start' && i === row && boundary === -1) boundary = j;
    }
    // 'end': the last column on row `row` (walking back), so text inserted after pattern[row - 1] is outside.
    if (side === 'end' && i === row) boundary = j;
  }
  if (boundary === -1) boundary = side === 'start' ? 0 : j;
  return lo + boundary;
}
