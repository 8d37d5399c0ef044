import type { Finding } from './run-revisions.ts';

/**
 * A wrong anchor or a miss as text to study: the pair, the quote in its base context, where the anchor put it and
 * where the truth says its text is now, each in its target context.
 */

/** Characters of context shown either side. */
const contextWidth = 40;
/** Longer spans are shown by their two ends. */
const longestShown = 240;

function shown(text: string): string {
  if (text.length <= longestShown) return JSON.stringify(text);
  const half = longestShown / 2;
  return `${JSON.stringify(text.slice(0, half))} … ${JSON.stringify(text.slice(-half))}`;
}

/** text[start, end) in brackets, with its context: "…before" [span] "after…". */
function inContext(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - contextWidth), start);
  const after = text.slice(end, end + contextWidth);
  return `${JSON.stringify(before)} [${shown(text.slice(start, end))}] ${JSON.stringify(after)}`;
}

/** What the verdict says, in a few words. */
function verdictOf(f: Finding): string {
  const v = f.verdict;
  if (v.outcome === 'wrong') return `wrong, ${v.why}`;
  if (v.outcome === 'orphan') return `orphan, text ${v.state}`;
  return v.outcome;
}

/** Several lines: the finding, its quote in the base, the anchor and the truth in the target. */
export function formatFinding(f: Finding): string {
  const { placement, truth } = f;
  const status = placement.status.score === undefined ? '' : ` ${placement.status.score.toFixed(2)}`;
  const lines = [
    `${f.pair.id} (d${f.pair.distance}) #${f.highlight} ${f.shape}: ${verdictOf(f)}`,
    `  quote   base [${f.span.start}, ${f.span.end}) ${inContext(f.base, f.span.start, f.span.end)}`,
    placement.start === undefined || placement.end === undefined
      ? '  placed  orphan'
      : `  placed  [${placement.start}, ${placement.end}) ${placement.status.kind}${status} ` +
        inContext(f.target, placement.start, placement.end),
    `  truth   ${truth.state}, ${(100 * truth.kept).toFixed(0)}% kept in one piece`,
    ...truth.candidates.map(
      (c) => `          [${c.start}, ${c.end}) ${c.positions.length} chars ${inContext(f.target, c.start, c.end)}`,
    ),
  ];
  return lines.join('\n');
}
