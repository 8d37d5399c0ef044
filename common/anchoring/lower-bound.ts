/**
 * The binary searches of the app (the anchoring engine, the DOM text index, the painter's viewport window): every
 * one of them is one of these two.
 */

/** The first index in sorted `values` whose value is >= `key`. */
export function lowerBound(values: Float64Array, key: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index in [0, `count`) at which `before` is false, for a `before` that is true up to some index and false
 * from there on (`count` when it is true everywhere). `lowerBound` over values that are not a typed array.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
