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
      masks[(i / wordBits) | 0]! |= 1 << i % wordBits;
    }
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
  const last = pattern.blocks - 1;
  const pv = new Int32Array(pattern.blocks);
  const mv = new Int32Array(pattern.blocks);
  // score[b] = D[bottom row of block b][current column]; exact while block b is active.
  const score = new Int32Array(pattern.blocks);
  const rows = new Int32Array(pattern.blocks).fill(wordBits);
  rows[last] = m - last * wordBits;
  const bottomBit = new Int32Array(pattern.blocks).fill(1 << (wordBits - 1));
  bottomBit[last] = pattern.lastRowBit;

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
    const masks = pattern.masksOf(text.charCodeAt(j));
    let carry = topDelta;
    let previousBottom = score[y]!;
    for (let b = 0; b <= y; b++) {
      carry = advance(pv, mv, b, masks[b]!, carry, bottomBit[b]!);
      score[b]! += carry;
    }
    // Activate the next block when a cell of its first row can be <= maxErrors: reached from the bottom of block y
    // diagonally (previous column) or vertically (this column). Its unknown previous column is assumed to be all
    // +1 steps: an over-estimate of cells that were all > maxErrors, which leaves every cell <= maxErrors exact.
    while (y < last && (previousBottom <= maxErrors || score[y]! <= maxErrors)) {
      y++;
      previousBottom += rows[y]!;
      pv[y] = -1;
      mv[y] = 0;
      carry = advance(pv, mv, y, masks[y]!, carry, bottomBit[y]!);
      score[y] = previousBottom + carry;
    }
    // Deactivate blocks whose every cell is > maxErrors (a block's cells are within 31 of its bottom cell).
    while (y > 0 && score[y]! >= maxErrors + wordBits) y--;
    if (y === last && score[last]! <= maxErrors) visit(backward ? j : j + 1, score[last]!);
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
