/** What the library benches share: printing a figure as a BENCH line, and the order statistics they report. */

/** Prints `BENCH <name> <value> <unit>`: counts and bytes whole, other figures with 2 decimals under 10, else 1. */
export function printFigure(name: string, value: number, unit: string): void {
  const shown = unit === 'count' || unit === 'bytes' ? String(Math.round(value)) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`BENCH ${name} ${shown} ${unit}`);
}

/** The value at percentile `p` (0–100) of `values`: the sorted element at that rank, no interpolation. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The median: the upper middle value for an even count. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
