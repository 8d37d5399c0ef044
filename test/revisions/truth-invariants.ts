import type { RevisionTruth } from './revision-doc.ts';

/**
 * What must hold of any revision's ground truth, whatever the diff found: every run's text is the base text it says it
 * came from, runs do not overlap, the diff's equal runs keep the base's order, the base's own text (copy 0) is placed
 * once, and each copy holds each base character at most once (the scorer's TruthIndex keeps one position per copy).
 * Returns the problems found, at most `limit`; none for a sound truth.
 */
export function truthProblems(base: string, target: string, truth: RevisionTruth, limit = 10): string[] {
  const problems: string[] = [];
  const report = (problem: string): void => {
    if (problems.length < limit) problems.push(problem);
  };
  const { doc, runs } = truth;
  if (doc.text !== target) report('the Doc is not of the target text');
  if (
    doc.origin.length !== target.length ||
    doc.copy.length !== target.length ||
    doc.lookalike.length !== target.length
  )
    report('the Doc arrays are not as long as the target');
  if (doc.lookalike.some((l) => l !== -1)) report('a revision has lookalikes');
  const covered = new Uint8Array(target.length);
  const usedByCopy = new Map<number, Uint8Array>();
  let previousEnd = 0;
  let previousEqualBaseEnd = 0;
  for (const run of runs) {
    const { targetStart: t, baseStart: b, length, kind, copy } = run;
    const name = `${kind} run [${t}, ${t + length}) ← base ${b}`;
    if (length <= 0 || t < previousEnd || t + length > target.length || b < 0 || b + length > base.length) {
      report(`${name}: out of order, overlapping or out of bounds`);
      continue;
    }
    previousEnd = t + length;
    if (target.slice(t, t + length) !== base.slice(b, b + length)) report(`${name}: its text is not the base's`);
    if ((kind === 'copied') !== copy > 0) report(`${name}: copy ${copy}`);
    if (kind === 'equal') {
      if (b < previousEqualBaseEnd) report(`${name}: the diff's equal runs are out of base order`);
      previousEqualBaseEnd = b + length;
    }
    let used = usedByCopy.get(copy);
    if (!used) usedByCopy.set(copy, (used = new Uint8Array(base.length)));
    for (let k = 0; k < length; k++) {
      if (used[b + k]) report(`${name}: base offset ${b + k} twice in copy ${copy}`);
      used[b + k] = 1;
      covered[t + k] = 1;
      if (doc.origin[t + k] !== b + k || doc.copy[t + k] !== copy) report(`${name}: the Doc disagrees at ${t + k}`);
    }
  }
  for (let i = 0; i < target.length; i++) {
    if (!covered[i] && (doc.origin[i] !== -1 || doc.copy[i] !== 0)) report(`target ${i}: an origin outside any run`);
  }
  return problems;
}
