/**
 * Bit-parallel approximate string matching (Myers 1999, in the blocked form of Hyyrö 2003), written for the
 * anchoring layer. Pure: no DOM, so the main process can use it too.
 *
 * The edit distance matrix D[i][j] (pattern prefix of length i against text up to column j) is never stored:
 * each column is kept as two 32-bit words of vertical deltas (+1 / -1) per 32-row block of the pattern, and
 * advancing one text character costs a handful of word operations per block. Patterns longer than 32 code units
 * use several blocks; with Ukkonen's cut-off only the blocks that can still hold a cell <= maxErrors are computed,
 * so a search costs about O(n * (maxErrors / 32 + 1)) word operations.
 *
 * Offsets and characters are UTF-16 code units, like every offset in the anchoring layer.
 */

const wordBits = 32;

/** A pattern prepared for bit-parallel matching: for each character, a bit per pattern position where it occurs. */
export class BitPattern {
  /** The pattern's length in UTF-16 code units. */
  readonly length: number;
  /** How many 32-row blocks the pattern spans. */
  readonly blocks: number;
  /** The bit of the pattern's last row inside its (last) block. */
  readonly lastRowBit: number;
  private readonly asciiMasks: Int32Array[];
  private readonly otherMasks = new Map<number, Int32Array>();
  private readonly noMatch: Int32Array;
  /** asciiTable[code * blocks + b]: the masks of every ASCII character in one flat array (the scan's hot path). */
  readonly asciiTable: Int32Array;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.max(1, Math.ceil(pattern.length / wordBits));
    this.lastRowBit = pattern.length === 0 ? 0 : 1 << ((pattern.length - 1) % wordBits);
    this.noMatch = new Int32Array(this.blocks);
    this.asciiMasks = new Array<Int32Array>(128).fill(this.noMatch);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let masks = code < 128 ? this.asciiMasks[code] : this.otherMasks.get(code);
      if (masks === undefined || masks === this.noMatch) {
        masks = new Int32Array(this.blocks);
        if (code < 128) this.asciiMasks[code] = masks;
        else this.otherMasks.set(code, masks);
      }
      masks[(i / wordBits) | 0]! |= 1 << (i % wordBits);
    }
    this.asciiTable = new Int32Array(128 * this.blocks);
    for (let code = 0; code < 128; code++) this.asciiTable.set(this.asciiMasks[code]!, code * this.blocks);
  }

  /** The per-block match masks of one text character (all zero when the pattern does not contain it). */
  masksOf(code: number): Int32Array {
    return (code < 128 ? this.asciiMasks[code] : this.otherMasks.get(code)) ?? this.noMatch;
  }
}

/**
 * Which way to walk the text and how the pattern is tied to it.
 * - `from`, `to`: the text span to walk. Forward walks from..to-1; backward walks from-1 down to `to`
 *   (so `to <= from`), matching a reversed pattern against the text read right to left.
 * - `anchored`: when true, the match must start exactly at `from` (D[0][j] = j, for measuring how well text
 *   next to a fixed point fits); when false it may start anywhere (D[0][j] = 0, plain search).
 */
export interface ScanOptions {
  from: number;
  to: number;
  backward?: boolean;
  anchored?: boolean;
  maxErrors: number;
}

/**
 * Walks the text one character at a time and calls `visit(boundary, errors)` for every text boundary at which the
 * whole pattern matches with `errors <= maxErrors` (the boundary is the match end when walking forward, the match
 * start when walking backward). `errors` is exact there; boundaries with more errors are skipped.
 * For a backward walk, pass a BitPattern of the reversed pattern.
 */
