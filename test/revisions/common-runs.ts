/**
 * Text a base and pieces of a target have in common: every maximal common substring of at least `minimum`
 * characters (cannot be made longer at either end). revision-doc.ts weighs them as evidence of where target text
 * came from.
 */

/** A piece of text: where it starts in its own version, and its text. */
export interface Piece {
  readonly start: number;
  readonly text: string;
}

/** `length` characters at base offset `from` are at target offset `to`. */
export interface CommonRun {
  readonly from: number;
  readonly to: number;
  readonly length: number;
}

/** The target pieces end to end, with each character's offset in the target and the piece it belongs to. */
interface Pieces {
  readonly text: string;
  readonly offset: Int32Array;
  readonly piece: Int32Array;
}

function joined(pieces: readonly Piece[]): Pieces {
  const length = pieces.reduce((n, p) => n + p.text.length, 0);
  const offset = new Int32Array(length);
  const piece = new Int32Array(length);
  let at = 0;
  pieces.forEach((p, index) => {
    for (let k = 0; k < p.text.length; k++) {
      offset[at + k] = p.start + k;
      piece[at + k] = index;
    }
    at += p.text.length;
  });
  return { text: pieces.map((p) => p.text).join(''), offset, piece };
}

/** Whether target[a] and target[b] exist and are in the same piece (a common run never spans two pieces). */
function samePiece(target: Pieces, a: number, b: number): boolean {
  return a >= 0 && b >= 0 && a < target.text.length && b < target.text.length && target.piece[a] === target.piece[b];
}

/**
 * Every maximal common substring of at least `minimum` characters between `base` and the target pieces. The base is
 * indexed by its `gram`-character substrings at every `step`-th offset only (gram + step - 1 = minimum, so any common
 * run of `minimum` characters holds one of them whole): an 80 KB base costs a few thousand index entries. Each target
 * position is looked up; a hit is extended both ways, unless it lies inside a run already found on its diagonal.
 */
export function maximalCommonRuns(base: string, targetPieces: readonly Piece[], minimum: number): CommonRun[] {
  const target = joined(targetPieces);
  const gram = Math.ceil(minimum / 2);
  const step = minimum - gram + 1;
  const samples = new Map<string, number[]>();
  for (let s = 0; s + gram <= base.length; s += step) {
    const key = base.slice(s, s + gram);
    const list = samples.get(key);
    if (list) list.push(s);
    else samples.set(key, [s]);
  }
  const runs: CommonRun[] = [];
  // Per diagonal (target position - base offset): where the last run found on it ends in the target.
  const foundUpTo = new Map<number, number>();
  for (let t = 0; t + gram <= target.text.length; t++) {
    if (!samePiece(target, t, t + gram - 1)) continue;
    const hits = samples.get(target.text.slice(t, t + gram));
    if (!hits) continue;
    for (const s of hits) {
      const diagonal = t - s;
      if ((foundUpTo.get(diagonal) ?? -1) > t) continue;
      let left = 0;
      while (s - left > 0 && samePiece(target, t - left - 1, t) && base[s - left - 1] === target.text[t - left - 1])
        left++;
      let right = gram;
      while (s + right < base.length && samePiece(target, t, t + right) && base[s + right] === target.text[t + right])
        right++;
      foundUpTo.set(diagonal, t + right);
      if (left + right >= minimum) {
        runs.push({ from: s - left, to: target.offset[t - left]!, length: left + right });
      }
    }
  }
  return runs;
}