export function scan(
  pattern: BitPattern,
  text: string,
  options: ScanOptions,
  visit: (boundary: number, errors: number) => void,
): void {
  const { from, to, maxErrors } = options;
  const backward = options.backward === true;
  const topDelta = options.anchored === true ? 1 : 0;
  const m = pattern.length;
  if (m === 0) return;
  if (pattern.blocks === 1) {
    scanOneBlock(pattern, text, from, to, backward, topDelta, maxErrors, visit);
    return;
  }
  const blocks = pattern.blocks;
  const last = blocks - 1;
  const pv = new Int32Array(blocks);
  const mv = new Int32Array(blocks);
  // score[b] = D[bottom row of block b][current column]; exact while block b is active.
  const score = new Int32Array(blocks);
  const rows = new Int32Array(blocks).fill(wordBits);
  rows[last] = m - last * wordBits;
  const bottomBit = new Int32Array(blocks).fill(1 << (wordBits - 1));
  bottomBit[last] = pattern.lastRowBit;
  const ascii = pattern.asciiTable;

  // Column 0 (no text read): D[i][0] = i, so block b is live while its first row (b*32 + 1) can be <= maxErrors.
  let y = Math.min(last, Math.max(0, Math.floor((maxErrors - 1) / wordBits)));
  for (let b = 0; b <= y; b++) {
    pv[b] = -1;
    mv[b] = 0;
    score[b] = b * wordBits + rows[b]!;
  }
  if (maxErrors >= m && last === y) visit(from, m);

  const step = backward ? -1 : 1;
  const first = backward ? from - 1 : from;
  const count = backward ? from - to : to - from;
  for (let n = 0, j = first; n < count; n++, j += step) {
    const code = text.charCodeAt(j);
    // ASCII masks come from the flat table; others (rare in most articles) from the pattern's map.
    const other = code < 128 ? undefined : pattern.masksOf(code);
    const base = code * blocks;
    let carry = topDelta;
    let previousBottom = score[y]!;
    for (let b = 0; b <= y; b++) {
      // advance(), inlined: this loop is where a whole-text search spends its time.
      const eqBlock = other === undefined ? ascii[base + b]! : other[b]!;
      const pVert = pv[b]!;
      const mVert = mv[b]!;
      const eq = carry < 0 ? eqBlock | 1 : eqBlock;
      const xv = eq | mVert;
      const xh = (((eq & pVert) + pVert) ^ pVert) | eq;
      const ph = mVert | ~(xh | pVert);
      const mh = pVert & xh;
      const bit = bottomBit[b]!;
      const hOut = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
      const phIn = (ph << 1) | (carry > 0 ? 1 : 0);
      pv[b] = (mh << 1) | (carry < 0 ? 1 : 0) | ~(xv | phIn);
      mv[b] = phIn & xv;
      score[b] = score[b]! + hOut;
      carry = hOut;
    }
    // Activate the next block when a cell of its first row can be <= maxErrors: reached from the bottom of block y
    // diagonally (previous column) or vertically (this column). Its unknown previous column is assumed to be all
    // +1 steps: an over-estimate of cells that were all > maxErrors, which leaves every cell <= maxErrors exact.
    while (y < last && (previousBottom <= maxErrors || score[y]! <= maxErrors)) {
      y++;
      previousBottom += rows[y]!;
      pv[y] = -1;
      mv[y] = 0;
      carry = advance(pv, mv, y, other === undefined ? ascii[base + y]! : other[y]!, carry, bottomBit[y]!);
      score[y] = previousBottom + carry;
    }
    // Deactivate blocks whose every cell is > maxErrors (a block's cells are within 31 of its bottom cell).
    while (y > 0 && score[y]! >= maxErrors + wordBits) y--;
    if (y === last && score[last]! <= maxErrors) visit(backward ? j : j + 1, score[last]!);
  }
}

/**
 * `scan` for a pattern of at most 32 code units (most quotes' affixes, short quotes): the whole column is one word,
 * kept in locals, and the edge row's delta enters as `topDelta` (0 or 1, never -1). The same recurrence as `advance`.
 */
function scanOneBlock(
  pattern: BitPattern,
  text: string,
  from: number,
  to: number,
  backward: boolean,
  topDelta: number,
  maxErrors: number,
  visit: (boundary: number, errors: number) => void,
): void {
  const m = pattern.length;
  const bottom = pattern.lastRowBit;
  const ascii = pattern.asciiTable;
  let pv = -1;
  let mv = 0;
  let score = m;
  if (maxErrors >= m) visit(from, m);
  const step = backward ? -1 : 1;
  const count = backward ? from - to : to - from;
  for (let n = 0, j = backward ? from - 1 : from; n < count; n++, j += step) {
    const code = text.charCodeAt(j);
    const eq = code < 128 ? ascii[code]! : pattern.masksOf(code)[0]!;
    const xv = eq | mv;
    // The addition may carry past bit 31; `^` truncates back to 32 bits, which is what the algorithm wants.
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    const mh = (pv & xh) << 1;
    if ((ph & bottom) !== 0) score++;
    else if ((pv & xh & bottom) !== 0) score--;
    ph = (ph << 1) | topDelta;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= maxErrors) visit(backward ? j : j + 1, score);
  }
}

/**
 * Advances block b by one text column. `hIn` is the horizontal delta entering the block's top row (from the block
 * above, or the matrix's row 0); returns the horizontal delta leaving its bottom row.
 */
function advance(pv: Int32Array, mv: Int32Array, b: number, eqBlock: number, hIn: number, bottomBit: number): number {
  const pVert = pv[b]!;
  const mVert = mv[b]!;
  const eq = hIn < 0 ? eqBlock | 1 : eqBlock;
  const xv = eq | mVert;
  // The addition may carry past bit 31; `^` truncates back to 32 bits, which is what the algorithm wants.
  const xh = (((eq & pVert) + pVert) ^ pVert) | eq;
  let ph = mVert | ~(xh | pVert);
  let mh = pVert & xh;
  const hOut = (ph & bottomBit) !== 0 ? 1 : (mh & bottomBit) !== 0 ? -1 : 0;
  ph = (ph << 1) | (hIn > 0 ? 1 : 0);
  mh = (mh << 1) | (hIn < 0 ? 1 : 0);
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return hOut;
}

/** A string read right to left, code unit by code unit (matches the backward walk of `scan`). */
export function reversed(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
